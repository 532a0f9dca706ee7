import { stemmer } from '@orama/stemmers/german';
import { BASE_VOCABULARY } from './base-vocabulary.js';
import { EVERYDAY_SYNONYMS } from './everyday-synonyms.js';
import { splitCompound, SHORT_PARTS, type DecompoundVocabulary } from './decompound.js';
import { foldWord, normalizeText } from './fold.js';
import { isStopword } from './stopwords.js';
import { matchSynonyms, type QueryTerms, type SynonymRule } from './synonyms.js';
import { joinsHyphenated, numberTerms, scanTokens, visitTokens, type Token } from './tokens.js';

/**
 * Version of the analysis behaviour. The snapshot manifest records it; bump it whenever
 * the terms produced for a text change, so stored lexical indexes are rebuilt.
 */
export const ANALYZER_VERSION = 'de-2';
/** Query weight of a term found inside a compound (the whole word weighs 1). */
export const PART_WEIGHT = 0.7;
/** Query weight of a term added by a city-profile synonym. */
export const SYNONYM_WEIGHT = 0.6;

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface GermanAnalyzerOptions {
  /** City-profile synonyms: local word → terms the pages use (case and umlaut spelling do not matter). */
  synonyms?: Record<string, string[]>;
  /** Known words or terms for compound splitting; usually set later from the index (`setVocabulary`). */
  vocabulary?: Iterable<string>;
}

/** German lexical analysis for the BM25 index and the query side of it. */
export interface GermanAnalyzer {
  readonly version: string;
  /** Surface words: NFKC, lower case, umlauts kept; hyphenated words whole; numbers as written. */
  tokenize(text: string): string[];
  /** Index terms in text order, with repeats (term frequency counts): folded stems, compound parts, numbers. */
  analyze(text: string): string[];
  /** Distinct query terms with weights: words 1, compound parts `PART_WEIGHT`, synonyms `SYNONYM_WEIGHT`. */
  analyzeQuery(text: string): WeightedTerm[];
  /** Replaces the corpus vocabulary used for compound splitting (the built-in base list stays). */
  setVocabulary(words: Iterable<string>): void;
}

interface TokenTerms {
  /** The token's own term, used for phrase matching of synonyms; absent for stopwords and joined numbers. */
  head?: string;
  main: string[];
  parts: string[];
  inner: QueryTerms['inner'];
}

const EMPTY: TokenTerms = { main: [], parts: [], inner: [] };
const CACHE_LIMIT = 200_000;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /[0-9]/;

/**
 * "abzumelden" → "abmelden", "zuzulassen" → "zulassen": the zu-infinitive of separable verbs
 * puts "zu" inside the word, which would keep it from meeting "Abmeldung" or "zulassen".
 */
const SEPARABLE_ZU =
  /^(ab|an|auf|aus|ein|um|zu|vor|nach|mit|weg|zuruck|her|hin|fest|frei|los|dar|bei)zu([a-z]{3,}en)$/;
export function withoutInfinitiveZu(folded: string): string {
  const match = SEPARABLE_ZU.exec(folded);
  return match ? `${match[1]}${match[2]}` : folded;
}

/** Creates an analyser; cheap, but keep one per index because the vocabulary is per corpus. */
export function createGermanAnalyzer(options: GermanAnalyzerOptions = {}): GermanAnalyzer {
  const stems = new Map<string, string>();
  const stem = (folded: string): string => {
    let result = stems.get(folded);
    if (result === undefined) {
      if (stems.size >= CACHE_LIMIT) stems.clear();
      result = HAS_DIGIT.test(folded) ? folded : stemmer(withoutInfinitiveZu(folded));
      stems.set(folded, result);
    }
    return result;
  };
  let vocabulary = new Set<string>();
  const lexicon: DecompoundVocabulary = { has: (term) => vocabulary.has(term), stem };
  const cache = new Map<string, TokenTerms>();

  const setVocabulary = (words: Iterable<string>) => {
    const next = new Set<string>(SHORT_PARTS);
    const add = (word: string) => {
      if (!HAS_LETTER.test(word) || HAS_DIGIT.test(word)) return;
      const folded = foldWord(normalizeText(word));
      if (isStopword(folded)) return;
      next.add(folded);
      next.add(stem(folded));
    };
    for (const word of BASE_VOCABULARY) add(word);
    for (const word of words) add(word);
    vocabulary = next;
    cache.clear();
  };

  const wordTerms = (surface: string): TokenTerms => {
    const folded = foldWord(surface);
    if (folded.length < 2 || isStopword(folded)) return EMPTY;
    const term = stem(folded);
    const parts = splitCompound(folded, lexicon).filter((part) => part !== term);
    return { head: term, main: [term], parts, inner: parts.map((part) => ({ term: part, part: true })) };
  };

  const tokenTerms = (
    kind: Token['kind'],
    surface: string,
    pieces?: string[],
    joined = false,
  ): TokenTerms => {
    const key = kind === 'word' ? surface : `${kind}:${joined ? '+' : ''}${surface}`;
    let terms = cache.get(key);
    if (terms) return terms;
    if (kind === 'word') terms = wordTerms(surface);
    else if (kind === 'number')
      terms = { head: joined ? undefined : surface, main: numberTerms(surface), parts: [], inner: [] };
    else terms = hyphenatedTerms(pieces ?? []);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, terms);
    return terms;
  };

  const hyphenatedTerms = (pieces: string[]): TokenTerms => {
    const analysed = pieces.map((piece) =>
      /^[0-9]+$/.test(piece) ? { head: piece, main: [piece], parts: [], inner: [] } : wordTerms(piece),
    );
    const joined = joinsHyphenated({ pieces }) ? [stem(foldWord(pieces.join('')))] : [];
    return {
      head: joined[0] ?? analysed.at(-1)?.head,
      main: [...new Set([...analysed.flatMap((piece) => piece.main), ...joined])],
      parts: [...new Set(analysed.flatMap((piece) => piece.parts))],
      inner: [
        ...analysed.flatMap((piece) => piece.main.map((term) => ({ term, part: false }))),
        ...analysed.flatMap((piece) => piece.inner),
      ],
    };
  };

  const analyze = (text: string): string[] => {
    const out: string[] = [];
    visitTokens(text, (kind, surface, pieces, joined) => {
      const terms = tokenTerms(kind, surface, pieces, joined);
      for (const term of terms.main) out.push(term);
      for (const term of terms.parts) out.push(term);
    });
    return out;
  };

  const rules = compileSynonyms(
    { ...EVERYDAY_SYNONYMS, ...(options.synonyms ?? {}) },
    (token) =>
      tokenTerms(
        token.kind,
        token.surface,
        'pieces' in token ? token.pieces : undefined,
        'joined' in token && token.joined === true,
      ).head,
  );

  const analyzeQuery = (text: string): WeightedTerm[] => {
    const weights = new Map<string, number>();
    const add = (term: string, weight: number) => weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const query: QueryTerms = { heads: [], inner: [] };
    visitTokens(text, (kind, surface, pieces, joined) => {
      const terms = tokenTerms(kind, surface, pieces, joined);
      for (const term of terms.main) add(term, 1);
      for (const term of terms.parts) add(term, PART_WEIGHT);
      if (terms.head !== undefined) query.heads.push(terms.head);
      query.inner.push(...terms.inner);
    });
    for (const { rule, viaPart } of matchSynonyms(rules, query)) {
      const weight = SYNONYM_WEIGHT * (viaPart ? PART_WEIGHT : 1);
      for (const term of analyze(rule.expansion)) add(term, weight);
    }
    return [...weights].map(([term, weight]) => ({ term, weight }));
  };

  setVocabulary(options.vocabulary ?? []);
  return {
    version: ANALYZER_VERSION,
    tokenize: (text) =>
      scanTokens(text)
        .filter((token) => !(token.kind === 'number' && token.joined))
        .map((token) => token.surface),
    analyze,
    analyzeQuery,
    setVocabulary,
  };
}

function compileSynonyms(
  synonyms: Record<string, string[]>,
  headOf: (token: Token) => string | undefined,
): SynonymRule[] {
  const rules: SynonymRule[] = [];
  for (const [key, values] of Object.entries(synonyms)) {
    const tokens = scanTokens(key).filter((token) => !(token.kind === 'number' && token.joined));
    const triggers = [tokens.map(headOf).filter((head): head is string => head !== undefined)];
    const only = tokens[0];
    if (tokens.length === 1 && only?.kind === 'hyphenated') {
      triggers.push(
        only.pieces
          .map((piece) => headOf({ kind: 'word', surface: piece }))
          .filter((head) => head !== undefined),
      );
    }
    for (const value of values) rules.push({ triggers, expansion: value });
  }
  return rules;
}
