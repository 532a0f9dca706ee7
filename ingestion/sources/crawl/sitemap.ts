import { gunzipSync } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';

/** A parsed sitemap: either page URLs (`<urlset>`) or further sitemaps (`<sitemapindex>`). */
export type ParsedSitemap =
  { kind: 'urlset'; urls: Array<{ loc: string; lastmod?: string }> } | { kind: 'index'; sitemaps: string[] };

/** Media types a sitemap may be served with. */
const SITEMAP_MEDIA_TYPES = new Set([
  'application/xml',
  'text/xml',
  'application/gzip',
  'application/x-gzip',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

/** True when a URL names a sitemap by its extension (`.xml`, `.xml.gz`). */
export function looksLikeSitemapUrl(url: string): boolean {
  const path = new URL(url).pathname.toLowerCase();
  return path.endsWith('.xml') || path.endsWith('.xml.gz');
}

/** True for media types a sitemap is served with (XML or gzip). */
export function isSitemapMediaType(type: string): boolean {
  return SITEMAP_MEDIA_TYPES.has(type) || type.endsWith('+xml');
}

/**
 * Parses a sitemap or sitemap index (sitemaps.org protocol), gunzipping `.xml.gz` bodies
 * (never to more than `maxBytes`). Throws with a short reason when the body is not a sitemap.
 */
export function parseSitemap(body: Buffer, maxBytes: number): ParsedSitemap {
  const xml = isGzip(body) ? gunzipSync(body, { maxOutputLength: maxBytes }) : body;
  let document: unknown;
  try {
    document = parser.parse(xml.toString('utf8'));
  } catch (error) {
    throw new Error(`invalid sitemap XML: ${(error as Error).message}`);
  }
  const root = (document ?? {}) as Record<string, unknown>;
  if (isRecord(root.sitemapindex)) {
    const entries = asArray(root.sitemapindex.sitemap);
    return { kind: 'index', sitemaps: entries.map((entry) => text(entry, 'loc')).filter(isPresent) };
  }
  if (isRecord(root.urlset) || root.urlset === '') {
    const entries = isRecord(root.urlset) ? asArray(root.urlset.url) : [];
    const urls = entries
      .map((entry) => ({ loc: text(entry, 'loc'), lastmod: text(entry, 'lastmod') }))
      .filter((entry): entry is { loc: string; lastmod: string | undefined } => entry.loc !== undefined)
      .map(({ loc, lastmod }) => (lastmod ? { loc, lastmod } : { loc }));
    return { kind: 'urlset', urls };
  }
  throw new Error('not a sitemap (no <urlset> or <sitemapindex>)');
}

function isGzip(body: Buffer): boolean {
  return body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function text(entry: unknown, key: string): string | undefined {
  if (!isRecord(entry)) return undefined;
  const value = entry[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined;
}
