/** The problem ledger (问题台账): status, deadline and overdue (in red, and said in words). */
import { problemStatuses, problemStatusLabels } from '#domain/visits/visit.schema.ts';
import Ledger from '../shell/Ledger.tsx';

export default function ProblemLedger() {
  return (
    <Ledger
      route="listProblems"
      exportRoute="exportProblems"
      exportName="问题整改台账"
      emptyText="暂无问题"
      overdueFilter
      statuses={problemStatuses.map((s) => ({ value: s, label: problemStatusLabels[s] }))}
      rowHref={(r) => `/visits/problem/?id=${encodeURIComponent(String(r.id))}`}
      columns={[
        { key: 'description', header: '问题' },
        { key: 'targetName', header: '对象' },
        { key: 'category', header: '类别' },
        {
          key: 'status',
          header: '状态',
          render: (r) => `${String(r.statusLabel)}${r.overdue ? '（逾期）' : ''}`,
        },
        { key: 'deadline', header: '整改期限' },
        { key: 'visitDate', header: '发现日期' },
      ]}
    />
  );
}
