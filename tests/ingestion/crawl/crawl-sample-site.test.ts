import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crawlSite,
  userAgentFor,
  type CrawlOptions,
  type CrawlResult,
} from '../../../ingestion/sources/crawl/index.js';
import { htmlPaths, respond, startTestSite, type Route, type TestSite } from './test-site-server.js';

/** The bundled sample city site: ~50 pages with root-relative links, as a city CMS writes them. */
const SAMPLE_SITE = join(import.meta.dirname, '../../../cities/gelsenkirchen/sample/site');
const DISALLOWED = '/wirtschaft/';

const robotsAndSitemaps = (files: string[]): Record<string, Route> => ({
  '/robots.txt': (_request, response, site) =>
    respond(
      200,
      'text/plain',
      `User-agent: *\nDisallow: ${DISALLOWED}\nSitemap: ${site.baseUrl}/sitemap_index.xml\n`,
    )(_request, response, site),
  '/sitemap_index.xml': (_request, response, site) =>
    response
      .writeHead(200, { 'Content-Type': 'application/xml' })
      .end(
        `<sitemapindex><sitemap><loc>${site.baseUrl}/sitemap-seiten.xml.gz</loc></sitemap></sitemapindex>`,
      ),
  '/sitemap-seiten.xml.gz': (_request, response, site) =>
    response
      .writeHead(200, { 'Content-Type': 'application/x-gzip' })
      .end(
        gzipSync(
          `<urlset>${files.map((path) => `<url><loc>${site.baseUrl}${path}</loc></url>`).join('')}</urlset>`,
        ),
      ),
});

const options = (site: TestSite, overrides: Partial<CrawlOptions> = {}): CrawlOptions => ({
  startUrls: [`${site.baseUrl}/index.html`],
  maxPages: 500,
  maxDepth: 4,
  concurrencyPerHost: 3,
  requestsPerSecond: 1000,
  timeoutMs: 5000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 3,
  userAgent: userAgentFor('webmaster@gelsenkirchen.de', 'https://www.gelsenkirchen.de'),
  ...overrides,
});

describe('crawlSite on the bundled sample site', () => {
  let site: TestSite;
  let files: string[];
  let result: CrawlResult;
  const path = (url: string) => url.slice(site.baseUrl.length);

  beforeAll(async () => {
    files = await htmlPaths(SAMPLE_SITE);
    site = await startTestSite({ siteDir: SAMPLE_SITE, routes: robotsAndSitemaps(files) });
    result = await crawlSite(options(site));
  });
  afterAll(() => site.close());

  it('keeps every page of the site except those robots.txt disallows', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const expected = files.filter((file) => !file.startsWith(DISALLOWED));
    expect(result.pages.map((page) => path(page.url)).sort()).toEqual(expected);
    expect(result.pages.every((page) => page.contentType === 'html' && !page.fromCache)).toBe(true);
  });

  it('never requests a disallowed page, and reports each as skipped', () => {
    const disallowed = files.filter((file) => file.startsWith(DISALLOWED));
    expect(site.requests.filter((request) => request.path.startsWith(DISALLOWED))).toEqual([]);
    for (const file of disallowed) {
      expect(result.skipped).toContainEqual({
        url: `${site.baseUrl}${file}`,
        reason: 'disallowed by robots.txt',
      });
    }
  });

  it('requests each page once although many links point to it, with fragments, from the sitemap too', () => {
    const counts = new Map<string, number>();
    for (const request of site.requests) counts.set(request.path, (counts.get(request.path) ?? 0) + 1);
    expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
  });

  it('reports only links to missing pages as failed', () => {
    for (const issue of result.failed) {
      expect(issue.reason).toBe('HTTP 404');
      expect(files).not.toContain(path(issue.url));
    }
  });

  it('keeps the local URL when the canonical link names another host', () => {
    const reisepass = result.pages.find((page) => page.url.endsWith('/buergerservice/reisepass.html'));
    expect(reisepass?.body.toString('utf8')).toContain('rel="canonical" href="https://www.gelsenkirchen.de/');
    expect(reisepass?.url).toBe(`${site.baseUrl}/buergerservice/reisepass.html`);
  });

  it('reports links to social networks as outside the allowed hosts without requesting them', () => {
    const external = result.skipped.filter((issue) => !issue.url.startsWith(site.baseUrl));
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((issue) => issue.reason === 'outside allowed hosts')).toBe(true);
  });
});

describe('crawlSite limits on the bundled sample site', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ siteDir: SAMPLE_SITE });
  });
  afterAll(() => site.close());

  it('follows links only up to maxDepth', async () => {
    const before = site.requests.length;
    const result = await crawlSite(options(site, { maxDepth: 1 }));
    expect(result.pages.length).toBeGreaterThan(1);
    expect(Math.max(...result.pages.map((page) => page.depth))).toBe(1);
    const tooDeep = result.skipped
      .filter((issue) => issue.reason === 'depth limit reached')
      .map((issue) => issue.url);
    expect(tooDeep.length).toBeGreaterThan(0);
    const requested = new Set(site.requests.slice(before).map((request) => `${site.baseUrl}${request.path}`));
    expect(tooDeep.filter((url) => requested.has(url))).toEqual([]);
  });

  it('stops at maxPages and reports the rest of the queue', async () => {
    const before = site.requests.length;
    const progress: number[] = [];
    const result = await crawlSite(
      options(site, { maxPages: 5, onProgress: ({ fetched }) => progress.push(fetched) }),
    );
    expect(result.pages).toHaveLength(5);
    expect(result.skipped.some((issue) => issue.reason === 'page limit reached')).toBe(true);
    expect(progress).toEqual(Array.from({ length: progress.length }, (_, index) => index + 1));
    const pageRequests = site.requests.slice(before).filter((request) => request.path !== '/robots.txt');
    expect(progress.length).toBe(pageRequests.length);
  });
});
