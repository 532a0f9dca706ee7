import type { Chunk, Passage } from '../../knowledge/types.js';
import { sectionAnswers, type Aspect } from './aspects.js';
import type { DocumentCoverage } from './gate.js';
import type { KnowledgePort } from './ports.js';
import { isAspectWord } from './aspects.js';
import { GENERIC_WORDS } from './generic-words.js';
import { fold } from './normalise.js';
import { filterByAge, filterRows, numerals, questionAge } from './qualifiers.js';
import { splitUnits } from './sentences.js';
import type { Citation } from './types.js';

export interface ExtractiveInput {
  question: string;
  aspects: Aspect[];
  documents: DocumentCoverage[];
  passages: Passage[];
  knowledge: KnowledgePort;
  minCoverage: number;
  lang?: string;
  cityName?: string;
  /** The newest message when the question was joined to earlier ones (follow-ups). */
  focus?: string;
  /** Index terms of the question's head words (from the relevance gate). */
  heads?: string[][];
  /** The question as asked (before translation), for qualifiers such as an age. */
  originalQuestion?: string;
  /** Sentence above the quoted sections (language note for non-German questions). */
  preface?: string;
}

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
}

const SECTION_BUDGET = 650;
const TOTAL_BUDGET = 1600;
const MAX_SECTIONS_PER_DOC = 4;

/** Cues in the text itself, for pages whose headings do not name the aspect. */
const TEXT_CUES: Partial<Record<Aspect, RegExp>> = {
  fees: /\d\s?(?:€|Euro|EUR)\b|gebührenfrei|kostenlos/i,
  hours: /\d{1,2}(?:[.:]\d{2})?\s?(?:–|-|bis)\s?\d{1,2}(?:[.:]\d{2})?\s?Uhr|\bUhr\b/,
  duration: /\b(?:Wochen|Tage|Werktage|Monate|sofort)\b/,
  deadline: /\b(?:innerhalb|spätestens|Frist|bis zum)\b/i,
  place: /\b\d{5}\s+\p{Lu}|Straße|Platz|Raum\s\d/u,
  online: /\bonline\b|https?:\/\//i,
  appointment: /\bTermin/i,
  validity: /gültig/i,
  eligibility: /\bab \d{1,2} Jahren|\bJahre alt|\bvolljährig|\bMindestalter/i,
};

/**
 * Composes an answer only from the retrieved pages: for each chosen document the sections
 * that answer the asked aspects (fees, documents, hours …), trimmed to the sentences that
 * match the question, each followed by its source number. Nothing is paraphrased.
 */
export function composeExtractive(input: ExtractiveInput): ExtractiveAnswer {
  const chosen = chooseDocuments(input);
  const questionTerms = new Set(input.knowledge.termsOf(input.question));
  const age = questionAge(input.originalQuestion ?? input.question);
  const parts: string[] = input.preface ? [input.preface] : [];
  const citations: Citation[] = [];
  let used = 0;
  for (const document of chosen) {
    const sections = pickSections(document.docId, input, questionTerms);
    if (sections.length === 0) continue;
    const n = citations.length + 1;
    const first = sections[0] as Chunk;
    const multi = chosen.length > 1;
    const rendered: string[] = [];
    const qualifiers = qualifierTerms(input, first.title);
    for (const chunk of sections) {
      const budget = Math.min(SECTION_BUDGET, TOTAL_BUDGET - used);
      if (budget < 120) break;
      const narrowed = filterRows(filterByAge(chunk.text, age), qualifiers, (text) =>
        input.knowledge.termsOf(text),
      );
      const body = trimToBudget(narrowed, questionTerms, input.knowledge, budget);
      used += body.length;
      const heading = chunk.headingPath.at(-1) ?? (multi ? '' : undefined);
      rendered.push(heading ? `**${heading}**\n${body}` : body);
    }
    if (rendered.length === 0) continue;
    const block = rendered.join('\n\n') + ` [${n}]`;
    parts.push(multi ? `**${first.title}**\n\n${block}` : block);
    const score = input.passages.find((passage) => passage.docId === document.docId)?.score ?? document.score;
    citations.push({
      n,
      docId: first.docId,
      url: first.url,
      title: first.title,
      updated: first.updated,
      headingPath: first.headingPath,
      passage: shorten(sections.map((chunk) => chunk.text).join('\n'), 400),
      score,
    });
  }
  return { text: parts.join('\n\n'), citations };
}

/** Terms of the question that narrow its topic down: not the page's own title words, not request or aspect words. */
function qualifierTerms(input: ExtractiveInput, title: string): Set<string> {
  // Only German questions: words of another language would match German rows by accident.
  if (input.lang !== undefined && input.lang !== 'de') return new Set(numerals(input.originalQuestion ?? ''));
  const titleTerms = new Set([
    ...input.knowledge.termsOf(title),
    ...input.knowledge.termsOf(input.cityName ?? ''),
  ]);
  const words = (input.originalQuestion ?? input.question).split(/[^\p{L}\d-]+/u).filter(Boolean);
  const terms = words
    .filter((word) => !GENERIC_WORDS.has(fold(word)) && !isAspectWord(word))
    .flatMap((word) => input.knowledge.termsOf(word))
    .filter((term) => !titleTerms.has(term) && term.length > 2);
  return new Set([...terms, ...numerals(input.originalQuestion ?? input.question)]);
}

/** The best document, plus a second one when the question names something only it covers. */
function chooseDocuments(input: ExtractiveInput): DocumentCoverage[] {
  const [best, ...rest] = input.documents;
  if (!best) return [];
  // Only a question that joins two things ("Personalausweis und Reisepass", "ziehe um und
  // brauche …") gets a second page; otherwise extra pages only dilute the answer.
  if (!JOINED.test(input.originalQuestion ?? input.question)) return [best];
  const titleTerms = (docId: string) =>
    new Set(input.knowledge.termsOf(input.knowledge.documentChunks(docId)[0]?.title ?? ''));
  const bestTitle = titleTerms(best.docId);
  const bestUrl = input.knowledge.documentChunks(best.docId)[0]?.url;
  const bestTerms = input.knowledge.documentTerms(best.docId);
  for (const head of input.heads ?? []) {
    if (head.some((term) => bestTitle.has(term))) continue;
    // A head word the best page does not even mention, or one that names another page.
    const other = rest.find((document) => {
      if (input.knowledge.documentChunks(document.docId)[0]?.url === bestUrl) return false;
      const named = head.some((term) => titleTerms(document.docId).has(term));
      const missing = !head.some((term) => bestTerms.has(term));
      return (
        named ||
        (missing &&
          document.coverage >= input.minCoverage * 0.6 &&
          head.some((term) => input.knowledge.documentTerms(document.docId).has(term)))
      );
    });
    if (other) return [best, other];
  }
  return [best];
}

const JOINED = /(?<!\p{L})(?:und|sowie|außerdem|ausserdem|zusätzlich|and|also|ve|та|і|و)(?!\p{L})/iu;

function pickSections(docId: string, input: ExtractiveInput, questionTerms: Set<string>): Chunk[] {
  // A service description and the page it describes are one source: their sections are
  // pooled, so the richer of the two answers each aspect.
  const chunks = [docId, ...input.knowledge.siblings(docId)].flatMap((id) =>
    input.knowledge.documentChunks(id),
  );
  if (chunks.length === 0) return [];
  const pooled = new Set([docId, ...input.knowledge.siblings(docId)]);
  const retrieved = new Map(input.passages.filter((p) => pooled.has(p.docId)).map((p) => [p.id, p.score]));
  // Each chunk is analysed once per answer; the sorts below compare these sets many times.
  const bodyTerms = memo((chunk: Chunk) => new Set(input.knowledge.termsOf(chunk.text)));
  const allTerms = memo(
    (chunk: Chunk) => new Set([...bodyTerms(chunk), ...input.knowledge.termsOf(chunk.headingPath.join(' '))]),
  );
  const shared = (terms: ReadonlySet<string>, chunk: Chunk) => {
    const own = allTerms(chunk);
    let count = 0;
    for (const term of terms) if (own.has(term)) count++;
    return count;
  };
  const overlap = (chunk: Chunk) => shared(questionTerms, chunk);
  // In a follow-up the newest message says what is wanted now ("Und wenn einer davon
  // stirbt?"); its words rank the sections before the retrieval score does.
  const focusTerms = new Set(input.focus ? input.knowledge.termsOf(input.focus) : []);
  const focus = (chunk: Chunk) => (focusTerms.size === 0 ? 0 : shared(focusTerms, chunk));
  const rank = (a: Chunk, b: Chunk) =>
    focus(b) - focus(a) ||
    (retrieved.get(b.id) ?? 0) - (retrieved.get(a.id) ?? 0) ||
    overlap(b) - overlap(a) ||
    a.ordinal - b.ordinal;

  const picked: Chunk[] = [];
  // A follow-up's own topic word ("bewilligt", "stirbt") picks its section first.
  const focusTopic = input.focus
    ? new Set(
        input.focus
          .split(/[^\p{L}\d-]+/u)
          .filter((word) => word && !GENERIC_WORDS.has(fold(word)) && !isAspectWord(word))
          .flatMap((word) => input.knowledge.termsOf(word)),
      )
    : new Set<string>();
  if (focusTopic.size > 0) {
    const hit = chunks.find((chunk) => [...bodyTerms(chunk)].some((term) => focusTopic.has(term)));
    if (hit) picked.push(hit);
  }
  // "Wie beantrage ich …?" is answered by the steps and what to bring.
  // A bare topic ("Sperrmüll?", "Hundesteuer") gets an overview: how, what it costs, who.
  const bare = input.aspects.length === 0 && questionTerms.size <= 3;
  const aspects: Aspect[] =
    input.aspects.length === 1 && input.aspects[0] === 'procedure'
      ? ['procedure', 'documents', 'deadline']
      : bare
        ? ['procedure', 'fees', 'place']
        : input.aspects;
  if (bare) {
    // The passage retrieval liked best comes first ("Was ist eine eVB-Nummer?").
    const top = [...chunks].filter((chunk) => retrieved.has(chunk.id)).sort(rank)[0];
    if (top && !picked.includes(top)) picked.push(top);
  }
  for (const aspect of aspects) {
    let matches = chunks.filter((chunk) => sectionAnswers(aspect, chunk.headingPath, chunk.field));
    const cue = TEXT_CUES[aspect];
    if (matches.length === 0 && cue) matches = chunks.filter((chunk) => cue.test(chunk.text));
    for (const chunk of matches.sort(rank).slice(0, 2)) {
      if (!picked.includes(chunk) && !picked.some((other) => similar(other, chunk, bodyTerms)))
        picked.push(chunk);
    }
  }
  const intro = chunks.find((chunk) => chunk.headingPath.length === 0 || chunk.field === 'summary');
  if (
    ((input.aspects.length === 1 && input.aspects[0] === 'procedure') || bare) &&
    intro &&
    !picked.includes(intro)
  ) {
    picked.unshift(intro); // the summary usually holds the deadline and who must act
  }
  if (picked.length === 0) {
    const best = [...chunks].sort(rank)[0];
    if (best) picked.push(best);
    if (intro && intro !== best && best && best.headingPath.length > 0 && input.aspects.length === 0)
      picked.unshift(intro);
  }
  const order = (chunk: Chunk) => (chunk.docId === docId ? 0 : 1);
  return picked.slice(0, MAX_SECTIONS_PER_DOC).sort((a, b) => order(a) - order(b) || a.ordinal - b.ordinal);
}

/** Caches a function of a chunk for the length of one answer. */
function memo<T>(compute: (chunk: Chunk) => T): (chunk: Chunk) => T {
  const cache = new Map<string, T>();
  return (chunk) => {
    let value = cache.get(chunk.id);
    if (value === undefined) {
      value = compute(chunk);
      cache.set(chunk.id, value);
    }
    return value;
  };
}

/** Two sections saying much the same (a page's fee table and the catalogue's fee list). */
function similar(a: Chunk, b: Chunk, termsOf: (chunk: Chunk) => ReadonlySet<string>): boolean {
  if (a.docId === b.docId) return false;
  const left = termsOf(a);
  const right = termsOf(b);
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  return shared / Math.max(1, Math.min(left.size, right.size)) > 0.6;
}

/** Keeps a section whole when it fits, otherwise the units that match the question, in order. */
function trimToBudget(
  text: string,
  questionTerms: Set<string>,
  knowledge: KnowledgePort,
  budget: number,
): string {
  if (text.length <= budget) return text;
  const units = splitUnits(text);
  const scored = units.map((unit, index) => {
    const terms = knowledge.termsOf(unit);
    let score = 0;
    for (const term of terms) if (questionTerms.has(term)) score++;
    if (/\d/.test(unit)) score += 0.5;
    return { unit, index, score: score - index * 0.01 };
  });
  const keep = new Set<number>();
  let length = 0;
  for (const entry of [...scored].sort((a, b) => b.score - a.score)) {
    if (length + entry.unit.length + 1 > budget) continue;
    keep.add(entry.index);
    length += entry.unit.length + 1;
  }
  if (keep.size === 0) return shorten(text, budget);
  let result = '';
  let previousWasLine = true;
  for (const [index, unit] of units.entries()) {
    if (!keep.has(index)) continue;
    const isLine = /^(?:[-•*]|\d+\.)\s/.test(unit) || /:\s/.test(unit.slice(0, 40));
    result += result === '' ? unit : isLine || previousWasLine ? `\n${unit}` : ` ${unit}`;
    previousWasLine = isLine;
  }
  return result;
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max * 0.6 ? space : max)} …`;
}
