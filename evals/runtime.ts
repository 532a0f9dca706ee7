import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../bot/composition.js';
import { loadCityProfile, loadConfig } from '../config/index.js';
import { createLogger } from '../config/logger.js';
import { ingest } from '../ingestion/index.js';
import { DEFAULT_CRISIS_NUMBERS, splitPhoneNumbers } from './metrics/emergency-recall.js';
import type { EvalRuntime, OpenRuntimeOptions } from './runtime-types.js';

/**
 * Ingests the sources into a throwaway index directory with the configured embedder and
 * opens the server's own composition over it. Feedback and data also go to the temporary
 * directory, so an evaluation never touches the deployment's files. `close()` removes it.
 */
export async function openEvalRuntime(options: OpenRuntimeOptions): Promise<EvalRuntime> {
  const indexDir = await mkdtemp(join(tmpdir(), 'buergerbot-eval-'));
  try {
    const config = loadConfig({
      ...options.env,
      INDEX_DIR: indexDir,
      FEEDBACK_DB: join(indexDir, 'feedback.sqlite'),
    });
    const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
    const profile = loadCityProfile(config.CITY_PROFILE);
    await ingest({ sources: options.sources, indexDir, config, profile, logger });
    const runtime = await createRuntime({ config, profile, indexDir, logger });
    const crisis = runtime.profile.emergency.find((entry) => entry.key === 'crisis');
    options.log(
      `Snapshot: ${runtime.snapshot.manifest.counts.documents} documents, ${runtime.snapshot.manifest.counts.chunks} chunks, embedder ${runtime.snapshot.manifest.embedder.id}`,
    );
    return {
      engine: runtime.engine,
      retriever: runtime.snapshot.retriever,
      documents: runtime.snapshot.documents,
      describe: {
        embedder: runtime.snapshot.manifest.embedder.id,
        chunks: runtime.snapshot.manifest.counts.chunks,
      },
      crisisNumbers: crisis ? splitPhoneNumbers(crisis.number) : DEFAULT_CRISIS_NUMBERS,
      async close() {
        try {
          await runtime.close();
        } finally {
          await rm(indexDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(indexDir, { recursive: true, force: true });
    throw error;
  }
}
