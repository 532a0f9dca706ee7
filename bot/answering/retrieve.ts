import type { Passage } from '../../knowledge/types.js';
import { judgeRelevance, type GateOptions, type GateVerdict } from './gate.js';
import { translateQuery } from './glossary.js';
import type { Language } from './language.js';
import type { KnowledgePort } from './ports.js';
import type { EvidencePassage } from './types.js';

export interface Retrieved {
  /** The candidate question as resolved from the conversation (user's language). */
  question: string;
  /** What was searched: the question, translated to German words for other languages. */
  search: string;
  passages: Passage[];
  verdict: GateVerdict;
}

/**
 * Searches each candidate reading of the question (from follow-up resolution, best guess
 * first) and keeps the one the relevance gate trusts: a later candidate wins only when the
 * earlier one fails the gate or is clearly weaker.
 */
export async function retrieveBest(
  candidates: string[],
  context: {
    lang: Language;
    knowledge: KnowledgePort;
    searchK: number;
    gate: GateOptions;
    signal?: AbortSignal;
  },
): Promise<Retrieved> {
  let chosen: Retrieved | undefined;
  for (const candidate of candidates) {
    context.signal?.throwIfAborted();
    const search =
      context.lang === 'de'
        ? candidate
        : withKnownWords(translateQuery(candidate, context.lang), candidate, context.knowledge);
    const passages = await context.knowledge.search(search, context.searchK, context.signal);
    const verdict = judgeRelevance(search, passages, context.knowledge, context.gate);
    const confidence = verdict.kind === 'answer' ? verdict.confidence : -1;
    const best = chosen?.verdict.kind === 'answer' ? chosen.verdict.confidence : -1;
    if (!chosen || (best < 0 && confidence >= 0) || confidence > best + 0.3) {
      chosen = { question: candidate, search, passages, verdict };
    }
  }
  if (!chosen) throw new Error('no question candidates');
  return chosen;
}

/**
 * A translated question plus the words of the original the pages know: citizens often
 * name the German term themselves ("Einbürgerung", "Bürgercenter in Buer").
 */
export function withKnownWords(translated: string, original: string, knowledge: KnowledgePort): string {
  const latin = original.match(/[A-Za-zÄÖÜäöüß][A-Za-zÄÖÜäöüß-]{3,}/g) ?? [];
  const known = latin.filter((word) =>
    knowledge.queryWords(word).some((entry) => entry.known && entry.idf > 1.5),
  );
  return [translated, ...known].join(' ').trim();
}

/** Removes redaction placeholders such as "[E-Mail]" and the punctuation around them. */
export function stripPlaceholders(text: string): string {
  return text
    .replace(/\[[\p{L}-]{2,20}\]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function toEvidence(passage: Passage): EvidencePassage {
  return {
    docId: passage.docId,
    title: passage.title,
    url: passage.url,
    headingPath: passage.headingPath,
    text: passage.text,
    score: passage.score,
  };
}
