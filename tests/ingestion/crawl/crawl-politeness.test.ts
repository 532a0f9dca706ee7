import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CrawlError, crawlSite, type CrawlOptions } from '../../../ingestion/sources/crawl/index.js';
import { html, respond, startTestSite, type Route, type TestSite } from './test-site-server.js';

const PAGES = Array.from({ length: 12 }, (_, index) => `/seiten/${index + 1}.html`);

/** A hub linking to 12 pages; each page answers after `holdMs`, so requests overlap when allowed to. */
function hubRoutes(robots: string, holdMs = 0): Record<string, Route> {
  const routes: Record<string, Route> = {
    '/robots.txt': respond(200, 'text/plain', robots),
    '/': respond(200, 'text/html', html('Übersicht', PAGES)),
  };
  for (const path of PAGES) {
    routes[path] = (_request, response) => {
      // Server-side latency, not a test sleep: it makes concurrent requests overlap.
      setTimeout(() => response.writeHead(200, { 'Content-Type': 'text/html' }).end(html(path)), holdMs);
    };
  }
  return routes;
}

const baseOptions = (site: TestSite): CrawlOptions => ({
  startUrls: [`${site.baseUrl}/`],
  maxPages: 100,
  maxDepth: 3,
  concurrencyPerHost: 2,
  requestsPerSecond: 1000,
  timeoutMs: 2000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  userAgent: 'BuergerbotCrawler/0.1 (+https://www.musterstadt.example; webmaster@musterstadt.example)',
});

describe('crawlSite politeness', () => {
  let site: TestSite | undefined;
  afterEach(() => site?.close());

  it('never has more requests in flight per host than concurrencyPerHost, and uses them', async () => {
    site = await startTestSite({ routes: hubRoutes('User-agent: *\nAllow: /\n', 40) });
    const result = await crawlSite({ ...baseOptions(site), concurrencyPerHost: 2 });
    expect(result.pages).toHaveLength(PAGES.length + 1);
    expect(site.maxInFlight.get(new URL(site.baseUrl).host)).toBe(2);
  });

  // Timing only as lower bounds: a slow machine makes a crawl longer, never shorter.
  it('spaces request starts by 1 / requestsPerSecond', async () => {
    site = await startTestSite({ routes: hubRoutes('User-agent: *\nAllow: /\n') });
    const result = await crawlSite({
      ...baseOptions(site),
      maxPages: 6,
      concurrencyPerHost: 4,
      requestsPerSecond: 10,
    });
    // robots.txt, the hub and five pages, each waiting its turn.
    expect(site.requests).toHaveLength(7);
    expect(result.stats.durationMs).toBeGreaterThanOrEqual(6 * 100 - 2);
  });

  it('honours a robots.txt Crawl-delay larger than the configured rate', async () => {
    site = await startTestSite({
      routes: hubRoutes('User-agent: BuergerbotCrawler\nCrawl-delay: 0.15\nAllow: /\n'),
    });
    const result = await crawlSite({ ...baseOptions(site), maxPages: 4, concurrencyPerHost: 4 });
    // The hub and three pages after robots.txt.
    expect(site.requests).toHaveLength(5);
    expect(result.stats.durationMs).toBeGreaterThanOrEqual(3 * 150 - 2);
  });

  it('fetches robots.txt once and treats the host as disallowed when it answers 503', async () => {
    site = await startTestSite({
      routes: { ...hubRoutes(''), '/robots.txt': respond(503, 'text/plain', 'Wartung') },
    });
    const result = await crawlSite(baseOptions(site));
    expect(result.pages).toEqual([]);
    expect(result.failed).toEqual([
      { url: `${site.baseUrl}/robots.txt`, reason: 'robots.txt answered HTTP 503' },
    ]);
    expect(result.skipped).toEqual([
      { url: `${site.baseUrl}/`, reason: 'disallowed because robots.txt answered HTTP 503' },
    ]);
    expect(site.requests.map((request) => request.path)).toEqual(['/robots.txt']);
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    site = await startTestSite({
      routes: { ...hubRoutes(''), '/robots.txt': respond(404, 'text/plain', '') },
    });
    const result = await crawlSite(baseOptions(site));
    expect(result.pages).toHaveLength(PAGES.length + 1);
  });

  it('throws a CrawlError in German when the website cannot be reached at all', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const options = { ...baseOptions({ baseUrl: `http://127.0.0.1:${port}` } as TestSite) };

    const error = await crawlSite(options).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CrawlError);
    expect((error as CrawlError).message).toBe(
      `Die Website http://127.0.0.1:${port}/ ist nicht erreichbar: robots.txt not reachable: ECONNREFUSED`,
    );
    expect((error as CrawlError).result.pages).toEqual([]);
  });

  it('stops when the signal aborts and rejects with its reason', async () => {
    site = await startTestSite({ routes: hubRoutes('User-agent: *\nAllow: /\n', 20) });
    const controller = new AbortController();
    const reason = new Error('abgebrochen');
    const crawl = crawlSite({
      ...baseOptions(site),
      signal: controller.signal,
      onProgress: ({ fetched }) => {
        if (fetched === 2) controller.abort(reason);
      },
    });
    await expect(crawl).rejects.toBe(reason);
    expect(site.requestsFor('/seiten/12.html')).toHaveLength(0);
  });
});
