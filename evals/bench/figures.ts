import { percentile } from '../metrics/percentile.js';

/** One benchmark figure: median and p95 over its samples, or the reason it was skipped. */
export type Figure =
  | {
      group: string;
      name: string;
      unit: string;
      median: number;
      p95: number;
      /** Number of samples (repeated runs, or requests for latencies). */
      samples: number;
      note?: string;
    }
  | { group: string; name: string; unit: string; skipped: string };

/**
 * Median and p95 (nearest rank) of the samples. For rates (pages/s, answers/s) each sample
 * is one repeated run; for latencies each sample is one request.
 */
export function figure(
  group: string,
  name: string,
  unit: string,
  samples: readonly number[],
  note?: string,
): Figure {
  const median = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  if (median === null || p95 === null) return { group, name, unit, skipped: 'no samples' };
  return { group, name, unit, median, p95, samples: samples.length, ...(note ? { note } : {}) };
}

export function skipped(group: string, name: string, unit: string, reason: string): Figure {
  return { group, name, unit, skipped: reason };
}

/** Runs `fn` `runs` times (after `warmup` unrecorded runs) and returns each run's result. */
export async function repeat<T>(runs: number, fn: (run: number) => Promise<T> | T, warmup = 1): Promise<T[]> {
  for (let run = 0; run < warmup; run += 1) await fn(-1 - run);
  const results: T[] = [];
  for (let run = 0; run < runs; run += 1) results.push(await fn(run));
  return results;
}
