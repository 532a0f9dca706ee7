import type { AppConfig } from '../../config/index.js';
import { HashedNgramEmbedder } from './hashed-ngram.js';
import type { TransformersEmbedder, TransformersEmbedderOptions } from './transformers.js';
import type { Embedder } from './types.js';

export type { Embedder } from './types.js';
export { HashedNgramEmbedder, HASHED_NGRAM_VERSION, type HashedNgramOptions } from './hashed-ngram.js';
export type { EmbeddingPrefixes, TransformersEmbedder, TransformersEmbedderOptions } from './transformers.js';
export type { FetchModelOptions } from './fetch-model.js';

/**
 * Loads a local transformers.js model. The module (and its native ONNX runtime) is imported
 * only here, so the offline default keeps working where onnxruntime-node cannot load.
 */
export async function createTransformersEmbedder(
  options: TransformersEmbedderOptions,
): Promise<TransformersEmbedder> {
  const { TransformersEmbedder: Implementation } = await import('./transformers.js');
  return Implementation.create(options);
}

/**
 * The embedder the configuration asks for: `hashed-ngram` (offline default, no download) or
 * `transformers` (a local ONNX model in MODELS_DIR; throws with instructions when missing).
 */
export async function createEmbedder(
  config: Pick<AppConfig, 'EMBEDDER' | 'EMBEDDER_MODEL' | 'MODELS_DIR'>,
): Promise<Embedder> {
  switch (config.EMBEDDER) {
    case 'hashed-ngram':
      return new HashedNgramEmbedder();
    case 'transformers':
      return createTransformersEmbedder({ model: config.EMBEDDER_MODEL, modelsDir: config.MODELS_DIR });
  }
}
