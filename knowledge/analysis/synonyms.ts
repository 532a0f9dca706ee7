/**
 * Query-side synonyms from the city profile: local words ("Perso", "Bürgerbüro") → the
 * terms the pages use. Keys are matched on analysed terms, so case, umlaut spelling and
 * inflection do not matter ("Persos", "Buergerbuero"); multi-word keys match as a phrase.
 */

/** A compiled synonym: alternative term sequences that trigger it, and the text it expands to. */
export interface SynonymRule {
  /** Each alternative is a sequence of head terms; single-term alternatives also match compound parts. */
  triggers: string[][];
  expansion: string;
}

/** What the matcher sees of a query: one head term per token, and the terms found inside words. */
export interface QueryTerms {
  heads: string[];
  /** Terms a token yields besides its head (hyphen pieces: direct; compound parts: `part`). */
  inner: Array<{ term: string; part: boolean }>;
}

/** Which rules fire for a query, and whether only through a compound part (then weaker). */
export function matchSynonyms(
  rules: SynonymRule[],
  query: QueryTerms,
): Array<{ rule: SynonymRule; viaPart: boolean }> {
  const matches: Array<{ rule: SynonymRule; viaPart: boolean }> = [];
  for (const rule of rules) {
    let best: boolean | undefined;
    for (const trigger of rule.triggers) {
      if (trigger.length === 0) continue;
      if (containsSequence(query.heads, trigger)) best = false;
      else if (trigger.length === 1 && best === undefined) {
        const inner = query.inner.filter((entry) => entry.term === trigger[0]);
        if (inner.some((entry) => !entry.part)) best = false;
        else if (inner.length > 0) best = true;
      }
      if (best === false) break;
    }
    if (best !== undefined) matches.push({ rule, viaPart: best });
  }
  return matches;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}
