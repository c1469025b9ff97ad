/** The income ledger of a month (收入台账): the shared Ledger with the month chosen first. */
import { useMemo, useState } from 'react';
import { incomeStatusLabels } from '#domain/income/income.schema.ts';
import { addMonths, periodLabel, reportingPeriodAt } from '#domain/shared/period.ts';
import Ledger from '../shell/Ledger.tsx';

const money = (v: unknown) =>
  typeof v === 'number'
    ? v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : '—';

export default function IncomeLedger() {
  const defaultPeriod = useMemo(() => reportingPeriodAt(new Date()), []);
  const [period, setPeriod] = useState(defaultPeriod);
  const periods = Array.from({ length: 13 }, (_, i) => addMonths(defaultPeriod, -i));
  return (
    <div>
      <label htmlFor="ledger-period">月份</label>
      <select id="ledger-period" value={period} onChange={(e) => setPeriod(e.currentTarget.value)}>
        {periods.map((p) => (
          <option key={p} value={p}>
            {periodLabel(p)}
          </option>
        ))}
      </select>
      <Ledger
        key={period}
        route="incomeLedger"
        params={{ period }}
        exportRoute="incomeLedgerExport"
        exportName={`收入台账-${period}`}
        statuses={(['missing', 'entered', 'reviewed', 'flagged'] as const).map((s) => ({
          value: s,
          label: incomeStatusLabels[s],
        }))}
        columns={[
          { key: 'headName', header: '户主' },
          { key: 'villageName', header: '村' },
          { key: 'statusLabel', header: '状态' },
          { key: 'netIncome', header: '纯收入', numeric: true, render: (r) => money(r.netIncome) },
          { key: 'perCapitaNet', header: '人均', numeric: true, render: (r) => money(r.perCapitaNet) },
          { key: 'countyNote', header: '县级疑似' },
        ]}
        rowHref={(r) => `/income/record/?period=${period}&id=${String(r.householdId)}`}
        emptyText="该月没有应录入收入的农户"
      />
    </div>
  );
}
