import { parseArgs } from 'node:util';
import { ConfigError, loadCityProfile, loadConfig } from '../config/index.js';
import { loadDotEnv } from '../config/env-file.js';
import { createLogger } from '../config/logger.js';
import { formatIngestReport, ingest, IngestError } from './index.js';

const USAGE = `Aufruf: npm run ingest -- --source <Ordner|URL|sitemap.xml|dienstleistungen.json> [--source …] [--index <Ordner>]

  --source   Quelle (mehrfach möglich): lokaler Ordner (.md/.html/.txt/.pdf), Website-Start-URL,
             sitemap.xml oder eine Dienstleistungs-Datei (JSON, siehe docs/service-catalogue.md)
  --index    Zielordner des Wissensstands (Standard: INDEX_DIR, ${'`'}data/index${'`'})
  --quiet    keine Fortschrittsanzeige`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        source: { type: 'string', multiple: true },
        index: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();
  const profile = loadCityProfile(config.CITY_PROFILE);
  const sources = args.source?.length
    ? args.source
    : profile.sources.length
      ? profile.sources
      : config.SAMPLE_SOURCES;
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const interactive = process.stderr.isTTY && !args.quiet;
  let lastLine = 0;
  const report = await ingest({
    sources,
    indexDir: args.index ?? config.INDEX_DIR,
    config,
    profile,
    logger,
    onProgress: (event) => {
      if (args.quiet) return;
      const now = Date.now();
      if (event.stage === 'embed' && now - lastLine < 1000 && event.done !== event.total) return;
      lastLine = now;
      const counter = event.total ? ` ${event.done}/${event.total}` : '';
      const line = `[${event.stage}] ${event.message}${counter}`;
      if (interactive) process.stderr.write(`\r\x1b[2K${line}`);
      else process.stderr.write(line + '\n');
    },
  });
  if (interactive) process.stderr.write('\n');
  console.log(formatIngestReport(report));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof IngestError || error instanceof ConfigError)
      console.error(`Fehler: ${error.message}`);
    else console.error(`Fehler: ${(error as Error).message ?? String(error)}`);
    process.exit(1);
  },
);
