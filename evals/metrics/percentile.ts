/**
 * Nearest-rank percentile (p in 0..100): the smallest value with at least p% of the
 * values at or below it. Null for an empty list. Used for latency p50/p95 in the eval
 * and median/p95 in the bench.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}
