/**
 * Bytes → text for local files. UTF-8 unless a BOM or an HTML `<meta charset>` says
 * otherwise; bytes that are not valid UTF-8 are read as Windows-1252, the usual encoding
 * of older German pages and text exports.
 */

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

// Windows-1252 characters at 0x80–0x9F (€, „, “, –, …). Node 20's TextDecoder decodes
// "windows-1252" as ISO-8859-1 and yields control characters there.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** Decodes a text file; `sniffHtml` looks for a charset declaration in the first 2 KB. */
export function decodeText(bytes: Uint8Array, sniffHtml = false): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (sniffHtml) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
    const declared = META_CHARSET.exec(head)?.[1];
    const decoder = declared ? decoderFor(declared) : undefined;
    if (decoder?.encoding === 'windows-1252') return decodeWindows1252(bytes);
    if (decoder && decoder.encoding !== 'utf-8') return decoder.decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
