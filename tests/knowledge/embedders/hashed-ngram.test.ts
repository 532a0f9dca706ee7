import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../../../knowledge/embedders/index.js';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
const norm = (vector: number[]) => Math.sqrt(cosine(vector, vector));

const docs = [
  'Personalausweis beantragen: Den neuen Personalausweis beantragen Sie im Bürgercenter.',
  'Reisepass: Einen Reisepass brauchen Sie für Reisen außerhalb der EU.',
  'Hundesteuer: Wer einen Hund hält, muss ihn zur Steuer anmelden.',
  'Sperrmüll: Die Abholung von Sperrmüll melden Sie online an.',
  'Kfz-Zulassung: Ein Fahrzeug lassen Sie bei der Zulassungsstelle zu.',
  'Wohngeld: Zuschuss zur Miete für Haushalte mit wenig Einkommen.',
];

async function nearest(embedder: HashedNgramEmbedder, query: string): Promise<number> {
  const vectors = await embedder.embedDocuments(docs);
  const queryVector = await embedder.embedQuery(query);
  const scores = vectors.map((vector) => cosine(queryVector, vector));
  return scores.indexOf(Math.max(...scores));
}

describe('HashedNgramEmbedder', () => {
  const embedder = new HashedNgramEmbedder();

  it('is a LangChain Embeddings with an id that names version and dimensions', () => {
    expect(embedder).toBeInstanceOf(Embeddings);
    expect(embedder.id).toBe('hashed-ngram-v2-d512');
    expect(new HashedNgramEmbedder({ dimensions: 256 }).id).toBe('hashed-ngram-v2-d256');
  });

  it('returns unit vectors of the configured length, also for empty text', async () => {
    const small = new HashedNgramEmbedder({ dimensions: 256 });
    const vectors = await small.embedDocuments(['Personalausweis', '', 'Der die das', 'Gebühr 37,00 €']);
    for (const vector of vectors) {
      expect(vector).toHaveLength(256);
      expect(norm(vector)).toBeCloseTo(1, 6);
    }
  });

  it('is deterministic across instances and between documents and queries', async () => {
    const text = 'Wie beantrage ich einen Bewohnerparkausweis?';
    const [asDocument] = await new HashedNgramEmbedder().embedDocuments([text]);
    expect(await embedder.embedQuery(text)).toEqual(asDocument);
  });

  it('gives all spellings of umlaut words the same vector', async () => {
    expect(await embedder.embedQuery('Gebuehren Strasse')).toEqual(
      await embedder.embedQuery('Gebühren Straße'),
    );
  });

  it('puts similar texts closer than unrelated ones', async () => {
    const [question, answer, unrelated] = await embedder.embedDocuments([
      'Wo kann ich meinen Personalausweis beantragen?',
      docs[0]!,
      docs[3]!,
    ]);
    expect(cosine(question!, answer!)).toBeGreaterThan(cosine(question!, unrelated!) + 0.2);
  });

  it('still finds the right page for typos', async () => {
    expect(await nearest(embedder, 'Persnalausweis beantragn')).toBe(0);
    expect(await nearest(embedder, 'Sperrmüllabhlung')).toBe(3);
    expect(await nearest(embedder, 'Hundsteuer')).toBe(2);
  });

  it('relates compounds and their parts', async () => {
    expect(await nearest(embedder, 'Steuer für meinen Hund')).toBe(2);
    expect(await nearest(embedder, 'Zulassung')).toBe(4);
    expect(await nearest(embedder, 'Mietzuschuss')).toBe(5);
  });

  it('rejects unusable dimensions', () => {
    expect(() => new HashedNgramEmbedder({ dimensions: 3 })).toThrow(/dimensions/);
  });
});
