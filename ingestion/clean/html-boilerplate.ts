import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

/**
 * Page furniture that is not the page's content: cookie banners, breadcrumbs, skip
 * links, share bars, navigation, page header and footer.
 */

const COOKIE = /cookie|consent|gdpr|dsgvo-banner|datenschutz-?banner|cmp-?(?:banner|container|wrapper)/i;
const BREADCRUMB = /breadcrumb|brotkrume|sie sind hier/i;
const SKIP = /skip-?links?|skip-?to|skipnav|jump-?links?|sprungmarken|sprunglinks?/i;
const SHARE = /(?:^|[\s_-])(?:share|sharing|social|socialmedia|social-media|shariff)(?:[\s_-]|$)/i;
const SKIP_LINK_TEXT =
  /^(?:zum|zur|springe|direkt|skip|jump|gehe)\b.*(?:inhalt|content|navigation|menü|suche|main|fußzeile|footer)|^(?:nach oben|seitenanfang|zum seitenanfang|top)$/i;
const PAGE_FURNITURE =
  'nav, [role=navigation], [role=banner], [role=contentinfo], [role=search], search, footer';

/** Never remove a container that holds the page's main content, whatever its class says. */
function holdsMainContent($: CheerioAPI, element: Element): boolean {
  if (['html', 'body', 'main'].includes(element.name)) return true;
  return $(element).find('main, [role=main], article, h1').length > 0;
}

function attributeText(element: Element): string {
  const { attribs } = element;
  return `${attribs.id ?? ''} ${attribs.class ?? ''}`;
}

function removeMatching($: CheerioAPI, test: (element: Element) => boolean): void {
  $('body *')
    .filter((_, element) => test(element) && !holdsMainContent($, element))
    .remove();
}

/** Removes cookie and consent banners (by id/class, or a dialog labelled as such). */
export function removeCookieBanners($: CheerioAPI): void {
  removeMatching(
    $,
    (element) => COOKIE.test(attributeText(element)) || COOKIE.test(element.attribs['aria-label'] ?? ''),
  );
}

/**
 * Removes breadcrumbs, skip links, share bars, navigation, page-level header and footer,
 * and search. A `<header>` inside `main`/`article`/`section` is the content's own header
 * (it usually holds the h1) and stays.
 */
export function removePageFurniture($: CheerioAPI): void {
  removeMatching(
    $,
    (element) =>
      BREADCRUMB.test(attributeText(element)) ||
      BREADCRUMB.test(element.attribs['aria-label'] ?? '') ||
      SKIP.test(attributeText(element)) ||
      SHARE.test(attributeText(element)),
  );
  $('a[href^="#"]')
    .filter((_, element) => SKIP_LINK_TEXT.test($(element).text().trim()))
    .remove();
  $('body')
    .find(PAGE_FURNITURE)
    .filter((_, element) => !holdsMainContent($, element) || element.name === 'nav')
    .remove();
  $('header')
    .filter((_, element) => $(element).parents('main, [role=main], article, section').length === 0)
    .filter((_, element) => !$(element).find('main, [role=main]').length)
    .remove();
}

const FACTS =
  /Telefon|Tel\.|Fax|E-Mail|Öffnungszeiten|Sprechzeiten|Servicezeiten|Anschrift|Adresse|Postanschrift|Ansprechpartner|Kontakt|\b\d{5}\s+\p{Lu}/u;

/** Text length of the links inside an element divided by its text length. */
export function linkDensity(element: Cheerio<Element>): number {
  const total = element.text().replace(/\s+/g, '').length;
  if (total === 0) return 1;
  const links = element.find('a').text().replace(/\s+/g, '').length;
  return links / total;
}

/**
 * Inside the main content, keeps asides that hold facts (contact box: address, phone,
 * opening hours) and drops the rest (related links, teasers).
 */
export function filterAsides($: CheerioAPI, root: Cheerio<Element>): void {
  root
    .find('aside, [role=complementary]')
    .filter((_, element) => {
      const aside = $(element);
      const hasFacts =
        FACTS.test(aside.text()) || aside.find('address, a[href^="tel:"], a[href^="mailto:"]').length > 0;
      return !hasFacts;
    })
    .remove();
}
