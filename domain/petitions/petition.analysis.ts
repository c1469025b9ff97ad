/**
 * The petition and public-opinion analysis behind the petition summary
 * (信访舆情汇总): counts by channel, category, town and handling mode; resolved
 * and on-time rates; callbacks and satisfaction; public-opinion items; overdue
 * petitions. Pure: records in, figures out. Personal data leaves it masked.
 */
import { maskName, maskPhone } from '../org/mask.ts';
import { counted, type FigureLineage, type RecordRef } from '../shared/lineage.ts';
import { slotPeriodLabel } from '../shared/period.ts';
import type { Opinion } from './opinion.schema.ts';
import {
  handlingModes,
  petitionCategories,
  petitionChannels,
  type HandlingMode,
  type Petition,
  type PetitionCategory,
  type PetitionChannel,
} from './petition.schema.ts';
import { daysBetween } from './petition.rules.ts';

/** A stored petition as the analysis needs it: its data and where it sits. */
export interface PetitionRow {
  id: string;
  /** The version read (for the lineage); 1 when unknown. */
  version?: number;
  townId?: string;
  villageId?: string;
  data: Petition;
}

export interface OpinionRow {
  id: string;
  /** The version read (for the lineage); 1 when unknown. */
  version?: number;
  townId?: string;
  data: Opinion;
}

export interface PetitionAnalysisInput {
  /** First and last day (inclusive) of the period the counts cover. */
  from: string;
  to: string;
  /** The day the status is read on: conclusions and overdue count as of this day. */
  asOf: string;
  /** Towns of the scope, in directory order; every one gets a row even with nothing received. */
  towns: readonly { id: string; name: string }[];
  /** Village names for the overdue list. */
  villageNames?: ReadonlyMap<string, string>;
  petitions: readonly PetitionRow[];
  opinions: readonly OpinionRow[];
}

export interface TownPetitionFigures {
  townId: string;
  townName: string;
  received: number;
  concluded: number;
  resolved: number;
  onTime: number;
  overdue: number;
  callbacks: number;
  satisfied: number;
}

export interface OverduePetition {
  id: string;
  townName: string;
  villageName: string;
  /** Masked: `王*`. */
  petitioner: string;
  /** Masked: `138****5678`. */
  phone: string;
  category: PetitionCategory;
  handlingMode: HandlingMode;
  receivedDate: string;
  dueDate: string;
  daysOverdue: number;
  assignedUnit?: string;
}

export interface PetitionAnalysis {
  from: string;
  to: string;
  asOf: string;
  received: number;
  byChannel: Record<PetitionChannel, number>;
  byCategory: Record<PetitionCategory, number>;
  byMode: Record<HandlingMode, number>;
  byTown: TownPetitionFigures[];
  /** Of those received in the period: concluded, resolved and concluded by the due date, as of `asOf`. */
  concluded: number;
  resolved: number;
  onTime: number;
  /** resolved ÷ received; null when nothing was received. */
  resolvedRate: number | null;
  /** concluded on time ÷ concluded; null when nothing was concluded. */
  onTimeRate: number | null;
  /** Received in the period in a category that puts the household up for monitoring review. */
  monitoringReview: number;
  callbacks: { count: number; people: number; satisfied: number; satisfactionRate: number | null };
  opinions: { count: number; replied: number; investigating: number; callbacks: number; people: number };
  /** Every petition open and past its due date on `asOf`, whenever received; most overdue first. */
  overdue: OverduePetition[];
  /** Petitions still open on `asOf`, whenever received. */
  open: number;
  /** For every headline figure, the records it counted. */
  lineage: FigureLineage[];
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const within = (date: string, from: string, to: string) => date >= from && date <= to;

/** Concluded by `asOf`: a result dated on or before that day. */
const concludedBy = (p: Petition, asOf: string) => p.status !== 'open' && !!p.result && p.result.date <= asOf;

export function analysePetitions(input: PetitionAnalysisInput): PetitionAnalysis {
  const { from, to, asOf } = input;
  const byChannel = zeroes(petitionChannels);
  const byCategory = zeroes(petitionCategories);
  const byMode = zeroes(handlingModes);
  const townName = new Map(input.towns.map((t) => [t.id, t.name]));
  const towns = new Map<string, TownPetitionFigures>(
    input.towns.map((t) => [
      t.id,
      {
        townId: t.id,
        townName: t.name,
        received: 0,
        concluded: 0,
        resolved: 0,
        onTime: 0,
        overdue: 0,
        callbacks: 0,
        satisfied: 0,
      },
    ]),
  );
  const townOf = (id: string | undefined) => (id ? towns.get(id) : undefined);

  let received = 0;
  let concluded = 0;
  let resolved = 0;
  let onTime = 0;
  let monitoringReview = 0;
  let open = 0;
  const callbacks = { count: 0, people: 0, satisfied: 0 };
  const overdue: OverduePetition[] = [];
  const refs = {
    received: [] as RecordRef[],
    concluded: [] as RecordRef[],
    resolved: [] as RecordRef[],
    onTime: [] as RecordRef[],
    monitoringReview: [] as RecordRef[],
    callbacks: [] as RecordRef[],
    overdue: [] as RecordRef[],
    opinions: [] as RecordRef[],
  };

  for (const row of input.petitions) {
    const p = row.data;
    if (p.receivedDate > asOf) continue;
    const t = townOf(row.townId);
    const done = concludedBy(p, asOf);
    const ref: RecordRef = { kind: 'petition', id: row.id, version: row.version ?? 1 };
    if (within(p.receivedDate, from, to)) {
      received++;
      refs.received.push(ref);
      if (p.monitoringReview) refs.monitoringReview.push(ref);
      byChannel[p.channel]++;
      byCategory[p.category]++;
      byMode[p.handlingMode]++;
      if (p.monitoringReview) monitoringReview++;
      if (t) t.received++;
      if (done) {
        const ok = (p.result?.date ?? '') <= p.dueDate;
        concluded++;
        refs.concluded.push(ref);
        if (ok) {
          onTime++;
          refs.onTime.push(ref);
        }
        if (p.status === 'resolved') {
          resolved++;
          refs.resolved.push(ref);
        }
        if (t) {
          t.concluded++;
          if (ok) t.onTime++;
          if (p.status === 'resolved') t.resolved++;
        }
      }
    }
    const inPeriod = p.callbacks.filter((c) => within(c.date, from, to) && c.date <= asOf);
    if (inPeriod.length > 0) {
      callbacks.count += inPeriod.length;
      callbacks.people++;
      refs.callbacks.push(ref);
      const sat = inPeriod.filter((c) => c.satisfied).length;
      callbacks.satisfied += sat;
      if (t) {
        t.callbacks += inPeriod.length;
        t.satisfied += sat;
      }
    }
    if (!done) {
      open++;
      if (p.dueDate < asOf) {
        if (t) t.overdue++;
        refs.overdue.push(ref);
        overdue.push({
          id: row.id,
          townName: (row.townId && townName.get(row.townId)) || '—',
          villageName: (row.villageId && input.villageNames?.get(row.villageId)) || '—',
          petitioner: maskName(p.petitionerName),
          phone: maskPhone(p.petitionerPhone),
          category: p.category,
          handlingMode: p.handlingMode,
          receivedDate: p.receivedDate,
          dueDate: p.dueDate,
          daysOverdue: daysBetween(p.dueDate, asOf),
          ...(p.assignedUnit ? { assignedUnit: p.assignedUnit } : {}),
        });
      }
    }
  }
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.receivedDate.localeCompare(b.receivedDate));

  const opinions = { count: 0, replied: 0, investigating: 0, callbacks: 0, people: 0 };
  for (const o of input.opinions) {
    const d = o.data;
    if (within(d.discoveredDate, from, to)) {
      opinions.count++;
      refs.opinions.push({ kind: 'opinion', id: o.id, version: o.version ?? 1 });
      if (d.officialReply && (!d.replyDate || d.replyDate <= asOf)) opinions.replied++;
      else opinions.investigating++;
    }
    const inPeriod = d.callbacks.filter((c) => within(c.date, from, to) && c.date <= asOf);
    opinions.callbacks += inPeriod.length;
    if (inPeriod.length > 0) opinions.people++;
  }

  return {
    from,
    to,
    asOf,
    received,
    byChannel,
    byCategory,
    byMode,
    byTown: [...towns.values()],
    concluded,
    resolved,
    onTime,
    resolvedRate: received === 0 ? null : resolved / received,
    onTimeRate: concluded === 0 ? null : onTime / concluded,
    monitoringReview,
    callbacks: {
      ...callbacks,
      satisfactionRate: callbacks.count === 0 ? null : callbacks.satisfied / callbacks.count,
    },
    opinions,
    overdue,
    open,
    lineage: [
      counted('petition.received', '受理信访件（信访件）', refs.received),
      counted('petition.concluded', '已办结（信访件）', refs.concluded),
      counted('petition.resolved', '已解决（信访件）', refs.resolved),
      counted('petition.onTime', '按期办结（信访件）', refs.onTime),
      counted('petition.monitoringReview', '涉“两不愁三保障”及饮水安全（信访件）', refs.monitoringReview),
      {
        ...counted('petition.callbacks', '回访次数（有回访的信访件）', refs.callbacks),
        value: callbacks.count,
      },
      counted('petition.overdue', '逾期未办结（信访件）', refs.overdue),
      counted('petition.opinions', '网络舆情（舆情记录）', refs.opinions),
    ],
  };
}

/** The days a petition summary covers, by variant. */
export interface SummaryWindow {
  from: string;
  to: string;
  asOf: string;
  /** The archive slot's period: the month, the quarter (`2026-Q3`) or the review day. */
  period: string;
  label: string;
}

const lastDayOf = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** The earlier of two days: a window still running is read as of today, never of a day to come. */
const earlier = (a: string, b: string | undefined) => (b !== undefined && b < a ? b : a);

/**
 * A calendar month `YYYY-MM`: from the 1st to its last day, read as of that last
 * day, or of `today` while the month runs (an item due later this month is not
 * overdue yet).
 */
export function monthWindow(period: string, today?: string): SummaryWindow {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const to = lastDayOf(y, m);
  return { from: `${period}-01`, to, asOf: earlier(to, today), period, label: slotPeriodLabel(period) };
}

/** The quarter containing the month `YYYY-MM`, read as of its last day or of `today` while it runs. */
export function quarterWindow(period: string, today?: string): SummaryWindow {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const q = Math.ceil(m / 3);
  const first = (q - 1) * 3 + 1;
  const to = lastDayOf(y, first + 2);
  const quarter = `${y}-Q${q}`;
  return {
    from: `${y}-${pad(first)}-01`,
    to,
    asOf: earlier(to, today),
    period: quarter,
    label: slotPeriodLabel(quarter),
  };
}

/**
 * The window of a town review on `date` (逢四研事): what was received since the
 * previous review day up to the day before, with status read on the review day.
 */
export function reviewWindow(date: string, reviewDays: readonly number[]): SummaryWindow {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const days = [...reviewDays].sort((a, b) => a - b);
  const earlier = days.filter((x) => x < d);
  const prev = earlier.length
    ? `${y}-${pad(m)}-${pad(earlier[earlier.length - 1] as number)}`
    : (() => {
        const pm = m === 1 ? 12 : m - 1;
        const py = m === 1 ? y - 1 : y;
        const last = Number(lastDayOf(py, pm).slice(8, 10));
        const day = Math.min(days[days.length - 1] ?? last, last);
        return `${py}-${pad(pm)}-${pad(day)}`;
      })();
  const to = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from: prev, to, asOf: date, period: date, label: slotPeriodLabel(date) };
}

/** One line of the monthly report form (月报表): a town, or the total. */
export interface MonthlyFormRow {
  townId: string;
  townName: string;
  received: number;
  immediate: number;
  assigned: number;
  deadline: number;
  monitoringReview: number;
  concluded: number;
  resolved: number;
  onTime: number;
  /** 按期办结率, as a share; null when nothing was concluded. */
  onTimeRate: number | null;
  overdue: number;
  callbacks: number;
  satisfied: number;
  opinions: number;
}

/**
 * The monthly report form: one line per town from the analysis of that town's
 * records, then the total line (townId `TOTAL`) from the analysis of all of them.
 */
export function monthlyReportForm(input: PetitionAnalysisInput): MonthlyFormRow[] {
  const line = (townId: string, townName: string, a: PetitionAnalysis): MonthlyFormRow => ({
    townId,
    townName,
    received: a.received,
    immediate: a.byMode.immediate,
    assigned: a.byMode.assigned,
    deadline: a.byMode.deadline,
    monitoringReview: a.monitoringReview,
    concluded: a.concluded,
    resolved: a.resolved,
    onTime: a.onTime,
    onTimeRate: a.onTimeRate,
    overdue: a.overdue.length,
    callbacks: a.callbacks.count + a.opinions.callbacks,
    satisfied: a.callbacks.satisfied,
    opinions: a.opinions.count,
  });
  const rows = input.towns.map((t) =>
    line(
      t.id,
      t.name,
      analysePetitions({
        ...input,
        towns: [t],
        petitions: input.petitions.filter((p) => p.townId === t.id),
        opinions: input.opinions.filter((o) => o.townId === t.id),
      }),
    ),
  );
  return [...rows, line('TOTAL', '合计', analysePetitions(input))];
}
