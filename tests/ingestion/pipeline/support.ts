import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCityProfile, loadConfig, type AppConfig, type CityProfile } from '../../../config/index.js';
import { ingest, type IngestOptions, type IngestReport } from '../../../ingestion/index.js';
import { HashedNgramEmbedder } from '../../../knowledge/embedders/index.js';
import { openSnapshot, type Embedder, type KnowledgeSnapshot } from '../../../knowledge/index.js';
import { PROFILE_PATH } from '../../helpers/sample-snapshot.js';

/** Repository root (tests spawn the CLI from here). */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
/** Small hand-made corpus: two Markdown files, one HTML page, one text file, a .docx and a broken PDF. */
export const FIXTURE_CORPUS = join(REPO_ROOT, 'tests/fixtures/ingest/corpus');
/** The four documents of the fixture corpus that can be ingested. */
export const CORPUS_DOCUMENTS = [
  'hundesteuer.md',
  'oeffnungszeiten.txt',
  'personalausweis.md',
  'sperrmuell.html',
];

export const profile: CityProfile = loadCityProfile(join(REPO_ROOT, PROFILE_PATH));

/** Temp folders of one test file, removed by `removeTempDirs()` in `afterAll`/`afterEach`. */
const created: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A writable copy of the fixture corpus, so a test can edit and delete files. */
export function copyCorpus(): string {
  const dir = tempDir('ingest-corpus');
  cpSync(FIXTURE_CORPUS, dir, { recursive: true });
  return dir;
}

export function testConfig(indexDir: string): AppConfig {
  return loadConfig({ INDEX_DIR: indexDir, LOG_LEVEL: 'silent' });
}

/** Runs the real pipeline on `sources` into `indexDir` with the default (hashed n-gram) embedder. */
export function ingestInto(
  indexDir: string,
  sources: string[],
  extra: Partial<IngestOptions> = {},
): Promise<IngestReport> {
  return ingest({ sources, indexDir, config: testConfig(indexDir), profile, ...extra });
}

/** Opens the current snapshot of `indexDir` (default embedder unless given). */
export function open(
  indexDir: string,
  embedder: Embedder = new HashedNgramEmbedder(),
): Promise<KnowledgeSnapshot> {
  return openSnapshot(indexDir, { embedder, profile });
}

/** Distinct document ids of a search, best first. */
export async function searchDocuments(
  snapshot: KnowledgeSnapshot,
  query: string,
  options: { k?: number; mode?: 'hybrid' | 'lexical' | 'vector' } = {},
): Promise<string[]> {
  const passages = await snapshot.retriever.search(query, { k: options.k ?? 20, mode: options.mode });
  return [...new Set(passages.map((passage) => passage.docId))];
}

/** Entries of `<indexDir>/snapshots`, sorted (staging folders start with `.staging-`). */
export function snapshotEntries(indexDir: string): string[] {
  return readdirSync(join(indexDir, 'snapshots')).sort();
}
