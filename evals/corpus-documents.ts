import { stat } from 'node:fs/promises';
import type { CleanDocument, ContentBlock } from '../knowledge/types.js';
import { readCatalogue } from '../ingestion/sources/catalogue.js';
import { readFolder } from '../ingestion/sources/folder.js';

/**
 * Reads local sources (folders and catalogue JSON files, as in SAMPLE_SOURCES) with the
 * real ingestion readers and cleaners, without building a snapshot. Used by the dataset
 * check (is every expected fact on an expected page?) and the bench's synthetic corpus.
 */
export async function readLocalSources(sources: readonly string[]): Promise<CleanDocument[]> {
  const documents: CleanDocument[] = [];
  for (const source of sources) {
    const info = await stat(source);
    if (info.isDirectory()) documents.push(...(await readFolder(source)).documents);
    else if (source.toLowerCase().endsWith('.json'))
      documents.push(...(await readCatalogue(source)).documents);
    else throw new Error(`${source}: only folders and catalogue .json files can be read here`);
  }
  return documents;
}

function blockText(block: ContentBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.join('\n');
    case 'table':
      return [block.header ?? [], ...block.rows].map((row) => row.join(' | ')).join('\n');
  }
}

/** What a reader sees of a cleaned document: title, headings, text, lists, tables and service fields. */
export function visibleText(document: CleanDocument): string {
  const blocks = [
    ...document.blocks,
    ...(document.fields ?? []).flatMap((field) => [
      { kind: 'heading' as const, level: 2, text: field.label },
      ...field.blocks,
    ]),
  ];
  return [document.title, ...blocks.map(blockText)].join('\n');
}
