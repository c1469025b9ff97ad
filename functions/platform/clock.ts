/**
 * The system's clock: every reading of "now" that a rule, deadline, period or
 * record timestamp depends on goes through `now()`.
 *
 * In AWS it is the real time. Locally and in tests `SHOUWANG_NOW` (an ISO instant
 * or a Shanghai date, `2026-03-01`) sets what the clock reads when the process
 * starts; it then runs on at real speed, so timeouts and token lifetimes still
 * behave. The date-matrix script (`npm run test:dates`) runs the suite on chosen
 * days this way.
 */

/** Parses `SHOUWANG_NOW`: a bare date is taken as 10:00 that day in Asia/Shanghai. */
export function parseClockSetting(raw: string): number {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T10:00:00+08:00` : raw;
  const at = Date.parse(text);
  if (Number.isNaN(at))
    throw new Error(`CONFIG.CLOCK_INVALID: SHOUWANG_NOW=${raw} is not a date or an instant`);
  return at;
}

const setting = process.env.SHOUWANG_NOW;
let offsetMs = setting ? parseClockSetting(setting) - Date.now() : 0;

/** The current instant on the system's clock. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/**
 * Moves the clock so that it reads `at` now (then runs on): for tests that play a
 * scenario across months in one process. Never called by the system itself.
 */
export function setClockForTest(at: string | Date): void {
  offsetMs = (typeof at === 'string' ? parseClockSetting(at) : at.getTime()) - Date.now();
}
