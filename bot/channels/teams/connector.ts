import {
  ConnectorClient,
  MicrosoftAppCredentials,
  MicrosoftGovernmentAppCredentials,
} from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import type { AppConfig } from '../../../config/index.js';
import type { Logger } from '../../../config/logger.js';
import { type RetryPolicy, withRetry } from './retry.js';

/**
 * What `ConnectorClient` needs to sign outgoing requests: in production a
 * `MicrosoftAppCredentials` (token from Microsoft Entra), in tests anything that sets the
 * Authorization header on the request.
 */
export type OutboundCredentials = ConstructorParameters<typeof ConnectorClient>[0];

/** Sends activities back to the channel that sent an authenticated activity. */
export interface ReplySender {
  /** Replies into the conversation of `incoming`, at its `serviceUrl`; retries throttling and gateway errors. */
  reply(incoming: Partial<Activity>, outgoing: Partial<Activity>): Promise<void>;
}

const RETRYABLE_STATUS = new Set([429, 502, 504]);
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const MAX_CLIENTS = 32;
const REQUEST_TIMEOUT_MS = 15_000;

/** The production credentials: public or US Government cloud, tenant only for single-tenant bots. */
export function defaultCredentials(config: AppConfig, government: boolean): OutboundCredentials {
  const appId = config.MICROSOFT_APP_ID ?? '';
  const password = config.MICROSOFT_APP_PASSWORD ?? '';
  const tenant = config.MICROSOFT_APP_TYPE === 'SingleTenant' ? config.MICROSOFT_APP_TENANT_ID : undefined;
  return government
    ? new MicrosoftGovernmentAppCredentials(appId, password, tenant)
    : new MicrosoftAppCredentials(appId, password, tenant);
}

type ErrorLike = {
  statusCode?: unknown;
  code?: unknown;
  response?: { headers?: { get?(name: string): unknown } };
};

function statusOf(error: unknown): number | undefined {
  const status = (error as ErrorLike | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return RETRYABLE_STATUS.has(status);
  const code = (error as ErrorLike | undefined)?.code;
  return typeof code === 'string' && RETRYABLE_NETWORK.has(code);
}

/** Retry-After in seconds (or an HTTP date) → milliseconds. */
function retryAfterMs(error: unknown): number | undefined {
  const header = (error as ErrorLike | undefined)?.response?.headers?.get?.('retry-after');
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The SDK's HTTP pipeline has its own retry policy (3 retries, 1 s base, also on 500 and
 * 503). Two stacked retry layers multiply attempts and delays, so ours is the only one.
 * The pipeline is not public API: if it moves, we keep working with both layers and say so.
 */
function removeSdkRetry(client: ConnectorClient, logger: Logger): void {
  const pipeline = (
    client as unknown as { client?: { pipeline?: { removePolicy?(policy: { name: string }): unknown } } }
  ).client?.pipeline;
  if (typeof pipeline?.removePolicy === 'function') pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  else logger.debug('teams.connector.sdk_retry_kept');
}

export function createReplySender(options: {
  credentials: OutboundCredentials;
  retry: RetryPolicy;
  logger: Logger;
}): ReplySender {
  const { credentials, retry, logger } = options;
  const clients = new Map<string, ConnectorClient>();

  const clientFor = (serviceUrl: string): ConnectorClient => {
    let client = clients.get(serviceUrl);
    if (!client) {
      client = new ConnectorClient(credentials, { baseUri: serviceUrl });
      removeSdkRetry(client, logger);
      if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
      clients.set(serviceUrl, client);
    }
    return client;
  };

  return {
    async reply(incoming, outgoing) {
      const serviceUrl = incoming.serviceUrl;
      const conversationId = incoming.conversation?.id;
      if (!serviceUrl || !conversationId) throw new Error('activity without serviceUrl or conversation');
      const activity: Partial<Activity> = {
        from: incoming.recipient,
        recipient: incoming.from,
        conversation: incoming.conversation,
        channelId: incoming.channelId,
        serviceUrl,
        ...(incoming.id ? { replyToId: incoming.id } : {}),
        ...outgoing,
      };
      const client = clientFor(serviceUrl);
      const send = () =>
        incoming.id
          ? client.conversations.replyToActivity(conversationId, incoming.id, activity, {
              timeout: REQUEST_TIMEOUT_MS,
            })
          : client.conversations.sendToConversation(conversationId, activity, {
              timeout: REQUEST_TIMEOUT_MS,
            });
      await withRetry(send, retry, {
        isRetryable,
        requestedDelayMs: retryAfterMs,
        onRetry: (error, attempt, delayMs) =>
          logger.warn('teams.connector.retry', {
            attempt,
            delayMs,
            status: statusOf(error),
            type: outgoing.type,
          }),
      });
    },
  };
}
