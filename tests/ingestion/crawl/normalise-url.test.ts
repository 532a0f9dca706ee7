import { describe, expect, it } from 'vitest';
import { createCrawlScope } from '../../../ingestion/sources/crawl/crawl-scope.js';
import { analyseHtml } from '../../../ingestion/sources/crawl/html-analysis.js';
import { normaliseUrl, userAgentFor } from '../../../ingestion/sources/crawl/index.js';

describe('normaliseUrl', () => {
  it.each([
    ['HTTPS://WWW.Musterstadt.EXAMPLE/Buergerservice/', 'https://www.musterstadt.example/Buergerservice/'],
    ['http://www.musterstadt.example:80/a', 'http://www.musterstadt.example/a'],
    ['https://www.musterstadt.example:443/a', 'https://www.musterstadt.example/a'],
    ['https://www.musterstadt.example:8443/a', 'https://www.musterstadt.example:8443/a'],
    ['https://www.musterstadt.example/a/./b/../c.html', 'https://www.musterstadt.example/a/c.html'],
    ['https://www.musterstadt.example/seite.html#gebuehren', 'https://www.musterstadt.example/seite.html'],
    ['https://www.musterstadt.example', 'https://www.musterstadt.example/'],
    ['https://www.musterstadt.example/suche?', 'https://www.musterstadt.example/suche'],
  ])('normalises scheme, host, port, dot segments and fragment: %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it('drops tracking and session parameters and sorts the rest by name, keeping repeated names in order', () => {
    expect(
      normaliseUrl(
        'https://s.example/suche?utm_source=nl&q=pass&UTM_Medium=mail&fbclid=1&gclid=2&msclkid=3&mc_cid=4&mc_eid=5&_ga=6&pk_campaign=7&tag=b&tag=a&PHPSESSID=9',
      ),
    ).toBe('https://s.example/suche?q=pass&tag=b&tag=a');
    expect(normaliseUrl('https://s.example/a;jsessionid=ABC123?x=1')).toBe('https://s.example/a?x=1');
    expect(normaliseUrl('https://s.example/a?utm_source=x')).toBe('https://s.example/a');
  });

  it('keeps query values as they were encoded', () => {
    expect(normaliseUrl('https://s.example/suche?q=a+b&r=%2F')).toBe('https://s.example/suche?q=a+b&r=%2F');
  });

  it('writes percent-escapes one way', () => {
    expect(normaliseUrl('https://s.example/%7euser/%c3%a4mter')).toBe('https://s.example/~user/%C3%A4mter');
    expect(normaliseUrl('https://s.example/ämter')).toBe('https://s.example/%C3%A4mter');
  });

  it('resolves relative links against a base', () => {
    expect(normaliseUrl('../reisepass.html?b=2&a=1', 'https://s.example/buergerservice/ausweis/')).toBe(
      'https://s.example/buergerservice/reisepass.html?a=1&b=2',
    );
    expect(normaliseUrl('//cdn.s.example/x.pdf', 'https://s.example/')).toBe('https://cdn.s.example/x.pdf');
  });

  it.each([
    'mailto:info@s.example',
    'tel:+49209169',
    'javascript:void(0)',
    'data:text/plain,x',
    'ftp://s.example/a',
    'http://',
  ])('rejects what cannot be crawled: %s', (input) => {
    expect(normaliseUrl(input, 'https://s.example/')).toBeUndefined();
  });
});

describe('userAgentFor', () => {
  it('names the crawler, the website and the contact', () => {
    expect(userAgentFor('webmaster@gelsenkirchen.de', 'https://www.gelsenkirchen.de')).toBe(
      'BuergerbotCrawler/0.1 (+https://www.gelsenkirchen.de; webmaster@gelsenkirchen.de)',
    );
    expect(userAgentFor('webmaster@gelsenkirchen.de')).toBe(
      'BuergerbotCrawler/0.1 (webmaster@gelsenkirchen.de)',
    );
  });

  it('cannot be used to inject header lines', () => {
    expect(userAgentFor('a@b.de\r\nX-Evil: 1')).toBe('BuergerbotCrawler/0.1 (a@b.deX-Evil: 1)');
  });
});

describe('createCrawlScope', () => {
  const scope = createCrawlScope(['www.musterstadt.example', '127.0.0.1:8080'], '/buergerservice');

  it('admits the prefix folder and its pages only', () => {
    expect(scope.check('https://www.musterstadt.example/buergerservice')).toBeUndefined();
    expect(scope.check('https://www.musterstadt.example/buergerservice/reisepass.html')).toBeUndefined();
    expect(scope.check('https://www.musterstadt.example/buergerservice-alt/')).toBe('outside path prefix');
    expect(scope.check('https://www.musterstadt.example/')).toBe('outside path prefix');
  });

  it('admits allowed hosts only, with their port', () => {
    expect(scope.check('http://127.0.0.1:8080/buergerservice/')).toBeUndefined();
    expect(scope.check('http://127.0.0.1:9090/buergerservice/')).toBe('outside allowed hosts');
    expect(scope.check('https://musterstadt.example/buergerservice/')).toBe('outside allowed hosts');
  });
});

describe('analyseHtml', () => {
  const analyse = (markup: string) =>
    analyseHtml(Buffer.from(markup), 'https://s.example/a/seite.html', 'BuergerbotCrawler');

  it('resolves links against <base href>, skips rel=nofollow links and reads the canonical link', () => {
    const result = analyse(
      '<html><head><base href="https://s.example/b/"><link rel="Canonical" href="/a/seite.html?utm_source=x"></head>' +
        '<body><a href="x.html">x</a><a href="y.html" rel="nofollow">y</a><a href="x.html#top">x</a><a href="mailto:a@b.de">m</a></body></html>',
    );
    expect(result).toEqual({
      links: ['https://s.example/b/x.html'],
      canonical: 'https://s.example/a/seite.html',
      noindex: false,
      nofollow: false,
    });
  });

  it('reads robots meta tags for all robots and for this crawler', () => {
    expect(analyse('<meta name="robots" content="NOINDEX, follow">')).toMatchObject({
      noindex: true,
      nofollow: false,
    });
    expect(analyse('<meta name="BuergerbotCrawler" content="nofollow">')).toMatchObject({
      noindex: false,
      nofollow: true,
    });
    expect(analyse('<meta name="googlebot" content="none">')).toMatchObject({
      noindex: false,
      nofollow: false,
    });
    expect(analyse('<meta name="robots" content="none">')).toMatchObject({ noindex: true, nofollow: true });
  });

  it('decodes pages in ISO-8859-1', () => {
    const markup = Buffer.from('<meta charset="iso-8859-1"><a href="/\u00e4mter.html">Ämter</a>', 'latin1');
    expect(analyseHtml(markup, 'https://s.example/', 'BuergerbotCrawler').links).toEqual([
      'https://s.example/%C3%A4mter.html',
    ]);
  });
});
