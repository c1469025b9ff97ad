import type { IncomeComponents } from './income.schema.ts';

const fen = (yuan: number): number => Math.round(yuan * 100);

/** Net household income (纯收入) for the month: the four incomes less business costs, in yuan. */
export function netIncome(c: IncomeComponents): number {
  return (fen(c.wage) + fen(c.business) + fen(c.property) + fen(c.transfer) - fen(c.businessCost)) / 100;
}

/** Per-capita net income for the month, rounded to the fen. */
export function perCapitaNet(c: IncomeComponents, memberCount: number): number {
  if (!Number.isInteger(memberCount) || memberCount < 1)
    throw new RangeError('memberCount must be a positive integer');
  return Math.round(fen(netIncome(c)) / memberCount) / 100;
}

/** Annualised per-capita income from one month, for comparison with the yearly threshold. */
export const annualised = (monthlyPerCapita: number): number => Math.round(monthlyPerCapita * 12 * 100) / 100;

/**
 * Share by which net income fell from `previous` to `current` (0.25 = fell by 25%);
 * 0 when it did not fall or there is no positive previous figure to compare with.
 */
export function fallShare(current: number, previous: number | undefined): number {
  if (previous === undefined || previous <= 0 || current >= previous) return 0;
  return (previous - current) / previous;
}
