/** The HTTP channel (Hono): JSON + SSE chat, feedback, health, OpenAPI, widget config. */
export { createHttpApp, type HttpAppDeps } from './app.js';
export { startHttpServer, type RunningServer } from './serve.js';
export { routeSecurityHeaders, API_CONTENT_SECURITY_POLICY } from './security.js';
export type { ChatResponse, PublicCitation } from './chat-response.js';
export type { ErrorBody } from './error-handler.js';
export type { WidgetConfig } from './widget-config-route.js';
export { createRateLimiter, type RateLimiter } from './rate-limit.js';
