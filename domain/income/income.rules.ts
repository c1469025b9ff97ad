import { ValidationError } from '../shared/errors.ts';
import type { YearConfig } from '../config/county-config.ts';
import { fallShare, netIncome } from './income.calc.ts';
import type { IncomeEntry } from './income.schema.ts';

/**
 * A fall beyond the configured share against the previous month requires a cause.
 * The browser checks it as the person types; the function checks it again as the authority.
 */
export function requiresFallCause(
  entry: Pick<IncomeEntry, 'components'>,
  previousNet: number | undefined,
  year: YearConfig,
): boolean {
  return fallShare(netIncome(entry.components), previousNet) >= year.sharpFallShare;
}

export function assertFallCause(entry: IncomeEntry, previousNet: number | undefined, year: YearConfig): void {
  if (requiresFallCause(entry, previousNet, year) && !entry.fallCause) {
    const pct = Math.round(year.sharpFallShare * 100);
    throw new ValidationError(
      [
        {
          path: 'fallCause.kind',
          code: 'fall_cause_required',
          message: `收入较上月下降超过 ${pct}%，请选择下降原因`,
        },
      ],
      'INCOME.FALL_CAUSE_REQUIRED',
    );
  }
}
