/**
 * Monthly income entry (收入采集录入) for one household of the officer's village.
 * Validates with the very schema the function uses; the server stays the authority.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { yearConfig, type CountyConfig } from '#domain/config/county-config.ts';
import { netIncome, perCapitaNet, annualised } from '#domain/income/income.calc.ts';
import { requiresFallCause } from '#domain/income/income.rules.ts';
import type { WorklistRow } from '#domain/income/income.api.ts';
import {
  fallCauseKinds,
  fallCauseLabels,
  incomeComponentLabels,
  incomeEntrySchema,
  incomeStatusLabels,
  type IncomeComponents,
  type IncomeEntry,
} from '#domain/income/income.schema.ts';
import type { EntryWindowState } from '#domain/income/income.window.ts';
import { householdCategoryLabels } from '#domain/org/org.schema.ts';
import { addMonths, periodLabel, periodParts, reportingPeriodAt } from '#domain/shared/period.ts';
import { call } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import OutboxPanel from '../shell/OutboxPanel.tsx';
import StatusBanner, { type BannerState } from '../shell/StatusBanner.tsx';
import { runtimeConfig } from '../../lib/runtime-config.ts';

interface FormValues {
  period: string;
  householdId: string;
  memberCount: number;
  components: IncomeComponents;
  fallCauseKind: string;
  fallCauseNote: string;
}

const componentKeys = Object.keys(incomeComponentLabels) as (keyof IncomeComponents)[];
const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const emptyComponents = { wage: NaN, business: NaN, property: NaN, transfer: NaN, businessCost: NaN };

function toEntry(v: FormValues, submissionId: string, expectedVersion: number): IncomeEntry {
  const note = v.fallCauseNote.trim();
  return {
    submissionId,
    period: v.period,
    householdId: v.householdId,
    memberCount: v.memberCount,
    components: v.components,
    ...(v.fallCauseKind
      ? { fallCause: { kind: v.fallCauseKind as (typeof fallCauseKinds)[number], ...(note ? { note } : {}) } }
      : {}),
    expectedVersion,
  };
}

/** Puts a message at a dotted path of react-hook-form's nested error object. */
function setPath(errors: Record<string, unknown>, path: string, message: string, type: string) {
  const parts = path.split('.');
  let node = errors;
  parts.slice(0, -1).forEach((p) => {
    node[p] ??= {};
    node = node[p] as Record<string, unknown>;
  });
  node[parts[parts.length - 1]!] ??= { type, message };
}

/** Form field for a server or schema path (`fallCause.kind` lives in two flat fields here). */
const fieldOf = (path: string) =>
  path === 'fallCause.kind' || path === 'fallCause'
    ? 'fallCauseKind'
    : path === 'fallCause.note'
      ? 'fallCauseNote'
      : path;

export default function IncomeEntryForm() {
  const [county, setCounty] = useState<CountyConfig | null>(null);
  const [rows, setRows] = useState<WorklistRow[] | null>(null);
  const [villageName, setVillageName] = useState('');
  const [entryWindow, setEntryWindow] = useState<EntryWindowState | null>(null);
  const [search, setSearch] = useState('');
  const [banner, setBanner] = useState<BannerState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const defaultPeriod = useMemo(() => reportingPeriodAt(new Date()), []);

  const selected = (id: string) => rows?.find((r) => r.id === id);

  const resolver: Resolver<FormValues> = useCallback(
    async (values) => {
      const row = rows?.find((r) => r.id === values.householdId);
      const entry = toEntry(values, submissionId, row?.current?.version ?? 0);
      const errors: Record<string, unknown> = {};
      const parsed = incomeEntrySchema.safeParse(entry);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          setPath(errors, fieldOf(issue.path.map(String).join('.')), issue.message, issue.code);
        }
      } else if (county) {
        const year = yearConfig(county, periodParts(entry.period).year);
        if (requiresFallCause(entry, row?.previous?.netIncome, year) && !entry.fallCause) {
          setPath(
            errors,
            'fallCauseKind',
            `收入较上月下降超过 ${Math.round(year.sharpFallShare * 100)}%，请选择下降原因`,
            'required',
          );
        }
      }
      return Object.keys(errors).length
        ? { values: {}, errors: errors as FieldErrors<FormValues> }
        : { values, errors: {} };
    },
    [rows, submissionId, county],
  );

  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    setValue,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({
    resolver,
    defaultValues: {
      period: defaultPeriod,
      householdId: '',
      memberCount: NaN,
      components: emptyComponents,
      fallCauseKind: '',
      fallCauseNote: '',
    },
  });

  const period = useWatch({ control, name: 'period' });
  const householdId = useWatch({ control, name: 'householdId' });
  const components = useWatch({ control, name: 'components' });
  const memberCount = useWatch({ control, name: 'memberCount' });
  const fallCauseKind = useWatch({ control, name: 'fallCauseKind' });

  const load = useCallback(async (p: string) => {
    setRows(null);
    setLoadError(null);
    const res = await call('listHouseholds', { query: { period: p } });
    if (!res.ok) {
      setLoadError(res.error.message);
      return;
    }
    setVillageName(res.data.village.name);
    setEntryWindow(res.data.window);
    setRows(res.data.items);
  }, []);

  useEffect(() => {
    void runtimeConfig().then((c) => setCounty(c.county));
  }, []);
  useEffect(() => {
    if (/^\d{4}-\d{2}$/.test(period)) void load(period);
  }, [period, load]);

  // Choosing a household fills what is already known: its size, and this month's figures when entered.
  useEffect(() => {
    const row = selected(householdId);
    if (!row) return;
    setValue('memberCount', row.current?.memberCount ?? row.memberCount);
    setValue('components', row.current?.components ?? emptyComponents);
    setValue('fallCauseKind', row.current?.fallCause?.kind ?? '');
    setValue('fallCauseNote', row.current?.fallCause?.note ?? '');
  }, [householdId]);

  const row = selected(householdId);
  const live = useMemo(() => {
    const c = components;
    if (!c || componentKeys.some((k) => !Number.isFinite(c[k]) || c[k] < 0)) return null;
    const net = netIncome(c);
    const per = Number.isInteger(memberCount) && memberCount > 0 ? perCapitaNet(c, memberCount) : null;
    return { net, per };
  }, [components, memberCount]);

  const year =
    county && /^\d{4}-\d{2}$/.test(period) ? county.years[String(periodParts(period).year)] : undefined;
  const needsCause = !!year && !!live && requiresFallCause({ components }, row?.previous?.netIncome, year);

  const filtered = (rows ?? []).filter(
    (r) => !search.trim() || r.headName.includes(search.trim()) || r.id.includes(search.trim().toUpperCase()),
  );

  const onSubmit = handleSubmit(async (values) => {
    setBanner(null);
    const entry = toEntry(values, submissionId, row?.current?.version ?? 0);
    const label = `${row?.headName ?? entry.householdId} ${periodLabel(entry.period)}收入`;
    const res = await submitThroughOutbox({
      id: entry.submissionId,
      route: 'submitIncome',
      body: entry,
      label,
      form: 'income-entry',
    });
    const next = () => {
      setSubmissionId(crypto.randomUUID());
      reset({
        period: values.period,
        householdId: '',
        memberCount: NaN,
        components: emptyComponents,
        fallCauseKind: '',
        fallCauseNote: '',
      });
      setSearch('');
    };
    if (res.state === 'saved') {
      const rec = res.data.record;
      setBanner({
        kind: 'ok',
        text: `已保存：${row?.headName ?? rec.householdId} ${periodLabel(rec.period)}，家庭纯收入 ${yuan(rec.netIncome)} 元，人均 ${yuan(rec.perCapitaNet)} 元。`,
      });
      setRows((rs) => rs?.map((r) => (r.id === rec.householdId ? { ...r, current: rec } : r)) ?? rs);
      next();
      return;
    }
    if (res.state === 'waiting') {
      setBanner({
        kind: 'warn',
        text: `网络不可用：${label}已保存在本机，联网后自动提交。`,
        pendingId: entry.submissionId,
      });
      next();
      return;
    }
    for (const issue of res.error.issues ?? []) {
      setError(fieldOf(issue.path) as keyof FormValues, { type: 'server', message: issue.message });
    }
    if (res.status === 409) {
      setBanner({
        kind: 'warn',
        text: `${res.error.message}（当前版本 ${res.error.currentVersion ?? '?'}）`,
      });
      void load(values.period);
      return;
    }
    setBanner({ kind: 'err', text: `${res.error.message}（${res.error.code}）` });
  });

  const err = (path: string): string | undefined => {
    const node = path
      .split('.')
      .reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], errors);
    return (node as { message?: string } | undefined)?.message;
  };
  const fieldProps = (path: string) => ({
    'aria-invalid': err(path) ? ('true' as const) : ('false' as const),
    'aria-describedby': err(path) ? `${path}-error` : undefined,
  });
  const FieldError = ({ path }: { path: string }) =>
    err(path) ? (
      <div className="error" id={`${path}-error`} role="alert">
        {err(path)}
      </div>
    ) : null;

  const done = rows?.filter((r) => r.current).length ?? 0;
  const flagged = rows?.filter((r) => (r.status ?? r.current?.status) === 'flagged').length ?? 0;
  const periods = Array.from({ length: 3 }, (_, i) => addMonths(defaultPeriod, -i));

  return (
    <form onSubmit={onSubmit} noValidate>
      <OutboxPanel form="income-entry" />
      {/* Once a kept entry is sent, the list shows it entered. */}
      <StatusBanner banner={banner} onSent={() => void load(getValues('period'))} />
      <label htmlFor="period">月份</label>
      <select id="period" {...register('period')} {...fieldProps('period')}>
        {periods.map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </select>
      <FieldError path="period" />

      {loadError && <div className="banner err">{loadError}</div>}
      {!rows && !loadError && <p className="hint">正在加载本村农户名单…</p>}
      {rows && (
        <p className="hint">
          {villageName}：应录入 {rows.length} 户，已录入 {done} 户
          {flagged > 0 ? `，疑似待核实 ${flagged} 户` : ''}
        </p>
      )}
      {entryWindow && !entryWindow.open && (
        <div className="banner warn">
          本月收入录入已于 {entryWindow.deadline} 截止；如确需补录，请联系县乡村振兴局重新开放。
        </div>
      )}
      {entryWindow?.reopenedUntil && (
        <p className="hint">县里已为本单位重新开放录入，至 {entryWindow.reopenedUntil}。</p>
      )}

      <label htmlFor="search">
        查找农户 <span className="hint">输入户主姓名或户编号</span>
      </label>
      <input
        id="search"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        autoComplete="off"
      />

      <label htmlFor="householdId">农户</label>
      <select id="householdId" {...register('householdId')} {...fieldProps('householdId')}>
        <option value="">请选择农户（共 {filtered.length} 户）</option>
        {filtered.map((r) => (
          <option key={r.id} value={r.id}>
            {r.headName} · {r.id} · {householdCategoryLabels[r.category]}
            {r.current ? ` · ${incomeStatusLabels[r.status ?? r.current.status]}` : ''}
          </option>
        ))}
      </select>
      <FieldError path="householdId" />

      {row?.countyNote && (
        <div className="banner err">
          县级第 {row.countyNote.round} 轮比对疑似：{row.countyNote.note}
        </div>
      )}
      {row?.current && (
        <div className="banner warn">
          本月已录入（第 {row.current.version} 版），提交将更新该记录，原记录保留在历史中。
        </div>
      )}

      <label htmlFor="memberCount">家庭人口数（人）</label>
      <input
        id="memberCount"
        type="number"
        inputMode="numeric"
        min={1}
        max={30}
        step={1}
        {...register('memberCount', { valueAsNumber: true })}
        {...fieldProps('memberCount')}
      />
      <FieldError path="memberCount" />

      <h2>收入构成（元，本月）</h2>
      {componentKeys.map((k) => (
        <div key={k}>
          <label htmlFor={`components.${k}`}>
            {incomeComponentLabels[k]}{' '}
            {row?.previous && <span className="prev">上月 {yuan(row.previous.components[k])}</span>}
            {row?.lastYear && <span className="prev"> · 去年同月 {yuan(row.lastYear.components[k])}</span>}
          </label>
          <input
            id={`components.${k}`}
            type="number"
            inputMode="decimal"
            min={0}
            step="0.01"
            {...register(`components.${k}`, { valueAsNumber: true })}
            {...fieldProps(`components.${k}`)}
          />
          <FieldError path={`components.${k}`} />
        </div>
      ))}

      <div className="figures card" aria-live="polite">
        <div className="figure">
          <div className="k">家庭纯收入（本月）</div>
          <div className="v" data-testid="net">
            {live ? `${yuan(live.net)} 元` : '—'}
          </div>
        </div>
        <div className="figure">
          <div className="k">人均纯收入（本月）</div>
          <div className="v" data-testid="per-capita">
            {live?.per != null ? `${yuan(live.per)} 元` : '—'}
          </div>
        </div>
        {live?.per != null && year && (
          <div className="figure" style={{ gridColumn: '1 / -1' }}>
            <div className="k">
              折合全年人均（监测线 {year.monitoringThreshold.toLocaleString('zh-CN')} 元）
            </div>
            <div className="v">{yuan(annualised(live.per))} 元</div>
          </div>
        )}
      </div>

      {(needsCause || fallCauseKind) && (
        <div className="card">
          {needsCause && (
            <p className="banner warn">
              本月纯收入较上月（{yuan(row?.previous?.netIncome ?? 0)} 元）下降超过{' '}
              {Math.round((year?.sharpFallShare ?? 0) * 100)}%，请说明原因。
            </p>
          )}
          <label htmlFor="fallCauseKind">收入下降原因</label>
          <select id="fallCauseKind" {...register('fallCauseKind')} {...fieldProps('fallCauseKind')}>
            <option value="">请选择</option>
            {fallCauseKinds.map((k) => (
              <option key={k} value={k}>
                {fallCauseLabels[k]}
              </option>
            ))}
          </select>
          <FieldError path="fallCauseKind" />
          <label htmlFor="fallCauseNote">
            说明 <span className="hint">选择“其他”时必填</span>
          </label>
          <textarea
            id="fallCauseNote"
            rows={2}
            {...register('fallCauseNote')}
            {...fieldProps('fallCauseNote')}
          />
          <FieldError path="fallCauseNote" />
        </div>
      )}

      <button className="primary" type="submit" disabled={isSubmitting || !rows}>
        {isSubmitting ? '正在提交…' : '提交'}
      </button>
    </form>
  );
}
