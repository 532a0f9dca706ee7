import { createHash } from 'node:crypto';
import { searchableText } from '../knowledge/chunk-text.js';
import type { Chunk, CleanDocument, ContentBlock } from '../knowledge/types.js';
import { blockPiece, renderBlocks } from './chunk/render-blocks.js';
import { toSections, type Section } from './chunk/sections.js';
import { packPieces, type Piece } from './chunk/split-text.js';

export interface ChunkOptions {
  /** Upper bound for a chunk's text (config `CHUNK_MAX_CHARS`); only a single longer word exceeds it. */
  maxChars: number;
}

/** Sections shorter than this are merged into the chunk before them when they share its parent. */
const TINY_SECTION_CHARS = 200;

interface Draft {
  path: string[];
  text: string;
  field?: string;
}

function packBlocks(blocks: ContentBlock[], maxChars: number): string[] {
  const pieces = blocks.map(blockPiece).filter((piece): piece is Piece => piece !== undefined);
  return packPieces(pieces, maxChars);
}

function commonPrefix(a: string[], b: string[]): string[] {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}

/** Text of merged sections: each section below the chunk's own path is introduced by its heading. */
function renderGroup(group: Draft[], base: string[]): string {
  return group
    .map((entry) => {
      const relative = entry.path.slice(base.length);
      return relative.length > 0 ? `${relative.join(' › ')}\n${entry.text}` : entry.text;
    })
    .join('\n');
}

/**
 * One draft per smallest section; a tiny section joins the chunk before it when both lie
 * under the same parent below the top heading level (the chunk then carries the parent's
 * path), so a chunk never spans two top-level sections.
 */
function sectionDrafts(sections: Section[], maxChars: number): Draft[] {
  const withPath = sections.filter((section) => section.path.length > 0);
  const topDepth = Math.min(...withPath.map((section) => section.path.length));
  const drafts: Draft[] = [];
  let group: Draft[] = [];
  let base: string[] = [];
  const close = () => {
    if (group.length > 0) drafts.push({ path: base, text: renderGroup(group, base) });
    group = [];
  };
  for (const section of sections) {
    const text = renderBlocks(section.blocks);
    const prefix = commonPrefix(base, section.path);
    const mergeable =
      group.length > 0 &&
      text.length < TINY_SECTION_CHARS &&
      section.path.length > topDepth &&
      prefix.length >= Math.max(topDepth, section.path.length - 1);
    if (mergeable) {
      const merged = [...group, { path: section.path, text }];
      if (renderGroup(merged, prefix).length <= maxChars) {
        group = merged;
        base = prefix;
        continue;
      }
    }
    close();
    const pieces = packBlocks(section.blocks, maxChars);
    pieces.slice(0, -1).forEach((piece) => drafts.push({ path: section.path, text: piece }));
    const last = pieces.at(-1);
    if (last !== undefined) {
      group = [{ path: section.path, text: last }];
      base = section.path;
    }
  }
  close();
  return drafts;
}

/** Service descriptions: chunks per field, headed by the field's German label. */
function fieldDrafts(fields: NonNullable<CleanDocument['fields']>, maxChars: number): Draft[] {
  return fields.flatMap((entry) =>
    packBlocks(entry.blocks, maxChars).map((text) => ({ path: [entry.label], text, field: entry.field })),
  );
}

/**
 * Splits a document into retrievable chunks. Pages: heading-aware, one chunk per smallest
 * section (intro text before the first heading has path []), oversized sections split at
 * block, list-item/table-row, sentence and word boundaries. Service descriptions: chunks per
 * field (`field` set, path [label]); the title (service name) gives each its context.
 * Ids are `${docId}#${ordinal}`; `hash` is the sha256 of the embedded text plus the URL.
 */
export function chunkDocument(doc: CleanDocument, options: ChunkOptions): Chunk[] {
  if (!Number.isInteger(options.maxChars) || options.maxChars < 1) {
    throw new RangeError(`maxChars must be a positive integer, got ${options.maxChars}`);
  }
  const drafts =
    doc.fields && doc.fields.length > 0
      ? fieldDrafts(doc.fields, options.maxChars)
      : sectionDrafts(toSections(doc), options.maxChars);
  return drafts.map((draft, ordinal) => {
    const embedded = searchableText({ title: doc.title, headingPath: draft.path, text: draft.text });
    const chunk: Chunk = {
      id: `${doc.id}#${ordinal}`,
      docId: doc.id,
      url: doc.url,
      title: doc.title,
      headingPath: draft.path,
      text: draft.text,
      updated: doc.updated,
      sourceId: doc.sourceId,
      hash: createHash('sha256')
        .update(`${embedded}\n${doc.url ?? ''}`)
        .digest('hex'),
      ordinal,
    };
    if (draft.field) chunk.field = draft.field;
    return chunk;
  });
}
