import type { KnowledgeSnapshot } from '../../knowledge/index.js';
import { searchableText } from '../../knowledge/index.js';
import type { KnowledgePort } from '../answering/ports.js';

/**
 * The answering core's view of a loaded snapshot: search, the chunks of a page, and the
 * term-level explanations the relevance gate needs. Document term sets are computed once
 * per document and cached (bounded).
 */
export function createKnowledgePort(snapshot: KnowledgeSnapshot, cacheLimit = 5_000): KnowledgePort {
  const { retriever, analyzer } = snapshot;
  const documentTerms = new Map<string, ReadonlySet<string>>();
  let titleTerms: Set<string> | undefined;
  const places = new Map<string, boolean>();
  const byUrl = new Map<string, string[]>();
  for (const document of snapshot.documents.values()) {
    if (!document.url) continue;
    byUrl.set(document.url, [...(byUrl.get(document.url) ?? []), document.id]);
  }
  return {
    search: (query, k) => retriever.search(query, { k }),
    documentChunks: (docId) => retriever.documentChunks(docId),
    queryWords: (question) => retriever.explain(question),
    termsOf: (text) => analyzer.analyze(text),
    siblings(docId) {
      const url = snapshot.documents.get(docId)?.url;
      return url ? (byUrl.get(url) ?? []).filter((id) => id !== docId) : [];
    },
    describesPlace(name) {
      let local = places.get(name);
      if (local === undefined) {
        const word = retriever.explain(name)[0];
        // In a title, or in more than about 3 % of the chunks (idf below 3.5).
        local = Boolean(
          word?.known && (word.idf < 3.5 || word.terms.some((term) => this.titleTerms().has(term))),
        );
        places.set(name, local);
      }
      return local;
    },
    titleTerms() {
      if (!titleTerms) {
        titleTerms = new Set<string>();
        for (const document of snapshot.documents.values()) {
          for (const term of analyzer.analyze(document.title)) titleTerms.add(term);
        }
      }
      return titleTerms;
    },
    documentTerms(docId) {
      let terms = documentTerms.get(docId);
      if (!terms) {
        const set = new Set<string>();
        for (const chunk of retriever.documentChunks(docId)) {
          for (const term of analyzer.analyze(searchableText(chunk))) set.add(term);
        }
        if (documentTerms.size >= cacheLimit) documentTerms.clear();
        documentTerms.set(docId, set);
        terms = set;
      }
      return terms;
    },
  };
}
