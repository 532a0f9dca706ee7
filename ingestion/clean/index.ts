import type { CleanDocument } from '../../knowledge/types.js';
import { decodeText } from './decode.js';
import { cleanHtml } from './html.js';
import { cleanMarkdown } from './markdown.js';
import { cleanPdf } from './pdf.js';
import { cleanText } from './text.js';
import type { CleanInput } from './types.js';

/**
 * The cleaning stage: raw documents (HTML, Markdown, PDF, text, service descriptions)
 * → `CleanDocument` with main content as structured blocks.
 */
export { cleanHtml } from './html.js';
export { cleanMarkdown, splitFrontMatter, FrontMatterError } from './markdown.js';
export { cleanPdf } from './pdf.js';
export { cleanText } from './text.js';
export { serviceToDocument, formatEuro } from './service.js';
export { toIsoDate, findVisibleDate } from './dates.js';
export { decodeText } from './decode.js';
export type { CleanInput } from './types.js';

/** Document formats the cleaners understand. */
export type FileFormat = 'html' | 'markdown' | 'pdf' | 'text';

const EXTENSIONS: Record<string, FileFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.pdf': 'pdf',
  '.txt': 'text',
};

/** The format of a file by its extension (case-insensitive), or undefined for other files. */
export function formatOfPath(path: string): FileFormat | undefined {
  const extension = /\.[^./\\]+$/.exec(path)?.[0]?.toLowerCase();
  return extension ? EXTENSIONS[extension] : undefined;
}

/** Cleans raw bytes of a known format (a local file or a fetched response body). */
export async function cleanBytes(
  format: FileFormat,
  bytes: Uint8Array,
  input: CleanInput,
): Promise<CleanDocument> {
  switch (format) {
    case 'html':
      return cleanHtml(decodeText(bytes, true), input);
    case 'markdown':
      return cleanMarkdown(decodeText(bytes), input);
    case 'text':
      return cleanText(decodeText(bytes), input);
    case 'pdf':
      return cleanPdf(bytes, input);
  }
}
