import { isSitemapMediaType } from './sitemap.js';
import type { CrawledContentType } from './types.js';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const PDF_TYPES = new Set(['application/pdf', 'application/x-pdf']);

/**
 * Decides from the media type whether a body is worth downloading: HTML, PDF, XML (only
 * for start URLs, which may be sitemaps), or `maybe-pdf` for a `.pdf` URL served without a
 * proper type, to be confirmed with `isPdf`. `undefined` means skip.
 */
export function classifyContent(
  type: string,
  url: string,
  acceptXml: boolean,
): CrawledContentType | 'xml' | 'maybe-pdf' | undefined {
  if (HTML_TYPES.has(type)) return 'html';
  if (PDF_TYPES.has(type)) return 'pdf';
  if (acceptXml && isSitemapMediaType(type)) return 'xml';
  const untyped = type === '' || type === 'application/octet-stream';
  if (untyped && new URL(url).pathname.toLowerCase().endsWith('.pdf')) return 'maybe-pdf';
  return undefined;
}

/** True when the body starts with the PDF signature. */
export function isPdf(body: Buffer): boolean {
  return body.subarray(0, 5).toString('latin1') === '%PDF-';
}
