/** One line of the benchmark table: a workload beside a baseline measured in the same run. */
export interface BenchRow {
  readonly workload: string;
  readonly concurrency: number;
  readonly ops: number;
  readonly perSecond: number;
  readonly baseline: string;
  readonly baselinePerSecond: number;
  /** Workload ÷ baseline (for latencies: baseline ÷ workload, so above 1 is faster). */
  readonly ratio: number;
  readonly peakRssMb: number;
  readonly p50Ms?: number;
  readonly p99Ms?: number;
  readonly maxMs?: number;
  readonly baselineP50Ms?: number;
  readonly baselineP99Ms?: number;
  readonly baselineMaxMs?: number;
  /** Non-2xx responses, connection errors and timeouts (HTTP workloads). */
  readonly errors?: number;
}
