import type { RouteWeight } from './admin-bench';
import type { LevelResult, OperationCost } from './api-bench';
import type { BundleResult } from './bundles';
import type { ImportResult } from './imports-bench';
import type { Operation } from './operations';
import type { ScalePoint } from './report-scale';

/** Everything one `npm run bench` measured: bench/results.json, and what RESULTS.md is written from. */
export interface Results {
  generatedAt: string;
  commit: string;
  durationSeconds: number;
  machine: {
    cores: number;
    cpu: string;
    memoryGiB: number;
    node: string;
    /** 1, 5 and 15 minute load averages when the bench started and when it ended. */
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  settings: { opsPerLevel: number; warmup: number; levels: readonly number[] };
  operations?: Record<Operation, { cost: OperationCost; levels: Record<number, LevelResult> }>;
  reportScale?: { calls: number; points: ScalePoint[] };
  imports?: ImportResult[];
  bundles?: BundleResult[];
  admin?: RouteWeight[];
  /** Sections that failed, with why; the others still ran. */
  errors: Record<string, string>;
}
