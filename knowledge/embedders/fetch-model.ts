import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { env, type ProgressInfo } from '@huggingface/transformers';
import { loadConfig } from '../../config/index.js';
import { extractEmbeddings, loadFeatureExtractor } from './feature-extractor.js';

export interface FetchModelOptions {
  /** Hugging Face model id with an ONNX export, e.g. `Xenova/multilingual-e5-small`. */
  model: string;
  modelsDir: string;
  /** Another hub or mirror (default https://huggingface.co/). */
  remoteHost?: string;
  log?: (line: string) => void;
}

const NETWORK_CODES = [
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
];

/**
 * Downloads a transformers.js model once into `modelsDir` (layout `<org>/<name>/…`, the
 * same that `TransformersEmbedder` reads with remote access disabled), then embeds a probe
 * text to prove it works. Throws an Error that says what to do when the hub is unreachable.
 */
export async function fetchModel(
  options: FetchModelOptions,
): Promise<{ folder: string; dimensions: number }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const modelsDir = resolve(options.modelsDir);
  const folder = join(modelsDir, options.model);
  const existed = existsSync(folder);
  const saved = { ...env };
  env.allowRemoteModels = true;
  env.allowLocalModels = true;
  env.localModelPath = modelsDir;
  // Downloads are cached as <cacheDir>/<model>/<file>: with cacheDir = modelsDir that is the local layout.
  env.useFSCache = true;
  env.cacheDir = modelsDir;
  if (options.remoteHost)
    env.remoteHost = options.remoteHost.endsWith('/') ? options.remoteHost : `${options.remoteHost}/`;
  const host = env.remoteHost;
  try {
    log(`Fetching "${options.model}" from ${host} into ${folder}`);
    const extractor = await loadFeatureExtractor(options.model, progressPrinter(log));
    const [probe] = await extractEmbeddings(extractor, ['Wie beantrage ich einen Personalausweis?']);
    await extractor.dispose();
    const dimensions = probe?.length ?? 0;
    log(`Model ready: ${folder} (${dimensions} dimensions).`);
    return { folder, dimensions };
  } catch (error) {
    if (!existed) rmSync(folder, { recursive: true, force: true });
    throw new Error(describeFailure(error, options.model, host), { cause: error });
  } finally {
    Object.assign(env, {
      allowRemoteModels: saved.allowRemoteModels,
      allowLocalModels: saved.allowLocalModels,
      localModelPath: saved.localModelPath,
      useFSCache: saved.useFSCache,
      cacheDir: saved.cacheDir,
      remoteHost: saved.remoteHost,
    });
  }
}

function describeFailure(error: unknown, model: string, host: string): string {
  const codes = [error, (error as { cause?: unknown })?.cause].map(
    (item) => (item as { code?: string } | undefined)?.code,
  );
  const message = error instanceof Error ? error.message : String(error);
  const offline = codes.some((code) => code && NETWORK_CODES.includes(code)) || /fetch failed/i.test(message);
  if (offline) {
    return (
      `Cannot reach ${host} to download "${model}" (${codes.find(Boolean) ?? message}). This machine seems to have no internet access: ` +
      `run "npm run models:fetch -- --model ${model}" on a machine that has, copy its models/${model} folder into the models folder here, ` +
      `or set EMBEDDER=hashed-ngram.`
    );
  }
  return (
    `Downloading "${model}" from ${host} failed: ${message}. Check the model id: it must be a repository with an ONNX export ` +
    `(onnx/model.onnx, tokenizer.json, config.json), such as the Xenova/… models. Or set EMBEDDER=hashed-ngram.`
  );
}

/** Prints one line per file start, every 10 % of a download, and per finished file. */
function progressPrinter(log: (line: string) => void): (info: ProgressInfo) => void {
  const lastStep = new Map<string, number>();
  const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  return (info) => {
    if (info.status === 'download') log(`  ${info.file} …`);
    else if (info.status === 'progress') {
      const step = Math.floor(info.progress / 10);
      if (step === (lastStep.get(info.file) ?? 0) || step >= 10) return;
      lastStep.set(info.file, step);
      log(`  ${info.file} ${step * 10}% (${megabytes(info.loaded)} of ${megabytes(info.total)} MB)`);
    } else if (info.status === 'done') log(`  ${info.file} done`);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      'models-dir': { type: 'string' },
      'remote-host': { type: 'string' },
    },
  });
  const config = loadConfig();
  const model = values.model ?? config.EMBEDDER_MODEL;
  try {
    await fetchModel({
      model,
      modelsDir: values['models-dir'] ?? config.MODELS_DIR,
      remoteHost: values['remote-host'],
    });
    console.log(`Use it with EMBEDDER=transformers EMBEDDER_MODEL=${model}, then re-run "npm run ingest".`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
