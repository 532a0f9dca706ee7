/**
 * URL normalisation for the crawler: one spelling per page, so the same page reached as
 * `HTTP://Host:80/a/../b?utm_source=x#top` and `http://host/b` is fetched once.
 */

/** Query parameters that only track campaigns or sessions and never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'wt_zmc',
  'piwik_campaign',
  'piwik_kwd',
  'phpsessid',
  'jsessionid',
]);

/** Prefixes of campaign parameter families (Google Analytics, Matomo). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'matomo_'];

const CRAWLABLE_PROTOCOLS = new Set(['http:', 'https:']);
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** True when a query parameter name only tracks visitors (utm_*, fbclid, gclid, …). */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * Normalises a link for crawling and de-duplication: resolves it against `base`, lower-cases
 * scheme and host, drops the default port, the fragment, tracking and session parameters
 * (keeping the order of the rest stable but sorted by name), resolves dot segments and
 * writes percent-escapes one way. Returns `undefined` for anything that is not an http(s)
 * URL (mailto:, tel:, javascript:, data:, unparseable input).
 */
export function normaliseUrl(url: string, base?: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    return undefined;
  }
  if (!CRAWLABLE_PROTOCOLS.has(parsed.protocol)) return undefined;

  parsed.hash = '';
  // Servlet containers put the session id into the path (`/page;jsessionid=ABC`).
  parsed.pathname = normaliseEscapes(parsed.pathname.replace(/;jsessionid=[^/?#]*/gi, ''));
  parsed.search = normaliseQuery(parsed.search);
  return parsed.href;
}

/** Removes tracking parameters and sorts the rest by name, without re-encoding values. */
function normaliseQuery(search: string): string {
  if (search.length <= 1) return '';
  const pairs = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair: normaliseEscapes(pair), name: decodeName(pair) }))
    .filter(({ name }) => !isTrackingParam(name));
  // Array#sort is stable, so repeated names keep their order (`a=1&a=2`).
  pairs.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  return pairs.length === 0 ? '' : `?${pairs.map(({ pair }) => pair).join('&')}`;
}

function decodeName(pair: string): string {
  const name = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** `%7e` → `~` (unreserved characters need no escape), other escapes upper-case (`%c3` → `%C3`). */
function normaliseEscapes(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_escape, hex: string) => {
    const character = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : `%${hex.toUpperCase()}`;
  });
}
