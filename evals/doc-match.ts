/**
 * Document matching for expected_docs (DESIGN.md): an expected entry matches a document
 * when it equals the document's id or url, or when it is the id of a corpus document
 * whose url equals the document's url (a service description and the HTML page that
 * describes it share one url, so either counts).
 */

/** The little the evals need to know about a document. */
export interface DocumentRef {
  id: string;
  url?: string;
  title?: string;
  updated?: string;
}

export type DocumentList = ReadonlyArray<DocumentRef> | ReadonlyMap<string, DocumentRef>;

/** Builds the matcher once per corpus; the url index makes each check O(1). */
export class DocumentMatcher {
  private readonly byId = new Map<string, DocumentRef>();

  constructor(documents: DocumentList) {
    for (const document of documents.values()) this.byId.set(document.id, document);
  }

  /** Number of distinct documents in the corpus. */
  get size(): number {
    return this.byId.size;
  }

  /** The document with this id, if the corpus has it. */
  get(id: string): DocumentRef | undefined {
    return this.byId.get(id);
  }

  /** True when the corpus holds a document this expected entry can name (by id or url). */
  exists(entry: string): boolean {
    if (this.byId.has(entry)) return true;
    for (const document of this.byId.values()) if (document.url === entry) return true;
    return false;
  }

  /** Fills in the url of a retrieved document from the corpus when the retrieval lacked it. */
  resolve(document: DocumentRef): DocumentRef {
    return document.url ? document : (this.byId.get(document.id) ?? document);
  }

  /** Does the expected entry name this (retrieved or cited) document? */
  matches(entry: string, document: DocumentRef): boolean {
    const resolved = this.resolve(document);
    if (entry === resolved.id) return true;
    if (!resolved.url) return false;
    if (entry === resolved.url) return true;
    return this.byId.get(entry)?.url === resolved.url;
  }

  /** Does any expected entry name this document? */
  matchesAny(expected: readonly string[], document: DocumentRef): boolean {
    return expected.some((entry) => this.matches(entry, document));
  }

  /**
   * Binary relevance of each ranked document: a document is relevant when it matches an
   * expected entry no earlier document has matched yet, so two documents sharing one url
   * never count the same expected entry twice.
   */
  relevance(ranked: readonly DocumentRef[], expected: readonly string[]): boolean[] {
    const unmatched = new Set(expected);
    return ranked.map((document) => {
      for (const entry of unmatched) {
        if (this.matches(entry, document)) {
          unmatched.delete(entry);
          return true;
        }
      }
      return false;
    });
  }
}

/** Distinct documents in first-seen order (passages → documents). */
export function distinctDocuments(items: ReadonlyArray<{ docId: string; url?: string }>): DocumentRef[] {
  const seen = new Set<string>();
  const documents: DocumentRef[] = [];
  for (const item of items) {
    if (seen.has(item.docId)) continue;
    seen.add(item.docId);
    documents.push(item.url ? { id: item.docId, url: item.url } : { id: item.docId });
  }
  return documents;
}
