/**
 * How the two registers appear in their ledgers (走访台账, 问题台账) and exports.
 * Overdue is judged on today's date in Asia/Shanghai, where the staff are.
 */
import { shanghaiDate } from '#domain/shared/period.ts';
import {
  isProblemOverdue,
  problemCategoryLabels,
  problemKind,
  problemStatusLabels,
  visitKind,
  visitTargetKindLabels,
  type ProblemData,
  type VisitData,
} from '#domain/visits/visit.schema.ts';
import type { SheetColumn } from '#reports/xlsx/workbook.ts';
import type { LedgerView } from '../platform/records-http.ts';

export const visitView: LedgerView<VisitData> = {
  kind: visitKind,
  scope: 'village',
  alsoOwn: true,
  row: (r) => ({
    date: r.data.date,
    visitorName: r.data.visitor.name,
    targetKind: visitTargetKindLabels[r.data.target.kind],
    targetName: r.data.target.name,
    overnightStay: r.data.overnightStay ? '是' : '否',
    problemCount: r.data.problemIds.length,
    findings: r.data.findings,
  }),
  text: (r) => `${r.data.visitor.name} ${r.data.target.name} ${r.data.target.id} ${r.data.findings}`,
};

export const visitSheet: { name: string; filename: string; columns: SheetColumn[] } = {
  name: '走访台账',
  filename: '走访台账',
  columns: [
    { header: '走访日期', key: 'date', width: 12 },
    { header: '走访人', key: 'visitorName', width: 12 },
    { header: '对象类别', key: 'targetKind', width: 14 },
    { header: '走访对象', key: 'targetName', width: 16 },
    { header: '镇/街道', key: 'townId', width: 10 },
    { header: '村/社区', key: 'villageId', width: 12 },
    { header: '驻村过夜', key: 'overnightStay', width: 10 },
    { header: '发现问题数', key: 'problemCount', width: 10 },
    { header: '走访情况', key: 'findings', width: 50 },
    { header: '记录编号', key: 'id', width: 40 },
  ],
};

export const problemView: LedgerView<ProblemData> = {
  kind: problemKind,
  scope: 'village',
  alsoOwn: true,
  row: (r, now) => ({
    visitDate: r.data.visitDate,
    targetName: r.data.target.name,
    category: problemCategoryLabels[r.data.category],
    description: r.data.description,
    foundBy: r.data.foundBy.name,
    statusLabel: problemStatusLabels[r.data.status],
    measures: r.data.measures ?? '',
    deadline: r.data.deadline ?? '',
    completedOn: r.data.completedOn ?? '',
    evidence: r.data.evidence ?? '',
    overdueLabel: isProblemOverdue(r.data, shanghaiDate(now)) ? '逾期' : '',
  }),
  status: (r) => r.data.status,
  overdue: (r, now) => isProblemOverdue(r.data, shanghaiDate(now)),
  text: (r) => `${r.data.target.name} ${r.data.description} ${r.data.foundBy.name} ${r.data.measures ?? ''}`,
};

export const problemSheet: { name: string; filename: string; columns: SheetColumn[] } = {
  name: '问题台账',
  filename: '问题整改台账',
  columns: [
    { header: '发现日期', key: 'visitDate', width: 12 },
    { header: '走访对象', key: 'targetName', width: 16 },
    { header: '镇/街道', key: 'townId', width: 10 },
    { header: '村/社区', key: 'villageId', width: 12 },
    { header: '问题类别', key: 'category', width: 12 },
    { header: '问题描述', key: 'description', width: 40 },
    { header: '发现人', key: 'foundBy', width: 12 },
    { header: '整改状态', key: 'statusLabel', width: 10 },
    { header: '是否逾期', key: 'overdueLabel', width: 10 },
    { header: '整改措施', key: 'measures', width: 30 },
    { header: '整改期限', key: 'deadline', width: 12 },
    { header: '完成日期', key: 'completedOn', width: 12 },
    { header: '整改佐证', key: 'evidence', width: 30 },
    { header: '记录编号', key: 'id', width: 40 },
  ],
};
