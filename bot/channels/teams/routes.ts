import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppConfig, CityProfile } from '../../../config/index.js';
import type { Logger } from '../../../config/logger.js';
import type { AnswerEngine } from '../../answering/types.js';
import type { ConversationStore } from '../../conversations/store.js';
import { AppError } from '../../errors.js';
import type { FeedbackStore } from '../../feedback/types.js';
import { parseActivity } from './activity.js';
import { createActivityAuthenticator, isGovernmentCloud } from './auth.js';
import { createReplySender, defaultCredentials, type OutboundCredentials } from './connector.js';
import { createActivityHandler } from './handler.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';

export interface TeamsDeps {
  engine: AnswerEngine;
  feedback: FeedbackStore;
  conversations: ConversationStore;
  config: AppConfig;
  profile: CityProfile;
  logger: Logger;
  /** Signs replies to the connector; default `MicrosoftAppCredentials` from the config. */
  credentials?: OutboundCredentials;
  /** Backoff for 429/502/504 from the connector; default 4 retries, 0.5 s base, 8 s cap. */
  retry?: RetryPolicy;
}

/** Teams activities (entities, channel data) are larger than widget requests; Teams caps them well below this. */
const MAX_ACTIVITY_BYTES = 256 * 1024;

/**
 * Registers `POST /api/messages` (Bot Framework). Every request is authenticated before
 * anything is parsed further; valid activities are acknowledged at once (202, or 200 with
 * an invoke response) and answered through the connector afterwards. Errors are thrown as
 * `AppError` for the app's central `onError`.
 */
export function teamsRoutes(deps: TeamsDeps): (app: Hono) => void {
  const logger = deps.logger.child({ channel: 'teams' });
  const authenticator = createActivityAuthenticator(deps.config, logger);
  const sender = createReplySender({
    credentials:
      deps.credentials ??
      defaultCredentials(deps.config, isGovernmentCloud(deps.config.BOT_OPENID_METADATA_URL)),
    retry: deps.retry ?? DEFAULT_RETRY,
    logger,
  });
  const handler = createActivityHandler({ ...deps, logger, sender });

  return (app) => {
    app.post(
      '/api/messages',
      bodyLimit({
        maxSize: MAX_ACTIVITY_BYTES,
        onError: () => {
          throw new AppError('payload_too_large', 'Die Anfrage ist zu groß.');
        },
      }),
      async (c) => {
        const authHeader = c.req.header('authorization') ?? '';
        if (!authHeader.trim() && !authenticator.unauthenticatedDevMode) {
          throw new AppError('unauthorized', 'Nicht autorisiert.', 'missing authorization header');
        }
        const activity = parseActivity(await c.req.text());
        await authenticator.authenticate(activity, authHeader);
        const result = handler.handle(activity);
        return result.body === undefined ? c.body(null, result.status) : c.json(result.body, result.status);
      },
    );
  };
}
