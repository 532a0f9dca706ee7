import { Embeddings } from '@langchain/core/embeddings';
import { createGermanAnalyzer, foldWord, isStopword, type GermanAnalyzer } from '../analysis/index.js';
import { visitTokens, type Token } from '../analysis/tokens.js';
import { hashString, ngramBuckets, signedBucket } from './feature-hash.js';
import type { Embedder } from './types.js';

/** Bump when the features change: stored vectors are only comparable within one version. */
export const HASHED_NGRAM_VERSION = 'v2';

export interface HashedNgramOptions {
  /** Vector length; 512 by default (256–1024 are sensible). */
  dimensions?: number;
}

const WORD_SEED = 1;
const NGRAM_SEED = 2;
const MIN_N = 3;
const MAX_N = 5;
/** Share of the word-term features in the final vector; the rest is character n-grams. */
const WORD_SHARE = 0.4;
const CACHE_LIMIT = 100_000;

/**
 * The offline default embedder: no download, no fitted state, deterministic. A text becomes
 * folded, stemmed word terms (with compound parts from the analyser's base vocabulary) and
 * character 3–5-grams of its folded words, hashed with random signs into `dimensions`
 * buckets, weighted sublinearly and L2-normalised. N-grams make typos ("Persnalausweis")
 * and compounds land near the right words; the word terms keep exact matches strongest.
 */
export class HashedNgramEmbedder extends Embeddings implements Embedder {
  readonly id: string;
  readonly dimensions: number;
  private readonly analyzer: GermanAnalyzer = createGermanAnalyzer();
  /** Signed buckets per token (word terms and n-grams); tokens repeat a lot across chunks. */
  private readonly tokenCache = new Map<string, TokenFeatures>();

  constructor(options: HashedNgramOptions = {}) {
    super({});
    const dimensions = options.dimensions ?? 512;
    if (!Number.isInteger(dimensions) || dimensions < 16)
      throw new Error(`dimensions must be an integer >= 16, got ${dimensions}`);
    this.dimensions = dimensions;
    this.id = `hashed-ngram-${HASHED_NGRAM_VERSION}-d${dimensions}`;
  }

  override embedDocuments(texts: string[]): Promise<number[][]> {
    return Promise.resolve(texts.map((text) => this.embed(text)));
  }

  override embedQuery(text: string): Promise<number[]> {
    return Promise.resolve(this.embed(text));
  }

  /** Synchronous embedding of one text (documents and queries are treated alike). */
  embed(text: string): number[] {
    const words = new Float64Array(this.dimensions);
    const grams = new Float64Array(this.dimensions);
    visitTokens(text, (kind, surface, pieces, joined) => {
      const features = this.tokenFeatures(kind, surface, pieces, joined);
      for (const code of features.words) addCode(words, code);
      for (const code of features.grams) addCode(grams, code);
    });
    const wordNorm = sublinearNorm(words);
    const gramNorm = sublinearNorm(grams);
    const vector = new Array<number>(this.dimensions);
    const wordScale = wordNorm > 0 ? WORD_SHARE / wordNorm : 0;
    const gramScale = gramNorm > 0 ? (1 - WORD_SHARE) / gramNorm : 0;
    let norm = 0;
    for (let i = 0; i < this.dimensions; i++) {
      const value = words[i]! * wordScale + grams[i]! * gramScale;
      vector[i] = value;
      norm += value * value;
    }
    if (norm === 0) return emptyVector(this.dimensions);
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < this.dimensions; i++) vector[i]! *= scale;
    return vector;
  }

  private tokenFeatures(
    kind: Token['kind'],
    surface: string,
    pieces: string[] | undefined,
    joined: boolean,
  ): TokenFeatures {
    const key = `${kind}${joined ? '+' : ':'}${surface}`;
    let features = this.tokenCache.get(key);
    if (features) return features;
    const terms = this.analyzer.analyze(surface);
    const grams: number[] = [];
    for (const piece of kind === 'word' ? [surface] : kind === 'hyphenated' ? (pieces ?? []) : []) {
      const folded = foldWord(piece);
      if (folded.length >= 2 && !isStopword(folded))
        grams.push(...ngramBuckets(folded, MIN_N, MAX_N, NGRAM_SEED, this.dimensions));
    }
    features = {
      words: Int32Array.from(terms, (term) => signedBucket(hashString(term, WORD_SEED), this.dimensions)),
      grams: Int32Array.from(grams),
    };
    if (this.tokenCache.size >= CACHE_LIMIT) this.tokenCache.clear();
    this.tokenCache.set(key, features);
    return features;
  }
}

interface TokenFeatures {
  words: Int32Array;
  grams: Int32Array;
}

function addCode(vector: Float64Array, code: number): void {
  if (code > 0) vector[code - 1]! += 1;
  else vector[-code - 1]! -= 1;
}

/** Replaces each count by sign·ln(1 + |count|) in place (sublinear tf) and returns the L2 norm. */
function sublinearNorm(vector: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) {
    const value = vector[i]!;
    if (value === 0) continue;
    const damped = Math.sign(value) * Math.log1p(Math.abs(value));
    vector[i] = damped;
    sum += damped * damped;
  }
  return Math.sqrt(sum);
}

/** A fixed unit vector for texts without any feature, so cosine distances stay defined. */
function emptyVector(dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  vector[0] = 1;
  return vector;
}
