import type { Embedder } from '../embedders/types.js';
import type { Bm25Index } from '../lexical/index.js';
import type { GermanAnalyzer } from '../analysis/index.js';
import type { Chunk, Passage, QueryWord, Retriever, SearchOptions } from '../types.js';
import { explainQuery, lexicalQuery } from './query-words.js';
import { SpellingCorrector } from './spelling.js';
import type { HnswVectorIndex } from '../vector/hnsw-index.js';

export interface HybridOptions {
  /** Candidates taken from each retriever before fusion. */
  candidates: number;
  /** Reciprocal-rank-fusion constant; 60 is the value of the original RRF paper. */
  rrfK: number;
  lexicalWeight: number;
  vectorWeight: number;
}

export const DEFAULT_HYBRID: HybridOptions = { candidates: 50, rrfK: 60, lexicalWeight: 1, vectorWeight: 1 };

/**
 * Lexical BM25 and vector search, fused by weighted reciprocal rank fusion. Rank fusion
 * needs no score calibration between two very different scorers; the raw scores stay on
 * each passage for the relevance gate.
 */
export class HybridRetriever implements Retriever {
  private readonly chunks: Chunk[];
  private readonly labelById: Map<string, number>;
  private readonly chunksByDoc = new Map<string, Chunk[]>();
  private readonly lexical: Bm25Index;
  private readonly vectors: HnswVectorIndex;
  private readonly embedder: Embedder;
  private readonly analyzer: GermanAnalyzer;
  private readonly options: HybridOptions;
  private corrector?: SpellingCorrector;

  constructor(parts: {
    chunks: Chunk[];
    lexical: Bm25Index;
    vectors: HnswVectorIndex;
    embedder: Embedder;
    analyzer: GermanAnalyzer;
    options?: Partial<HybridOptions>;
  }) {
    this.analyzer = parts.analyzer;
    this.chunks = parts.chunks;
    this.lexical = parts.lexical;
    this.vectors = parts.vectors;
    this.embedder = parts.embedder;
    this.options = { ...DEFAULT_HYBRID, ...parts.options };
    this.labelById = new Map(parts.chunks.map((chunk, label) => [chunk.id, label]));
    for (const chunk of parts.chunks) {
      const list = this.chunksByDoc.get(chunk.docId) ?? [];
      list.push(chunk);
      this.chunksByDoc.set(chunk.docId, list);
    }
  }

  async search(query: string, options: SearchOptions = {}): Promise<Passage[]> {
    const k = options.k ?? 8;
    const mode = options.mode ?? 'hybrid';
    const { candidates, rrfK } = this.options;
    const fused = new Map<number, Passage>();
    const entry = (label: number): Passage => {
      let passage = fused.get(label);
      if (!passage) {
        passage = { ...(this.chunks[label] as Chunk), score: 0 };
        fused.set(label, passage);
      }
      return passage;
    };

    if (mode !== 'vector') {
      this.lexical
        .searchTerms(lexicalQuery(query, this.analyzer, this.lexical, this.spelling()), candidates)
        .forEach((hit, rank) => {
          const label = this.labelById.get(hit.id);
          if (label === undefined) return;
          const passage = entry(label);
          passage.lexicalRank = rank + 1;
          passage.lexicalScore = hit.score;
          passage.score += this.options.lexicalWeight / (rrfK + rank + 1);
        });
    }
    if (mode !== 'lexical') {
      const vector = await this.embedder.embedQuery(query);
      this.vectors.search(vector, candidates).forEach((hit, rank) => {
        const passage = entry(hit.label);
        passage.vectorRank = rank + 1;
        passage.vectorSimilarity = hit.similarity;
        passage.score += this.options.vectorWeight / (rrfK + rank + 1);
      });
    }
    return [...fused.values()].sort((a, b) => b.score - a.score).slice(0, k);
  }

  /** The question word by word as the index sees it (for the relevance gate). */
  explain(question: string): QueryWord[] {
    return explainQuery(question, this.analyzer, this.lexical, this.spelling());
  }

  /** Built on first use: most deployments answer many questions, ingestion none. */
  private spelling(): SpellingCorrector {
    this.corrector ??= new SpellingCorrector(this.lexical.vocabulary());
    return this.corrector;
  }

  documentChunks(docId: string): Chunk[] {
    return this.chunksByDoc.get(docId) ?? [];
  }

  get size(): number {
    return this.chunks.length;
  }
}
