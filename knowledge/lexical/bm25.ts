import type { GermanAnalyzer } from '../analysis/index.js';
import {
  decodeBm25,
  encodeBm25,
  FIELDS,
  type Bm25Data,
  type Bm25Settings,
  type FieldWeights,
} from './bm25-data.js';
import { PostingsWriter, readPostings, type FieldFrequencies } from './postings.js';
import { topK } from './top-k.js';

/** What the lexical index stores of a chunk: three fields with their own weights. */
export interface LexicalDocument {
  id: string;
  title: string;
  headings: string;
  body: string;
}

export interface Bm25Options {
  k1?: number;
  b?: number;
  fieldWeights?: FieldWeights;
}

export interface LexicalHit {
  id: string;
  score: number;
}

export const DEFAULT_BM25: Readonly<Bm25Settings> = Object.freeze({
  k1: 1.2,
  b: 0.75,
  fieldWeights: Object.freeze({ title: 2, headings: 1.5, body: 1 }),
});

/**
 * BM25F over title, headings and body: per-field length normalisation, field weights,
 * then one saturation per term. The analyser's compound vocabulary is the index's own
 * terms; building and loading both set it, so a loaded index searches exactly like the
 * one that was built.
 */
export class Bm25Index {
  /** Per document and field: weight / length normalisation, precomputed for search. */
  private readonly norms: Float64Array;

  private constructor(
    private readonly analyzer: GermanAnalyzer,
    private readonly data: Bm25Data,
  ) {
    const { settings, ids, lengths } = data;
    this.norms = new Float64Array(ids.length * FIELDS.length);
    FIELDS.forEach((field, f) => {
      let total = 0;
      for (const length of lengths[field]) total += length;
      const average = total / Math.max(1, ids.length) || 1;
      for (let doc = 0; doc < ids.length; doc++) {
        const normalisation = 1 - settings.b + (settings.b * lengths[field][doc]!) / average;
        this.norms[doc * FIELDS.length + f] = settings.fieldWeights[field] / normalisation;
      }
    });
    analyzer.setVocabulary(data.postings.keys());
  }

  /** Indexes documents in two passes: the first collects the vocabulary that compound splitting uses. */
  static build(docs: LexicalDocument[], analyzer: GermanAnalyzer, options: Bm25Options = {}): Bm25Index {
    const settings: Bm25Settings = {
      k1: options.k1 ?? DEFAULT_BM25.k1,
      b: options.b ?? DEFAULT_BM25.b,
      fieldWeights: { ...(options.fieldWeights ?? DEFAULT_BM25.fieldWeights) },
    };
    analyzer.setVocabulary([]);
    const vocabulary = new Set<string>();
    for (const doc of docs)
      for (const field of FIELDS) for (const term of analyzer.analyze(doc[field])) vocabulary.add(term);
    analyzer.setVocabulary(vocabulary);

    const count = docs.length;
    const lengths = {
      title: new Uint32Array(count),
      headings: new Uint32Array(count),
      body: new Uint32Array(count),
    };
    const writers = new Map<string, PostingsWriter>();
    docs.forEach((doc, index) => {
      const counts = new Map<string, FieldFrequencies>();
      for (const field of FIELDS) {
        const terms = analyzer.analyze(doc[field]);
        lengths[field][index] = terms.length;
        for (const term of terms) {
          let tf = counts.get(term);
          if (!tf) counts.set(term, (tf = { title: 0, headings: 0, body: 0 }));
          tf[field]++;
        }
      }
      for (const [term, tf] of counts) {
        let writer = writers.get(term);
        if (!writer) writers.set(term, (writer = new PostingsWriter()));
        writer.add(index, tf);
      }
    });
    const postings = new Map<string, { df: number; bytes: Uint8Array }>();
    for (const [term, writer] of writers) postings.set(term, { df: writer.count, bytes: writer.finish() });
    return new Bm25Index(analyzer, { settings, ids: docs.map((doc) => doc.id), lengths, postings });
  }

  /** Restores an index written by `toJSON`; the analyser must have the version it was built with. */
  static fromJSON(json: unknown, analyzer: GermanAnalyzer): Bm25Index {
    return new Bm25Index(analyzer, decodeBm25(json, analyzer.version));
  }

  /** Number of indexed documents. */
  get size(): number {
    return this.data.ids.length;
  }

  /** The `k` best documents for a query, best first; query terms count with their analyser weights. */
  search(query: string, k: number): LexicalHit[] {
    return this.searchTerms(this.analyzer.analyzeQuery(query), k);
  }

  /** Search with already analysed, weighted terms (the retriever adds spelling corrections). */
  searchTerms(terms: ReadonlyArray<{ term: string; weight: number }>, k: number): LexicalHit[] {
    const { k1 } = this.data.settings;
    const count = this.data.ids.length;
    const norms = this.norms;
    const scores = new Float64Array(count);
    const touched: number[] = [];
    for (const { term, weight } of terms) {
      const posting = this.data.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (count - posting.df + 0.5) / (posting.df + 0.5));
      readPostings(posting.bytes, (doc, title, headings, body) => {
        const base = doc * 3;
        const tf = title * norms[base]! + headings * norms[base + 1]! + body * norms[base + 2]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (weight * idf * tf * (k1 + 1)) / (k1 + tf);
      });
    }
    return topK(touched, scores, k).map((doc) => ({ id: this.data.ids[doc]!, score: scores[doc]! }));
  }

  /** In how many indexed documents (chunks) a term occurs; 0 for unknown terms. */
  documentFrequency(term: string): number {
    return this.data.postings.get(term)?.df ?? 0;
  }

  /** Every indexed term with its document frequency. */
  *vocabulary(): Generator<[term: string, df: number]> {
    for (const [term, posting] of this.data.postings) yield [term, posting.df];
  }

  /** A compact, JSON-safe form for the snapshot (postings as base64 varints); round-trips exactly. */
  toJSON(): unknown {
    return encodeBm25(this.data, this.analyzer.version);
  }
}
