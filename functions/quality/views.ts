/**
 * How the data-quality registers appear in their ledgers and exports, and where
 * a new record sits in the tree. Personal numbers typed into free text (an ID
 * number as the wrong value) are masked in every list and export.
 */
import type { RecordLocation } from '#domain/auth/access.ts';
import { maskFreeText, maskPhone } from '#domain/org/mask.ts';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import {
  errorStatusLabels,
  foundByLabels,
  infoKindLabels,
  qualityKinds,
  spotCheckMethodLabels,
  spotCheckResultLabels,
  subjectTypeLabels,
  type DataError,
  type InfoOfficer,
  type QualityMeeting,
  type SpotCheck,
} from '#domain/quality/quality.schema.ts';
import { ruleLabels, type RuleId } from '#domain/quality/quality.rules.ts';
import { NotFoundError } from '#domain/shared/errors.ts';
import type { SheetColumn } from '#reports/xlsx/workbook.ts';
import type { LedgerView } from '../platform/records-http.ts';
import { getHousehold, listOrgUnits } from '../store/org.repository.ts';

const mask = (v: string | undefined) => (v ? maskFreeText(v) : '');

export const dataErrorView: LedgerView<DataError> = {
  kind: qualityKinds.error,
  scope: 'village',
  status: (r) => r.data.status,
  text: (r) =>
    [r.id, r.data.householdId, r.data.personName, r.data.field, r.data.note].filter(Boolean).join(' '),
  row: (r) => ({
    infoKind: infoKindLabels[r.data.infoKind],
    subject: subjectTypeLabels[r.data.subjectType],
    householdId: r.data.householdId,
    personName: r.data.personName ?? '',
    field: r.data.field,
    wrongValue: mask(r.data.wrongValue),
    rightValue: mask(r.data.rightValue),
    foundBy: foundByLabels[r.data.foundBy],
    rule: r.data.ruleId ? (ruleLabels[r.data.ruleId as RuleId] ?? r.data.ruleId) : '',
    foundOn: r.data.foundOn,
    statusLabel: errorStatusLabels[r.data.status],
    fixedOn: r.data.fixedOn ?? '',
    note: mask(r.data.note),
  }),
};
export const dataErrorSheet: { name: string; filename: string; columns: SheetColumn[] } = {
  name: '错误信息台账',
  filename: '数据质量错误信息台账',
  columns: [
    { header: '编号', key: 'id', width: 30 },
    { header: '镇', key: 'townId', width: 8 },
    { header: '村', key: 'villageId', width: 10 },
    { header: '信息类别', key: 'infoKind', width: 12 },
    { header: '对象', key: 'subject', width: 8 },
    { header: '户编号', key: 'householdId', width: 12 },
    { header: '成员', key: 'personName', width: 8 },
    { header: '错误字段', key: 'field', width: 14 },
    { header: '错误值', key: 'wrongValue', width: 20 },
    { header: '正确值', key: 'rightValue', width: 20 },
    { header: '发现方式', key: 'foundBy', width: 10 },
    { header: '校验规则', key: 'rule', width: 18 },
    { header: '发现日期', key: 'foundOn', width: 12 },
    { header: '状态', key: 'statusLabel', width: 8 },
    { header: '修正日期', key: 'fixedOn', width: 12 },
    { header: '说明', key: 'note', width: 40 },
  ],
};

export const spotCheckView: LedgerView<SpotCheck> = {
  kind: qualityKinds.spotCheck,
  scope: 'village',
  status: (r) => r.data.result,
  text: (r) => [r.id, r.data.target, r.data.problems, r.data.checkers].filter(Boolean).join(' '),
  row: (r) => ({
    method: spotCheckMethodLabels[r.data.method],
    checkedOn: r.data.checkedOn,
    target: mask(r.data.target),
    householdId: r.data.householdId ?? '',
    resultLabel: spotCheckResultLabels[r.data.result],
    problemCount: r.data.problemCount,
    problems: mask(r.data.problems),
    checkers: r.data.checkers,
  }),
};
export const spotCheckSheet = {
  name: '抽查记录',
  filename: '数据质量抽查记录',
  columns: [
    { header: '编号', key: 'id', width: 30 },
    { header: '镇', key: 'townId', width: 8 },
    { header: '村', key: 'villageId', width: 10 },
    { header: '抽查方式', key: 'method', width: 10 },
    { header: '抽查日期', key: 'checkedOn', width: 12 },
    { header: '抽查对象', key: 'target', width: 20 },
    { header: '结果', key: 'resultLabel', width: 10 },
    { header: '问题数', key: 'problemCount', width: 8 },
    { header: '问题描述', key: 'problems', width: 40 },
    { header: '抽查人员', key: 'checkers', width: 16 },
  ],
};

export const officerView: LedgerView<InfoOfficer> = {
  kind: qualityKinds.officer,
  scope: 'village',
  status: (r) => (r.data.active ? 'active' : 'removed'),
  text: (r) => [r.data.unitId, r.data.name].join(' '),
  row: (r) => ({
    unitId: r.data.unitId,
    name: r.data.name,
    phone: maskPhone(r.data.phone),
    startedOn: r.data.startedOn,
    activeLabel: r.data.active ? '在岗' : '已调整',
    endedOn: r.data.endedOn ?? '',
  }),
};

export const meetingView: LedgerView<QualityMeeting> = {
  kind: qualityKinds.meeting,
  scope: 'county',
  text: (r) => [r.data.title, r.data.topics, r.data.decisions].join(' '),
  row: (r) => ({
    heldOn: r.data.heldOn,
    title: r.data.title,
    host: r.data.host,
    attendees: r.data.attendees,
    topics: r.data.topics,
    decisions: r.data.decisions,
    errorCount: r.data.errorIds?.length ?? 0,
  }),
};

/** Where a household's record sits; 404 when the household is not in the directory. */
export async function householdLocation(
  county: string,
  householdId: string,
): Promise<Omit<RecordLocation, 'countyCode'>> {
  const h = await getHousehold(county, householdId);
  if (!h)
    throw new NotFoundError('QUALITY.HOUSEHOLD_NOT_FOUND', `未找到户编号为 ${householdId} 的农户，请核对`);
  return { villageId: h.villageId, townId: h.townId };
}

/** Where a unit's record sits: a village in its town, a town itself, a department at county level. */
export function unitLocation(unit: OrgUnit): Omit<RecordLocation, 'countyCode'> {
  if (unit.kind === 'village' || unit.kind === 'factory')
    return { villageId: unit.id, ...(unit.parentId ? { townId: unit.parentId } : {}) };
  if (unit.kind === 'town') return { townId: unit.id };
  return {};
}

export async function findUnit(
  county: string,
  unitId: string,
  kinds: readonly OrgUnit['kind'][],
): Promise<OrgUnit> {
  const unit = (await listOrgUnits(county)).find((u) => u.id === unitId && kinds.includes(u.kind));
  if (!unit) throw new NotFoundError('QUALITY.UNIT_NOT_FOUND', `未找到编号为 ${unitId} 的单位，请核对`);
  return unit;
}
