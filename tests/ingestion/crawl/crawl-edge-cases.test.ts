import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite, userAgentFor, type CrawlResult } from '../../../ingestion/sources/crawl/index.js';
import { html, redirect, respond, startTestSite, type Route, type TestSite } from './test-site-server.js';

const T = '/testfaelle';
const USER_AGENT = userAgentFor('webmaster@musterstadt.example', 'https://www.musterstadt.example');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const SAME_CONTENT = html('Gleicher Inhalt', []);
const MAX_BYTES = 64 * 1024;
// Long enough for a busy CI machine to answer ordinary pages; the slow page never answers.
const TIMEOUT_MS = 1500;

const page =
  (title: string, links: string[] = [], head = ''): Route =>
  (_request, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html(title, links, head));

const routes: Record<string, Route> = {
  '/robots.txt': (_request, response, site) =>
    response
      .writeHead(200, { 'Content-Type': 'text/plain' })
      .end(`User-agent: *\nDisallow: ${T}/gesperrt/\n\nSitemap: ${site.baseUrl}/sitemap_index.xml\n`),
  '/sitemap_index.xml': (_request, response, site) =>
    response
      .writeHead(200, { 'Content-Type': 'application/xml' })
      .end(
        `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
          `<sitemap><loc>${site.baseUrl}/sitemaps/seiten.xml.gz</loc></sitemap></sitemapindex>`,
      ),
  '/sitemaps/seiten.xml.gz': (_request, response, site) =>
    response
      .writeHead(200, { 'Content-Type': 'application/gzip' })
      .end(
        gzipSync(
          `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
            `<url><loc>${site.baseUrl}${T}/aus-sitemap.html</loc><lastmod>2025-01-01</lastmod></url>` +
            `<url><loc>${site.baseUrl}${T}/gesperrt/intern.html</loc></url></urlset>`,
        ),
      ),
  [`${T}/start.html`]: page('Testfälle', [
    'fehlt.html',
    `${T}/umleitung-1`,
    `${T}/zu-viele-1`,
    `${T}/schleife-a`,
    `${T}/fehler.html`,
    `${T}/langsam.html`,
    `${T}/gross.html`,
    `${T}/gross.pdf`,
    `${T}/bild.png`,
    `${T}/merkblatt.pdf`,
    `${T}/ohne-typ.pdf`,
    `${T}/kopfzeile-noindex.pdf`,
    `${T}/seite.html?utm_source=newsletter&amp;utm_medium=email&amp;fbclid=abc`,
    `${T}/seite.html#abschnitt-2`,
    `${T}/seite.html`,
    `${T}/kopie.html`,
    `${T}/kanonisch-kopie.html`,
    `${T}/original.html`,
    `${T}/noindex.html`,
    `${T}/nofollow.html`,
    `${T}/ebene-1.html`,
    'https://extern.example.org/seite.html',
    '/intern/ausserhalb.html',
    `${T}/gesperrt/geheim.html`,
    `${T}/umleitung-extern`,
    `${T}/umleitung-gesperrt`,
    `${T}/alte-adresse`,
    'mailto:info@musterstadt.example',
    'tel:+492091690',
    'javascript:void(0)',
  ]),
  [`${T}/fehlt.html`]: respond(404, 'text/html', 'Nicht gefunden'),
  [`${T}/umleitung-1`]: redirect(302, `${T}/umleitung-2`),
  [`${T}/umleitung-2`]: redirect(301, 'ziel.html'),
  [`${T}/ziel.html`]: page('Ziel der Umleitung'),
  [`${T}/zu-viele-1`]: redirect(302, `${T}/zu-viele-2`),
  [`${T}/zu-viele-2`]: redirect(302, `${T}/zu-viele-3`),
  [`${T}/zu-viele-3`]: redirect(302, `${T}/zu-viele-4`),
  [`${T}/zu-viele-4`]: redirect(302, `${T}/zu-viele-5`),
  [`${T}/zu-viele-5`]: page('Zu weit'),
  [`${T}/schleife-a`]: redirect(302, `${T}/schleife-b`),
  [`${T}/schleife-b`]: redirect(302, `${T}/schleife-a`),
  [`${T}/fehler.html`]: respond(500, 'text/html', 'Interner Fehler'),
  // Never answers: the crawler's timeout has to end the request.
  [`${T}/langsam.html`]: () => undefined,
  [`${T}/gross.html`]: (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    for (let chunk = 0; chunk < 20; chunk += 1) response.write(`<p>${'x'.repeat(16 * 1024)}</p>`);
    response.end();
  },
  [`${T}/gross.pdf`]: respond(200, 'application/pdf', Buffer.alloc(4 * MAX_BYTES)),
  [`${T}/bild.png`]: respond(200, 'image/png', PNG),
  [`${T}/merkblatt.pdf`]: respond(200, 'application/pdf', PDF),
  [`${T}/ohne-typ.pdf`]: respond(200, 'application/octet-stream', Buffer.concat([PDF, Buffer.from('%2')])),
  [`${T}/kopfzeile-noindex.pdf`]: respond(200, 'application/pdf', Buffer.concat([PDF, Buffer.from('%3')]), {
    'X-Robots-Tag': 'noindex',
  }),
  [`${T}/seite.html`]: respond(200, 'text/html', SAME_CONTENT),
  [`${T}/kopie.html`]: respond(200, 'text/html', SAME_CONTENT),
  [`${T}/kanonisch-kopie.html`]: page('Druckansicht', [], `<link rel="canonical" href="${T}/original.html">`),
  [`${T}/original.html`]: page('Original', [], `<link rel="canonical" href="${T}/original.html">`),
  [`${T}/noindex.html`]: page(
    'Nicht indexieren',
    [`${T}/nur-via-noindex.html`],
    '<meta name="robots" content="noindex">',
  ),
  [`${T}/nur-via-noindex.html`]: page('Verlinkt von noindex'),
  [`${T}/nofollow.html`]: page(
    'Nicht folgen',
    [`${T}/nur-via-nofollow.html`],
    '<meta name="robots" content="nofollow">',
  ),
  [`${T}/nur-via-nofollow.html`]: page('Darf nicht geholt werden'),
  [`${T}/ebene-1.html`]: page('Ebene 1', [`${T}/ebene-2.html`]),
  [`${T}/ebene-2.html`]: page('Ebene 2', [`${T}/ebene-3.html`]),
  [`${T}/ebene-3.html`]: page('Ebene 3'),
  [`${T}/aus-sitemap.html`]: page('Nur in der Sitemap'),
  [`${T}/umleitung-extern`]: redirect(302, 'https://extern.example.org/'),
  [`${T}/umleitung-gesperrt`]: redirect(302, `${T}/gesperrt/weiter.html`),
  [`${T}/alte-adresse`]: redirect(301, `${T}/start.html`),
};

describe('crawlSite on a site full of edge cases', () => {
  let site: TestSite;
  let result: CrawlResult;
  const url = (path: string) => `${site.baseUrl}${path}`;
  const skippedReason = (path: string) => result.skipped.find((issue) => issue.url === url(path))?.reason;
  const failedReason = (path: string) => result.failed.find((issue) => issue.url === url(path))?.reason;
  const wasRequested = (prefix: string) => site.requests.some((request) => request.path.startsWith(prefix));

  beforeAll(async () => {
    site = await startTestSite({ routes });
    result = await crawlSite({
      startUrls: [url(`${T}/start.html`)],
      pathPrefix: `${T}/`,
      maxPages: 50,
      maxDepth: 2,
      concurrencyPerHost: 4,
      requestsPerSecond: 1000,
      timeoutMs: TIMEOUT_MS,
      maxBytes: MAX_BYTES,
      maxRedirects: 3,
      userAgent: USER_AGENT,
    });
  });
  afterAll(() => site.close());

  it('keeps exactly the reachable HTML and PDF pages, once each', () => {
    const kept = result.pages.map((page) => page.url.slice(site.baseUrl.length)).sort();
    const duplicatePair = kept.includes(`${T}/seite.html`) ? `${T}/seite.html` : `${T}/kopie.html`;
    expect(kept).toEqual(
      [
        `${T}/start.html`,
        `${T}/ziel.html`,
        `${T}/merkblatt.pdf`,
        `${T}/ohne-typ.pdf`,
        duplicatePair,
        `${T}/original.html`,
        `${T}/nur-via-noindex.html`,
        `${T}/nofollow.html`,
        `${T}/ebene-1.html`,
        `${T}/ebene-2.html`,
        `${T}/aus-sitemap.html`,
      ].sort(),
    );
    expect(new Set(result.pages.map((page) => page.contentHash)).size).toBe(result.pages.length);
  });

  it('records 404 and 500 answers, the timeout, too many redirects and a redirect loop as failed', () => {
    expect(failedReason(`${T}/fehlt.html`)).toBe('HTTP 404');
    expect(failedReason(`${T}/fehler.html`)).toBe('HTTP 500');
    expect(failedReason(`${T}/langsam.html`)).toBe(`timeout after ${TIMEOUT_MS} ms`);
    expect(failedReason(`${T}/zu-viele-1`)).toBe('too many redirects (more than 3)');
    expect(failedReason(`${T}/schleife-a`)).toBe(`redirect loop at ${url(`${T}/schleife-a`)}`);
    expect(result.failed).toHaveLength(5);
  });

  it('follows a redirect chain, reports the final URL with the requested one, and stops at known pages', () => {
    expect(skippedReason(`${T}/alte-adresse`)).toBe(`duplicate (redirect) of ${url(`${T}/start.html`)}`);
    expect(site.requestsFor(`${T}/start.html`)).toHaveLength(1);
    const target = result.pages.find((page) => page.url === url(`${T}/ziel.html`));
    expect(target?.requestedUrl).toBe(url(`${T}/umleitung-1`));
    expect(site.requestsFor(`${T}/zu-viele-4`)).toHaveLength(1);
    expect(site.requestsFor(`${T}/zu-viele-5`)).toHaveLength(0);
  });

  it('skips oversized answers and content types other than HTML and PDF', () => {
    expect(skippedReason(`${T}/gross.html`)).toBe(`too large (more than ${MAX_BYTES} bytes)`);
    expect(skippedReason(`${T}/gross.pdf`)).toBe(`too large (more than ${MAX_BYTES} bytes)`);
    expect(skippedReason(`${T}/bild.png`)).toBe('unsupported content type image/png');
    const pdf = result.pages.find((page) => page.url === url(`${T}/merkblatt.pdf`));
    expect(pdf?.contentType).toBe('pdf');
    expect(pdf?.body.equals(PDF)).toBe(true);
    const untyped = result.pages.find((page) => page.url === url(`${T}/ohne-typ.pdf`));
    expect(untyped?.contentType).toBe('pdf');
  });

  it('fetches a page once despite tracking parameters and fragments, and drops identical content', () => {
    const seiteRequests = site.requests.filter((request) => request.path.startsWith(`${T}/seite.html`));
    expect(seiteRequests.map((request) => request.path)).toEqual([`${T}/seite.html`]);
    const dropped = [skippedReason(`${T}/seite.html`), skippedReason(`${T}/kopie.html`)].filter(Boolean);
    expect(dropped).toEqual([expect.stringMatching(/^duplicate content of /)]);
  });

  it('drops a page whose canonical link names a page already kept', () => {
    expect(skippedReason(`${T}/kanonisch-kopie.html`)).toBe(
      `duplicate (canonical) of ${url(`${T}/original.html`)}`,
    );
    const original = result.pages.filter((page) => page.url === url(`${T}/original.html`));
    expect(original.map((page) => page.requestedUrl)).toEqual([url(`${T}/original.html`)]);
  });

  it('drops noindex pages (meta tag or X-Robots-Tag) but follows their links, and follows no links of nofollow pages', () => {
    expect(skippedReason(`${T}/noindex.html`)).toBe('noindex');
    expect(skippedReason(`${T}/kopfzeile-noindex.pdf`)).toBe('noindex');
    expect(wasRequested(`${T}/nur-via-noindex.html`)).toBe(true);
    expect(wasRequested(`${T}/nur-via-nofollow.html`)).toBe(false);
  });

  it('stays inside host, path prefix, robots.txt and depth without requesting what is out of bounds', () => {
    expect(result.skipped).toContainEqual({
      url: 'https://extern.example.org/seite.html',
      reason: 'outside allowed hosts',
    });
    expect(skippedReason('/intern/ausserhalb.html')).toBe('outside path prefix');
    expect(skippedReason(`${T}/gesperrt/geheim.html`)).toBe('disallowed by robots.txt');
    expect(skippedReason(`${T}/gesperrt/intern.html`)).toBe('disallowed by robots.txt');
    expect(skippedReason(`${T}/ebene-3.html`)).toBe('depth limit reached');
    expect(skippedReason(`${T}/umleitung-extern`)).toBe(
      'redirects to https://extern.example.org/, which is outside allowed hosts',
    );
    expect(skippedReason(`${T}/umleitung-gesperrt`)).toBe(
      `redirects to ${url(`${T}/gesperrt/weiter.html`)}, which is disallowed by robots.txt`,
    );
    for (const forbidden of ['/intern/', `${T}/gesperrt/`, `${T}/ebene-3.html`]) {
      expect(wasRequested(forbidden), forbidden).toBe(false);
    }
  });

  it('ignores mailto:, tel: and javascript: links', () => {
    const all = [...result.skipped, ...result.failed].map((issue) => issue.url);
    expect(all.filter((issue) => /^(mailto|tel|javascript):/.test(issue))).toEqual([]);
  });

  it('reads the sitemap index named in robots.txt, gzipped sitemap included, at depth 0', () => {
    expect(site.requestsFor('/robots.txt')).toHaveLength(1);
    expect(site.requestsFor('/sitemaps/seiten.xml.gz')).toHaveLength(1);
    expect(result.pages.find((page) => page.url === url(`${T}/aus-sitemap.html`))?.depth).toBe(0);
  });

  it('identifies itself with the polite User-Agent on every request and counts every request', () => {
    expect(new Set(site.requests.map((request) => request.headers['user-agent']))).toEqual(
      new Set([USER_AGENT]),
    );
    expect(result.stats.requests).toBe(site.requests.length);
  });
});
