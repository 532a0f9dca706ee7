import type { Hono } from 'hono';

/** `GET /healthz` (process is up) and `GET /readyz` (index loaded, able to answer). */
export function registerHealthRoutes(app: Hono, isReady: () => boolean): void {
  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const });
  });
  app.get('/readyz', (c) => {
    c.header('Cache-Control', 'no-store');
    return isReady() ? c.json({ status: 'ready' as const }) : c.json({ status: 'not_ready' as const }, 503);
  });
}
