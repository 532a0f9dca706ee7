import type { CleanDocument } from '../../knowledge/types.js';
import { toIsoDate } from './dates.js';
import { linesToBlocks } from './plain-text-blocks.js';
import { baseName, normaliseInline } from './text-normalise.js';
import type { CleanInput } from './types.js';

/** A first line this short without final punctuation reads as a title, not as a sentence. */
const MAX_TITLE_LENGTH = 100;

/** Whether a line can serve as a document title. */
export function looksLikeTitle(line: string): boolean {
  return line.length > 0 && line.length <= MAX_TITLE_LENGTH && !/[.,;]$/.test(line);
}

/**
 * Cleans a plain-text file: paragraphs separated by blank lines, bullet lists, headings
 * (a short line on its own). Title: the first non-empty line when it is short, else the file name.
 */
export function cleanText(text: string, input: CleanInput): CleanDocument {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const first = normaliseInline(lines.find((line) => line.trim() !== '') ?? '');
  const titled = looksLikeTitle(first);
  return {
    id: input.id,
    url: input.url,
    title: titled ? first : baseName(input.id),
    updated: toIsoDate(input.lastModified),
    sourceId: input.sourceId,
    format: 'text',
    blocks: linesToBlocks(lines, { shortLineBreaks: false, firstLineIsTitle: titled }),
    metadata: {},
  };
}
