import { containsNormalized } from '../normalize.js';

/** The `must_include` strings the answer lacks (after normalisation). */
export function missingFacts(answer: string, mustInclude: readonly string[]): string[] {
  return mustInclude.filter((fact) => !containsNormalized(answer, fact));
}

/** The `must_not_include` strings the answer contains (after normalisation). */
export function forbiddenFound(answer: string, mustNotInclude: readonly string[]): string[] {
  return mustNotInclude.filter((fact) => containsNormalized(answer, fact));
}

/**
 * fact_recall: found `must_include` strings over all `must_include` strings, pooled over
 * the questions that have any; null when none has.
 */
export function factRecall(
  results: ReadonlyArray<{ must_include: string[]; missing_facts: string[] }>,
): number | null {
  let total = 0;
  let found = 0;
  for (const result of results) {
    total += result.must_include.length;
    found += result.must_include.length - result.missing_facts.length;
  }
  return total === 0 ? null : found / total;
}
