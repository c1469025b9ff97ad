/**
 * Town review (镇级比对研判) and county comparison (县级比对) of a village's month:
 * the worklist with each household's status, this month beside last month and
 * the same month last year, and the county's open note; then accept, correct
 * with a reason, mark suspicious or explain (town), or mark suspicious in a
 * numbered round (county). Every action goes through the outbox.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IncomeWorklist, WorklistRow } from '#domain/income/income.api.ts';
import {
  incomeComponentLabels,
  incomeReviewSchema,
  incomeCountyFlagSchema,
  incomeStatusLabels,
  type IncomeComponents,
} from '#domain/income/income.schema.ts';
import { netIncome } from '#domain/income/income.calc.ts';
import { reviewAnomalies } from '#domain/income/income.anomaly.ts';
import { yearConfig, type YearConfig } from '#domain/config/county-config.ts';
import { addMonths, periodLabel, reportingPeriodAt } from '#domain/shared/period.ts';
import { call, type ApiIssue } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import { runtimeConfig } from '../../lib/runtime-config.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';

const keys = Object.keys(incomeComponentLabels) as (keyof IncomeComponents)[];
const yuan = (v: number | undefined | null) =>
  v == null ? '—' : v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const actionLabels = {
  accept: '审核通过',
  correct: '更正数值',
  flag: '标记疑似',
  explain: '情况说明',
} as const;
type Action = keyof typeof actionLabels;

export default function IncomeReview({ mode }: { mode: 'town' | 'county' }) {
  const defaultPeriod = useMemo(() => reportingPeriodAt(new Date()), []);
  const [period, setPeriod] = useState(defaultPeriod);
  const [village, setVillage] = useState('');
  const [data, setData] = useState<IncomeWorklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [action, setAction] = useState<Action>('accept');
  const [values, setValues] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [round, setRound] = useState('1');
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [banner, setBanner] = useState<{ kind: 'ok' | 'err' | 'warn'; text: string } | null>(null);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const [onlyAnomalies, setOnlyAnomalies] = useState(false);
  // The year's rules (the sharp-fall share) from the county configuration the site serves.
  const [yearRules, setYearRules] = useState<YearConfig | null>(null);
  useEffect(() => {
    void runtimeConfig()
      .then((c) => setYearRules(yearConfig(c.county, Number(period.slice(0, 4)))))
      .catch(() => setYearRules(null));
  }, [period]);

  const load = useCallback(async () => {
    setError(null);
    const res = await call('listHouseholds', { query: { period, village: village || undefined } });
    if (res.ok) setData(res.data);
    else setError(res.error.message);
  }, [period, village]);
  useEffect(() => {
    void load();
  }, [load]);

  const row = data?.items.find((r) => r.id === selected);
  const choose = (r: WorklistRow) => {
    setSelected(r.id);
    setAction(r.countyNote ? 'explain' : 'accept');
    setValues(Object.fromEntries(keys.map((k) => [k, String(r.current?.components[k] ?? '')])));
    setReason('');
    setIssues([]);
    setBanner(null);
    setSubmissionId(crypto.randomUUID());
    setRound(String((r.current?.countyRounds?.at(-1)?.round ?? 0) + 1));
  };
  const corrected = keys.every((k) => values[k] !== '' && Number.isFinite(Number(values[k])))
    ? (Object.fromEntries(keys.map((k) => [k, Number(values[k])])) as IncomeComponents)
    : null;
  const issue = (path: string) =>
    issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;

  const submit = async () => {
    if (!row?.current) return;
    const base = { submissionId, period, householdId: row.id, expectedVersion: row.current.version };
    const body =
      mode === 'county'
        ? { ...base, round: Number(round), note: reason }
        : {
            ...base,
            action,
            ...(reason.trim() ? { reason } : {}),
            ...(action === 'correct' && corrected ? { components: corrected } : {}),
          };
    const parsed = (mode === 'county' ? incomeCountyFlagSchema : incomeReviewSchema).safeParse(body);
    if (!parsed.success) {
      setIssues(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
      );
      return;
    }
    setIssues([]);
    const label = `${row.headName} ${periodLabel(period)}${mode === 'county' ? '县级比对' : actionLabels[action]}`;
    const res = await submitThroughOutbox({
      id: submissionId,
      route: mode === 'county' ? 'flagIncomeByCounty' : 'reviewIncome',
      body,
      label,
      form: mode === 'county' ? 'income-county-compare' : 'income-review',
    });
    if (res.state === 'saved') {
      setBanner({ kind: 'ok', text: `已保存：${label}（第 ${res.data.record.version} 版）` });
      setSelected(null);
      void load();
    } else if (res.state === 'waiting') {
      setBanner({ kind: 'warn', text: `网络不可用：${label}已保存在本机，联网后自动提交。` });
      setSelected(null);
    } else {
      setIssues(res.error.issues ?? []);
      setBanner({
        kind: res.status === 409 ? 'warn' : 'err',
        text: `${res.error.message}（${res.error.code}）`,
      });
      if (res.status === 409) void load();
    }
  };

  const periods = Array.from({ length: 3 }, (_, i) => addMonths(defaultPeriod, -i));
  const anomaliesOf = (r: WorklistRow) =>
    yearRules ? reviewAnomalies(r, yearRules) : { notes: [], statedCause: null };
  const shown = (data?.items ?? []).filter((r) => !onlyAnomalies || anomaliesOf(r).notes.length > 0);
  const anomalous = (data?.items ?? []).filter((r) => anomaliesOf(r).notes.length > 0).length;
  const counts =
    data?.items.reduce<Record<string, number>>(
      (m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }),
      {},
    ) ?? {};
  return (
    <div>
      <OutboxPanel form={mode === 'county' ? 'income-county-compare' : 'income-review'} />
      {banner && (
        <div className={`banner ${banner.kind}`} role="status">
          {banner.text}
        </div>
      )}
      <div className="row2">
        <div>
          <label htmlFor="review-period">月份</label>
          <select id="review-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabel(p)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="review-village">村/社区</label>
          <select
            id="review-village"
            value={data?.village.id ?? village}
            onChange={(e) => setVillage(e.currentTarget.value)}
          >
            {(data?.villages ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && <div className="banner err">{error}</div>}
      {!data && !error && <p className="hint">正在加载…</p>}
      {data && (
        <p className="hint">
          {data.village.name}：应录入 {data.items.length} 户，
          {(['missing', 'entered', 'reviewed', 'flagged'] as const)
            .map((s) => `${incomeStatusLabels[s]} ${counts[s] ?? 0}`)
            .join('，')}
        </p>
      )}
      {data && (
        <label>
          <input
            type="checkbox"
            checked={onlyAnomalies}
            onChange={(e) => setOnlyAnomalies(e.currentTarget.checked)}
          />
          只看异常（{anomalous} 户：大幅下降、四项收入为零）
        </label>
      )}
      <ul aria-label="工作清单" style={{ listStyle: 'none', padding: 0 }}>
        {shown.map((r) => (
          <li
            key={r.id}
            className="card"
            style={
              r.status === 'flagged' || anomaliesOf(r).notes.length
                ? { borderColor: 'var(--err)' }
                : undefined
            }
          >
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <strong>
                {r.headName} <span className="hint">{r.id}</span>
              </strong>
              <span className={`chip status-${r.status}`}>{incomeStatusLabels[r.status]}</span>
            </div>
            <div className="hint">
              本月 {yuan(r.current?.netIncome)} 元 · 上月 {yuan(r.previous?.netIncome)} · 去年同月{' '}
              {yuan(r.lastYear?.netIncome)}
            </div>
            {anomaliesOf(r).notes.map((n) => (
              <div key={n} className="error">
                ⚠ {n}
              </div>
            ))}
            {anomaliesOf(r).statedCause && (
              <div className="hint">村里说明的原因：{anomaliesOf(r).statedCause}</div>
            )}
            {r.countyNote && (
              <div className="error">
                县级第 {r.countyNote.round} 轮比对：{r.countyNote.note}
              </div>
            )}
            {r.current?.review?.reason && <div className="hint">镇审核：{r.current.review.reason}</div>}
            <div style={{ display: 'flex', gap: 12, marginTop: 8, alignItems: 'center' }}>
              {r.current && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => choose(r)}
                  aria-label={`${mode === 'county' ? '比对' : '审核'} ${r.headName}`}
                >
                  {mode === 'county' ? '比对' : '审核'}
                </button>
              )}
              {r.current && (
                <a className="secondary" href={`/income/record/?period=${period}&id=${r.id}`}>
                  修改记录
                </a>
              )}
            </div>
            {selected === r.id && row?.current && (
              <div style={{ marginTop: 8 }}>
                {mode === 'town' && (
                  <fieldset style={{ border: 0, padding: 0 }}>
                    <legend className="hint">审核结果</legend>
                    {(Object.keys(actionLabels) as Action[]).map((a) => (
                      <label
                        key={a}
                        style={{ display: 'inline-flex', gap: 6, marginRight: 12, fontWeight: 400 }}
                      >
                        <input
                          type="radio"
                          name="action"
                          style={{ width: 'auto' }}
                          checked={action === a}
                          onChange={() => setAction(a)}
                        />
                        {actionLabels[a]}
                      </label>
                    ))}
                    {issue('action') && (
                      <div className="error" role="alert">
                        {issue('action')}
                      </div>
                    )}
                  </fieldset>
                )}
                {mode === 'town' && action === 'correct' && (
                  <div>
                    {keys.map((k) => (
                      <div key={k}>
                        <label htmlFor={`fix-${k}`}>
                          {incomeComponentLabels[k]}{' '}
                          <span className="prev">原值 {yuan(row.current?.components[k])}</span>
                        </label>
                        <input
                          id={`fix-${k}`}
                          type="number"
                          inputMode="decimal"
                          step="0.01"
                          min={0}
                          value={values[k] ?? ''}
                          onChange={({ currentTarget: { value } }) =>
                            setValues((v) => ({ ...v, [k]: value }))
                          }
                          aria-invalid={issue(`components.${k}`) ? 'true' : 'false'}
                        />
                        {issue(`components.${k}`) && (
                          <div className="error" role="alert">
                            {issue(`components.${k}`)}
                          </div>
                        )}
                      </div>
                    ))}
                    <p className="hint">
                      更正后家庭纯收入：{corrected ? `${yuan(netIncome(corrected))} 元` : '—'}
                    </p>
                    {issue('components') && (
                      <div className="error" role="alert">
                        {issue('components')}
                      </div>
                    )}
                  </div>
                )}
                {mode === 'county' && (
                  <>
                    <label htmlFor="round">比对轮次</label>
                    <input
                      id="round"
                      type="number"
                      inputMode="numeric"
                      min={1}
                      value={round}
                      onChange={(e) => setRound(e.currentTarget.value)}
                    />
                    {issue('round') && (
                      <div className="error" role="alert">
                        {issue('round')}
                      </div>
                    )}
                  </>
                )}
                {(mode === 'county' || action !== 'accept') && (
                  <>
                    <label htmlFor="reason">
                      {mode === 'county'
                        ? '疑似情况'
                        : action === 'correct'
                          ? '更正原因'
                          : action === 'flag'
                            ? '疑似情况'
                            : '情况说明'}
                    </label>
                    <textarea
                      id="reason"
                      rows={2}
                      value={reason}
                      onChange={(e) => setReason(e.currentTarget.value)}
                      aria-invalid={issue(mode === 'county' ? 'note' : 'reason') ? 'true' : 'false'}
                    />
                    {issue(mode === 'county' ? 'note' : 'reason') && (
                      <div className="error" role="alert">
                        {issue(mode === 'county' ? 'note' : 'reason')}
                      </div>
                    )}
                  </>
                )}
                <button type="button" className="primary" onClick={() => void submit()}>
                  {mode === 'county' ? '标记疑似并退回镇' : '保存审核结果'}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
