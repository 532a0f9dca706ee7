import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { env, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { extractEmbeddings, loadFeatureExtractor } from './feature-extractor.js';
import type { Embedder } from './types.js';

/** Texts put in front of queries and passages; e5 models are trained with "query: " / "passage: ". */
export interface EmbeddingPrefixes {
  query: string;
  passage: string;
}

export interface TransformersEmbedderOptions {
  /** Hugging Face model id, e.g. `Xenova/multilingual-e5-small`; files under `<modelsDir>/<model>/`. */
  model: string;
  modelsDir: string;
  /** Texts per forward pass (default 16). */
  batchSize?: number;
  /** Default: e5 prefixes when the model name contains "e5", none otherwise; `false` disables them. */
  prefixes?: EmbeddingPrefixes | false;
}

const E5_PREFIXES: EmbeddingPrefixes = { query: 'query: ', passage: 'passage: ' };

/** The hint every "model missing" message carries, so operators know the next step. */
export function missingModelHint(model: string): string {
  return (
    `Run "npm run models:fetch -- --model ${model}" on a machine with internet access ` +
    `(or copy the folder there), or set EMBEDDER=hashed-ngram.`
  );
}

/**
 * A local transformers.js (ONNX) embedding model, loaded from `modelsDir` only; nothing is
 * downloaded at run time (`npm run models:fetch` does that once). Mean pooling, L2-normalised.
 */
export class TransformersEmbedder extends Embeddings implements Embedder {
  readonly id: string;

  private constructor(
    private readonly extractor: FeatureExtractionPipeline,
    readonly model: string,
    readonly dimensions: number,
    private readonly prefixes: EmbeddingPrefixes,
    private readonly batchSize: number,
  ) {
    super({});
    this.id = `transformers:${model}`;
  }

  /** Loads the model; throws an Error that says what to do when its folder is missing. */
  static async create(options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const modelsDir = resolve(options.modelsDir);
    const folder = join(modelsDir, options.model);
    if (!existsSync(folder)) {
      throw new Error(
        `Embedding model "${options.model}" not found in ${options.modelsDir}/. ${missingModelHint(options.model)}`,
      );
    }
    env.localModelPath = modelsDir;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    let extractor: FeatureExtractionPipeline;
    try {
      extractor = await loadFeatureExtractor(options.model);
    } catch (error) {
      throw new Error(
        `Embedding model "${options.model}" in ${folder} cannot be loaded (${(error as Error).message}). ` +
          `It needs config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx. ${missingModelHint(options.model)}`,
        { cause: error },
      );
    }
    const prefixes =
      options.prefixes === false
        ? { query: '', passage: '' }
        : (options.prefixes ?? (/e5/i.test(options.model) ? E5_PREFIXES : { query: '', passage: '' }));
    const probe = await extractEmbeddings(extractor, ['probe']);
    const dimensions = probe[0]?.length ?? 0;
    if (dimensions === 0)
      throw new Error(`Embedding model "${options.model}" returned no vector for a probe text.`);
    return new TransformersEmbedder(extractor, options.model, dimensions, prefixes, options.batchSize ?? 16);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize).map((text) => this.prefixes.passage + text);
      vectors.push(...(await extractEmbeddings(this.extractor, batch)));
    }
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await extractEmbeddings(this.extractor, [this.prefixes.query + text]);
    return vector ?? [];
  }

  /** Releases the ONNX session. */
  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}
