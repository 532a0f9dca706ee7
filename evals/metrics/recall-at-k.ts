/**
 * Recall@k: the share of expected documents found among the first k distinct retrieved
 * documents. `relevance[i]` says whether rank i+1 newly matched an expected document.
 */
export function recallAtK(relevance: readonly boolean[], expectedCount: number, k: number): number {
  if (expectedCount <= 0) throw new RangeError('recall needs at least one expected document');
  const found = relevance.slice(0, k).filter(Boolean).length;
  return Math.min(1, found / expectedCount);
}
