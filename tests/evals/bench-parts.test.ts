import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCityProfile, loadConfig } from '../../config/index.js';
import { createEmbedder, openSnapshot } from '../../knowledge/index.js';
import { readLocalSources } from '../../evals/corpus-documents.js';
import type { CleanDocument } from '../../knowledge/types.js';
import { benchMarkdown, type BenchReport } from '../../evals/bench/bench-report.js';
import { figure, repeat, skipped } from '../../evals/bench/figures.js';
import { runLoad } from '../../evals/bench/http-load.js';
import { syntheticDocuments, varyDocument, varyText } from '../../evals/bench/synthetic-corpus.js';
import { buildSyntheticSnapshot } from '../../evals/bench/synthetic-snapshot.js';

const CORPUS = join(import.meta.dirname, 'fixtures', 'corpus');

describe('bench figures', () => {
  it('reports median and p95 of the samples', () => {
    expect(figure('g', 'n', 'ms', [5, 1, 3, 2, 4, 100])).toEqual({
      group: 'g',
      name: 'n',
      unit: 'ms',
      median: 3,
      p95: 100,
      samples: 6,
    });
    expect(figure('g', 'n', 'ms', [])).toEqual({ group: 'g', name: 'n', unit: 'ms', skipped: 'no samples' });
  });

  it('repeats a run after unrecorded warm-up runs', async () => {
    const seen: number[] = [];
    const results = await repeat(3, (run) => (seen.push(run), run * 2), 2);
    expect(seen).toEqual([-1, -2, 0, 1, 2]);
    expect(results).toEqual([0, 2, 4]);
  });

  it('renders a Markdown row per figure, skipped ones with their reason', () => {
    const report: BenchReport = {
      version: 1,
      generated_at: '2025-01-01T00:00:00.000Z',
      quick: true,
      machine: { node: 'v20', platform: 'linux-x64', cpu: 'cpu', cpus: 2, memory_gb: 8 },
      settings: { embedder: 'hashed', chunk_max_chars: 1200, runs: 3 },
      figures: [
        figure('search', 'search latency @ 1k chunks', 'ms', [1.234, 2.5, 3.75]),
        figure('http', 'POST /api/chat errors', 'count', [0]),
        skipped('ingestion', 'embed (transformers:x)', 'chunks/s', 'model not installed'),
      ],
      duration_ms: 1,
    };
    const markdown = benchMarkdown(report);
    expect(markdown).toContain('| search | search latency @ 1k chunks | 2.50 | 3.75 | ms | 3 |  |');
    expect(markdown).toContain('| http | POST /api/chat errors | 0 | 0 | count | 1 |  |');
    expect(markdown).toContain(
      '| ingestion | embed (transformers:x) | – | – | chunks/s | 0 | skipped: model not installed |',
    );
  });
});

describe('synthetic corpus', () => {
  it('varies town name and numbers deterministically, keeping number lengths', () => {
    const text = 'In Gelsenkirchen kostet der Ausweis 37,00 Euro; Termin am 01.02.2025.';
    const varied = varyText(text, 3, 'Gelsenkirchen');
    expect(varied).not.toContain('Gelsenkirchen');
    expect(varied).not.toBe(text);
    expect(varied).toBe(varyText(text, 3, 'Gelsenkirchen'));
    expect(varied).not.toBe(varyText(text, 4, 'Gelsenkirchen'));
    expect(varied).toMatch(/\d{2},\d{2} Euro; Termin am \d{2}\.\d{2}\.\d{4}\./);
  });

  it('starts with the base documents and gives every variant its own id and url', async () => {
    const base = await readLocalSources([CORPUS]);
    const first: CleanDocument[] = [];
    for (const document of syntheticDocuments(base, 'Beispielstadt')) {
      if (first.length === base.length * 3) break;
      first.push(document);
    }
    expect(first.slice(0, base.length).map((document) => document.id)).toEqual(
      base.map((document) => document.id),
    );
    expect(new Set(first.map((document) => document.id)).size).toBe(first.length);
    const variant = varyDocument(base[0]!, 2, 'Beispielstadt');
    expect(variant.id).toBe(`synthetic/2/${base[0]!.id}`);
    expect(variant.url).toMatch(/variant=2$/);
  });

  it('writes a snapshot of exactly the requested chunk count that the knowledge layer opens', async () => {
    const config = loadConfig({});
    const profile = loadCityProfile(config.CITY_PROFILE);
    const indexDir = await mkdtemp(join(tmpdir(), 'bench-snapshot-'));
    const embedder = await createEmbedder(config);
    const built = await buildSyntheticSnapshot({
      base: await readLocalSources([CORPUS]),
      targetChunks: 37,
      indexDir,
      config,
      profile,
      embedder,
    });
    expect(built.chunks).toBe(37);
    const snapshot = await openSnapshot(indexDir, { embedder, profile });
    expect(snapshot.manifest.counts.chunks).toBe(37);
    expect(snapshot.chunks).toHaveLength(37);
    expect([...snapshot.documents.values()].reduce((sum, document) => sum + document.chunkCount, 0)).toBe(37);
    const passages = await snapshot.retriever.search('Hundesteuer erster Hund', { k: 3 });
    expect(passages[0]?.docId).toMatch(/hundesteuer\.md$/);
  });
});

describe('runLoad', () => {
  let server: Server;
  let url: string;
  let served = 0;

  beforeAll(async () => {
    server = createServer((request, response) => {
      served += 1;
      response.statusCode = served % 3 === 0 ? 500 : 200;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends at most maxRequests and counts non-2xx responses as errors', async () => {
    const result = await runLoad({ url, concurrency: 3, maxRequests: 30, maxDurationMs: 30_000 });
    expect(served).toBe(30);
    expect(result.completed + result.errors).toBe(30);
    expect(result.errors).toBe(10);
    expect(result.errorSamples[0]).toBe('HTTP 500');
    expect(result.latenciesMs).toHaveLength(20);
  });

  it('refuses to load anything but the loopback interface', async () => {
    await expect(
      runLoad({ url: 'http://example.org/', concurrency: 1, maxRequests: 1, maxDurationMs: 1000 }),
    ).rejects.toThrow(/127\.0\.0\.1/);
  });
});
