import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Logger } from '../../config/logger.js';
import type { CleanDocument } from '../../knowledge/types.js';
import { cleanBytes, formatOfPath } from '../clean/index.js';

/** A source that cannot be read at all (missing folder, unreadable catalogue). Aborts the ingest. */
export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SourceError';
  }
}

/** A file that was not ingested, with a German reason for the ingest report. */
export interface FileProblem {
  path: string;
  reason: string;
}

export interface FolderProgress {
  /** Relative posix path of the file just handled. */
  path: string;
  done: number;
  total: number;
  status: 'ok' | 'skipped' | 'failed';
}

export interface ReadFolderOptions {
  logger?: Logger;
  onProgress?: (progress: FolderProgress) => void;
}

export interface FolderResult {
  documents: CleanDocument[];
  /** Files of an unknown format (not an error). */
  skipped: FileProblem[];
  /** Files that could not be read or parsed, or held no text. */
  failed: FileProblem[];
}

/** All non-hidden files below `dir`, as sorted posix paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

function hasText(document: CleanDocument): boolean {
  return document.blocks.some((block) => block.kind !== 'heading');
}

/**
 * Reads a folder of local documents (`.md`, `.markdown`, `.html`, `.htm`, `.txt`, `.pdf`,
 * case-insensitive) recursively. Document ids are posix paths relative to the folder
 * (`buergerservice/personalausweis.html`); `sourceId` is `dir` as given. Hidden files and
 * folders are ignored, other formats are skipped, and a file that fails to parse is
 * recorded and the run goes on. Throws `SourceError` when `dir` is not a folder.
 * File modification times are not used as dates: a checkout changes them.
 */
export async function readFolder(dir: string, options: ReadFolderOptions = {}): Promise<FolderResult> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new SourceError(`Quellordner nicht gefunden: ${dir}`);
  if (!info.isDirectory()) throw new SourceError(`Quelle ist kein Ordner: ${dir}`);

  const files = await listFiles(dir);
  const result: FolderResult = { documents: [], skipped: [], failed: [] };
  let done = 0;
  for (const path of files) {
    let status: FolderProgress['status'] = 'ok';
    const format = formatOfPath(path);
    if (!format) {
      status = 'skipped';
      result.skipped.push({
        path,
        reason: `unbekanntes Format (${extname(path).toLowerCase() || 'ohne Endung'})`,
      });
    } else {
      try {
        const bytes = await readFile(join(dir, path));
        const document = await cleanBytes(format, bytes, { id: path, sourceId: dir });
        if (hasText(document)) result.documents.push(document);
        else {
          status = 'failed';
          result.failed.push({
            path,
            reason: format === 'pdf' ? 'kein Text gefunden (gescanntes PDF?)' : 'kein Textinhalt',
          });
        }
      } catch (error) {
        status = 'failed';
        result.failed.push({ path, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    if (status === 'failed')
      options.logger?.warn('file not ingested', { path, reason: result.failed.at(-1)?.reason });
    options.onProgress?.({ path, done: ++done, total: files.length, status });
  }
  options.logger?.info('folder read', {
    dir,
    documents: result.documents.length,
    skipped: result.skipped.length,
    failed: result.failed.length,
  });
  return result;
}
