/** The public-opinion ledger (网络舆情台账), with export. */
import { opinionStatusLabels, opinionStatuses } from '#domain/petitions/opinion.schema.ts';
import Ledger from '../shell/Ledger.tsx';

export default function OpinionLedger() {
  return (
    <Ledger
      route="listOpinions"
      exportRoute="exportOpinions"
      exportName="网络舆情台账"
      statuses={opinionStatuses.map((s) => ({ value: s, label: opinionStatusLabels[s] }))}
      columns={[
        { key: 'discoveredDate', header: '发现日期' },
        { key: 'platform', header: '平台' },
        { key: 'summary', header: '摘要' },
        { key: 'townName', header: '涉及镇' },
        { key: 'statusLabel', header: '状态' },
        { key: 'callbacks', header: '回访', numeric: true },
      ]}
      emptyText="暂无网络舆情"
    />
  );
}
