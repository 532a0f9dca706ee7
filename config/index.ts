import { z } from 'zod';

export { loadCityProfile, cityProfileSchema, type CityProfile, type CityContact } from './city-profile.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);
const list = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

/**
 * Every setting of the project. Defaults live here; `.env.example` documents each key.
 * This is the only place that reads `process.env` (through `loadConfig`).
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  CITY_PROFILE: z.string().default('cities/gelsenkirchen/profile.yaml'),
  /** Sources `npm start` ingests when no snapshot exists yet. */
  SAMPLE_SOURCES: list.default([
    'cities/gelsenkirchen/sample/site',
    'cities/gelsenkirchen/sample/services.json',
  ]),
  INDEX_DIR: z.string().default('data/index'),
  EMBEDDER: z.enum(['hashed-ngram', 'transformers']).default('hashed-ngram'),
  EMBEDDER_MODEL: z.string().default('Xenova/multilingual-e5-small'),
  MODELS_DIR: z.string().default('models'),
  HNSW_EF: int(100, 10),
  /** Passages retrieved per question before the relevance gate. */
  SEARCH_K: int(12, 1),
  CHUNK_MAX_CHARS: int(1200, 200),

  CRAWL_MAX_PAGES: int(500, 1),
  CRAWL_MAX_DEPTH: int(6, 0),
  CRAWL_CONCURRENCY_PER_HOST: int(2, 1),
  CRAWL_REQUESTS_PER_SECOND: z.coerce.number().positive().default(2),
  CRAWL_TIMEOUT_MS: int(15_000, 100),
  CRAWL_MAX_BYTES: int(10 * 1024 * 1024, 1024),
  CRAWL_MAX_REDIRECTS: int(5, 0),
  CRAWL_PATH_PREFIX: optionalString,

  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000, 0),
  PUBLIC_BASE_URL: optionalString,
  CORS_ORIGINS: list.default(['http://localhost:3000', 'http://127.0.0.1:3000']),
  TRUST_PROXY: bool.default(false),
  MAX_BODY_BYTES: int(16 * 1024, 256),
  MAX_MESSAGE_CHARS: int(1000, 10),
  RATE_LIMIT_PER_MINUTE: int(30, 1),
  CONVERSATION_TTL_MINUTES: int(30, 1),
  MAX_CONVERSATIONS: int(10_000, 10),
  FEEDBACK_DB: z.string().default('data/feedback.sqlite'),
  FEEDBACK_RETENTION_DAYS: int(90, 1),

  LLM_BASE_URL: optionalString.pipe(z.url().optional()),
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: int(20_000, 100),
  LLM_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1),
  LLM_MAX_TOKENS: int(700, 16),

  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  BOT_OPENID_METADATA_URL: z
    .url()
    .default('https://login.botframework.com/v1/.well-known/openidconfiguration'),
  BOT_ALLOW_UNAUTHENTICATED_DEV: bool.default(false),
});

export type AppConfig = Readonly<z.infer<typeof configSchema>>;

/** Raised when the environment holds invalid settings; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; returns a frozen, typed config or throws a `ConfigError`. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = configSchema.safeParse(input);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  // Rules between settings are checked on the raw values too, so all problems come at once.
  if (input.LLM_BASE_URL && !input.LLM_MODEL) problems.push('LLM_MODEL: required when LLM_BASE_URL is set');
  if (input.MICROSOFT_APP_ID && !input.MICROSOFT_APP_PASSWORD)
    problems.push('MICROSOFT_APP_PASSWORD: required when MICROSOFT_APP_ID is set');
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  const config = result.data;
  return Object.freeze(config);
}
