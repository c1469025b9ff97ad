/** How an assistance plan appears in its ledger and export: phones masked, measures joined. */
import { assistanceTriggerLabels, type AssistancePlan } from '#domain/income/assistance.schema.ts';
import { maskPhone } from '#domain/org/mask.ts';
import type { SheetColumn } from '#reports/xlsx/workbook.ts';
import type { LedgerView } from '../platform/records-http.ts';

export const assistanceView: LedgerView<AssistancePlan> = {
  kind: 'assistance-plan',
  scope: 'village',
  row: (r) => {
    const last = r.data.followUps.at(-1);
    return {
      householdId: r.data.householdId,
      trigger: assistanceTriggerLabels[r.data.trigger],
      cause: r.data.cause,
      measures: r.data.measures.join('；'),
      responsible: `${r.data.responsibleName}${r.data.responsiblePhone ? ` ${maskPhone(r.data.responsiblePhone)}` : ''}`,
      followUpCount: r.data.followUps.length,
      lastFollowUp: last ? `${last.date} ${last.result}` : '',
    };
  },
  status: (r) => (r.data.followUps.length > 0 ? 'following' : 'open'),
  text: (r) => `${r.data.householdId} ${r.data.cause} ${r.data.measures.join(' ')} ${r.data.responsibleName}`,
};

export const assistanceColumns: SheetColumn[] = [
  { key: 'townId', header: '镇/街道', width: 10 },
  { key: 'villageId', header: '村/社区', width: 10 },
  { key: 'householdId', header: '户编号', width: 12 },
  { key: 'trigger', header: '纳入原因', width: 14 },
  { key: 'cause', header: '风险原因', width: 24 },
  { key: 'measures', header: '帮扶措施', width: 36 },
  { key: 'responsible', header: '责任人', width: 18 },
  { key: 'followUpCount', header: '跟进次数', width: 8 },
  { key: 'lastFollowUp', header: '最近跟进', width: 30 },
  { key: 'updatedAt', header: '最后修改', width: 20 },
];
