/**
 * Reminder letters (提醒函件): which town missed which deadline or holds which
 * overdue items, grouped into one letter per town per day, and the words of the
 * letter. Pure: the job reads the records, allocates the number and renders.
 */
import type { MonthlyIncomeAnalysis } from '../income/income.analysis.ts';
import type { OrgUnit } from '../org/org.schema.ts';
import { periodLabel, type Period } from '../shared/period.ts';

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
}

/** Letters' fixed wording and timing, kept as data. */
export interface LetterConfig {
  /** Document-number prefix before 〔year〕, e.g. 守衔提. */
  docPrefix: string;
  /** Days after the letter by which the town must fix the items. */
  fixWithinDays: number;
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

/** Villages that had not entered every due household's income by the deadline. */
export function entryOverdueItems(
  analysis: MonthlyIncomeAnalysis,
  today: string,
  cfg: LetterConfig,
): LetterItem[] {
  const label = periodLabel(analysis.period);
  return analysis.villages
    .filter((v) => v.entered < v.due)
    .map((v) => ({
      key: `entry:${analysis.period}:${v.villageId}`,
      townId: v.townId,
      description: `${v.villageName}${label}收入信息应录入${v.due}户，截至录入期限仍有${v.due - v.entered}户未录入`,
      dueBy: addDays(today, cfg.fixWithinDays),
    }));
}

/** Income records a town had not reviewed (比对研判) by its deadline, one item per town. */
export function reviewOverdueItems(
  input: {
    period: Period;
    records: readonly { townId: string; status: string }[];
    towns: readonly OrgUnit[];
  },
  today: string,
  cfg: LetterConfig,
): LetterItem[] {
  const label = periodLabel(input.period);
  return input.towns.flatMap((t) => {
    const own = input.records.filter((r) => r.townId === t.id);
    const pending = own.filter((r) => r.status !== 'reviewed').length;
    if (pending === 0) return [];
    return [
      {
        key: `review:${input.period}:${t.id}`,
        townId: t.id,
        description: `${label}已录入收入信息${own.length}户，截至比对研判期限仍有${pending}户未完成审核`,
        dueBy: addDays(today, cfg.fixWithinDays),
      },
    ];
  });
}

/** A problem or petition as the letters read it: whatever its register stores, only these fields. */
export interface OverdueSource {
  kind: 'problem' | 'petition';
  id: string;
  townId?: string;
  villageName?: string;
  title: string;
  deadline: string;
  closed: boolean;
}

const closedWords = new Set(['closed', 'resolved', 'rectified', 'done', 'completed', 'handled', 'archived']);
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/**
 * Reads a problem or petition record tolerantly: the registers are built by
 * others and may name fields differently; a record without a deadline is skipped.
 */
export function readOverdueSource(
  kind: OverdueSource['kind'],
  r: { id: string; townId?: string; data: Record<string, unknown> },
): OverdueSource | undefined {
  const d = r.data;
  const deadline = [d.deadline, d.dueDate, d.dueBy, d.rectifyBy, d.due]
    .map(str)
    .find((s) => /^\d{4}-\d{2}-\d{2}/.test(s));
  if (!deadline) return undefined;
  const title =
    [d.title, d.summary, d.description, d.content, d.category].map(str).find((s) => s.length > 0) ?? r.id;
  const status = str(d.status).toLowerCase();
  return {
    kind,
    id: r.id,
    ...(r.townId ? { townId: r.townId } : {}),
    title: title.length > 40 ? `${title.slice(0, 40)}…` : title,
    deadline: deadline.slice(0, 10),
    closed: closedWords.has(status) || !!str(d.closedOn) || !!str(d.resolvedOn) || !!str(d.rectifiedOn),
  };
}

const kindLabel = { problem: '走访发现问题', petition: '信访事项' } as const;

/** Items open past their deadline, not yet in an earlier letter. */
export function overdueItems(
  sources: readonly OverdueSource[],
  today: string,
  alreadyLettered: ReadonlySet<string>,
  cfg: LetterConfig,
): LetterItem[] {
  return sources
    .filter((s) => !s.closed && s.townId && s.deadline < today)
    .map((s) => ({
      key: `${s.kind}:${s.id}`,
      townId: s.townId as string,
      description: `${kindLabel[s.kind]}“${s.title}”（编号${s.id}）整改期限为${s.deadline.slice(0, 4)}年${Number(s.deadline.slice(5, 7))}月${Number(s.deadline.slice(8, 10))}日，现已逾期`,
      dueBy: addDays(today, cfg.fixWithinDays),
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
