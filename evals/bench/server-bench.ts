import { join } from 'node:path';
import { figure, type Figure } from './figures.js';
import { runLoad } from './http-load.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export interface ServerBenchOptions {
  label: string;
  repoRoot: string;
  indexDir: string;
  env: Record<string, string | undefined>;
  /** How often to start the server for the start-up and RSS figures. */
  starts: number;
  /** When set, also load `POST /api/chat` and `GET /healthz` in alternating rounds. */
  load?: {
    rounds: number;
    concurrency: number;
    maxRequests: number;
    maxDurationMs: number;
    queries: readonly string[];
  };
}

const MB = 1024 * 1024;

/** The server's environment: the given snapshot, its own data folder, no rate limit in the way. */
function serverEnv(options: ServerBenchOptions): Record<string, string | undefined> {
  return {
    ...options.env,
    INDEX_DIR: options.indexDir,
    FEEDBACK_DB: join(options.indexDir, 'feedback.sqlite'),
    RATE_LIMIT_PER_MINUTE: '100000000',
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
  };
}

async function start(options: ServerBenchOptions): Promise<ServerProcess> {
  return startServerProcess({
    entry: join(options.repoRoot, 'bot', 'main.ts'),
    cwd: options.repoRoot,
    env: serverEnv(options),
    timeoutMs: 180_000,
  });
}

/**
 * Start-up time to ready and RSS of `npm start`'s server over a prepared snapshot, and,
 * with `load`, answers/s on POST /api/chat next to /healthz of the same server, measured
 * in alternating rounds so the ratio compares like with like.
 */
export async function benchServer(options: ServerBenchOptions): Promise<Figure[]> {
  const startup: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < options.starts; run += 1) {
    const server = await start(options);
    startup.push(server.startupMs);
    rss.push(server.rssBytes() / MB);
    await server.stop();
  }
  const figures = [
    figure('server', `start-up to ready @ ${options.label}`, 'ms', startup),
    figure('server', `RSS at ready @ ${options.label}`, 'MB', rss),
  ];
  if (!options.load) return figures;

  const load = options.load;
  const server = await start(options);
  try {
    const chatRates: number[] = [];
    const healthRates: number[] = [];
    const ratios: number[] = [];
    const chatLatency: number[] = [];
    const healthLatency: number[] = [];
    let chatErrors = 0;
    let healthErrors = 0;
    const errorSamples: string[] = [];
    for (let round = 0; round < load.rounds; round += 1) {
      const chat = await runLoad({
        url: `${server.url}/api/chat`,
        method: 'POST',
        body: (index) => ({
          message: load.queries[index % load.queries.length] ?? 'Was kostet ein Personalausweis?',
        }),
        concurrency: load.concurrency,
        maxRequests: load.maxRequests,
        maxDurationMs: load.maxDurationMs,
      });
      const health = await runLoad({
        url: `${server.url}/healthz`,
        concurrency: load.concurrency,
        maxRequests: load.maxRequests * 10,
        maxDurationMs: load.maxDurationMs,
      });
      chatRates.push(chat.requestsPerSecond);
      healthRates.push(health.requestsPerSecond);
      if (health.requestsPerSecond > 0) ratios.push(chat.requestsPerSecond / health.requestsPerSecond);
      chatLatency.push(...chat.latenciesMs);
      healthLatency.push(...health.latenciesMs);
      chatErrors += chat.errors;
      healthErrors += health.errors;
      errorSamples.push(...chat.errorSamples, ...health.errorSamples);
    }
    const note = `concurrency ${load.concurrency}, ${load.rounds} rounds`;
    const errorsNote = errorSamples.length
      ? `errors: ${[...new Set(errorSamples.map((sample) => sample.slice(0, 60)))].slice(0, 3).join(', ')}`
      : undefined;
    figures.push(
      figure('http', `POST /api/chat answers/s @ ${options.label}`, 'req/s', chatRates, note),
      figure('http', `GET /healthz req/s @ ${options.label}`, 'req/s', healthRates, note),
      figure(
        'http',
        `chat ÷ healthz throughput @ ${options.label}`,
        'ratio',
        ratios,
        'same server, same run',
      ),
      figure('http', `POST /api/chat latency @ ${options.label}`, 'ms', chatLatency),
      figure('http', `GET /healthz latency @ ${options.label}`, 'ms', healthLatency),
      figure('http', `POST /api/chat errors @ ${options.label}`, 'count', [chatErrors], errorsNote),
      figure('http', `GET /healthz errors @ ${options.label}`, 'count', [healthErrors]),
      figure('server', `RSS after load @ ${options.label}`, 'MB', [server.rssBytes() / MB]),
      figure('server', `peak RSS @ ${options.label}`, 'MB', [server.peakRssBytes() / MB]),
    );
  } finally {
    await server.stop();
  }
  return figures;
}
