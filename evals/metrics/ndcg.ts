/**
 * nDCG@k with binary relevance: DCG = Σ rel_i / log2(i + 1) over ranks i = 1..k, divided
 * by the DCG of an ideal ranking that puts min(expectedCount, k) relevant documents first.
 */
export function ndcgAtK(relevance: readonly boolean[], expectedCount: number, k: number): number {
  if (expectedCount <= 0) throw new RangeError('nDCG needs at least one expected document');
  const gain = (rank: number) => 1 / Math.log2(rank + 1);
  let dcg = 0;
  relevance.slice(0, k).forEach((relevant, index) => {
    if (relevant) dcg += gain(index + 1);
  });
  let ideal = 0;
  for (let rank = 1; rank <= Math.min(expectedCount, k); rank += 1) ideal += gain(rank);
  return dcg / ideal;
}
