import { existsSync } from 'node:fs';
import { isInScope, loadQuestions } from '../dataset.js';

/** Used when no question file is at hand. */
const FALLBACK = [
  'Was kostet ein Personalausweis?',
  'Wie melde ich meinen Wohnsitz um?',
  'Wann wird mein Sperrmüll abgeholt?',
  'Wie bekomme ich einen Bewohnerparkausweis?',
  'Wie hoch ist die Hundesteuer?',
  'Welche Unterlagen brauche ich für einen Reisepass?',
  'Wo beantrage ich Wohngeld?',
  'Wie melde ich ein Gewerbe an?',
];

/**
 * Realistic queries for latency figures: the answerable questions (without history) of
 * the evaluation set, in file order, so every run asks the same things.
 */
export async function benchQueries(questionsPath: string, count: number): Promise<string[]> {
  if (!existsSync(questionsPath)) return FALLBACK.slice(0, count);
  const questions = (await loadQuestions(questionsPath)).filter(
    (question) => isInScope(question.kind) && question.history.length === 0,
  );
  const picked = questions.map((question) => question.question).slice(0, count);
  return picked.length > 0 ? picked : FALLBACK.slice(0, count);
}
