import { ConfigError, loadCityProfile, loadConfig } from '../config/index.js';
import { loadDotEnv } from '../config/env-file.js';
import { createLogger } from '../config/logger.js';
import { SqliteFeedbackStore, startRetentionTimer } from './adapters/feedback-sqlite.js';
import { startHttpServer } from './channels/http/index.js';
import { profileAllowList } from './privacy/index.js';
import { createRuntime, ensureSnapshot } from './composition.js';
import { createMemoryConversationStore } from './conversations/store.js';
import { createServerApp, ReloadableEngine, watchSnapshots } from './server.js';

/** `npm start`: build the sample snapshot if needed, then serve API, widget and demo page. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, { service: 'buergerbot' });
  const profile = loadCityProfile(config.CITY_PROFILE);
  const built = await ensureSnapshot(config, profile, logger);
  if (built)
    logger.info('knowledge snapshot built', { documents: built.documents.total, chunks: built.chunks });

  const runtime = await createRuntime({ config, profile, logger });
  const engine = new ReloadableEngine(runtime);
  const feedback = new SqliteFeedbackStore({
    path: config.FEEDBACK_DB,
    retentionDays: config.FEEDBACK_RETENTION_DAYS,
    allow: profileAllowList(profile),
  });
  const stopRetention = startRetentionTimer(feedback, 3_600_000);
  const conversations = createMemoryConversationStore({
    ttlMs: config.CONVERSATION_TTL_MINUTES * 60_000,
    maxConversations: config.MAX_CONVERSATIONS,
  });
  const purge = setInterval(() => conversations.purgeExpired(), 60_000);
  purge.unref();
  const stopWatching = watchSnapshots(engine, { logger }, logger);

  const app = createServerApp({ engine, feedback, conversations, logger });
  const server = await startHttpServer(app, { host: config.HOST, port: config.PORT, logger });
  const mode = runtime.llm ? `LLM (${runtime.llm.model})` : 'extraktiv (ohne Sprachmodell)';
  console.log(
    `${profile.botName} läuft: ${server.url}/  (API ${server.url}/api/chat, Wissensstand ${runtime.snapshot.manifest.id}, ` +
      `${runtime.snapshot.manifest.counts.documents} Dokumente, Modus ${mode})`,
  );

  const shutdown = (signal: string) => {
    logger.info('shutting down', { signal });
    stopWatching();
    stopRetention();
    clearInterval(purge);
    server
      .close()
      .catch(() => undefined)
      .finally(() => {
        feedback.close();
        process.exit(0);
      });
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(`Start fehlgeschlagen: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
});
