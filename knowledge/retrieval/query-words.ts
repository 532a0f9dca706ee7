import type { GermanAnalyzer } from '../analysis/index.js';
import { PART_WEIGHT, SYNONYM_WEIGHT } from '../analysis/index.js';
import type { Bm25Index } from '../lexical/index.js';
import type { QueryWord, WeightedQueryTerm } from '../types.js';
import type { SpellingCorrector } from './spelling.js';

/** Weight of a spelling correction in the lexical query (below the word itself). */
export const CORRECTION_WEIGHT = 0.8;

/**
 * Explains a question word by word: its index terms, compound parts, synonyms, spelling
 * corrections for words the index does not know, and how rare it is (idf). The relevance
 * gate uses this to tell a question the pages cover from one they only touch.
 */
export function explainQuery(
  question: string,
  analyzer: GermanAnalyzer,
  lexical: Bm25Index,
  corrector: SpellingCorrector,
): QueryWord[] {
  const count = Math.max(1, lexical.size);
  const idfOf = (df: number) => Math.log(1 + (count - df + 0.5) / (df + 0.5));
  const maxIdf = idfOf(0) + 1;
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  for (const surface of analyzer.tokenize(question)) {
    const terms = analyzer.analyzeQuery(surface);
    if (terms.length === 0) continue;
    const main = terms.filter((term) => term.weight >= 1).map((term) => term.term);
    const parts = terms.filter((term) => term.weight === PART_WEIGHT).map((term) => term.term);
    const synonyms = terms.filter((term) => term.weight === SYNONYM_WEIGHT).map((term) => term.term);
    const key = [...main, ...parts].join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const frequencies = [...main, ...synonyms]
      .map((term) => lexical.documentFrequency(term))
      .filter((df) => df > 0);
    const known =
      frequencies.length > 0 ||
      (parts.length >= 2 && parts.every((part) => lexical.documentFrequency(part) > 0));
    // A misspelt compound can look known through its parts ("Wohngelt" → wohn + gelt): the
    // whole word still gets a correction when the index does not know it.
    const mainKnown = main.some((term) => lexical.documentFrequency(term) > 0);
    const corrections = mainKnown ? [] : main.flatMap((term) => corrector.correct(term));
    const correctedFrequencies = corrections.map((term) => lexical.documentFrequency(term));
    const df = frequencies.length
      ? Math.min(...frequencies)
      : correctedFrequencies.length
        ? Math.min(...correctedFrequencies)
        : 0;
    const partFrequencies = parts.map((part) => lexical.documentFrequency(part)).filter((value) => value > 0);
    const idf =
      df > 0 ? idfOf(df) : known && partFrequencies.length ? idfOf(Math.max(...partFrequencies)) : maxIdf;
    words.push({ surface, terms: main, parts, synonyms, corrections, idf, known });
  }
  return words;
}

/** The lexical query: the analyser's weighted terms plus spelling corrections of unknown words. */
export function lexicalQuery(
  question: string,
  analyzer: GermanAnalyzer,
  lexical: Bm25Index,
  corrector: SpellingCorrector,
): WeightedQueryTerm[] {
  const terms = analyzer.analyzeQuery(question);
  const result = [...terms];
  for (const term of terms) {
    if (term.weight < 1 || lexical.documentFrequency(term.term) > 0) continue;
    for (const correction of corrector.correct(term.term))
      result.push({ term: correction, weight: CORRECTION_WEIGHT });
  }
  return result;
}
