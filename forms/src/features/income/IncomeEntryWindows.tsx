/** The county reopens a month's income entry for a village or town, saying why and until when (recorded). */
import { useMemo, useState } from 'react';
import { entryWindowRequestSchema } from '#domain/income/income.window.ts';
import { addMonths, periodLabel, reportingPeriodAt } from '#domain/shared/period.ts';
import type { ApiIssue } from '../../lib/api.ts';
import { submitThroughOutbox } from '../../lib/outbox.ts';
import Ledger from '../shell/Ledger.tsx';
import UnitPicker from '../shell/UnitPicker.tsx';

export default function IncomeEntryWindows() {
  const def = useMemo(() => reportingPeriodAt(new Date()), []);
  const [f, setF] = useState({ period: def, unitId: '', until: '', reason: '' });
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const [banner, setBanner] = useState<{ kind: string; text: string } | null>(null);
  const [sid, setSid] = useState(() => crypto.randomUUID());
  const [n, setN] = useState(0);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const nameOf = (id: string) => names.get(id) ?? id;
  // The value is read at the event, not in the updater: the event is done with by then.
  const set =
    (k: keyof typeof f) =>
    ({ currentTarget: { value } }: { currentTarget: { value: string } }) =>
      setF((x) => ({ ...x, [k]: value }));
  const issue = (p: string) => issues.find((i) => i.path === p)?.message;
  const Err = ({ p }: { p: string }) =>
    issue(p) ? (
      <div className="error" role="alert">
        {issue(p)}
      </div>
    ) : null;
  const submit = async () => {
    const body = { ...f, submissionId: sid };
    const parsed = entryWindowRequestSchema.safeParse(body);
    if (!parsed.success)
      return setIssues(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
      );
    setIssues([]);
    const res = await submitThroughOutbox({
      id: sid,
      route: 'reopenIncomeEntry',
      body,
      label: `${nameOf(body.unitId)} ${periodLabel(f.period)}重新开放录入`,
      form: 'income-entry-window',
    });
    setSid(crypto.randomUUID());
    if (res.state === 'saved') {
      setBanner({
        kind: 'ok',
        text: `已重新开放：${nameOf(body.unitId)} ${periodLabel(f.period)}，至 ${f.until}`,
      });
      setN((x) => x + 1);
    } else if (res.state === 'waiting')
      setBanner({ kind: 'warn', text: '网络不可用：已保存在本机，联网后自动提交。' });
    else {
      setIssues(res.error.issues ?? []);
      setBanner({ kind: 'err', text: `${res.error.message}（${res.error.code}）` });
    }
  };
  return (
    <div>
      {banner && (
        <div className={`banner ${banner.kind}`} role="status">
          {banner.text}
        </div>
      )}
      <label htmlFor="w-period">月份</label>
      <select id="w-period" value={f.period} onChange={set('period')}>
        {Array.from({ length: 6 }, (_, i) => addMonths(def, -i)).map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </select>
      <label htmlFor="w-unit">
        单位 <span className="hint">为整个镇/街道或其中一个村/社区重新开放</span>
      </label>
      <UnitPicker
        id="w-unit"
        value={f.unitId}
        invalid={issue('unitId') !== undefined}
        onChange={(unitId) => setF((x) => ({ ...x, unitId }))}
        onUnits={(units) => setNames(new Map(units.map((u) => [u.id, u.name])))}
      />
      <Err p="unitId" />
      <label htmlFor="w-until">开放至</label>
      <input id="w-until" type="date" value={f.until} onChange={set('until')} />
      <Err p="until" />
      <label htmlFor="w-reason">原因</label>
      <textarea id="w-reason" rows={2} value={f.reason} onChange={set('reason')} />
      <Err p="reason" />
      <button type="button" className="primary" onClick={() => void submit()}>
        重新开放录入
      </button>
      <h2>重新开放记录</h2>
      <Ledger
        key={n}
        route="listIncomeEntryWindows"
        columns={[
          { key: 'period', header: '月份' },
          { key: 'unitId', header: '单位', render: (r) => nameOf(String(r.unitId ?? '')) },
          { key: 'until', header: '开放至' },
          { key: 'reason', header: '原因' },
          { key: 'by', header: '操作人' },
        ]}
      />
    </div>
  );
}
