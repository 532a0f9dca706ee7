import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { loadCityProfile, loadConfig } from '../../config/index.js';
import { buildWidget, MAX_GZIP_BYTES, widgetRoutes } from '../../web-widget/index.js';

const profile = loadCityProfile('cities/gelsenkirchen/profile.yaml');

function appWith(env: Record<string, string> = {}, publicBaseUrl?: string): Hono {
  const app = new Hono();
  widgetRoutes({ profile, config: loadConfig({ LOG_LEVEL: 'silent', ...env }), publicBaseUrl })(app);
  return app;
}

describe('widget build', () => {
  it('builds one file within the 20 KB gzip budget, without any HTML-parsing sinks', async () => {
    const { readFile } = await import('node:fs/promises');
    const result = await buildWidget();
    expect(result.gzipBytes).toBeGreaterThan(1000);
    expect(result.gzipBytes).toBeLessThanOrEqual(MAX_GZIP_BYTES);
    const code = await readFile(result.path, 'utf8');
    expect(Buffer.byteLength(code)).toBe(result.bytes);
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(code).not.toMatch(/document\.cookie|localStorage/);
  });
});

describe('GET /widget.js', () => {
  it('serves the script with cache, CORS and ETag headers', async () => {
    const response = await appWith().request('/widget.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('etag')).toMatch(/^".+"$/);
    expect(await response.text()).toContain('buergerbot-chat');
  });

  it('answers 304 without a body when the ETag still matches', async () => {
    const app = appWith();
    const etag = (await app.request('/widget.js')).headers.get('etag')!;
    const response = await app.request('/widget.js', { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
  });
});

describe('GET / (demo page)', () => {
  it('shows a city service page with the city name and one script tag with data attributes only', async () => {
    const response = await appWith().request('/');
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('Stadt Gelsenkirchen');
    const scripts = html.match(/<script[^>]*>[\s\S]*?<\/script>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(
      /^<script src="\/widget\.js" data-lang="de" data-position="right" data-title="Gelsenkirchen-Bot" defer><\/script>$/,
    );
  });

  it('sends a strict Content-Security-Policy: own scripts and connections only, no inline script', async () => {
    const csp = (await appWith().request('/')).headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("default-src 'none'");
  });

  it('points the script and the CSP at the public base URL when one is configured', async () => {
    const page = await appWith({}, 'https://bot.example.org/').request('/?lang=uk');
    const html = await page.text();
    expect(html).toContain(
      'src="https://bot.example.org/widget.js" data-api="https://bot.example.org" data-lang="uk"',
    );
    expect(page.headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://bot.example.org",
    );
  });

  it('ignores unsupported languages in the query', async () => {
    const html = await (await appWith().request('/?lang=%22%3E%3Cscript%3E')).text();
    expect(html).toContain('data-lang="de"');
    expect(html).not.toContain('<script>');
  });
});
