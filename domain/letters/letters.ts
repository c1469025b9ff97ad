/**
 * Reminder letters (提醒函件): which town missed which deadline or holds which
 * overdue items, grouped into one letter per town per day, and the words of the
 * letter. Pure: the job reads the records, allocates the number and renders.
 */
import type { MonthlyIncomeAnalysis } from '../income/income.analysis.ts';
import type { OrgUnit } from '../org/org.schema.ts';
import { petitionClock } from '../petitions/petition.rules.ts';
import type { Petition } from '../petitions/petition.schema.ts';
import { isProblemOverdue, type ProblemData } from '../visits/visit.schema.ts';
import type { FigureLineage, RecordRef } from '../shared/lineage.ts';
import { periodLabel, type Period } from '../shared/period.ts';
import { onOrNextWorkingDay, type WorkCalendarOverrides } from '../shared/work-calendar.ts';

/** What a letter is about; the schedules' variants of the `reminder-letters` job. */
export type LetterVariant = 'village-entry-overdue' | 'town-review-overdue' | 'items-overdue';

/** One thing a town must fix, with a stable key so an item is reminded of once. */
export interface LetterItem {
  /** Stable across runs, e.g. `entry:2026-10:T01V001` or `problem:P-123`. */
  key: string;
  townId: string;
  description: string;
  /** `YYYY-MM-DD` */
  dueBy: string;
  /** The records the item is about (the letter's lineage): households not entered, records not reviewed, the overdue item. */
  records?: RecordRef[];
}

/** Letters' fixed wording and timing, kept as data. */
export interface LetterConfig {
  /** Document-number prefix before 〔year〕, e.g. 守衔提. */
  docPrefix: string;
  /** Days after the letter by which the town must fix the items (a day off moves it to the next working day). */
  fixWithinDays: number;
  /** The county's overrides of the official working calendar (`CountyConfig.calendar`). */
  calendar?: WorkCalendarOverrides;
}
export const defaultLetterConfig: LetterConfig = { docPrefix: '守衔提', fixWithinDays: 3 };

/** `守衔提〔2026〕7号` */
export function docNumberText(prefix: string, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('LETTER.NUMBER: numbers start at 1');
  return `${prefix}〔${year}〕${n}号`;
}

/** The one letter a town may get on a day: the letter's key, used for its number and its archive slot. */
export const letterKey = (date: string, townId: string) => `${date}.${townId}`;

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day a letter of `today` asks its items fixed by: `fixWithinDays` later, never on a day off. */
export const fixByOf = (today: string, cfg: LetterConfig): string =>
  onOrNextWorkingDay(addDays(today, cfg.fixWithinDays), cfg.calendar);

/**
 * Villages that had not entered every due household's income by the entry
 * deadline: from the same analysis as the monthly report, read as of that
 * deadline, so the letter's count is the report's 应录 − 按时录入 for the village.
 */
export function entryOverdueItems(
  analysis: MonthlyIncomeAnalysis,
  today: string,
  cfg: LetterConfig,
  /** Per village, the due households with no record by the deadline. */
  missing?: ReadonlyMap<string, RecordRef[]>,
): LetterItem[] {
  const label = periodLabel(analysis.period);
  return analysis.villages
    .filter((v) => v.onTime < v.due)
    .map((v) => ({
      key: `entry:${analysis.period}:${v.villageId}`,
      townId: v.townId,
      description: `${v.villageName}${label}收入信息应录入${v.due}户，截至录入期限仍有${v.due - v.onTime}户未录入`,
      dueBy: fixByOf(today, cfg),
      ...(missing?.has(v.villageId) ? { records: missing.get(v.villageId) } : {}),
    }));
}

/**
 * Towns that had not reviewed (比对研判) every entered record by their deadline:
 * from the monthly analysis's own town figures (已录 and 按时审核), so the letter
 * and the report cannot disagree.
 */
export function reviewOverdueItems(
  analysis: Pick<MonthlyIncomeAnalysis, 'period' | 'towns'>,
  today: string,
  cfg: LetterConfig,
  /** Per town, the entered records not reviewed by the deadline. */
  pendingRecords?: ReadonlyMap<string, RecordRef[]>,
): LetterItem[] {
  const label = periodLabel(analysis.period);
  return (analysis.towns ?? []).flatMap((t) => {
    const pending = t.entered - t.reviewedOnTime;
    if (pending <= 0) return [];
    return [
      {
        key: `review:${analysis.period}:${t.townId}`,
        townId: t.townId,
        description: `${label}已录入收入信息${t.entered}户，截至比对研判期限仍有${pending}户未完成审核`,
        dueBy: fixByOf(today, cfg),
        ...(pendingRecords?.has(t.townId) ? { records: pendingRecords.get(t.townId) } : {}),
      },
    ];
  });
}

/** A problem or petition as the letters read it: what to call it, its deadline, and whether it is overdue today. */
export interface OverdueSource {
  kind: 'problem' | 'petition';
  id: string;
  version?: number;
  townId?: string;
  /** How the letter names the item: what it is about and where, never a record id. */
  title: string;
  deadline: string;
  /** Overdue on the letter's day by the register's own rule. */
  overdue: boolean;
}

const cut = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);
const dayText = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** A visit problem (走访发现问题), overdue by `isProblemOverdue`: not rectified and past its deadline. */
export function problemSource(
  r: { id: string; version?: number; townId?: string; data: ProblemData },
  today: string,
  villageName?: string,
): OverdueSource | undefined {
  const d = r.data;
  if (!d.deadline) return undefined;
  const where = villageName ?? d.target.name;
  return {
    kind: 'problem',
    id: r.id,
    version: r.version ?? 1,
    ...(r.townId ? { townId: r.townId } : {}),
    title: `${where}${dayText(d.visitDate)}走访发现的“${cut(d.description)}”`,
    deadline: d.deadline,
    overdue: isProblemOverdue(d, today),
  };
}

/**
 * A petition (信访件), overdue by its own clock (`petitionClock`): open past its
 * due date. One concluded, resolved or not, is no longer reminded of, however
 * late it was.
 */
export function petitionSource(
  r: { id: string; version?: number; townId?: string; data: Petition },
  today: string,
  villageName?: string,
): OverdueSource {
  const d = r.data;
  return {
    kind: 'petition',
    id: r.id,
    version: r.version ?? 1,
    ...(r.townId ? { townId: r.townId } : {}),
    title: `${villageName ?? ''}${dayText(d.receivedDate)}受理的“${cut(d.content)}”`,
    deadline: d.dueDate,
    overdue: petitionClock(d, today).state === 'overdue',
  };
}

const kindLabel = { problem: '走访发现问题', petition: '信访事项' } as const;

/** Items overdue on `today`, not yet in an earlier letter. */
export function overdueItems(
  sources: readonly OverdueSource[],
  today: string,
  alreadyLettered: ReadonlySet<string>,
  cfg: LetterConfig,
): LetterItem[] {
  return sources
    .filter((s) => s.overdue && s.townId)
    .map((s) => ({
      key: `${s.kind}:${s.id}`,
      townId: s.townId as string,
      description: `${kindLabel[s.kind]}：${s.title}，办理期限为${s.deadline.slice(0, 4)}年${dayText(s.deadline)}，现已逾期`,
      dueBy: fixByOf(today, cfg),
      records: [{ kind: s.kind, id: s.id, version: s.version ?? 1 }],
    }))
    .filter((i) => !alreadyLettered.has(i.key))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Groups items by town, towns in id order and items in key order. */
export function groupByTown(items: readonly LetterItem[]): Map<string, LetterItem[]> {
  const out = new Map<string, LetterItem[]>();
  for (const i of [...items].sort((a, b) => a.townId.localeCompare(b.townId) || a.key.localeCompare(b.key))) {
    out.set(i.townId, [...(out.get(i.townId) ?? []), i]);
  }
  return out;
}

/** 主送机关: a street's office or a town's government. */
export function addresseeOf(town: Pick<OrgUnit, 'name' | 'settlement'>): string {
  return town.settlement === 'street' || town.name.endsWith('街道')
    ? `${town.name}办事处`
    : `${town.name}人民政府`;
}

const titles: Record<LetterVariant, string> = {
  'village-entry-overdue': '关于按时完成农户收入信息录入的提醒函',
  'town-review-overdue': '关于按时完成收入信息比对研判的提醒函',
  'items-overdue': '关于抓紧办理逾期事项的提醒函',
};

/** The letter's words (without its number): title, addressee, opening and closing. */
export function letterText(input: {
  variant: LetterVariant;
  town: Pick<OrgUnit, 'name' | 'settlement'>;
  today: string;
  period: Period;
}) {
  const asOf = `${Number(input.today.slice(5, 7))}月${Number(input.today.slice(8, 10))}日`;
  const intro =
    input.variant === 'items-overdue'
      ? `经县乡村振兴局核查，截至${asOf}，你${townWord(input.town)}以下事项已超过办理期限：`
      : `根据县收入分析研判制度，各村（社区）应于每月6日前录入上月农户收入信息，各镇（街道）应于7日前完成比对研判。经核查，截至${asOf}，你${townWord(input.town)}${periodLabel(input.period)}有以下事项未按期完成：`;
  return {
    title: titles[input.variant],
    addressee: addresseeOf(input.town),
    intro,
    closing: `请你${townWord(input.town)}高度重视，督促相关单位在期限内整改到位，并将整改情况报县乡村振兴局。特此函告。`,
  };
}

const townWord = (t: Pick<OrgUnit, 'name' | 'settlement'>) =>
  t.settlement === 'street' || t.name.endsWith('街道') ? '街道' : '镇';

/** A letter's lineage: one figure per item, counting the records it is about. */
export function letterLineage(
  items: readonly Pick<LetterItem, 'key' | 'description' | 'records'>[],
): FigureLineage[] {
  return items.map((i, n) => ({
    key: i.key,
    label: `事项${n + 1}`,
    value: i.records?.length ?? 0,
    records: i.records ?? [],
  }));
}
