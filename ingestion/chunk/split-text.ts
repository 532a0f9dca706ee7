/**
 * Packing text pieces into chunks of at most `maxChars`, splitting a piece that is too
 * large at the coarsest boundary it has: lines (list items, table rows), then sentences,
 * then words. A single word longer than `maxChars` becomes a chunk of its own.
 */

/** A piece of text and the separator that joins it to the text before it. */
export interface Piece {
  text: string;
  separator: string;
  /** Finer pieces of the same text, for when it does not fit (list items of a list…). */
  parts?: Piece[];
}

// Tokens that end with a period without ending a sentence.
const ABBREVIATION =
  /(?:^|[\s(])(?:z|B|d|h|u|a|o|g|s|v|bzw|ca|Nr|Str|Tel|Abs|gem|ggf|inkl|evtl|vgl|usw|etc|Dr|Prof|Hr|Fr|St|Mo|Di|Mi|Do|Sa|So|Jan|Feb|Apr|Aug|Sep|Sept|Okt|Nov|Dez|[0-9]{1,2})\.$/;

/** Splits German text into sentences, keeping abbreviations ("z. B.", "Nr.") and dates ("12. März") intact. */
export function splitSentences(text: string): string[] {
  const rough = text.split(/(?<=[.!?…])\s+(?=[\p{Lu}\p{N}„"»(])/u);
  const sentences: string[] = [];
  for (const part of rough) {
    const last = sentences.at(-1);
    if (last !== undefined && ABBREVIATION.test(last)) sentences[sentences.length - 1] = `${last} ${part}`;
    else sentences.push(part);
  }
  return sentences;
}

/** The next finer pieces of a text: its lines, else its sentences, else its words. */
export function refine(piece: Piece): Piece[] | undefined {
  if (piece.parts && piece.parts.length > 1) return piece.parts;
  const text = piece.text;
  const lines = text.split('\n');
  if (lines.length > 1)
    return lines.map((line, index) => ({ text: line, separator: index === 0 ? piece.separator : '\n' }));
  const sentences = splitSentences(text);
  if (sentences.length > 1) {
    return sentences.map((sentence, index) => ({
      text: sentence,
      separator: index === 0 ? piece.separator : ' ',
    }));
  }
  const words = text.split(/ +/).filter(Boolean);
  if (words.length > 1)
    return words.map((word, index) => ({ text: word, separator: index === 0 ? piece.separator : ' ' }));
  return undefined;
}

/** Greedily packs pieces into texts of at most `maxChars` characters (see the file comment). */
export function packPieces(pieces: Piece[], maxChars: number): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current.trim());
    current = '';
  };
  const place = (piece: Piece) => {
    if (!piece.text.trim()) return;
    if (current && current.length + piece.separator.length + piece.text.length <= maxChars) {
      current += piece.separator + piece.text;
      return;
    }
    if (piece.text.length <= maxChars) {
      flush();
      current = piece.text;
      return;
    }
    const finer = refine(piece);
    if (finer) {
      // Later pieces of a split text start a chunk on their own boundaries.
      finer.forEach((part, index) => place(index === 0 ? { ...part, separator: piece.separator } : part));
      return;
    }
    flush();
    chunks.push(piece.text); // one unsplittable word
  };
  pieces.forEach(place);
  flush();
  return chunks;
}
