import { isInScope, type QuestionKind } from '../dataset.js';
import { shareOf } from './mean.js';

/** Answer types that decline: the bot said it cannot or must not answer. */
export const REFUSAL_TYPES: ReadonlySet<string> = new Set(['out_of_scope', 'no_answer']);

/**
 * Is the refusal decision right? out_of_scope questions must be declined; in-scope
 * questions must not be. Null for emergencies (their own metric).
 */
export function refusalCorrect(kind: QuestionKind, type: string): boolean | null {
  if (kind === 'emergency') return null;
  if (type === 'error') return false;
  const refused = REFUSAL_TYPES.has(type);
  return isInScope(kind) ? !refused : refused;
}

/** refusal_accuracy: share of correct refusal decisions over out_of_scope and in-scope questions. */
export function refusalAccuracy(results: ReadonlyArray<{ refusal_ok: boolean | null }>): number | null {
  return shareOf(results.map((result) => result.refusal_ok));
}
