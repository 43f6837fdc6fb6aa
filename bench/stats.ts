/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p % of the
 * values at or below it. It is always one of the measured values, never an interpolation.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[rank - 1] as number;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export interface LoadSummary {
  ops: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  /** Completed operations per second over the run's wall time. */
  opsPerSecond: number;
}

export function summarize(latencies: readonly number[], concurrency: number, wallMs: number): LoadSummary {
  return {
    ops: latencies.length,
    concurrency,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    opsPerSecond: round((latencies.length / wallMs) * 1000),
  };
}

/** Two decimals: the precision the summary prints, kept in results.json too. */
export const round = (x: number) => Math.round(x * 100) / 100;

/** `a ÷ b` to two decimals. */
export const ratio = (a: number, b: number) => round(a / b);
