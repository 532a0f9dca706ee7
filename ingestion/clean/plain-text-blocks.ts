import type { ContentBlock } from '../../knowledge/types.js';
import { normaliseInline } from './text-normalise.js';

/**
 * Line-based structure recovery for text without markup (plain text files, text
 * extracted from PDFs): paragraphs from wrapped lines, bullet lists, headings by a
 * simple heuristic (short line without final punctuation except "?", followed by text;
 * "1. Gebühren" and "2.1 Unterlagen" give levels 2 and 3).
 */

export interface LineOptions {
  /**
   * PDF text has no blank lines between paragraphs; a short line that ends a sentence
   * then closes the paragraph. Plain text relies on blank lines only.
   */
  shortLineBreaks: boolean;
  /** Treat the first line as the title (heading level 1). */
  firstLineIsTitle: boolean;
}

const BULLET = /^\s*(?:[•●▪◦‣∙·*–-]|\(?[a-z]\)|\d{1,2}\))\s+/u;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\p{Lu})/u;
const KEEP_HYPHEN_BEFORE = /^(?:und|oder|bzw\.?|sowie|bis|als)\b/;
const SENTENCE_END = /[.!?:;]["»«“”)]?$/;

/** Joins a wrapped line to the text before it, undoing end-of-line hyphenation ("Personal-" + "ausweis"). */
export function joinWrapped(before: string, line: string): string {
  if (!before) return line;
  if (/\p{L}-$/u.test(before)) {
    if (/^\p{Ll}/u.test(line) && !KEEP_HYPHEN_BEFORE.test(line)) return before.slice(0, -1) + line;
    if (/^\p{Lu}/u.test(line)) return before + line; // "E-Mail-" + "Adresse"
  }
  return `${before} ${line}`;
}

/** Heading level and text when a line looks like a heading, else undefined. */
function asHeading(
  line: string,
  next: string | undefined,
  maxLength: number,
): { level: number; text: string } | undefined {
  if (next === undefined || line.length > maxLength || line.split(' ').length > 10) return undefined;
  if (/[.,;:!-]$/.test(line) || BULLET.test(line) || /@|https?:|www\.|\d{4,}|\d{3}\s\d/.test(line))
    return undefined;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered)
    return { level: Math.min(6, numbered[1]!.split('.').length + 1), text: line.slice(numbered[0].length) };
  return /^\p{Lu}/u.test(line) ? { level: 2, text: line } : undefined;
}

function typicalLength(lines: string[]): number {
  const lengths = lines
    .filter(Boolean)
    .map((line) => line.length)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? 0;
}

function nextText(lines: string[], index: number): string | undefined {
  for (let next = index + 1; next < lines.length; next++) if (lines[next]) return lines[next];
  return undefined;
}

/** Turns lines of plain text into blocks; blank lines separate paragraphs. */
export function linesToBlocks(rawLines: string[], options: LineOptions): ContentBlock[] {
  const lines = rawLines.map(normaliseInline);
  const shortLimit = typicalLength(lines) * 0.8;
  const blocks: ContentBlock[] = [];
  let paragraph = '';
  let items: string[] | undefined;
  const flush = () => {
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph });
    if (items?.length) blocks.push({ kind: 'list', ordered: false, items });
    paragraph = '';
    items = undefined;
  };
  let titleSeen = !options.firstLineIsTitle;
  // Whether the previous line closed something (start, blank line, heading, sentence, list item).
  let atBoundary = true;
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    if (!line) {
      flush();
      atBoundary = true;
      return;
    }
    if (!titleSeen) {
      titleSeen = true;
      blocks.push({ kind: 'heading', level: 1, text: line });
      return;
    }
    const bullet = BULLET.exec(rawLines[index] ?? '');
    if (bullet) {
      if (paragraph) flush();
      (items ??= []).push(line.replace(BULLET, ''));
      atBoundary = true;
      return;
    }
    // Without layout information a plain-text heading must stand alone between blank lines.
    const startsGroup = options.shortLineBreaks ? atBoundary : !previous && !lines[index + 1];
    // A full-width PDF line is the start of a paragraph, not a heading.
    const maxLength = options.shortLineBreaks ? Math.min(80, shortLimit) : 80;
    const heading = startsGroup ? asHeading(line, nextText(lines, index), maxLength) : undefined;
    atBoundary = SENTENCE_END.test(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', ...heading });
      atBoundary = true;
      return;
    }
    const continuesItem =
      items !== undefined && (/^\s/.test(rawLines[index] ?? '') || !SENTENCE_END.test(items.at(-1) ?? ''));
    if (items && continuesItem) {
      items[items.length - 1] = joinWrapped(items.at(-1) ?? '', line);
      return;
    }
    if (items) flush();
    paragraph = joinWrapped(paragraph, line);
    if (options.shortLineBreaks && SENTENCE_END.test(line) && line.length < shortLimit) flush();
  });
  flush();
  return blocks;
}
