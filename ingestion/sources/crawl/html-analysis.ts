import { loadBuffer } from 'cheerio';
import { normaliseUrl } from './normalise-url.js';

/** What the crawler needs from an HTML page: where it links to and what it allows. */
export interface HtmlAnalysis {
  /** Normalised http(s) links to follow, in document order, without duplicates. */
  links: string[];
  /** Normalised `<link rel="canonical">` target, when present. */
  canonical?: string;
  /** `<meta name="robots" content="noindex">` (or `none`), or the same for this crawler's token. */
  noindex: boolean;
  /** `<meta name="robots" content="nofollow">` (or `none`): links must not be followed. */
  nofollow: boolean;
}

/**
 * Reads links, canonical and robots meta tags with cheerio (encoding sniffed from the
 * bytes and `<meta charset>`). Links resolve against `<base href>` when present.
 * `rel="nofollow"` links and non-http(s) links (mailto:, tel:, javascript:) are left out.
 */
export function analyseHtml(body: Buffer, pageUrl: string, robotsToken: string): HtmlAnalysis {
  const $ = loadBuffer(body);
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && normaliseUrl(baseHref, pageUrl)) || pageUrl;

  const directives = new Set<string>();
  $('meta[name][content]').each((_index, element) => {
    const name = ($(element).attr('name') ?? '').trim().toLowerCase();
    if (name !== 'robots' && name !== robotsToken.toLowerCase()) return;
    for (const directive of ($(element).attr('content') ?? '').split(',')) {
      directives.add(directive.trim().toLowerCase());
    }
  });
  const none = directives.has('none');

  const links = new Set<string>();
  $('a[href], area[href]').each((_index, element) => {
    const rel = relTokens($(element).attr('rel'));
    if (rel.has('nofollow')) return;
    const link = normaliseUrl($(element).attr('href') ?? '', base);
    if (link) links.add(link);
  });

  const canonicalHref = $('link[href]')
    .filter((_index, element) => relTokens($(element).attr('rel')).has('canonical'))
    .first()
    .attr('href');
  const canonical = canonicalHref ? normaliseUrl(canonicalHref, base) : undefined;

  return {
    links: [...links],
    ...(canonical ? { canonical } : {}),
    noindex: none || directives.has('noindex'),
    nofollow: none || directives.has('nofollow'),
  };
}

/** Reads an `X-Robots-Tag` header (`noindex, nofollow`), ignoring bot-specific prefixes for other bots. */
export function robotsHeaderDirectives(
  header: string | null,
  robotsToken: string,
): { noindex: boolean; nofollow: boolean } {
  const directives = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [first, second] = part.split(':', 2).map((item) => item.trim());
    if (second === undefined) directives.add(first ?? '');
    else if (first === robotsToken.toLowerCase() || first === '*') directives.add(second);
  }
  const none = directives.has('none');
  return { noindex: none || directives.has('noindex'), nofollow: none || directives.has('nofollow') };
}

function relTokens(rel: string | undefined): Set<string> {
  return new Set((rel ?? '').toLowerCase().split(/\s+/).filter(Boolean));
}
