import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { AppConfig, CityProfile } from '../../../config/index.js';
import type { Logger } from '../../../config/logger.js';
import type { AnswerEngine } from '../../answering/types.js';
import type { ConversationStore } from '../../conversations/store.js';
import { AppError } from '../../errors.js';
import type { FeedbackStore } from '../../feedback/types.js';
import { profileAllowList } from '../../privacy/index.js';
import { accessLog } from './access-log.js';
import { registerChatRoute } from './chat-route.js';
import './env.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import { registerFeedbackRoute } from './feedback-route.js';
import { registerHealthRoutes } from './health-routes.js';
import { ERROR_MESSAGES } from './messages.js';
import { buildOpenApiDocument, registerOpenApiRoute } from './openapi.js';
import { createRateLimiter, rateLimit } from './rate-limit.js';
import { defaultSecurityHeaders } from './security.js';
import { registerWidgetConfigRoute } from './widget-config-route.js';

export interface HttpAppDeps {
  engine: AnswerEngine;
  config: AppConfig;
  profile: CityProfile;
  feedback: FeedbackStore;
  conversations: ConversationStore;
  logger: Logger;
  /** True once the knowledge index is loaded; drives `GET /readyz`. */
  isReady: () => boolean;
  /**
   * More routes (widget script, demo page, Teams endpoint). They run behind the same request
   * id, access log, security headers and error handler; use `routeSecurityHeaders` for a
   * route-specific CSP.
   */
  extensions?: Array<(app: Hono) => void>;
  /** Clock in ms for rate limiting and stored message times (tests). */
  now?: () => number;
}

/**
 * The HTTP channel: `POST /api/chat` (JSON or SSE), `POST /api/feedback`, `GET /healthz`,
 * `GET /readyz`, `GET /api/openapi.json`, `GET /api/widget-config`. `app.onError` is the only
 * place that turns errors into responses.
 */
export function createHttpApp(deps: HttpAppDeps): Hono {
  const { config, logger } = deps;
  const now = deps.now ?? Date.now;
  const allow = profileAllowList(deps.profile);
  const app = new Hono();

  // A client's X-Request-Id ([\w=-], ≤ 128 chars) is kept so logs can be correlated; else a new UUID.
  app.use(requestId({ generator: () => randomUUID(), limitLength: 128 }));
  app.use(accessLog(logger));
  app.use(defaultSecurityHeaders());
  app.use(
    '/api/*',
    cors({
      origin: config.CORS_ORIGINS.includes('*') ? '*' : [...config.CORS_ORIGINS],
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Accept', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      credentials: false,
      maxAge: 600,
    }),
  );

  const limitBody = bodyLimit({
    maxSize: config.MAX_BODY_BYTES,
    onError: () => {
      throw new AppError(
        'payload_too_large',
        ERROR_MESSAGES.payload_too_large,
        `body over ${config.MAX_BODY_BYTES} bytes`,
      );
    },
  });
  // Each route gets its own bucket per client, so feedback never eats the chat budget.
  const guards = () =>
    [
      rateLimit(createRateLimiter({ perMinute: config.RATE_LIMIT_PER_MINUTE, now }), config.TRUST_PROXY),
      limitBody,
    ] as const;

  registerHealthRoutes(app, deps.isReady);
  registerChatRoute(app, {
    engine: deps.engine,
    conversations: deps.conversations,
    logger,
    maxMessageChars: config.MAX_MESSAGE_CHARS,
    allow,
    now,
    guards: guards(),
  });
  registerFeedbackRoute(app, {
    conversations: deps.conversations,
    feedback: deps.feedback,
    allow,
    guards: guards(),
  });
  registerWidgetConfigRoute(app, deps.profile);
  registerOpenApiRoute(
    app,
    buildOpenApiDocument({ maxMessageChars: config.MAX_MESSAGE_CHARS, title: `${deps.profile.botName} API` }),
  );
  for (const extend of deps.extensions ?? []) extend(app);

  app.notFound(notFoundHandler);
  app.onError(createErrorHandler(logger));
  return app;
}
