/** Reciprocal rank within the first k: 1/rank of the first relevant document, else 0. MRR@k is its mean. */
export function reciprocalRankAtK(relevance: readonly boolean[], k: number): number {
  const index = relevance.slice(0, k).indexOf(true);
  return index === -1 ? 0 : 1 / (index + 1);
}
