/** Product token robots.txt groups can name (`User-agent: BuergerbotCrawler`). */
export const CRAWLER_PRODUCT = 'BuergerbotCrawler';
const CRAWLER_VERSION = '0.1';

/**
 * The polite User-Agent of the crawler: product token, version, and how the site owner
 * can reach the operator, e.g. `BuergerbotCrawler/0.1 (+https://www.gelsenkirchen.de; webmaster@gelsenkirchen.de)`.
 * Control characters are removed so a profile value can never inject header lines.
 */
export function userAgentFor(contact: string, website?: string): string {
  const parts = [website ? `+${clean(website)}` : undefined, clean(contact)].filter(
    (part): part is string => part !== undefined && part !== '' && part !== '+',
  );
  return parts.length === 0
    ? `${CRAWLER_PRODUCT}/${CRAWLER_VERSION}`
    : `${CRAWLER_PRODUCT}/${CRAWLER_VERSION} (${parts.join('; ')})`;
}

function clean(text: string): string {
  return Array.from(text)
    .filter((character) => character >= ' ' && character !== '\u007f')
    .join('')
    .replace(/[()]/g, '')
    .trim();
}
