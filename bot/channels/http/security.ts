import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** CSP for JSON responses: nothing may load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Security headers on every response. Headers a route already set win (`overwrite: false`),
 * so the widget script or a demo page can bring their own CSP with `routeSecurityHeaders`.
 */
export function defaultSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
    crossOriginResourcePolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    overwrite: false,
  });
}

/**
 * Per-route override for routes added through `extensions`, e.g.
 * `app.get('/widget.js', routeSecurityHeaders({ 'Cross-Origin-Resource-Policy': 'cross-origin' }), handler)`.
 */
export function routeSecurityHeaders(headers: Record<string, string>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  };
}
