import { isInScope, type QuestionKind } from '../dataset.js';
import { shareOf } from './mean.js';

/**
 * answer_pass_rate: in-scope questions whose answer has type `answer`, contains every
 * `must_include` and no `must_not_include` string; over all in-scope questions.
 */
export function answerPasses(result: {
  type: string;
  missing_facts: string[];
  forbidden_found: string[];
}): boolean {
  return result.type === 'answer' && result.missing_facts.length === 0 && result.forbidden_found.length === 0;
}

export function answerPassRate(
  results: ReadonlyArray<{
    kind: QuestionKind;
    type: string;
    missing_facts: string[];
    forbidden_found: string[];
  }>,
): number | null {
  return shareOf(results.filter((result) => isInScope(result.kind)).map(answerPasses));
}
