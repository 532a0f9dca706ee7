import type { Passage } from '../../knowledge/types.js';
import { isAspectWord } from './aspects.js';
import { GENERIC_WORDS } from './generic-words.js';
import { fold } from './normalise.js';
import type { KnowledgePort, QueryWord } from './ports.js';

export interface DocumentCoverage {
  docId: string;
  /** Share of the question's topic weight this document covers (0..1). */
  coverage: number;
  /** Best fused retrieval score of its passages. */
  score: number;
  uncovered: string[];
}

export type GateVerdict =
  | {
      kind: 'answer';
      documents: DocumentCoverage[];
      confidence: number;
      /** Index terms of each head word (words that name a page), for multi-page questions. */
      heads: string[][];
      /** Spelling corrections of the question's words ("Gebüren" → gebuhr). */
      corrections: string[];
    }
  | {
      kind: 'no_answer';
      reason: 'no_topic' | 'not_covered' | 'nothing_found';
      uncovered: string[];
      confidence: number;
    }
  | { kind: 'other_place'; place: string };

export interface GateOptions {
  cityName: string;
  otherPlaces: string[];
  /** Minimum topic coverage of the best document. */
  minCoverage: number;
}

/**
 * The relevance gate: answers only when one retrieved document covers the question's topic
 * words (weighted by rarity, compound parts, synonyms and spelling variants count). A
 * question that names something the sources do not mention — another city, an office, a
 * service — fails here instead of being answered with a neighbouring page's facts.
 */
export function judgeRelevance(
  question: string,
  passages: Passage[],
  knowledge: KnowledgePort,
  options: GateOptions,
): GateVerdict {
  // A place the pages themselves are about is not "another" one: the same profile can then
  // evaluate another city's pages without refusing everything.
  const cityIsLocal = knowledge.describesPlace(options.cityName);
  const place = mentionedOtherPlace(question, options, cityIsLocal, knowledge);
  if (place) return { kind: 'other_place', place };

  const cityFolded = fold(options.cityName);
  const words = knowledge.queryWords(question);
  const topicWords = words
    .filter((word) => word.terms.length + word.parts.length + word.synonyms.length > 0)
    .filter((word) => !GENERIC_WORDS.has(fold(word.surface)) && !isAspectWord(word.surface))
    // A misspelt request verb or aspect ("bentragen", "Gebüren") is no topic either.
    .filter(
      (word) => !word.corrections.some((term) => genericTerms(knowledge).has(term) || isAspectWord(term)),
    )
    .filter((word) => fold(word.surface) !== cityFolded || !cityIsLocal)
    // Numbers qualify a question ("40 Jahre", "3. Mal"); they never name its topic.
    .filter((word) => !/^[\d.,:/-]+$/.test(word.surface));
  if (topicWords.length === 0) return { kind: 'no_answer', reason: 'no_topic', uncovered: [], confidence: 0 };
  if (passages.length === 0) {
    return {
      kind: 'no_answer',
      reason: 'nothing_found',
      uncovered: topicWords.map((word) => word.surface),
      confidence: 0,
    };
  }

  const bestScore = new Map<string, number>();
  for (const passage of passages) {
    if (!bestScore.has(passage.docId)) bestScore.set(passage.docId, passage.score);
  }
  // Head words name a service or page (they occur in some page title: "Personalausweis",
  // "Standesamt"); the rest is context ("Erwachsene", "befindet", "schnell"). The head must
  // be covered; context counts a quarter. A capitalised word the pages never use, in a
  // properly capitalised question, is likely the very thing asked about ("Angelschein").
  const known = topicWords.filter((word) => word.known || word.corrections.length > 0);
  if (known.length === 0) {
    return {
      kind: 'no_answer',
      reason: 'not_covered',
      uncovered: topicWords.map((word) => word.surface),
      confidence: 0,
    };
  }
  const titles = knowledge.titleTerms();
  const isHead = (word: QueryWord) =>
    [...word.terms, ...word.synonyms, ...word.corrections].some((term) => titles.has(term)) ||
    // A compound names a page when one of its parts does ("Sperrmüllabholungen").
    (word.parts.length >= 2 && word.parts.some((part) => part.length >= 4 && titles.has(part)));
  const casing = /\p{Ll}/u.test(question) && /[^.!?¿]\s+\p{Lu}/u.test(question);
  // In a properly capitalised German question the nouns name the topic; a lower-case word
  // ("melde … an", "beantragen") is the action, even when some page title uses it.
  const nounHeads = topicWords.filter(
    (word) => isHead(word) && (!casing || isCapitalised(word.surface, question)),
  );
  const heads = new Set(nounHeads.length > 0 ? nounHeads : topicWords.filter(isHead));
  const weightOf = (word: QueryWord): number => {
    if (heads.size === 0 || heads.has(word)) return word.idf;
    if (isHead(word)) return 0.6 * word.idf; // an action word that names a page ("abmelden")
    if (!word.known && word.corrections.length === 0 && casing && isCapitalised(word.surface, question))
      return 0.6 * word.idf;
    return 0.25 * word.idf;
  };
  const totalWeight = topicWords.reduce((sum, word) => sum + weightOf(word), 0);
  const documents: DocumentCoverage[] = [...bestScore.entries()].slice(0, 6).map(([docId, score]) => {
    const terms = knowledge.documentTerms(docId);
    let covered = 0;
    const uncovered: string[] = [];
    for (const word of topicWords) {
      const share = wordCoverage(word, terms);
      covered += share * weightOf(word);
      if (share < 0.5) uncovered.push(word.surface);
    }
    return { docId, coverage: totalWeight > 0 ? covered / totalWeight : 0, score, uncovered };
  });
  const topScore = documents[0]?.score ?? 0;
  const questionTerms = new Set(
    topicWords.flatMap((word) => [...word.terms, ...word.parts, ...word.synonyms, ...word.corrections]),
  );
  // Coverage decides; a title that names nothing the question does not ("Vorläufiger
  // Personalausweis" for "Was kostet ein Personalausweis?") and the retrieval rank break ties.
  const rank = new Map(
    documents.map((document) => [
      document.docId,
      document.coverage +
        0.15 * (document.score / topScore) +
        0.5 * titleMatch(document.docId, questionTerms, knowledge),
    ]),
  );
  documents.sort((a, b) => (rank.get(b.docId) ?? 0) - (rank.get(a.docId) ?? 0));
  const best = documents[0];
  // A question that names nothing any page title names needs near-full coverage, and a lone
  // lower-case word ("Wie spät ist es?") names no service at all.
  const headless = heads.size === 0;
  const loneAdjective =
    topicWords.length === 1 && casing && !isCapitalised((topicWords[0] as QueryWord).surface, question);
  const required = headless ? Math.max(options.minCoverage, 0.8) : options.minCoverage;
  if (!best || best.coverage < required || (headless && loneAdjective)) {
    return {
      kind: 'no_answer',
      reason: 'not_covered',
      uncovered: best?.uncovered ?? topicWords.map((word) => word.surface),
      confidence: best?.coverage ?? 0,
    };
  }
  const headTerms = [...heads].map((word) => [...word.terms, ...word.synonyms, ...word.corrections]);
  return {
    kind: 'answer',
    documents,
    confidence: best.coverage,
    heads: headTerms,
    corrections: words.flatMap((word) => word.corrections),
  };
}

const genericTermCache = new WeakMap<KnowledgePort, Set<string>>();
/** The index terms (stems) of the generic words, per knowledge base. */
function genericTerms(knowledge: KnowledgePort): Set<string> {
  let terms = genericTermCache.get(knowledge);
  if (!terms) {
    terms = new Set([...GENERIC_WORDS].flatMap((word) => knowledge.termsOf(word)));
    genericTermCache.set(knowledge, terms);
  }
  return terms;
}

/** Whether the word starts with a capital where the question uses it ("Sperrmüll", "GELSENDIENSTE"). */
function isCapitalised(surface: string, question: string): boolean {
  const first = surface.charAt(0);
  if (first.toUpperCase() === first) return false;
  const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'iu').exec(question);
  return match !== null && /^\p{Lu}/u.test(match[0]);
}

/** Share of the title's topic words that the question names (1 = the title is about exactly that). */
function titleMatch(docId: string, questionTerms: ReadonlySet<string>, knowledge: KnowledgePort): number {
  const title = knowledge.documentChunks(docId)[0]?.title ?? '';
  const words = knowledge
    .queryWords(title)
    .filter(
      (word) =>
        !GENERIC_WORDS.has(fold(word.surface)) && !isAspectWord(word.surface) && word.terms.length > 0,
    );
  if (words.length === 0) return 0;
  const named = words.filter(
    (word) =>
      word.terms.some((term) => questionTerms.has(term)) ||
      (word.parts.length > 1 && word.parts.every((part) => questionTerms.has(part))),
  );
  return named.length / words.length;
}

function wordCoverage(word: QueryWord, terms: ReadonlySet<string>): number {
  if (word.terms.some((term) => terms.has(term))) return 1;
  if (word.parts.length >= 2 && word.parts.every((part) => terms.has(part))) return 0.9;
  if (word.synonyms.some((term) => terms.has(term))) return 0.9;
  if (word.corrections.some((term) => terms.has(term))) return 0.85;
  if (word.parts.length >= 2) {
    const share = word.parts.filter((part) => terms.has(part)).length / word.parts.length;
    return share * 0.5;
  }
  return 0;
}

/** "… in Essen?" → "Essen" when Essen is another place and the city itself is not named. */
function mentionedOtherPlace(
  question: string,
  options: GateOptions,
  cityIsLocal: boolean,
  knowledge: KnowledgePort,
): string | undefined {
  // The profile's own city counts as another place when the pages are not about it (the
  // same deployment evaluated on another city's pages must not answer for its own city).
  if (cityIsLocal && question.includes(options.cityName)) return undefined;
  const places = cityIsLocal ? options.otherPlaces : [options.cityName, ...options.otherPlaces];
  for (const place of places) {
    if (!question.includes(place) || knowledge.describesPlace(place)) continue;
    const escaped = place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(
      `(?:\\b(?:in|im|aus|von|nach|für|bei|der Stadt|Stadt|Kreis|city of|in the city of)\\s+${escaped}(?![\\p{L}])|(?<![\\p{L}])${escaped}er\\s+(?:Bürger|Stadt|Rathaus|Bürgeramt|Bürgerbüro))`,
      'u',
    );
    if (pattern.test(question)) return place;
  }
  return undefined;
}
