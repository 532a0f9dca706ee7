import { readPostings } from './postings.js';

/** The index fields, in the order the per-document arrays use. */
export const FIELDS = ['title', 'headings', 'body'] as const;
export type Field = (typeof FIELDS)[number];

export interface FieldWeights {
  title: number;
  headings: number;
  body: number;
}

export interface Bm25Settings {
  k1: number;
  b: number;
  fieldWeights: FieldWeights;
}

/** Everything an index holds; built in memory or decoded from JSON, searched the same way. */
export interface Bm25Data {
  settings: Bm25Settings;
  ids: string[];
  lengths: Record<Field, Uint32Array>;
  postings: Map<string, { df: number; bytes: Uint8Array }>;
}

/** Serialised form; `postings[i]` is the base64 of term `terms[i]`'s varint postings. */
interface Bm25Json {
  format: typeof FORMAT;
  analyzerVersion: string;
  settings: Bm25Settings;
  ids: string[];
  lengths: Record<Field, number[]>;
  terms: string[];
  postings: string[];
}

const FORMAT = 'bm25f-1';

/** A compact, JSON-safe form for the snapshot (postings as base64 varints). */
export function encodeBm25(data: Bm25Data, analyzerVersion: string): unknown {
  const json: Bm25Json = {
    format: FORMAT,
    analyzerVersion,
    settings: data.settings,
    ids: data.ids,
    lengths: {
      title: [...data.lengths.title],
      headings: [...data.lengths.headings],
      body: [...data.lengths.body],
    },
    terms: [...data.postings.keys()],
    postings: [...data.postings.values()].map((posting) => Buffer.from(posting.bytes).toString('base64')),
  };
  return json;
}

/** Decodes `encodeBm25` output; throws when the format or analyser version does not match. */
export function decodeBm25(json: unknown, analyzerVersion: string): Bm25Data {
  const data = json as Partial<Bm25Json> | null;
  if (
    !data ||
    data.format !== FORMAT ||
    !data.settings ||
    !data.ids ||
    !data.lengths ||
    !data.terms ||
    !data.postings
  ) {
    throw new Error(`Lexical index is not in format "${FORMAT}"; rebuild it with "npm run ingest".`);
  }
  if (data.analyzerVersion !== analyzerVersion) {
    throw new Error(
      `Lexical index was built with analyser "${String(data.analyzerVersion)}", current is "${analyzerVersion}"; rebuild it.`,
    );
  }
  const { ids, terms, postings: encoded } = data;
  const lengths = {
    title: Uint32Array.from(data.lengths.title),
    headings: Uint32Array.from(data.lengths.headings),
    body: Uint32Array.from(data.lengths.body),
  };
  if (FIELDS.some((field) => lengths[field].length !== ids.length) || terms.length !== encoded.length) {
    throw new Error('Lexical index is corrupt (inconsistent lengths); rebuild it with "npm run ingest".');
  }
  const postings = new Map<string, { df: number; bytes: Uint8Array }>();
  terms.forEach((term, index) => {
    const bytes = new Uint8Array(Buffer.from(encoded[index]!, 'base64'));
    let df = 0;
    readPostings(bytes, () => df++);
    postings.set(term, { df, bytes });
  });
  return { settings: data.settings, ids, lengths, postings };
}
