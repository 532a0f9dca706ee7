import { load } from 'cheerio';
import { Marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { CleanDocument } from '../../knowledge/types.js';
import { toIsoDate } from './dates.js';
import { extractBlocks } from './html-blocks.js';
import { primaryLanguage } from './html-metadata.js';
import { removeNoise } from './html-noise.js';
import { baseName, normaliseInline } from './text-normalise.js';
import type { CleanInput } from './types.js';

const FRONT_MATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const RESERVED = new Set(['url', 'title', 'updated', 'lang']);

/** Raised for front matter that is not a YAML mapping; the folder reader records it as a failed file. */
export class FrontMatterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontMatterError';
  }
}

/** Splits YAML front matter (between `---` lines at the very start) from the Markdown body. */
export function splitFrontMatter(markdown: string): { data: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(markdown);
  if (!match) return { data: {}, body: markdown.replace(/^\ufeff/, '') };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new FrontMatterError(`ungültiges YAML im Front Matter: ${(error as Error).message.split('\n')[0]}`);
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new FrontMatterError('Front Matter ist keine Schlüssel-Wert-Liste');
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: markdown.slice(match[0].length) };
}

function stringValue(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return normaliseInline(value);
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Cleans a Markdown document. Front matter `url`, `title`, `updated` (and `lang`) fill the
 * document fields; all other keys are kept in `metadata`. The body is rendered with marked
 * and turned into blocks like a web page (without boilerplate removal).
 * Title: front matter, else the first heading, else the file name.
 */
export function cleanMarkdown(markdown: string, input: CleanInput): CleanDocument {
  const { data, body } = splitFrontMatter(markdown);
  const html = new Marked({ gfm: true }).parse(body, { async: false });
  const $ = load(`<!DOCTYPE html><html><body>${html}</body></html>`);
  removeNoise($);
  const root = $('body').get(0);
  const blocks = root ? extractBlocks(root) : [];
  const firstHeading = blocks.find((block) => block.kind === 'heading');

  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!RESERVED.has(key)) metadata[key] = value;
  const updatedValue = data.updated;
  return {
    id: input.id,
    url: stringValue(data.url) ?? input.url,
    title:
      stringValue(data.title) ??
      (firstHeading?.kind === 'heading' ? firstHeading.text : undefined) ??
      baseName(input.id),
    updated:
      toIsoDate(
        updatedValue instanceof Date || typeof updatedValue === 'string' ? updatedValue : undefined,
      ) ?? toIsoDate(input.lastModified),
    lang: primaryLanguage(stringValue(data.lang)),
    sourceId: input.sourceId,
    format: 'markdown',
    blocks,
    metadata,
  };
}
