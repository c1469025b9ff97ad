/**
 * When a failed email is tried again: exponential backoff from the failure, up to a
 * last attempt, after which the county office is told instead.
 */
export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

/** Five attempts over about four hours: 15, 30, 60 and 120 minutes apart. */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 15 * 60_000,
  maxDelayMs: 6 * 3600_000,
};

/**
 * The time of the next attempt after `attempts` attempts have failed, the last at
 * `failedAt`; `null` when that was the last attempt the policy allows.
 */
export function nextAttemptAt(
  attempts: number,
  failedAt: Date,
  policy: RetryPolicy = defaultRetryPolicy,
): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delay = Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
  return new Date(failedAt.getTime() + delay);
}
