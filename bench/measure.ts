/** Bounded-concurrency runner and latency figures for the bench and the load test. */

export interface RunResult {
  latencies: number[];
  ms: number;
  errors: number;
}

export interface LatencySummary {
  count: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` in flight; times each. */
export async function runConcurrent(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
  onProgress?: (done: number) => void,
): Promise<RunResult> {
  const latencies = new Array<number>(n);
  let next = 0;
  let done = 0;
  let errors = 0;
  const step = Math.max(1, Math.floor(n / 10));
  const t0 = performance.now();
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const s = performance.now();
      try {
        await task(i);
      } catch {
        errors++;
      }
      latencies[i] = performance.now() - s;
      if (++done % step === 0) onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return { latencies, ms: performance.now() - t0, errors };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(r: RunResult): LatencySummary {
  const s = [...r.latencies].sort((a, b) => a - b);
  return {
    count: s.length,
    throughput: s.length / (r.ms / 1000),
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
  };
}
