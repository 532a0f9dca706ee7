/** What the caller knows about a document before cleaning it. */
export interface CleanInput {
  /** Document id (relative path, normalised URL…), see `CleanDocument.id`. */
  id: string;
  /** The `--source` that produced the document. */
  sourceId: string;
  /** Where the document was fetched from, or undefined for local files. */
  url?: string;
  /** HTTP `Last-Modified` (or another date string), the last fallback for `updated`. */
  lastModified?: string;
}
