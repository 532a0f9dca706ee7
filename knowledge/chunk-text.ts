import type { Chunk } from './types.js';

/**
 * The text that is embedded and lexically indexed for a chunk: title and heading path
 * give a passage its context ("Gebühren" alone says nothing about which service).
 */
export function searchableText(chunk: Pick<Chunk, 'title' | 'headingPath' | 'text'>): string {
  const context = [chunk.title, ...chunk.headingPath].filter(Boolean).join(' › ');
  return context ? `${context}\n${chunk.text}` : chunk.text;
}
