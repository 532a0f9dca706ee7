import type { CheerioAPI } from 'cheerio';
import { toIsoDate } from './dates.js';
import { normaliseInline } from './text-normalise.js';

/**
 * Page metadata from `<head>`: title candidates, canonical URL, modification date,
 * language and description. Read before anything is removed from the document.
 */

/** Meta keys that carry a page's last modification, in order of trust. */
const MODIFIED_KEYS = [
  'dcterms.modified',
  'dc.date.modified',
  'dc.modified',
  'last-modified',
  'article:modified_time',
  'og:updated_time',
  'datemodified',
];

export interface HtmlMetadata {
  ogTitle?: string;
  titleTag?: string;
  siteName?: string;
  canonical?: string;
  modified?: string;
  lang?: string;
  description?: string;
}

function metaValues($: CheerioAPI): Map<string, string> {
  const values = new Map<string, string>();
  $('meta').each((_, element) => {
    const { attribs } = element;
    const key = (
      attribs.name ??
      attribs.property ??
      attribs['http-equiv'] ??
      attribs.itemprop ??
      ''
    ).toLowerCase();
    const content = normaliseInline(attribs.content ?? '');
    if (key && content && !values.has(key)) values.set(key, content);
  });
  return values;
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** "de-DE" → "de": the bot and its language detection work with primary language subtags. */
export function primaryLanguage(lang: string | undefined): string | undefined {
  const primary = lang?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/**
 * Removes a site name appended to a title: "Personalausweis – Stadt Gelsenkirchen",
 * "Personalausweis | Stadt X", "Personalausweis - X" → "Personalausweis".
 */
export function stripSiteSuffix(title: string, siteName?: string): string {
  if (siteName) {
    const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const stripped = title.replace(new RegExp(`\\s+[|–—:-]\\s+${escaped}\\s*$`, 'i'), '').trim();
    if (stripped && stripped !== title) return stripped;
  }
  // Greedy: only the last separated part is the site name.
  const match = /^(.{3,})\s+[|–—-]\s+(.{2,60})$/.exec(title);
  return match?.[1]?.trim() ?? title;
}

/** Reads the metadata of a parsed page; `pageUrl` resolves a relative canonical link. */
export function readHtmlMetadata($: CheerioAPI, pageUrl: string | undefined): HtmlMetadata {
  const meta = metaValues($);
  const base = resolveUrl($('base[href]').attr('href'), pageUrl) ?? pageUrl;
  const titleTag = normaliseInline($('head title').first().text() || $('title').first().text());
  let modified: string | undefined;
  for (const key of MODIFIED_KEYS) {
    modified = toIsoDate(meta.get(key));
    if (modified) break;
  }
  return {
    ogTitle: meta.get('og:title'),
    titleTag: titleTag || undefined,
    siteName: meta.get('og:site_name'),
    canonical: resolveUrl($('link[rel~=canonical]').attr('href'), base),
    modified,
    lang: primaryLanguage(
      $('html').attr('lang') ?? $('html').attr('xml:lang') ?? meta.get('content-language'),
    ),
    description: meta.get('description') ?? meta.get('og:description'),
  };
}
