import { PDFParse } from 'pdf-parse';
import type { CleanDocument } from '../../knowledge/types.js';
import { toIsoDate } from './dates.js';
import { primaryLanguage } from './html-metadata.js';
import { linesToBlocks } from './plain-text-blocks.js';
import { looksLikeTitle } from './text.js';
import { baseName, normaliseInline } from './text-normalise.js';
import type { CleanInput } from './types.js';

const PAGE_NUMBER = /^(?:-\s*)?(?:Seite\s+)?\d{1,4}(?:\s*(?:von|\/)\s*\d{1,4})?(?:\s*-)?$/i;

/**
 * Lines repeated at the top or bottom of most pages (running headers and footers such as
 * "Stadt Gelsenkirchen – Merkblatt"), compared with digits masked so page numbers match.
 */
function runningLines(pages: string[][]): Set<string> {
  const repeated = new Set<string>();
  if (pages.length < 2) return repeated;
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set(
      [...lines.slice(0, 2), ...lines.slice(-2)].map((line) => line.replace(/\d+/g, '#')),
    );
    for (const edge of edges) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  for (const [line, count] of counts)
    if (line && count >= Math.max(2, pages.length * 0.6)) repeated.add(line);
  return repeated;
}

/** A PDF title worth showing: not empty, not an application's file-name placeholder. */
function usableTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = normaliseInline(value.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /, ''));
  if (
    !title ||
    /\.(?:docx?|odt|pdf|pptx?|xlsx?|indd)$/i.test(title) ||
    /^(?:untitled|unbenannt|ohne titel)$/i.test(title)
  ) {
    return undefined;
  }
  return title;
}

/**
 * Cleans a PDF with text (not a scan): joins wrapped lines into paragraphs, undoes
 * end-of-line hyphenation, recovers headings and bullet lists, drops page numbers and
 * running headers/footers. Title: the PDF's title metadata, else its first line.
 * Rejects with the parser's error for a corrupt or encrypted file.
 */
export async function cleanPdf(data: Uint8Array, input: CleanInput): Promise<CleanDocument> {
  // pdf.js transfers the buffer to its worker; a copy keeps the caller's bytes intact.
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    const text = await parser.getText({ pageJoiner: '' });
    const info = await parser.getInfo();
    const pages = text.pages.map((page) => page.text.split(/\r?\n/).map(normaliseInline).filter(Boolean));
    const running = runningLines(pages);
    const lines = pages
      .flat()
      .filter((line) => !PAGE_NUMBER.test(line) && !running.has(line.replace(/\d+/g, '#')));

    const dictionary = (info.info ?? {}) as Record<string, unknown>;
    const first = lines[0] ?? '';
    const metaTitle = usableTitle(dictionary.Title);
    const firstIsTitle = looksLikeTitle(first) && (!metaTitle || metaTitle === first);
    const dates = info.getDateNode();
    return {
      id: input.id,
      url: input.url,
      title: metaTitle ?? (firstIsTitle ? first : baseName(input.id)),
      updated: toIsoDate(dates.ModDate ?? dates.XmpModifyDate) ?? toIsoDate(input.lastModified),
      lang: primaryLanguage(typeof dictionary.Language === 'string' ? dictionary.Language : undefined),
      sourceId: input.sourceId,
      format: 'pdf',
      blocks: linesToBlocks(lines, { shortLineBreaks: true, firstLineIsTitle: firstIsTitle }),
      metadata: { pages: text.total },
    };
  } finally {
    await parser.destroy();
  }
}
