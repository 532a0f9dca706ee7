/**
 * Splits German compounds against a vocabulary of known terms ("Personalausweisantrag" →
 * personal, ausweis, antrag, personalausweis, ausweisantrag). A part must be a known term
 * of at least four letters (a few short heads like "amt" excepted); linking elements
 * (Fugen-s, -es, -n, -en, -e, -er, -ns) between parts are removed. Only splits that cover
 * the whole word count, which keeps random four-letter words from producing false parts.
 * Runs of adjacent parts of the finest split are emitted too, so "Hundesteuerbescheid"
 * also yields the term of "Hundesteuer", even if that word never occurs alone.
 */

export const MIN_PART_LENGTH = 4;
/** Short words that are frequent heads of administrative compounds ("Bürgeramt", "Stadtrat"). */
export const SHORT_PARTS: ReadonlySet<string> = new Set(['amt', 'rat', 'weg', 'bus', 'zoo']);
const LINKING = ['s', 'es', 'n', 'en', 'e', 'er', 'ns'];
const MIN_WORD_LENGTH = 7;
const MAX_WORD_LENGTH = 48;
/** How many letters the stemmer may strip from a part (so prefix lookups can bound the search). */
const MAX_STRIPPED = 8;
const LETTERS = /^[a-z]+$/;

/** Decides which strings are terms; `stem` maps a folded word to its index term. */
export interface DecompoundVocabulary {
  has(term: string): boolean;
  stem(word: string): string;
}

/** Index terms of the parts of a folded word (without the word itself); empty when it does not split. */
export function splitCompound(word: string, vocabulary: DecompoundVocabulary): string[] {
  const n = word.length;
  if (n < MIN_WORD_LENGTH || n > MAX_WORD_LENGTH || !LETTERS.test(word)) return [];
  const segments = knownSegments(word, vocabulary);
  const reachedFromStart = new Array<boolean>(n + 1).fill(false);
  reachedFromStart[0] = true;
  for (const segment of segments) if (reachedFromStart[segment.start]) reachedFromStart[segment.end] = true;
  const reachesEnd = new Array<boolean>(n + 1).fill(false);
  reachesEnd[n] = true;
  for (let index = segments.length - 1; index >= 0; index--) {
    const segment = segments[index]!;
    if (reachesEnd[segment.end]) reachesEnd[segment.start] = true;
  }
  const useful = segments.filter(
    (segment) =>
      reachedFromStart[segment.start] &&
      reachesEnd[segment.end] &&
      !(segment.start === 0 && segment.end === n),
  );
  const parts = new Set(useful.map((segment) => segment.term));
  const path = finestPath(useful, n);
  for (let first = 0; first < path.length; first++) {
    for (let last = first + 1; last < path.length; last++) {
      if (first === 0 && last === path.length - 1) continue;
      parts.add(vocabulary.stem(word.slice(path[first]!.start, path[last]!.coreEnd)));
    }
  }
  return [...parts];
}

/** The split into the most parts (ties: shorter first part), or [] when there is none. */
function finestPath(useful: Segment[], n: number): Segment[] {
  const most = new Array<number>(n + 1).fill(-1);
  most[n] = 0;
  for (let index = useful.length - 1; index >= 0; index--) {
    const segment = useful[index]!;
    if (most[segment.end]! >= 0) most[segment.start] = Math.max(most[segment.start]!, most[segment.end]! + 1);
  }
  const path: Segment[] = [];
  let position = 0;
  while (position < n) {
    const next = useful.find(
      (segment) => segment.start === position && most[segment.end] === most[position]! - 1,
    );
    if (!next) return [];
    path.push(next);
    position = next.end;
  }
  return path;
}

interface Segment {
  start: number;
  end: number;
  /** End of the part without its linking element. */
  coreEnd: number;
  term: string;
}

/** All [start, end) spans that are known parts, sorted by start then end (needed by the reachability passes). */
function knownSegments(word: string, vocabulary: DecompoundVocabulary): Segment[] {
  const n = word.length;
  const segments: Segment[] = [];
  for (let start = 0; start < n; start++) {
    const ends = new Set<number>();
    // A part's term is (nearly always) a prefix of the part, so only spans that begin
    // with a known term need the stemmer.
    for (let length = 3; start + length <= n; length++) {
      if (!vocabulary.has(word.slice(start, start + length))) continue;
      for (let end = start + length; end <= Math.min(n, start + length + MAX_STRIPPED); end++) ends.add(end);
    }
    for (const end of [...ends].sort((a, b) => a - b)) {
      const part = partTerm(word.slice(start, end), end === n, vocabulary);
      if (part !== undefined)
        segments.push({ start, end, coreEnd: start + part.coreLength, term: part.term });
    }
  }
  return segments;
}

function partTerm(
  part: string,
  isLast: boolean,
  vocabulary: DecompoundVocabulary,
): { term: string; coreLength: number } | undefined {
  const cores = [part];
  if (!isLast) {
    for (const linking of LINKING) if (part.endsWith(linking)) cores.push(part.slice(0, -linking.length));
  }
  for (const core of cores) {
    if (core.length < MIN_PART_LENGTH && !SHORT_PARTS.has(core)) continue;
    const term = vocabulary.stem(core);
    if (vocabulary.has(term) || SHORT_PARTS.has(core)) return { term, coreLength: core.length };
  }
  return undefined;
}
