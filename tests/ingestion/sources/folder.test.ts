import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolder, SourceError, type FolderProgress } from '../../../ingestion/sources/folder.js';
import { makePdf, merkblattPages } from '../clean/make-pdf.js';

const htmlFixture = fileURLToPath(new URL('../../fixtures/html/city-page-full.html', import.meta.url));

describe('readFolder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'folder-source-'));
    await mkdir(join(dir, 'buergerservice'));
    await mkdir(join(dir, 'merkblaetter'));
    await mkdir(join(dir, '.git'));
    await copyFile(htmlFixture, join(dir, 'buergerservice', 'personalausweis.html'));
    await writeFile(
      join(dir, '012-essen-personalausweis.md'),
      '---\nurl: https://example.org/ausweis\n---\n# Ausweis\n\nText.',
    );
    await writeFile(
      join(dir, 'HINWEISE.TXT'),
      'Hinweise\n\nDas Bürgercenter ist am Heiligabend geschlossen.',
    );
    await writeFile(
      join(dir, 'buergerservice', 'alt.HTM'),
      '<html><body><main><h1>Alt</h1><p>Alter Inhalt.</p></main></body></html>',
    );
    await writeFile(
      join(dir, 'merkblaetter', 'personalausweis.pdf'),
      await makePdf(merkblattPages(), { title: 'Merkblatt' }),
    );
    await writeFile(join(dir, 'merkblaetter', 'kaputt.pdf'), '%PDF-1.4\nkein echtes PDF');
    await writeFile(join(dir, 'leer.html'), '<html><body><nav><a href="/">Start</a></nav></body></html>');
    await writeFile(join(dir, 'foto.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(join(dir, 'LIESMICH'), 'ohne Endung');
    await writeFile(join(dir, '.versteckt.md'), '# Versteckt');
    await writeFile(join(dir, '.git', 'notes.md'), '# Git-Notiz');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every supported file recursively with posix ids relative to the folder', async () => {
    const { documents } = await readFolder(dir);
    expect(documents.map((doc) => `${doc.id} (${doc.format})`)).toEqual([
      '012-essen-personalausweis.md (markdown)',
      'HINWEISE.TXT (text)',
      'buergerservice/alt.HTM (html)',
      'buergerservice/personalausweis.html (html)',
      'merkblaetter/personalausweis.pdf (pdf)',
    ]);
    expect(new Set(documents.map((doc) => doc.sourceId))).toEqual(new Set([dir]));
    expect(documents[0]?.url).toBe('https://example.org/ausweis');
    expect(documents[3]?.title).toBe('Personalausweis beantragen');
  });

  it('skips unknown formats, ignores hidden files and records broken or empty files without stopping', async () => {
    const progress: FolderProgress[] = [];
    const { skipped, failed, documents } = await readFolder(dir, {
      onProgress: (event) => progress.push(event),
    });
    expect(skipped).toEqual([
      { path: 'LIESMICH', reason: 'unbekanntes Format (ohne Endung)' },
      { path: 'foto.png', reason: 'unbekanntes Format (.png)' },
    ]);
    expect(failed.map((entry) => entry.path)).toEqual(['leer.html', 'merkblaetter/kaputt.pdf']);
    expect(failed[0]?.reason).toBe('kein Textinhalt');
    expect(failed[1]?.reason).toMatch(/Invalid PDF/);
    expect(documents.some((doc) => doc.id.includes('versteckt') || doc.id.includes('.git'))).toBe(false);
    expect(progress).toHaveLength(9);
    expect(progress.at(-1)).toMatchObject({ done: 9, total: 9 });
    expect(progress.filter((event) => event.status === 'failed').map((event) => event.path)).toEqual([
      'leer.html',
      'merkblaetter/kaputt.pdf',
    ]);
  });

  it('decodes Latin-1 pages and Windows-1252 text files', async () => {
    const latin = await mkdtemp(join(tmpdir(), 'folder-latin-'));
    try {
      const page =
        '<html><head><meta charset="iso-8859-1"></head><body><main><h1>Gebühren</h1><p>Für Hunde: 156 Euro.</p></main></body></html>';
      await writeFile(join(latin, 'alt.html'), Buffer.from(page, 'latin1'));
      await writeFile(
        join(latin, 'alt.txt'),
        Buffer.from([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x20, 0x80, 0x0a, 0x0a, 0x54, 0x65, 0x78, 0x74, 0x2e]),
      );
      const { documents } = await readFolder(latin);
      expect(documents.map((doc) => doc.title)).toEqual(['Gebühren', 'Grüße €']);
      expect(documents[0]?.blocks[1]).toEqual({ kind: 'paragraph', text: 'Für Hunde: 156 Euro.' });
    } finally {
      await rm(latin, { recursive: true, force: true });
    }
  });

  it('does not invent an updated date from the file modification time', async () => {
    const { documents } = await readFolder(dir);
    expect(documents.find((doc) => doc.id === 'HINWEISE.TXT')?.updated).toBeUndefined();
  });

  it('throws a SourceError for a missing folder or a file given as folder', async () => {
    await expect(readFolder(join(dir, 'gibt-es-nicht'))).rejects.toThrow(SourceError);
    await expect(readFolder(join(dir, 'gibt-es-nicht'))).rejects.toThrow(
      /Quellordner nicht gefunden: .*gibt-es-nicht/,
    );
    await expect(readFolder(join(dir, 'foto.png'))).rejects.toThrow(/kein Ordner/);
  });
});
