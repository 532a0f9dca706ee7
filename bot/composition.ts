import { loadCityProfile, type AppConfig, type CityProfile } from '../config/index.js';
import { silentLogger, type Logger } from '../config/logger.js';
import { ingest, type IngestReport } from '../ingestion/index.js';
import {
  createEmbedder,
  openSnapshot,
  readCurrentManifest,
  type Embedder,
  type KnowledgeSnapshot,
} from '../knowledge/index.js';
import { createKnowledgePort } from './adapters/knowledge-port.js';
import { createOpenAiCompatibleLlm } from './adapters/llm/openai-compatible.js';
import { createAnswerEngine } from './answering/engine.js';
import type { KnowledgePort, LlmPort } from './answering/ports.js';
import type { AnswerEngine } from './answering/types.js';
import { containsPersonalData, redactPersonalData } from './privacy/redact.js';

/** Everything the channels and the evals need, wired from one config. */
export interface Runtime {
  config: AppConfig;
  profile: CityProfile;
  engine: AnswerEngine;
  snapshot: KnowledgeSnapshot;
  knowledge: KnowledgePort;
  embedder: Embedder;
  llm?: LlmPort;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  config: AppConfig;
  profile?: CityProfile;
  indexDir?: string;
  logger?: Logger;
  embedder?: Embedder;
  /** Overrides the LLM from config (tests); `null` forces extractive mode. */
  llm?: LlmPort | null;
}

/** The composition root: config → embedder, snapshot, LLM adapter → answering engine. */
export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const logger = options.logger ?? silentLogger;
  const profile = options.profile ?? loadCityProfile(config.CITY_PROFILE);
  const embedder = options.embedder ?? (await createEmbedder(config));
  const snapshot = await openSnapshot(options.indexDir ?? config.INDEX_DIR, {
    embedder,
    profile,
    ef: config.HNSW_EF,
    logger,
  });
  const knowledge = createKnowledgePort(snapshot);
  const llm = options.llm === null ? undefined : (options.llm ?? createOpenAiCompatibleLlm(config));
  const engine = createAnswerEngine({
    knowledge,
    profile,
    llm,
    logger,
    containsPersonalData,
    redact: (text) => redactPersonalData(text),
    options: { llmTimeoutMs: config.LLM_TIMEOUT_MS, searchK: config.SEARCH_K },
  });
  return { config, profile, engine, snapshot, knowledge, embedder, llm, close: async () => {} };
}

/**
 * Builds a snapshot from the profile's sources (or the bundled sample) when the index
 * directory has none yet, so `npm start` works on a fresh clone.
 */
export async function ensureSnapshot(
  config: AppConfig,
  profile: CityProfile,
  logger: Logger = silentLogger,
): Promise<IngestReport | undefined> {
  if (readCurrentManifest(config.INDEX_DIR)) return undefined;
  const sources = profile.sources.length ? profile.sources : config.SAMPLE_SOURCES;
  logger.info('no knowledge snapshot yet, building one', {
    sources: sources.length,
    indexDir: config.INDEX_DIR,
  });
  return ingest({ sources, indexDir: config.INDEX_DIR, config, profile, logger });
}
