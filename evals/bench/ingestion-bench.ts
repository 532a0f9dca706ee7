import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AppConfig } from '../../config/index.js';
import { chunkDocument } from '../../ingestion/chunk.js';
import { cleanHtml } from '../../ingestion/clean/html.js';
import { createEmbedder, searchableText, type Chunk, type Embedder } from '../../knowledge/index.js';
import { figure, repeat, skipped, type Figure } from './figures.js';

export interface HtmlPage {
  id: string;
  html: string;
}

/** The raw HTML pages below the source folders (catalogue files are not pages). */
export async function readHtmlPages(sources: readonly string[]): Promise<HtmlPage[]> {
  const pages: HtmlPage[] = [];
  for (const source of sources) {
    if (!(await stat(source)).isDirectory()) continue;
    const entries = await readdir(source, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !/\.html?$/i.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      pages.push({ id: relative(source, path), html: await readFile(path, 'utf8') });
    }
  }
  return pages;
}

/** Pages per second through clean + chunk, one sample per run over all pages. */
export async function benchCleanAndChunk(
  pages: readonly HtmlPage[],
  config: AppConfig,
  runs: number,
): Promise<Figure[]> {
  if (pages.length === 0)
    return [skipped('ingestion', 'clean + chunk', 'pages/s', 'no HTML pages in the sources')];
  const rates = await repeat(runs, () => {
    const started = performance.now();
    let chunks = 0;
    for (const page of pages)
      chunks += chunkDocument(cleanHtml(page.html, { id: page.id, sourceId: 'bench' }), {
        maxChars: config.CHUNK_MAX_CHARS,
      }).length;
    if (chunks === 0) throw new Error('clean + chunk produced no chunks');
    return pages.length / ((performance.now() - started) / 1000);
  });
  return [figure('ingestion', 'clean + chunk', 'pages/s', rates, `${pages.length} sample pages per run`)];
}

/** The tiny BERT test model (tests/helpers/tiny-model.ts) is a loader check, not a real embedder. */
function isTinyTestModel(folder: string, model: string): boolean {
  if (model.startsWith('tiny-org/')) return true;
  const path = join(folder, 'onnx', 'model.onnx');
  if (!existsSync(path)) return false;
  const handle = openSync(path, 'r');
  try {
    const head = Buffer.alloc(256);
    readSync(handle, head, 0, head.length, 0);
    return head.includes('tiny-model');
  } finally {
    closeSync(handle);
  }
}

async function embedRate(embedder: Embedder, chunks: readonly Chunk[], runs: number): Promise<number[]> {
  const texts = chunks.map((chunk) => searchableText(chunk));
  return repeat(runs, async () => {
    const started = performance.now();
    for (let start = 0; start < texts.length; start += 64)
      await embedder.embedDocuments(texts.slice(start, start + 64));
    return texts.length / ((performance.now() - started) / 1000);
  });
}

/** Chunks per second per embedder: hashed-ngram always, transformers when a real model is installed. */
export async function benchEmbedders(
  chunks: readonly Chunk[],
  config: AppConfig,
  runs: number,
): Promise<Figure[]> {
  const hashed = await createEmbedder({ ...config, EMBEDDER: 'hashed-ngram' });
  const figures = [
    figure(
      'ingestion',
      `embed (${hashed.id})`,
      'chunks/s',
      await embedRate(hashed, chunks, runs),
      `${chunks.length} sample chunks per run`,
    ),
  ];
  const name = `embed (transformers:${config.EMBEDDER_MODEL})`;
  const folder = join(config.MODELS_DIR, config.EMBEDDER_MODEL);
  if (!existsSync(folder))
    figures.push(
      skipped(
        'ingestion',
        name,
        'chunks/s',
        `model not installed in ${config.MODELS_DIR}/ (npm run models:fetch)`,
      ),
    );
  else if (isTinyTestModel(folder, config.EMBEDDER_MODEL))
    figures.push(
      skipped('ingestion', name, 'chunks/s', 'only the tiny test model is installed; not a real figure'),
    );
  else {
    const transformers = await createEmbedder({ ...config, EMBEDDER: 'transformers' });
    figures.push(
      figure(
        'ingestion',
        name,
        'chunks/s',
        await embedRate(transformers, chunks, Math.min(runs, 3)),
        `${chunks.length} sample chunks per run`,
      ),
    );
  }
  return figures;
}
