import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmbedder,
  createTransformersEmbedder,
  HashedNgramEmbedder,
} from '../../../knowledge/embedders/index.js';
import { TransformersEmbedder } from '../../../knowledge/embedders/transformers.js';
import { createTinyBertModel } from '../../helpers/tiny-model.js';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (vector: number[]) => Math.sqrt(cosine(vector, vector));
/** Axes 0 and 1 of the tiny model carry the "query" and "passage" tokens. */
const QUERY_AXIS = 0;
const PASSAGE_AXIS = 1;

describe('TransformersEmbedder with a tiny local model', () => {
  let modelsDir: string;
  let plain: TransformersEmbedder;
  let e5: TransformersEmbedder;

  beforeAll(async () => {
    modelsDir = await mkdtemp(join(tmpdir(), 'tiny-models-'));
    await createTinyBertModel(modelsDir, { name: 'tiny-org/tiny-bert' });
    await createTinyBertModel(modelsDir, { name: 'tiny-org/tiny-e5-small' });
    plain = await TransformersEmbedder.create({ model: 'tiny-org/tiny-bert', modelsDir, batchSize: 2 });
    e5 = await createTransformersEmbedder({ model: 'tiny-org/tiny-e5-small', modelsDir });
  });

  afterAll(async () => {
    await plain?.dispose();
    await e5?.dispose();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('reads the dimensions from the model and names the model in its id', () => {
    expect(plain.dimensions).toBe(16);
    expect(plain.id).toBe('transformers:tiny-org/tiny-bert');
  });

  it('returns one unit vector per text, across batches', async () => {
    const texts = ['Personalausweis', 'Sperrmüll', 'Hund', 'Auto', 'Reisepass'];
    const vectors = await plain.embedDocuments(texts);
    expect(vectors).toHaveLength(5);
    for (const vector of vectors) {
      expect(vector).toHaveLength(16);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    const [single] = await plain.embedDocuments([texts[4]!]);
    single!.forEach((value, i) => expect(value).toBeCloseTo(vectors[4]![i]!, 6));
  });

  it('ranks passages on the topic of the query first', async () => {
    const passages = [
      'Sperrmüll Abholung und Tonne',
      'Reisepass und Personalausweis beantragen',
      'Hundesteuer für den Hund',
    ];
    const vectors = await plain.embedDocuments(passages);
    const query = await plain.embedQuery('Wo beantrage ich einen neuen Perso?');
    const scores = vectors.map((vector) => cosine(query, vector));
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it('adds "query: " and "passage: " for e5 models and nothing otherwise', async () => {
    const [passage] = await e5.embedDocuments(['Hund']);
    const query = await e5.embedQuery('Hund');
    expect(query[QUERY_AXIS]).toBeGreaterThan(0.3);
    expect(query[PASSAGE_AXIS]).toBeCloseTo(0, 5);
    expect(passage![PASSAGE_AXIS]).toBeGreaterThan(0.3);
    expect(passage![QUERY_AXIS]).toBeCloseTo(0, 5);

    const plainQuery = await plain.embedQuery('Hund');
    expect(plainQuery[QUERY_AXIS]).toBeCloseTo(0, 5);
    expect(plainQuery[PASSAGE_AXIS]).toBeCloseTo(0, 5);
  });

  it('lets the prefixes be switched off or replaced', async () => {
    const off = await TransformersEmbedder.create({
      model: 'tiny-org/tiny-e5-small',
      modelsDir,
      prefixes: false,
    });
    expect((await off.embedQuery('Hund'))[QUERY_AXIS]).toBeCloseTo(0, 5);
    const custom = await TransformersEmbedder.create({
      model: 'tiny-org/tiny-bert',
      modelsDir,
      prefixes: { query: 'passage: ', passage: '' },
    });
    expect((await custom.embedQuery('Hund'))[PASSAGE_AXIS]).toBeGreaterThan(0.3);
    await off.dispose();
    await custom.dispose();
  });

  it('says how to get the model when its folder is missing', async () => {
    const attempt = TransformersEmbedder.create({ model: 'Xenova/multilingual-e5-small', modelsDir });
    await expect(attempt).rejects.toThrow(
      /Embedding model "Xenova\/multilingual-e5-small" not found in .*npm run models:fetch.*EMBEDDER=hashed-ngram/,
    );
  });

  it('names the required files when the folder is incomplete', async () => {
    await mkdir(join(modelsDir, 'broken-org', 'broken'), { recursive: true });
    await writeFile(
      join(modelsDir, 'broken-org', 'broken', 'config.json'),
      JSON.stringify({ model_type: 'bert' }),
    );
    const attempt = TransformersEmbedder.create({ model: 'broken-org/broken', modelsDir });
    await expect(attempt).rejects.toThrow(/cannot be loaded.*onnx\/model\.onnx.*npm run models:fetch/);
  });

  it('is what createEmbedder returns for EMBEDDER=transformers', async () => {
    const embedder = await createEmbedder({
      EMBEDDER: 'transformers',
      EMBEDDER_MODEL: 'tiny-org/tiny-bert',
      MODELS_DIR: modelsDir,
    });
    expect(embedder).toBeInstanceOf(TransformersEmbedder);
    expect(embedder.id).toBe('transformers:tiny-org/tiny-bert');
    await (embedder as TransformersEmbedder).dispose();
    const fallback = await createEmbedder({
      EMBEDDER: 'hashed-ngram',
      EMBEDDER_MODEL: 'unused',
      MODELS_DIR: modelsDir,
    });
    expect(fallback).toBeInstanceOf(HashedNgramEmbedder);
  });
});
