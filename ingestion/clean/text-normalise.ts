/**
 * Whitespace and character clean-up shared by all cleaners.
 */

// Soft hyphens, zero-width spaces/joiners and the BOM carry no text.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Collapses all whitespace (including non-breaking spaces) to single spaces and trims. */
export function normaliseInline(text: string): string {
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Like `normaliseInline`, but keeps line breaks: each line is normalised, empty lines dropped. */
export function normaliseLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map(normaliseInline)
    .filter((line) => line !== '')
    .join('\n');
}

/** True when the text holds at least one letter or digit (not just punctuation or bullets). */
export function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** The file name of an id or path without folders and extension: `a/b/mein-text.md` → `mein-text`. */
export function baseName(path: string): string {
  const name = path.split(/[\\/]/).pop() ?? path;
  return name.replace(/\.[^.]+$/, '');
}
