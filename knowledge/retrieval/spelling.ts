/**
 * Corrects misspelt query terms against the index vocabulary ("persnalausweis" →
 * "personalausweis"): bounded Damerau-Levenshtein distance, 1 edit for words of 5–7
 * letters, 2 from 8 letters, same first letter, most frequent candidate first.
 */
export class SpellingCorrector {
  private readonly byKey = new Map<string, Array<{ term: string; df: number }>>();

  constructor(vocabulary: Iterable<[term: string, df: number]>) {
    for (const [term, df] of vocabulary) {
      if (term.length < 4 || /\d/.test(term)) continue;
      const key = `${term[0]}${term.length}`;
      const bucket = this.byKey.get(key) ?? [];
      bucket.push({ term, df });
      this.byKey.set(key, bucket);
    }
  }

  /** Up to `limit` known terms close to `term`; empty for short words or when none is close. */
  correct(term: string, limit = 2): string[] {
    if (term.length < 5 || /\d/.test(term)) return [];
    const maxDistance = term.length >= 8 ? 2 : 1;
    const found: Array<{ term: string; df: number; distance: number }> = [];
    for (let length = term.length - maxDistance; length <= term.length + maxDistance; length++) {
      for (const candidate of this.byKey.get(`${term[0]}${length}`) ?? []) {
        const distance = boundedDistance(term, candidate.term, maxDistance);
        if (distance <= maxDistance) found.push({ ...candidate, distance });
      }
    }
    return found
      .sort((a, b) => a.distance - b.distance || b.df - a.df)
      .slice(0, limit)
      .map((entry) => entry.term);
  }
}

/** Optimal-string-alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length] as number;
}
