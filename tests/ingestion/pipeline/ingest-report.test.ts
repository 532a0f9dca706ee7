import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestProgress, IngestReport } from '../../../ingestion/index.js';
import {
  createGermanAnalyzer,
  readCurrent,
  type SnapshotManifest,
  type StoredDocument,
} from '../../../knowledge/index.js';
import {
  CORPUS_DOCUMENTS,
  FIXTURE_CORPUS,
  ingestInto,
  open,
  profile,
  removeTempDirs,
  searchDocuments,
  tempDir,
} from './support.js';

describe('ingest on a folder with Markdown, HTML, text, an unknown and a broken file', () => {
  let indexDir: string;
  let report: IngestReport;
  const progress: IngestProgress[] = [];

  beforeAll(async () => {
    indexDir = tempDir('ingest-report-index');
    report = await ingestInto(indexDir, [FIXTURE_CORPUS], { onProgress: (event) => progress.push(event) });
  });
  afterAll(removeTempDirs);

  it('counts every readable document as new on the first run', () => {
    expect(report.documents).toEqual({ new: 4, changed: 0, unchanged: 0, removed: 0, total: 4 });
  });

  it('skips the unknown .docx with its reason and records the broken PDF as failed without aborting', () => {
    expect(report.skipped).toEqual([
      { source: FIXTURE_CORPUS, item: 'antrag.docx', reason: 'unbekanntes Format (.docx)' },
    ]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]).toMatchObject({ source: FIXTURE_CORPUS, item: 'kaputt.pdf' });
    expect(report.failed[0]?.reason).toMatch(/PDF/);
  });

  it('embeds every chunk on the first run and reuses none', () => {
    expect(report.chunks).toBeGreaterThanOrEqual(4);
    expect(report.embedded).toBe(report.chunks);
    expect(report.reusedEmbeddings).toBe(0);
  });

  it('writes a manifest with embedder, analyser version, counts, sources and size', () => {
    const { manifest } = report;
    expect(manifest.embedder).toEqual({ id: 'hashed-ngram-v2-d512', dimensions: 512 });
    expect(manifest.analyzerVersion).toBe(createGermanAnalyzer({ synonyms: profile.synonyms }).version);
    expect(manifest.counts).toEqual({ documents: 4, chunks: report.chunks });
    expect(manifest.sources).toEqual([{ id: FIXTURE_CORPUS, kind: 'folder', documents: 4 }]);
    expect(manifest.cityProfile).toBe('gelsenkirchen');
    expect(manifest.sizeBytes).toBeGreaterThan(0);
    expect(Date.parse(manifest.createdAt)).not.toBeNaN();
  });

  it('makes the new snapshot current and stores the same manifest on disk', () => {
    expect(readCurrent(indexDir)).toBe(report.manifest.id);
    const dir = join(indexDir, 'snapshots', report.manifest.id);
    const onDisk = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SnapshotManifest;
    expect(onDisk).toEqual(report.manifest);
    // sizeBytes counts the data files written before the manifest.
    const dataBytes = readdirSync(dir)
      .filter((name) => name !== 'manifest.json')
      .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    expect(onDisk.sizeBytes).toBe(dataBytes);
    expect(existsSync(join(indexDir, 'ingest.lock'))).toBe(false);
  });

  it('keeps document metadata from front matter, canonical links and content hashes in the docstore', () => {
    const documents = JSON.parse(
      readFileSync(join(indexDir, 'snapshots', report.manifest.id, 'documents.json'), 'utf8'),
    ) as StoredDocument[];
    expect(documents.map((document) => document.id).sort()).toEqual(CORPUS_DOCUMENTS);
    const byId = new Map(documents.map((document) => [document.id, document]));
    expect(byId.get('personalausweis.md')).toMatchObject({
      url: 'https://www.musterstadt.example/buergerservice/personalausweis/',
      title: 'Personalausweis beantragen',
      updated: '2025-03-14',
      format: 'markdown',
      metadata: { zustaendig: 'Bürgerbüro' },
    });
    expect(byId.get('sperrmuell.html')).toMatchObject({
      url: 'https://www.musterstadt.example/abfall/sperrmuell/',
      title: 'Sperrmüll anmelden',
      format: 'html',
    });
    for (const document of documents) expect(document.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(documents.reduce((sum, document) => sum + document.chunkCount, 0)).toBe(report.chunks);
  });

  it('reports progress through collect, chunk, embed and write', () => {
    expect([...new Set(progress.map((event) => event.stage))]).toEqual([
      'collect',
      'chunk',
      'embed',
      'write',
    ]);
    const lastEmbed = progress.filter((event) => event.stage === 'embed').at(-1);
    expect(lastEmbed).toMatchObject({ done: report.chunks, total: report.chunks });
  });

  it('answers a search from the written snapshot with the page the question is about', async () => {
    const snapshot = await open(indexDir);
    expect((await searchDocuments(snapshot, 'Wann holt ihr Sperrmüll ab?'))[0]).toBe('sperrmuell.html');
    expect((await searchDocuments(snapshot, 'Öffnungszeiten Bürgerbüro Donnerstag'))[0]).toBe(
      'oeffnungszeiten.txt',
    );
  });

  it('ingests a document id only once when two sources yield it, and says why the second was skipped', async () => {
    const dir = tempDir('ingest-duplicate-index');
    const twice = await ingestInto(dir, [FIXTURE_CORPUS, `${FIXTURE_CORPUS}/`]);
    expect(twice.documents.total).toBe(4);
    const duplicates = twice.skipped.filter((problem) => problem.reason === 'doppelte Dokument-ID');
    expect(duplicates.map((problem) => problem.item).sort()).toEqual(CORPUS_DOCUMENTS);
    expect(twice.manifest.sources.map((source) => source.documents)).toEqual([4, 0]);
  });
});
