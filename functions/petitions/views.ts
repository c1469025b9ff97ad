/**
 * How the petition registers appear in their ledgers and exports: petitions (with
 * their clock), the dispute screening register, the monitoring-review list,
 * public-opinion items and review meetings. Rows carry unit names and masked
 * personal data; every petition route folder wires one of these.
 */
import { canReach } from '#domain/auth/access.ts';
import type { Principal } from '#domain/auth/roles.ts';
import { maskName, maskPhone } from '#domain/org/mask.ts';
import type { OrgUnit } from '#domain/org/org.schema.ts';
import { meetingLevelLabels, type Meeting } from '#domain/petitions/meeting.schema.ts';
import {
  opinionPlatformLabels,
  opinionStatusLabels,
  opinionStatusOf,
  type Opinion,
} from '#domain/petitions/opinion.schema.ts';
import { petitionClock } from '#domain/petitions/petition.rules.ts';
import {
  handlingModeLabels,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionStatusLabels,
  type Petition,
} from '#domain/petitions/petition.schema.ts';
import type { StoredRecord } from '#domain/records/record.ts';
import { shanghaiDate } from '#domain/shared/period.ts';
import type { LedgerPage } from '#domain/records/record.api.ts';
import type { RoutesAccepting } from '#domain/system/api.ts';
import type { SheetColumn } from '#reports/xlsx/workbook.ts';
import { httpRoute } from '../platform/http.ts';
import { parseLedgerQuery, queryLedger, type LedgerView } from '../platform/records-http.ts';
import { listOrgUnits } from '../store/org.repository.ts';
import { listRecordsAsOf } from '../store/as-of.ts';
import { recordRepository } from '../store/records.repository.ts';
import { now } from '#functions/platform/clock.ts';

export const PETITION = 'petition';
export const OPINION = 'opinion';
export const MEETING = 'review-meeting';

export type Names = ReadonlyMap<string, string>;
const nameOf = (names: Names, id: string | undefined | null) => (id ? (names.get(id) ?? id) : '');
const yesNo = (b: boolean) => (b ? '是' : '否');

export async function unitNames(county: string): Promise<Map<string, string>> {
  return new Map((await listOrgUnits(county)).map((u: OrgUnit) => [u.id, u.name]));
}

/** The petition ledger (信访排查台账): one row per petition with its clock; personal data masked. */
export function petitionView(names: Names): LedgerView<Petition> {
  return {
    kind: PETITION,
    scope: 'village',
    row: (r, now) => {
      const d = r.data;
      const clock = petitionClock(d, shanghaiDate(now));
      const lastCallback = d.callbacks[d.callbacks.length - 1];
      return {
        receivedDate: d.receivedDate,
        townName: nameOf(names, r.townId),
        villageName: nameOf(names, r.villageId),
        channel: petitionChannelLabels[d.channel],
        petitioner: maskName(d.petitionerName),
        phone: maskPhone(d.petitionerPhone),
        householdId: d.householdId ?? '',
        category: petitionCategoryLabels[d.category],
        content: d.content,
        handlingMode: handlingModeLabels[d.handlingMode],
        assignedUnit: d.assignedUnit ?? '',
        dueDate: d.dueDate,
        clock: clock.label,
        clockState: clock.state,
        statusLabel: petitionStatusLabels[d.status],
        result: d.result?.summary ?? '',
        resultDate: d.result?.date ?? '',
        monitoringReview: d.monitoringReview,
        monitoringReviewLabel: yesNo(d.monitoringReview),
        callbacks: d.callbacks.length,
        satisfied: lastCallback ? yesNo(lastCallback.satisfied) : '',
      };
    },
    status: (r) => r.data.status,
    overdue: (r, now) => petitionClock(r.data, shanghaiDate(now)).state === 'overdue',
    text: (r) =>
      [r.data.petitionerName, r.data.content, r.data.assignedUnit ?? '', r.data.householdId ?? ''].join(' '),
  };
}

export const petitionColumns: SheetColumn[] = [
  { header: '受理日期', key: 'receivedDate', width: 12 },
  { header: '镇/街道', key: 'townName', width: 10 },
  { header: '村/社区', key: 'villageName', width: 10 },
  { header: '渠道', key: 'channel', width: 8 },
  { header: '信访人', key: 'petitioner', width: 8 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '诉求类别', key: 'category', width: 10 },
  { header: '诉求内容', key: 'content', width: 40 },
  { header: '办理方式', key: 'handlingMode', width: 8 },
  { header: '承办单位', key: 'assignedUnit', width: 14 },
  { header: '办理期限', key: 'dueDate', width: 12 },
  { header: '时限状态', key: 'clock', width: 10 },
  { header: '办理状态', key: 'statusLabel', width: 12 },
  { header: '办理结果', key: 'result', width: 30 },
  { header: '纳入监测研判', key: 'monitoringReviewLabel', width: 10 },
  { header: '回访次数', key: 'callbacks', width: 8 },
  { header: '最近回访满意', key: 'satisfied', width: 10 },
];

/** 矛盾纠纷摸底排查登记表: the same records in the columns of the county's paper register. */
export const disputeRegisterColumns: SheetColumn[] = [
  { header: '排查日期', key: 'receivedDate', width: 12 },
  { header: '镇/街道', key: 'townName', width: 10 },
  { header: '村/社区', key: 'villageName', width: 10 },
  { header: '当事人', key: 'petitioner', width: 8 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '纠纷类别', key: 'category', width: 10 },
  { header: '矛盾纠纷主要内容', key: 'content', width: 40 },
  { header: '化解方式', key: 'handlingMode', width: 8 },
  { header: '责任单位', key: 'assignedUnit', width: 14 },
  { header: '化解时限', key: 'dueDate', width: 12 },
  { header: '化解情况', key: 'statusLabel', width: 12 },
  { header: '化解结果', key: 'result', width: 30 },
  { header: '办结日期', key: 'resultDate', width: 12 },
];

export function opinionView(names: Names): LedgerView<Opinion> {
  return {
    kind: OPINION,
    scope: 'village',
    row: (r) => {
      const d = r.data;
      return {
        discoveredDate: d.discoveredDate,
        townName: nameOf(names, r.townId),
        villageName: nameOf(names, r.villageId),
        platform: opinionPlatformLabels[d.platform],
        link: d.link,
        summary: d.summary,
        investigation: d.investigation ?? '',
        officialReply: d.officialReply ?? '',
        replyDate: d.replyDate ?? '',
        statusLabel: opinionStatusLabels[opinionStatusOf(d)],
        callbacks: d.callbacks.length,
      };
    },
    status: (r) => opinionStatusOf(r.data),
    text: (r) => [r.data.summary, r.data.investigation ?? '', r.data.officialReply ?? ''].join(' '),
  };
}

export const opinionColumns: SheetColumn[] = [
  { header: '发现日期', key: 'discoveredDate', width: 12 },
  { header: '平台', key: 'platform', width: 10 },
  { header: '链接', key: 'link', width: 30 },
  { header: '涉及镇/街道', key: 'townName', width: 10 },
  { header: '涉及村/社区', key: 'villageName', width: 10 },
  { header: '舆情摘要', key: 'summary', width: 40 },
  { header: '核查情况', key: 'investigation', width: 30 },
  { header: '官方回复', key: 'officialReply', width: 30 },
  { header: '回复日期', key: 'replyDate', width: 12 },
  { header: '状态', key: 'statusLabel', width: 8 },
  { header: '回访次数', key: 'callbacks', width: 8 },
];

export function meetingView(names: Names): LedgerView<Meeting> {
  return {
    kind: MEETING,
    scope: 'village',
    row: (r) => {
      const d = r.data;
      return {
        date: d.date,
        level: meetingLevelLabels[d.level],
        levelKey: d.level,
        unitName: d.departmentName ?? (nameOf(names, d.villageId ?? d.townId) || '县衔接办'),
        attendees: d.attendees.join('、'),
        attendeeCount: d.attendees.length,
        itemsReviewed: d.itemsReviewed,
        decisions: d.decisions,
        linkedPetitions: d.linkedPetitionIds.length,
      };
    },
    status: (r) => r.data.level,
    text: (r) => [r.data.itemsReviewed, r.data.decisions, r.data.attendees.join(' ')].join(' '),
  };
}

/** A ledger list route whose view needs the unit names (read once per request). */
export function namedLedgerHandler<T>(
  routeId: RoutesAccepting<LedgerPage>,
  makeView: (names: Names) => LedgerView<T>,
  keep: (row: Record<string, unknown>) => boolean = () => true,
) {
  return httpRoute(routeId, undefined, async ({ principal, query }) => {
    const q = parseLedgerQuery(query);
    const view = makeView(await unitNames(principal.countyCode));
    const rows = (await queryLedger(view, principal, q, now())).rows.filter(keep);
    const start = (q.page - 1) * q.pageSize;
    return {
      status: 200,
      body: {
        total: rows.length,
        page: q.page,
        pageSize: q.pageSize,
        items: rows.slice(start, start + q.pageSize),
      },
    };
  });
}

/** Every stored record of `kind` the caller reaches (for the monthly report form). */
export async function reachableRecords<T>(
  p: Principal,
  kind: string,
  /** Read as of this instant (ISO): records in the version they had then. */
  asOf?: string,
): Promise<StoredRecord<T>[]> {
  const filter =
    p.role === 'town-staff'
      ? { townId: p.unitId }
      : p.role === 'village-officer' || p.role === 'assistance-cadre'
        ? { villageId: p.unitId }
        : {};
  const all = (
    asOf
      ? await listRecordsAsOf(p.countyCode, kind, asOf, filter)
      : await recordRepository.list(p.countyCode, kind, filter)
  ) as StoredRecord<T>[];
  return all.filter((r) => canReach(p, 'village', r));
}
