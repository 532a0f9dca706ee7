/**
 * Signed feature hashing: a feature string becomes a (bucket, sign) pair, encoded as one
 * non-zero integer (±(bucket + 1)). FNV-1a over UTF-16 code units plus a murmur3 finaliser,
 * so short n-grams spread evenly over the buckets.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a step for one character code. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** Murmur3 finaliser: mixes all bits, so the sign bit and the bucket are independent. */
export function finalize(hash: number): number {
  let h = hash ^ (hash >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Seeded hash of a whole string (seeds keep feature families apart). */
export function hashString(text: string, seed: number): number {
  let hash = fnvStep(FNV_OFFSET, seed);
  for (let i = 0; i < text.length; i++) hash = fnvStep(hash, text.charCodeAt(i));
  return finalize(hash);
}

/** Encodes a hash as ±(bucket + 1) for `dimensions` buckets. */
export function signedBucket(hash: number, dimensions: number): number {
  const bucket = (hash % dimensions) + 1;
  return hash & 0x80000000 ? -bucket : bucket;
}

/**
 * Character n-grams (lengths `minN`..`maxN`) of `<word>` as signed buckets, computed
 * incrementally without building substrings.
 */
export function ngramBuckets(
  word: string,
  minN: number,
  maxN: number,
  seed: number,
  dimensions: number,
): Int32Array {
  const bounded = `<${word}>`;
  const out: number[] = [];
  const start = fnvStep(FNV_OFFSET, seed);
  for (let i = 0; i + minN <= bounded.length; i++) {
    let hash = start;
    for (let n = 1; n <= maxN && i + n <= bounded.length; n++) {
      hash = fnvStep(hash, bounded.charCodeAt(i + n - 1));
      if (n >= minN) out.push(signedBucket(finalize(hash), dimensions));
    }
  }
  return Int32Array.from(out);
}
