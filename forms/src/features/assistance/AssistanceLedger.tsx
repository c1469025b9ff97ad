/** The assistance ledger list (帮扶台账): filters, sort, paging, XLSX export. */
import Ledger from '../shell/Ledger.tsx';

export default function AssistanceLedger() {
  return (
    <div>
      <a href="/assistance/plan/">新建帮扶计划</a>
      <Ledger
        route="listAssistancePlans"
        exportRoute="exportAssistancePlans"
        exportName="帮扶台账"
        statuses={[
          { value: 'open', label: '未跟进' },
          { value: 'following', label: '跟进中' },
        ]}
        columns={[
          { key: 'householdId', header: '户编号' },
          { key: 'trigger', header: '纳入原因' },
          { key: 'measures', header: '帮扶措施' },
          { key: 'responsible', header: '责任人' },
          { key: 'lastFollowUp', header: '最近跟进' },
        ]}
        rowHref={(r) => `/assistance/plan/?id=${String(r.id)}`}
        emptyText="暂无帮扶计划"
      />
    </div>
  );
}
