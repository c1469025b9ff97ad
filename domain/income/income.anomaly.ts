/**
 * What the town's review points out on a household's month, so a sharp fall does
 * not look like any other row: the fall against last month and the same month
 * last year beyond the county's share (the very rule that makes the village give a
 * cause), all four incomes zero, and the cause the village stated. Pure; the
 * review page shows it and filters by it.
 */
import type { YearConfig } from '../config/county-config.ts';
import { fallShare } from './income.calc.ts';
import { fallCauseLabels, type IncomeRecord } from './income.schema.ts';

export interface ReviewAnomalies {
  /** Short Chinese notes, most telling first, e.g. `较上月下降 67%（5,690.00 → 1,900.00 元）`. */
  notes: string[];
  /** The village's stated cause of a fall, e.g. `因病：户主住院两个月`. */
  statedCause: string | null;
}

const yuan = (v: number) => v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (share: number) => `${Math.round(share * 100)}%`;

type Month = Pick<IncomeRecord, 'netIncome' | 'components' | 'fallCause'>;

export function reviewAnomalies(
  row: {
    current: Month | null;
    previous: Pick<Month, 'netIncome'> | null;
    lastYear: Pick<Month, 'netIncome'> | null;
  },
  year: YearConfig,
): ReviewAnomalies {
  const c = row.current;
  if (!c) return { notes: [], statedCause: null };
  const notes: string[] = [];
  const fall = (before: number | undefined, what: string) => {
    const share = fallShare(c.netIncome, before);
    if (before !== undefined && share >= year.sharpFallShare)
      notes.push(`较${what}下降 ${pct(share)}（${yuan(before)} → ${yuan(c.netIncome)} 元）`);
  };
  fall(row.previous?.netIncome, '上月');
  fall(row.lastYear?.netIncome, '去年同月');
  const { wage, business, property, transfer } = c.components;
  if (wage === 0 && business === 0 && property === 0 && transfer === 0) notes.push('四项收入均为零');
  const statedCause = c.fallCause
    ? `${fallCauseLabels[c.fallCause.kind]}${c.fallCause.note ? `：${c.fallCause.note}` : ''}`
    : null;
  return { notes, statedCause };
}
