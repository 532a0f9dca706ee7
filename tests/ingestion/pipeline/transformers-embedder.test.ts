import { cpSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/index.js';
import { ingest, type IngestReport } from '../../../ingestion/index.js';
import {
  createTransformersEmbedder,
  HashedNgramEmbedder,
  type TransformersEmbedder,
} from '../../../knowledge/embedders/index.js';
import { openSnapshot, SnapshotError } from '../../../knowledge/index.js';
import { createTinyBertModel } from '../../helpers/tiny-model.js';
import {
  FIXTURE_CORPUS,
  ingestInto,
  open,
  profile,
  removeTempDirs,
  searchDocuments,
  tempDir,
} from './support.js';

const MODEL = 'tiny-org/tiny-bert';
const MODEL_ID = `transformers:${MODEL}`;

describe('ingest and search with the transformers embedder on a generated tiny ONNX model', () => {
  let modelsDir: string;
  let embedder: TransformersEmbedder;
  let indexDir: string;
  let report: IngestReport;

  beforeAll(async () => {
    modelsDir = tempDir('tiny-models');
    await createTinyBertModel(modelsDir, { name: MODEL });
    embedder = await createTransformersEmbedder({ model: MODEL, modelsDir });
    indexDir = tempDir('transformers-index');
    report = await ingestInto(indexDir, [FIXTURE_CORPUS], { embedder });
  });
  afterAll(async () => {
    await embedder?.dispose();
    removeTempDirs();
  });

  it('records the model and its dimensions in the manifest and embeds every chunk', () => {
    expect(report.manifest.embedder).toEqual({ id: MODEL_ID, dimensions: 16 });
    expect(report.embedded).toBe(report.chunks);
    expect(report.documents.new).toBe(4);
  });

  it('finds the page of the topic through the model vectors alone', async () => {
    const snapshot = await openSnapshot(indexDir, { embedder, profile });
    expect(snapshot.manifest.embedder.id).toBe(MODEL_ID);
    expect((await searchDocuments(snapshot, 'Hundesteuer für meinen Hund', { mode: 'vector' }))[0]).toBe(
      'hundesteuer.md',
    );
    expect((await searchDocuments(snapshot, 'Sperrmüll Abholung', { mode: 'vector' }))[0]).toBe(
      'sperrmuell.html',
    );
    expect((await searchDocuments(snapshot, 'neuen Personalausweis beantragen', { mode: 'vector' }))[0]).toBe(
      'personalausweis.md',
    );
    const [hybridTop] = await snapshot.retriever.search('Was kostet der Personalausweis?', { k: 1 });
    expect(hybridTop).toMatchObject({ docId: 'personalausweis.md' });
    expect(hybridTop?.vectorRank).toBeDefined();
  });

  it('reuses the stored model vectors when the sources did not change', async () => {
    const again = await ingestInto(indexDir, [FIXTURE_CORPUS], { embedder });
    expect(again.embedded).toBe(0);
    expect(again.reusedEmbeddings).toBe(again.chunks);
  });

  it('refuses to open the snapshot with the hashed n-gram embedder', async () => {
    const opening = open(indexDir, new HashedNgramEmbedder());
    await expect(opening).rejects.toBeInstanceOf(SnapshotError);
    await expect(opening).rejects.toThrow(
      `built with embedder "${MODEL_ID}", but "hashed-ngram-v2-d512" is configured`,
    );
  });

  it('builds the same kind of snapshot when the embedder comes from the configuration (EMBEDDER=transformers)', async () => {
    const configured = tempDir('transformers-config-index');
    const config = loadConfig({
      INDEX_DIR: configured,
      LOG_LEVEL: 'silent',
      EMBEDDER: 'transformers',
      EMBEDDER_MODEL: MODEL,
      MODELS_DIR: modelsDir,
    });
    const built = await ingest({ sources: [FIXTURE_CORPUS], indexDir: configured, config, profile });
    expect(built.manifest.embedder).toEqual({ id: MODEL_ID, dimensions: 16 });
    const snapshot = await openSnapshot(configured, { embedder, profile });
    expect((await searchDocuments(snapshot, 'Hundesteuer', { mode: 'vector' }))[0]).toBe('hundesteuer.md');
  });

  it('re-embeds everything when the embedder changes, and then refuses the old one', async () => {
    const copy = tempDir('transformers-switch-index');
    cpSync(indexDir, copy, { recursive: true });
    const switched = await ingestInto(copy, [FIXTURE_CORPUS]);
    expect(switched.manifest.embedder.id).toBe('hashed-ngram-v2-d512');
    expect(switched.documents.unchanged).toBe(4);
    expect(switched.reusedEmbeddings).toBe(0);
    expect(switched.embedded).toBe(switched.chunks);
    await expect(openSnapshot(copy, { embedder, profile })).rejects.toThrow(
      `built with embedder "hashed-ngram-v2-d512", but "${MODEL_ID}" is configured`,
    );
  });
});
