import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { CleanDocument } from '../../knowledge/types.js';
import { serviceToDocument } from '../clean/service.js';
import { catalogueSchema, serviceSchema } from './catalogue-schema.js';
import { SourceError, type FileProblem } from './folder.js';

export interface CatalogueResult {
  /** One document per valid service, id `service:<id>`. */
  documents: CleanDocument[];
  /** Invalid services: `path` is the catalogue file, `reason` names index, id and the offending fields. */
  failed: FileProblem[];
}

/** "fees.0.amountEur: expected number" for each problem of a zod error. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.map(String).join('.') || '(Wurzel)';
      const message = issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message;
      return `${where}: ${message}`;
    })
    .join('; ');
}

/**
 * The offset of the first syntax error in `text`. V8 does not always report one, so
 * this searches for the shortest prefix that fails for a reason other than ending early.
 */
export function jsonErrorOffset(text: string): number {
  const prefixIsFine = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message);
      return (
        /Unexpected end of JSON input/.test(message) || (position !== null && Number(position[1]) >= length)
      );
    }
  };
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (prefixIsFine(middle)) good = middle;
    else bad = middle;
  }
  return bad - 1;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    throw new SourceError(
      `Dienstleistungskatalog ${path}: ungültiges JSON in Zeile ${line}, Spalte ${column} (Position ${offset}): ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
}

/**
 * Reads a service catalogue (`{ "version": 1, "services": [...] }`, see
 * docs/service-catalogue.md). Each valid service becomes a document with one entry per
 * field; each invalid one is reported in `failed` ("services[3] (id "hundesteuer"):
 * fees.0.amountEur: expected number") and the rest are still read. Throws `SourceError`
 * for a missing file, a JSON syntax error (with line and column), a malformed top level,
 * or when no service is valid. A repeated id counts as invalid (the first one wins).
 */
export async function readCatalogue(path: string): Promise<CatalogueResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SourceError(
      `Dienstleistungskatalog nicht lesbar: ${path} (${(error as NodeJS.ErrnoException).code ?? 'Fehler'})`,
      {
        cause: error,
      },
    );
  }
  const top = catalogueSchema.safeParse(parseJson(text.replace(/^\ufeff/, ''), path));
  if (!top.success) throw new SourceError(`Dienstleistungskatalog ${path}: ${describeIssues(top.error)}`);

  const documents: CleanDocument[] = [];
  const failed: FileProblem[] = [];
  const seen = new Set<string>();
  top.data.services.forEach((raw, index) => {
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    const label = `services[${index}]${typeof rawId === 'string' ? ` (id "${rawId}")` : ''}`;
    const parsed = serviceSchema.safeParse(raw);
    if (!parsed.success) failed.push({ path, reason: `${label}: ${describeIssues(parsed.error)}` });
    else if (seen.has(parsed.data.id)) failed.push({ path, reason: `${label}: id kommt mehrfach vor` });
    else {
      seen.add(parsed.data.id);
      documents.push(serviceToDocument(parsed.data, path));
    }
  });
  if (documents.length === 0) {
    throw new SourceError(
      `Dienstleistungskatalog ${path}: keine gültige Dienstleistung\n${failed.map((entry) => `  - ${entry.reason}`).join('\n')}`,
    );
  }
  return { documents, failed };
}
