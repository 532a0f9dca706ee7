/**
 * Which URLs a crawl may visit: allowed hosts and a path prefix. Answers with the reason a
 * URL is out of scope, so the result can say why it was skipped.
 */
export interface CrawlScope {
  /** `undefined` when the URL may be crawled, otherwise the reason it may not. */
  check(url: string): string | undefined;
  /** True when the URL's host is allowed (the path prefix is not checked). */
  isAllowedHost(url: string): boolean;
}

export const OUTSIDE_HOSTS = 'outside allowed hosts';
export const OUTSIDE_PREFIX = 'outside path prefix';

/**
 * Builds the scope. Hosts match `URL.host` (with a non-default port) or `URL.hostname`,
 * case-insensitively. A prefix `/a` admits `/a` and `/a/…` but not `/ab`.
 */
export function createCrawlScope(allowedHosts: string[], pathPrefix = '/'): CrawlScope {
  const hosts = new Set(allowedHosts.map((host) => host.trim().toLowerCase()).filter(Boolean));
  const prefix = pathPrefix.startsWith('/') ? pathPrefix : `/${pathPrefix}`;
  const directory = prefix.endsWith('/') ? prefix : `${prefix}/`;

  const hostAllowed = (parsed: URL) => hosts.has(parsed.host) || hosts.has(parsed.hostname);

  return {
    isAllowedHost(url) {
      const parsed = URL.parse(url);
      return parsed !== null && hostAllowed(parsed);
    },
    check(url) {
      const parsed = URL.parse(url);
      if (parsed === null || !hostAllowed(parsed)) return OUTSIDE_HOSTS;
      const path = parsed.pathname;
      if (path === prefix || path.startsWith(directory) || `${path}/` === directory) return undefined;
      return OUTSIDE_PREFIX;
    },
  };
}
