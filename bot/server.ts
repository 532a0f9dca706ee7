import type { Hono } from 'hono';
import type { Logger } from '../config/logger.js';
import { readCurrent } from '../knowledge/index.js';
import { widgetRoutes } from '../web-widget/index.js';
import { createHttpApp } from './channels/http/index.js';
import { assertTeamsConfigSafe, teamsRoutes } from './channels/teams/index.js';
import type { AnswerEngine } from './answering/types.js';
import { createRuntime, type Runtime, type RuntimeOptions } from './composition.js';
import type { ConversationStore } from './conversations/store.js';
import type { FeedbackStore } from './feedback/types.js';
import { AppError } from './errors.js';

/** An engine whose snapshot can be replaced while the server runs (after a new ingestion). */
export class ReloadableEngine implements AnswerEngine {
  constructor(private runtime: Runtime) {}

  get current(): Runtime {
    return this.runtime;
  }

  swap(runtime: Runtime): void {
    this.runtime = runtime;
  }

  answer: AnswerEngine['answer'] = (request) => this.runtime.engine.answer(request);
  stream: AnswerEngine['stream'] = (request) => this.runtime.engine.stream(request);
}

export interface ServerDeps {
  engine: ReloadableEngine;
  feedback: FeedbackStore;
  conversations: ConversationStore;
  logger: Logger;
}

/** Whether the Teams endpoint takes traffic: with an App ID, or in explicit emulator mode. */
export function teamsEnabled(runtime: Runtime): boolean {
  return Boolean(runtime.config.MICROSOFT_APP_ID) || runtime.config.BOT_ALLOW_UNAUTHENTICATED_DEV;
}

/** The whole HTTP surface: chat API, widget and demo page, Teams endpoint. */
export function createServerApp(deps: ServerDeps): Hono {
  const { config, profile } = deps.engine.current;
  const extensions: Array<(app: Hono) => void> = [widgetRoutes({ profile, config })];
  if (teamsEnabled(deps.engine.current)) {
    assertTeamsConfigSafe(config, deps.logger);
    extensions.push(
      teamsRoutes({
        engine: deps.engine,
        feedback: deps.feedback,
        conversations: deps.conversations,
        config,
        profile,
        logger: deps.logger,
      }),
    );
  } else {
    extensions.push((app) =>
      app.post('/api/messages', () => {
        throw new AppError(
          'not_found',
          'Der Teams-Kanal ist nicht eingerichtet.',
          'MICROSOFT_APP_ID is not set',
        );
      }),
    );
  }
  return createHttpApp({
    engine: deps.engine,
    config,
    profile,
    feedback: deps.feedback,
    conversations: deps.conversations,
    logger: deps.logger,
    isReady: () => true,
    extensions,
  });
}

/**
 * Polls the index directory and swaps in a new snapshot after an ingestion switched
 * CURRENT; a snapshot that fails to open is logged and the old one keeps serving.
 */
export function watchSnapshots(
  engine: ReloadableEngine,
  options: Omit<RuntimeOptions, 'config'>,
  logger: Logger,
  intervalMs = 15_000,
): () => void {
  const indexDir = options.indexDir ?? engine.current.config.INDEX_DIR;
  let active = readCurrent(indexDir);
  let busy = false;
  const timer = setInterval(() => {
    const next = readCurrent(indexDir);
    if (busy || !next || next === active) return;
    busy = true;
    createRuntime({
      ...options,
      config: engine.current.config,
      profile: engine.current.profile,
      embedder: engine.current.embedder,
    })
      .then((runtime) => {
        engine.swap(runtime);
        active = next;
        logger.info('knowledge snapshot reloaded', {
          snapshot: next,
          chunks: runtime.snapshot.manifest.counts.chunks,
        });
      })
      .catch((error: unknown) =>
        logger.error('new snapshot could not be opened; keeping the old one', { error: String(error) }),
      )
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
