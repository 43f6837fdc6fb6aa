import { describe, expect, it } from 'vitest';
import { stagesOf } from '../../bench/floor';
import { percentile, summarize } from '../../bench/stats';

describe('the bench’s percentiles', () => {
  it('are nearest-rank: always a measured value', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7, 1, 3], 50)).toBe(3);
    expect(percentile([7, 1, 3, 5], 50)).toBe(3);
    expect(percentile([42], 99)).toBe(42);
  });

  it('of 200 latencies put p99 at the 198th, so the two worst stay out', () => {
    const values = [...Array.from({ length: 197 }, () => 10), 500, 900, 950];
    expect(percentile(values, 99)).toBe(500);
  });

  it('refuse no values and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });

  it('summarize a run as p50, p99 and operations per second of wall time', () => {
    expect(summarize([10, 20, 30, 40], 2, 50)).toEqual({
      ops: 4,
      concurrency: 2,
      p50Ms: 20,
      p99Ms: 40,
      opsPerSecond: 80,
    });
  });
});

describe('the floor’s stages', () => {
  const c = (name: string, start: number, end: number) => ({ name, input: {}, start, end, units: 0 });

  it('group the commands a call had in flight together, in the order they started', () => {
    const stages = stagesOf([
      c('Put', 0, 5),
      c('GetA', 6, 9),
      c('GetB', 6, 8),
      c('Batch', 8.5, 12),
      c('Tx', 12, 20),
    ]);
    expect(stages.map((s) => s.map((x) => x.name))).toEqual([['Put'], ['GetA', 'GetB'], ['Batch'], ['Tx']]);
  });
});
