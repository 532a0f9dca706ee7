/** Small pure text helpers for cards: dates, scores, plain speech text. */

const DATE_DE = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2025-03-12" or a full ISO timestamp → "12.03.2025"; anything else is returned as given. */
export function formatStand(isoDate: string): string {
  // Date() also "parses" free text such as "Frühjahr 2024"; accept ISO dates only.
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(isoDate.trim())) return isoDate;
  const date = new Date(isoDate.trim());
  return Number.isNaN(date.getTime()) ? isoDate : DATE_DE.format(date);
}

/** 0.8234 → "0,82" (German decimal comma). */
export function formatScore(score: number): string {
  return Number.isFinite(score) ? score.toFixed(2).replace('.', ',') : '–';
}

/** 0.8234 → "82 %". */
export function formatPercent(value: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));
  return `${Math.round(clamped * 100)} %`;
}

/** Cuts at a word boundary and marks the cut with "…". */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * The engine's markdown-light text as plain speech: no citation markers, no link targets,
 * no emphasis markers; list items become one sentence ("Sie brauchen: A, B.").
 */
export function toPlainText(markdown: string): string {
  const inline = markdown
    .replace(/\[(\d+)\](?!\()/g, '')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:!?])/g, '$1$2');
  const sentences: string[] = [];
  let items: string[] = [];
  const flushItems = () => {
    if (items.length) sentences.push(`${items.join(', ')}.`);
    items = [];
  };
  for (const raw of inline.split(/\n+/)) {
    const line = raw
      .replace(/\s+([.,;:!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim();
    if (!line) continue;
    const item = /^(?:[-*•]|\d+\.)\s+(.*)$/.exec(line)?.[1];
    if (item !== undefined) {
      items.push(item.replace(/[.,;]+$/, ''));
      continue;
    }
    flushItems();
    sentences.push(/[.!?:;]$/.test(line) ? line : `${line}.`);
  }
  flushItems();
  return sentences
    .join(' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
}

/** The first whole sentences of `text` that fit into `maxChars` (at least one sentence, cut if needed). */
export function leadingSentences(text: string, maxChars: number): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„"])/);
  let result = '';
  for (const sentence of sentences) {
    const next = result ? `${result} ${sentence}` : sentence;
    if (next.length > maxChars) break;
    result = next;
  }
  return result || truncate(sentences[0] ?? text, maxChars);
}

/** Splits markdown-light text into paragraphs (blank-line separated) for one TextBlock each. */
export function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** A markdown link that survives brackets in the title and parentheses or spaces in the URL. */
export function markdownLink(title: string, url: string): string {
  const safeTitle = title.replace(/[[\]]/g, (bracket) => (bracket === '[' ? '(' : ')'));
  const safeUrl = url.replace(/[()\s]/g, (character) =>
    character === '(' ? '%28' : character === ')' ? '%29' : encodeURIComponent(character),
  );
  return `[${safeTitle}](${safeUrl})`;
}
