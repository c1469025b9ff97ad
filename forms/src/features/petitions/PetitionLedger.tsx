/**
 * The petition ledgers: the petition register with each petition's clock (overdue
 * in red), the monitoring-review list and the dispute screening register.
 */
import type { ReactNode } from 'react';
import { petitionStatusLabels, petitionStatuses } from '#domain/petitions/petition.schema.ts';
import Ledger, { type LedgerColumn } from '../shell/Ledger.tsx';

const clockColours: Record<string, string> = {
  overdue: 'var(--err)',
  'due-soon': 'var(--warn)',
  'on-track': 'var(--ink)',
  'done-on-time': 'var(--ok)',
  'done-late': 'var(--warn)',
};

function ClockBadge({ row }: { row: Record<string, unknown> }): ReactNode {
  const state = String(row.clockState ?? '');
  return (
    <strong data-clock={state} style={{ color: clockColours[state] ?? 'inherit', whiteSpace: 'nowrap' }}>
      {String(row.clock ?? '')}
    </strong>
  );
}

/** Five columns fit a phone: what comes second sits under the first in smaller type. */
const small = (text: unknown) => (
  <div className="hint" style={{ fontSize: 12 }}>
    {String(text ?? '')}
  </div>
);
const petitionColumns: LedgerColumn[] = [
  {
    key: 'receivedDate',
    header: '受理',
    render: (r) => <span style={{ whiteSpace: 'nowrap' }}>{String(r.receivedDate).slice(5)}</span>,
  },
  {
    key: 'petitioner',
    header: '信访人',
    render: (r) => (
      <>
        {String(r.petitioner)}
        {small(r.phone)}
      </>
    ),
  },
  {
    key: 'category',
    header: '类别',
    render: (r) => (
      <>
        {String(r.category)}
        {small(`${String(r.villageName)} · ${String(r.handlingMode)}`)}
      </>
    ),
  },
  {
    key: 'dueDate',
    header: '时限',
    render: (r) => (
      <>
        <ClockBadge row={r} />
        {small(r.dueDate)}
      </>
    ),
  },
  { key: 'statusLabel', header: '状态' },
];

const registerColumns: LedgerColumn[] = [
  { key: 'receivedDate', header: '排查日期' },
  { key: 'townName', header: '镇/街道' },
  { key: 'villageName', header: '村/社区' },
  { key: 'petitioner', header: '当事人' },
  { key: 'category', header: '纠纷类别' },
  { key: 'content', header: '主要内容' },
  { key: 'assignedUnit', header: '责任单位' },
  { key: 'dueDate', header: '化解时限' },
  { key: 'statusLabel', header: '化解情况' },
];

const statuses = petitionStatuses.map((s) => ({ value: s, label: petitionStatusLabels[s] }));
const href = (r: Record<string, unknown>) => `/petitions/record/?id=${encodeURIComponent(String(r.id))}`;

export default function PetitionLedger({ view }: { view: 'petitions' | 'monitoring' | 'register' }) {
  if (view === 'register')
    return (
      <Ledger
        route="listDisputeRegister"
        exportRoute="exportDisputeRegister"
        exportName="矛盾纠纷摸底排查登记表"
        columns={registerColumns}
        statuses={statuses}
        overdueFilter
        rowHref={href}
        emptyText="暂无排查登记"
      />
    );
  if (view === 'monitoring')
    return (
      <Ledger
        route="listPetitionMonitoring"
        columns={[
          ...petitionColumns.slice(0, 3),
          { key: 'householdId', header: '户编号' },
          ...petitionColumns.slice(3),
        ]}
        statuses={statuses}
        rowHref={href}
        emptyText="暂无需纳入监测研判的信访件"
      />
    );
  return (
    <Ledger
      route="listPetitions"
      exportRoute="exportPetitions"
      exportName="信访排查台账"
      columns={petitionColumns}
      statuses={statuses}
      overdueFilter
      rowHref={href}
      emptyText="暂无信访件"
    />
  );
}
