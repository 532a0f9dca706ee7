/**
 * Character normalisation shared by the lexical analyser and the hashed embedder.
 * Everything that compares German words goes through `foldWord`, so "Gebühren",
 * "Gebuehren", "gebuhren" and "GEBÜHREN" (and "Straße"/"Strasse") become one form.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\p{ASCII}]/u;
const DIGRAPH_VOWELS = new Set(['a', 'o', 'u']);
/** A vowel or q before "ue"/"ae"/"oe" means a real diphthong or "qu" ("Steuer", "Bauer", "Quelle"). */
const KEEPS_DIGRAPH = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'q']);

/** Unicode compatibility normalisation (NFKC) and lower case; keeps umlauts. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Folds one lower-case word: ß → ss, diacritics removed (ä → a, é → e), and the ASCII
 * transliterations ae/oe/ue → a/o/u unless a vowel or "q" precedes them. The digraph rule
 * is lossy ("aktuell" → "aktull"), but it is applied identically to documents and queries,
 * so only rare collisions remain, while all spellings of an umlaut word meet.
 */
export function foldWord(word: string): string {
  let plain = word.replace(/ß/g, 'ss');
  if (NON_ASCII.test(plain)) plain = plain.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
  if (!/[aou]e/.test(plain)) return plain;
  let out = '';
  for (let i = 0; i < plain.length; i++) {
    const char = plain[i] as string;
    out += char;
    if (DIGRAPH_VOWELS.has(char) && plain[i + 1] === 'e' && !KEEPS_DIGRAPH.has(plain[i - 1] ?? '')) i++;
  }
  return out;
}
