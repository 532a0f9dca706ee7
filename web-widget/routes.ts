import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env, Hono } from 'hono';
import type { AppConfig, CityProfile } from '../config/index.js';
import { buildWidget, WIDGET_DIST_PATH, WIDGET_SOURCE_DIR } from './build.js';
import { DEMO_STYLE_HASH, renderDemoPage } from './demo-page.js';
import { LANGUAGES } from './src/i18n.js';

export interface WidgetRoutesOptions {
  profile: CityProfile;
  config: AppConfig;
  /** Public origin of the bot (e.g. behind a proxy); defaults to `config.PUBLIC_BASE_URL`, else relative URLs. */
  publicBaseUrl?: string;
}

interface Asset {
  body: string;
  etag: string;
}

/**
 * Registers `GET /widget.js` (the built widget; built on first request when missing or older
 * than its sources) and `GET /` (the demo page, `?lang=en` etc. switches the widget language).
 */
export function widgetRoutes(options: WidgetRoutesOptions): <E extends Env>(app: Hono<E>) => void {
  const base = (options.publicBaseUrl ?? options.config.PUBLIC_BASE_URL)?.replace(/\/+$/, '');
  const baseOrigin = base ? new URL(base).origin : undefined;
  let asset: Promise<Asset> | undefined;

  const loadAsset = (): Promise<Asset> =>
    (asset ??= (async () => {
      if (await isStale()) await buildWidget();
      const body = await readFile(WIDGET_DIST_PATH, 'utf8');
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      return { body, etag };
    })().catch((error: unknown) => {
      asset = undefined; // let the next request try again
      throw error;
    }));

  const sources = baseOrigin ? `'self' ${baseOrigin}` : "'self'";
  const csp = [
    "default-src 'none'",
    `script-src ${sources}`,
    `connect-src ${sources}`,
    `style-src ${DEMO_STYLE_HASH}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

  return (app) => {
    app.get('/widget.js', async (c) => {
      const { body, etag } = await loadAsset();
      const headers = {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'public, max-age=3600',
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'X-Content-Type-Options': 'nosniff',
        ETag: etag,
      };
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
      return c.body(body, 200, headers);
    });

    app.get('/', (c) => {
      const requested = c.req.query('lang');
      const lang = requested && LANGUAGES.includes(requested) ? requested : undefined;
      const html = renderDemoPage({
        profile: options.profile,
        widgetSrc: `${base ?? ''}/widget.js`,
        api: base,
        lang,
      });
      return c.html(html, 200, {
        'Content-Security-Policy': csp,
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'X-Content-Type-Options': 'nosniff',
      });
    });
  };
}

/** True when the built file is missing or older than any widget source file. */
async function isStale(): Promise<boolean> {
  const built = await stat(WIDGET_DIST_PATH).catch(() => undefined);
  if (!built) return true;
  const files = await readdir(WIDGET_SOURCE_DIR);
  for (const file of files) {
    if ((await stat(join(WIDGET_SOURCE_DIR, file))).mtimeMs > built.mtimeMs) return true;
  }
  return false;
}
