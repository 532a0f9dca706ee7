import type { AppConfig } from '../../../config/index.js';
import type { Logger } from '../../../config/logger.js';

/**
 * Refuses configurations that would open the Teams endpoint to anyone or fail only at the
 * first reply. The composition root calls this before registering the Teams routes.
 *
 * - No `MICROSOFT_APP_ID`: the Bot Framework library then accepts every request without a
 *   token. Allowed only with `BOT_ALLOW_UNAUTHENTICATED_DEV=true` (Bot Framework Emulator
 *   on this machine), and then logged loudly.
 * - `SingleTenant` bots need `MICROSOFT_APP_TENANT_ID` to obtain outbound tokens.
 * - `UserAssignedMSI` is not supported by this channel yet.
 */
export function assertTeamsConfigSafe(config: AppConfig, logger: Logger): void {
  if (!config.MICROSOFT_APP_ID) {
    if (!config.BOT_ALLOW_UNAUTHENTICATED_DEV) {
      throw new Error(
        'Teams channel: MICROSOFT_APP_ID is empty, so every request to /api/messages would be accepted without ' +
          'authentication. Set MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID from the Azure ' +
          'Bot registration, or set BOT_ALLOW_UNAUTHENTICATED_DEV=true for local tests with the Bot Framework Emulator.',
      );
    }
    logger.warn('teams.auth.DISABLED', {
      warning:
        '!!! /api/messages accepts UNAUTHENTICATED requests (BOT_ALLOW_UNAUTHENTICATED_DEV=true, no MICROSOFT_APP_ID). ' +
        'Replies go only to local serviceUrls (Emulator). Never run this way in production. !!!',
      nodeEnv: config.NODE_ENV,
    });
    return;
  }
  if (config.MICROSOFT_APP_TYPE === 'UserAssignedMSI') {
    throw new Error(
      'Teams channel: MICROSOFT_APP_TYPE=UserAssignedMSI is not supported yet; use SingleTenant.',
    );
  }
  if (config.MICROSOFT_APP_TYPE === 'SingleTenant' && !config.MICROSOFT_APP_TENANT_ID) {
    throw new Error(
      'Teams channel: MICROSOFT_APP_TYPE=SingleTenant needs MICROSOFT_APP_TENANT_ID (the Entra tenant of the bot ' +
        'registration); set MICROSOFT_APP_TYPE=MultiTenant for older multi-tenant registrations.',
    );
  }
  if (!config.MICROSOFT_APP_PASSWORD) {
    throw new Error('Teams channel: MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set.');
  }
  if (config.BOT_ALLOW_UNAUTHENTICATED_DEV) {
    logger.info('teams.auth.dev_flag_ignored', {
      reason: 'MICROSOFT_APP_ID is set, so requests are authenticated',
    });
  }
}
