import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { crawlSite, type CrawlOptions } from '../../../ingestion/sources/crawl/index.js';
import { MAX_SITEMAP_NESTING } from '../../../ingestion/sources/crawl/sitemap-reader.js';
import { parseSitemap } from '../../../ingestion/sources/crawl/sitemap.js';
import { html, respond, startTestSite, type Route, type TestSite } from './test-site-server.js';

const urlset = (locs: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
  locs.map((loc) => `<url><loc>${loc}</loc></url>`).join('') +
  '</urlset>';
const sitemapIndex = (locs: string[]) =>
  `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
  locs.map((loc) => `<sitemap><loc>${loc}</loc></sitemap>`).join('') +
  '</sitemapindex>';
const xml =
  (body: (site: TestSite) => string): Route =>
  (_request, response, site) =>
    response.writeHead(200, { 'Content-Type': 'application/xml' }).end(body(site));

const pages: Record<string, Route> = {
  '/a.html': respond(200, 'text/html', html('Seite A')),
  '/b.html': respond(200, 'text/html', html('Seite B')),
  '/c.html': respond(200, 'text/html', html('Seite C')),
};

const options = (site: TestSite, startPath: string): CrawlOptions => ({
  startUrls: [`${site.baseUrl}${startPath}`],
  maxPages: 20,
  maxDepth: 0,
  concurrencyPerHost: 2,
  requestsPerSecond: 1000,
  timeoutMs: 2000,
  maxBytes: 1024 * 1024,
  maxRedirects: 2,
  userAgent: 'BuergerbotCrawler/0.1 (test)',
});

const paths = (site: TestSite, urls: string[]) => urls.map((url) => url.slice(site.baseUrl.length)).sort();

describe('crawlSite with sitemaps', () => {
  let site: TestSite;
  afterEach(() => site.close());

  it('reads a sitemap given as start URL and de-duplicates its entries, all at depth 0', async () => {
    site = await startTestSite({
      routes: {
        ...pages,
        '/sitemap.xml': xml(({ baseUrl }) =>
          urlset([
            `${baseUrl}/a.html`,
            `${baseUrl}/b.html?utm_campaign=x`,
            `${baseUrl}/b.html`,
            '/c.html',
            'https://anderswo.example/d.html',
          ]),
        ),
      },
    });
    const result = await crawlSite(options(site, '/sitemap.xml'));
    expect(
      paths(
        site,
        result.pages.map((page) => page.url),
      ),
    ).toEqual(['/a.html', '/b.html', '/c.html']);
    expect(result.pages.every((page) => page.depth === 0)).toBe(true);
    expect(result.skipped).toEqual([
      { url: 'https://anderswo.example/d.html', reason: 'outside allowed hosts' },
    ]);
    expect(site.requestsFor('/b.html')).toHaveLength(1);
  });

  it('treats a start URL answered with XML as a sitemap', async () => {
    site = await startTestSite({
      routes: { ...pages, '/seitenverzeichnis': xml(({ baseUrl }) => urlset([`${baseUrl}/a.html`])) },
    });
    const result = await crawlSite(options(site, '/seitenverzeichnis'));
    expect(
      paths(
        site,
        result.pages.map((page) => page.url),
      ),
    ).toEqual(['/a.html']);
  });

  it('reads each sitemap of an index once and bounds the nesting of indexes', async () => {
    const chain: Record<string, Route> = {};
    for (let level = 0; level <= MAX_SITEMAP_NESTING; level += 1) {
      chain[`/index-${level}.xml`] = xml(({ baseUrl }) =>
        sitemapIndex([
          `${baseUrl}/index-${level}.xml`,
          `${baseUrl}/index-${level + 1}.xml`,
          `${baseUrl}/seiten-${level}.xml`,
        ]),
      );
      chain[`/seiten-${level}.xml`] = xml(({ baseUrl }) => urlset([`${baseUrl}/a.html`]));
    }
    site = await startTestSite({ routes: { ...pages, ...chain } });

    const result = await crawlSite(options(site, '/index-0.xml'));

    expect(result.pages).toHaveLength(1);
    for (let level = 0; level < MAX_SITEMAP_NESTING; level += 1) {
      expect(site.requestsFor(`/index-${level}.xml`)).toHaveLength(1);
    }
    expect(site.requestsFor(`/index-${MAX_SITEMAP_NESTING}.xml`)).toHaveLength(0);
    expect(result.skipped).toContainEqual({
      url: `${site.baseUrl}/index-${MAX_SITEMAP_NESTING}.xml`,
      reason: 'sitemap index nested too deep',
    });
  });

  it('reports a sitemap that is not one as failed and carries on', async () => {
    site = await startTestSite({
      routes: {
        ...pages,
        '/kaputt.xml': respond(200, 'application/xml', html('Kein Sitemap')),
        '/': respond(200, 'text/html', html('Start')),
      },
    });
    const result = await crawlSite({
      ...options(site, '/kaputt.xml'),
      startUrls: [`${site.baseUrl}/kaputt.xml`, `${site.baseUrl}/`],
    });
    expect(result.failed).toEqual([
      { url: `${site.baseUrl}/kaputt.xml`, reason: 'not a sitemap (no <urlset> or <sitemapindex>)' },
    ]);
    expect(result.pages).toHaveLength(1);
  });
});

describe('parseSitemap', () => {
  it('reads gzipped sitemaps, XML entities and lastmod', () => {
    const body = gzipSync(
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
        '<url><loc> https://www.musterstadt.example/suche?a=1&amp;b=2 </loc><lastmod>2025-03-01</lastmod></url></urlset>',
    );
    expect(parseSitemap(body, 1024 * 1024)).toEqual({
      kind: 'urlset',
      urls: [{ loc: 'https://www.musterstadt.example/suche?a=1&b=2', lastmod: '2025-03-01' }],
    });
  });

  it('refuses a gzipped sitemap that unpacks beyond the byte limit', () => {
    const body = gzipSync(urlset(Array.from({ length: 2000 }, (_, index) => `https://x.example/${index}`)));
    expect(() => parseSitemap(body, 1024)).toThrow();
  });
});
