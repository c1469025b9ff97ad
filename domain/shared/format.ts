/**
 * How figures are written for county staff (zh-CN): thousands separators,
 * yuan with two decimals, 万元 for large sums, percentages with one decimal,
 * dates as `2026年11月8日` in Asia/Shanghai.
 *
 * Written by hand rather than with `Intl.NumberFormat`, so the output does not
 * depend on the ICU data a runtime ships with (Lambda and the local Node may
 * differ) and reports archived today render the same figures when rebuilt.
 */

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`FORMAT.NOT_FINITE: ${what} must be a finite number, got ${value}`);
}

/**
 * Rounds half away from zero at `decimals` places. Going through a 12-digit
 * decimal string first removes binary noise such as 1.005 * 100 = 100.49999….
 */
function roundHalfAway(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(12));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A number with thousands separators and exactly `decimals` decimals:
 * `formatNumber(12345.6, 2)` → `12,345.60`. Negative zero is written as `0`.
 */
export function formatNumber(value: number, decimals = 0): string {
  assertFinite(value, 'value');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new RangeError('FORMAT.DECIMALS: 0 to 6');
  const rounded = roundHalfAway(value, decimals);
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** An integer count with thousands separators: `12,345`. Fractions are rounded. */
export function formatInteger(value: number): string {
  return formatNumber(value, 0);
}

/** An amount in yuan with two decimals: `12,345.60 元`. */
export function formatYuan(value: number): string {
  return `${formatNumber(value, 2)} 元`;
}

/** An amount in 万元 (ten thousand yuan) with `decimals` decimals: `1.23 万元`. */
export function formatWanYuan(value: number, decimals = 2): string {
  assertFinite(value, 'value');
  return `${formatNumber(value / 10_000, decimals)} 万元`;
}

/**
 * An amount written the way a reader takes it in at a glance: yuan below
 * 100,000 (`8,650.00 元`), 万元 from there on (`12.35 万元`).
 */
export function formatMoney(value: number): string {
  assertFinite(value, 'value');
  return Math.abs(value) >= 100_000 ? formatWanYuan(value) : formatYuan(value);
}

/** A share (0.875) as a percentage with one decimal: `87.5%`. */
export function formatPercent(share: number, decimals = 1): string {
  assertFinite(share, 'share');
  return `${formatNumber(share * 100, decimals)}%`;
}

function shanghaiParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  if (Number.isNaN(at.getTime())) throw new RangeError('FORMAT.INVALID_DATE: invalid Date');
  const d = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/**
 * A calendar date as `2026年11月8日`. A `Date` is read in Asia/Shanghai; a
 * `YYYY-MM-DD` string is taken as the calendar date it names.
 */
export function formatDate(at: Date | string): string {
  if (typeof at === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(at);
    if (!m) throw new RangeError(`FORMAT.INVALID_DATE: expected YYYY-MM-DD, got ${JSON.stringify(at)}`);
    const [, y, mo, d] = m;
    const check = new Date(`${at}T00:00:00Z`);
    if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== at)
      throw new RangeError(`FORMAT.INVALID_DATE: no such date ${at}`);
    return `${Number(y)}年${Number(mo)}月${Number(d)}日`;
  }
  const { year, month, day } = shanghaiParts(at);
  return `${year}年${month}月${day}日`;
}

/** An instant as `2026年11月8日 09:30` in Asia/Shanghai. */
export function formatDateTime(at: Date): string {
  const { hour, minute } = shanghaiParts(at);
  return `${formatDate(at)} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
