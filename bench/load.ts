import { type LoadSummary, summarize } from './stats';

export interface Sample {
  latencies: number[];
  wallMs: number;
}

/**
 * Operations `from`…`to - 1` from `concurrency` clients; client c runs the operations whose
 * index is c modulo `concurrency`, in turn, so a client keeps to its own households across runs.
 */
export async function runLoad(
  from: number,
  to: number,
  concurrency: number,
  op: (index: number, client: number) => Promise<unknown>,
): Promise<Sample> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      const first = from + ((client - (from % concurrency) + concurrency) % concurrency);
      for (let i = first; i < to; i += concurrency) {
        const t0 = performance.now();
        await op(i, client);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started };
}

/** Rounds of one side pooled: all latencies, and throughput over the rounds' summed wall time. */
export function pooled(samples: Sample[], concurrency: number): LoadSummary {
  return summarize(
    samples.flatMap((s) => s.latencies),
    concurrency,
    samples.reduce((sum, s) => sum + s.wallMs, 0),
  );
}
