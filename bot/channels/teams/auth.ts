import {
  AuthenticationError,
  ChannelValidation,
  GovernmentChannelValidation,
  GovernmentConstants,
  JwtTokenValidation,
  SimpleCredentialProvider,
} from 'botframework-connector';
import type { Activity } from 'botframework-schema';
import type { AppConfig } from '../../../config/index.js';
import type { Logger } from '../../../config/logger.js';
import { AppError } from '../../errors.js';

/** Checks the bearer token of an incoming activity; throws `AppError('unauthorized')` on any doubt. */
export interface ActivityAuthenticator {
  authenticate(activity: Partial<Activity>, authHeader: string): Promise<void>;
  /** True when no App ID is configured and unauthenticated local development was allowed. */
  readonly unauthenticatedDevMode: boolean;
}

const UNAUTHORIZED = 'Nicht autorisiert.';

/** US Government cloud metadata lives under botframework.azure.us; its tokens carry a different issuer. */
export function isGovernmentCloud(openIdMetadataUrl: string): boolean {
  const host = new URL(openIdMetadataUrl).hostname.toLowerCase();
  return host.endsWith('.azure.us') || host.endsWith('.botframework.us');
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Wraps `JwtTokenValidation.authenticateRequest` (issuer, audience = App ID, signature
 * and expiry against the keys from the OpenID metadata, `serviceurl` claim = activity
 * serviceUrl, key endorsement for the activity's channel).
 *
 * The SDK reads the metadata URL from a process-wide setting, which this sets from
 * `BOT_OPENID_METADATA_URL`: one bot per process, as the SDK assumes anyway.
 */
export function createActivityAuthenticator(config: AppConfig, logger: Logger): ActivityAuthenticator {
  const appId = config.MICROSOFT_APP_ID ?? '';
  const metadataUrl = config.BOT_OPENID_METADATA_URL;
  const government = isGovernmentCloud(metadataUrl);
  if (government) GovernmentChannelValidation.OpenIdMetadataEndpoint = metadataUrl;
  else ChannelValidation.OpenIdMetadataEndpoint = metadataUrl;
  const channelService = government ? GovernmentConstants.ChannelService : '';
  const credentials = new SimpleCredentialProvider(appId, config.MICROSOFT_APP_PASSWORD ?? '');
  const unauthenticatedDevMode = appId === '';
  if (unauthenticatedDevMode && !config.BOT_ALLOW_UNAUTHENTICATED_DEV) {
    // assertTeamsConfigSafe should have stopped the start; never serve an open endpoint.
    throw new Error('Teams channel without MICROSOFT_APP_ID requires BOT_ALLOW_UNAUTHENTICATED_DEV=true');
  }

  return {
    unauthenticatedDevMode,
    async authenticate(activity, authHeader) {
      if (unauthenticatedDevMode) {
        // Without an App ID the SDK accepts anyone: answer only a local Emulator, so the
        // open endpoint cannot be used to make the server post to arbitrary URLs.
        const host = new URL(activity.serviceUrl ?? 'invalid:').hostname.toLowerCase();
        if (!LOOPBACK_HOSTS.has(host)) {
          logger.warn('teams.auth.rejected', { reason: 'dev mode accepts only a local serviceUrl' });
          throw new AppError('unauthorized', UNAUTHORIZED, 'dev mode: non-local serviceUrl');
        }
        return;
      }
      if (!authHeader.trim())
        throw new AppError('unauthorized', UNAUTHORIZED, 'missing authorization header');
      try {
        await JwtTokenValidation.authenticateRequest(activity, authHeader, credentials, channelService);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        if (isKeySourceFailure(error)) {
          logger.error('teams.auth.metadata_unavailable', { reason });
          throw new AppError(
            'upstream_unavailable',
            'Der Anmeldedienst ist gerade nicht erreichbar.',
            reason,
          );
        }
        logger.warn('teams.auth.rejected', { reason: reason.slice(0, 200) });
        throw new AppError('unauthorized', UNAUTHORIZED, reason);
      }
    },
  };
}

/** The OpenID metadata or key set could not be fetched: our problem, not the caller's. */
function isKeySourceFailure(error: unknown): boolean {
  if (error instanceof AuthenticationError) return (error.statusCode ?? 0) >= 500;
  return (error as { name?: unknown } | undefined)?.name === 'FetchError';
}
