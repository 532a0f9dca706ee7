import { isInScope, type QuestionKind } from '../dataset.js';

/**
 * citation_precision: cited documents that are among `expected_docs` over all cited
 * documents (distinct per question), pooled over in-scope questions that have
 * expected documents and cite something; null when no such question exists.
 */
export function citationPrecision(
  results: ReadonlyArray<{
    kind: QuestionKind;
    expected_docs: string[];
    cited_docs: string[];
    cited_expected: number;
  }>,
): number | null {
  let cited = 0;
  let correct = 0;
  for (const result of results) {
    if (!isInScope(result.kind) || result.expected_docs.length === 0) continue;
    cited += result.cited_docs.length;
    correct += result.cited_expected;
  }
  return cited === 0 ? null : correct / cited;
}
