import { pipeline, type FeatureExtractionPipeline, type ProgressInfo } from '@huggingface/transformers';

/**
 * `pipeline('feature-extraction', …)` with a narrow type: the library's overloaded
 * signature makes TypeScript give up ("union type that is too complex to represent").
 * Always fp32, i.e. the file `onnx/model.onnx`.
 */
export function loadFeatureExtractor(
  model: string,
  progress?: (info: ProgressInfo) => void,
): Promise<FeatureExtractionPipeline> {
  const load = pipeline as unknown as (
    task: 'feature-extraction',
    model: string,
    options: { dtype: 'fp32'; progress_callback?: (info: ProgressInfo) => void },
  ) => Promise<FeatureExtractionPipeline>;
  return load('feature-extraction', model, {
    dtype: 'fp32',
    ...(progress ? { progress_callback: progress } : {}),
  });
}

/** Mean-pooled, L2-normalised vectors for `texts`. */
export async function extractEmbeddings(
  extractor: FeatureExtractionPipeline,
  texts: string[],
): Promise<number[][]> {
  if (texts.length === 0) return [];
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  return output.tolist() as number[][];
}
