/** The visit ledger (走访台账): every visit the person may see, newest first. */
import Ledger from '../shell/Ledger.tsx';

export default function VisitLedger() {
  return (
    <Ledger
      route="listVisits"
      exportRoute="exportVisits"
      exportName="走访台账"
      emptyText="暂无走访记录"
      rowHref={(r) => `/visits/record/?id=${encodeURIComponent(String(r.id))}`}
      columns={[
        { key: 'date', header: '走访日期' },
        {
          key: 'targetName',
          header: '走访对象',
          render: (r) => `${String(r.targetName)}（${String(r.targetKind)}）`,
        },
        { key: 'visitorName', header: '走访人' },
        { key: 'overnightStay', header: '过夜' },
        { key: 'problemCount', header: '问题', numeric: true },
      ]}
    />
  );
}
