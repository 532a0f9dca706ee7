/**
 * Compact postings: per term a byte string of varints, documents in increasing order.
 * Each posting is `gap * 4 + (hasTitle ? 2 : 0) + (hasHeadings ? 1 : 0)`, then the body
 * term frequency, then the title and headings frequencies when flagged. Most postings take
 * two or three bytes, which keeps a 100k-chunk index small on disk and in memory.
 */

/** Term frequencies of one term in one document, per field. */
export interface FieldFrequencies {
  title: number;
  headings: number;
  body: number;
}

/** Appends postings in document order; `finish()` returns the encoded bytes. */
export class PostingsWriter {
  private bytes = new Uint8Array(16);
  private length = 0;
  private lastDoc = -1;
  /** Number of documents written (document frequency). */
  count = 0;

  add(doc: number, tf: FieldFrequencies): void {
    const gap = doc - this.lastDoc - 1;
    this.lastDoc = doc;
    this.count++;
    this.varint(gap * 4 + (tf.title > 0 ? 2 : 0) + (tf.headings > 0 ? 1 : 0));
    this.varint(tf.body);
    if (tf.title > 0) this.varint(tf.title);
    if (tf.headings > 0) this.varint(tf.headings);
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }

  private varint(value: number): void {
    if (this.length + 8 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.length++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.length++] = rest;
  }
}

/** Calls `visit` for every posting in `bytes`, in document order. */
export function readPostings(
  bytes: Uint8Array,
  visit: (doc: number, title: number, headings: number, body: number) => void,
): void {
  let offset = 0;
  let doc = -1;
  const next = (): number => {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[offset++]!;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte & 0x80);
    return value;
  };
  while (offset < bytes.length) {
    const head = next();
    doc += Math.floor(head / 4) + 1;
    const body = next();
    const title = head & 2 ? next() : 0;
    const headings = head & 1 ? next() : 0;
    visit(doc, title, headings, body);
  }
}
