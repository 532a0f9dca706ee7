import type { CleanDocument, ContentBlock } from '../../knowledge/types.js';

/** The content under one heading, up to the next heading of any level. */
export interface Section {
  /** Headings above the content, outermost first, without the document title. */
  path: string[];
  blocks: ContentBlock[];
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Splits a document's blocks into its smallest sections. The first h1 is the document
 * title when it matches the title or comes before any content; it is left out of paths.
 * Sections without content (a heading directly followed by a sub-heading) are dropped:
 * their heading lives on in the paths below them.
 */
export function toSections(doc: Pick<CleanDocument, 'title' | 'blocks'>): Section[] {
  const sections: Section[] = [{ path: [], blocks: [] }];
  const stack: Array<{ level: number; text: string }> = [];
  let titleSeen = false;
  let contentSeen = false;
  for (const block of doc.blocks) {
    if (block.kind !== 'heading') {
      sections.at(-1)?.blocks.push(block);
      contentSeen = true;
      continue;
    }
    if (!titleSeen && block.level === 1 && (!contentSeen || same(block.text, doc.title))) {
      titleSeen = true;
      continue;
    }
    while ((stack.at(-1)?.level ?? 0) >= block.level) stack.pop();
    stack.push({ level: block.level, text: block.text });
    sections.push({ path: stack.map((heading) => heading.text), blocks: [] });
  }
  return sections.filter((section) => section.blocks.length > 0);
}
