import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

/**
 * Removes what a reader never sees or cannot read: scripts, styles, embedded objects,
 * form controls and hidden elements. Accordion panels that are hidden until a toggle
 * opens them are kept: their content is the page's content.
 */

const NEVER_CONTENT =
  'script, style, noscript, template, iframe, frame, frameset, object, embed, svg, canvas, audio, video, map, ' +
  'input, select, textarea, option, optgroup, datalist, output, progress, meter, dialog[aria-modal=true]';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Ids of elements that a toggle (accordion, "mehr anzeigen") shows on demand. */
function toggledPanelIds($: CheerioAPI): Set<string> {
  const ids = new Set<string>();
  $('[aria-controls], [data-target], [data-bs-target]').each((_, element) => {
    const { attribs } = element;
    for (const value of [attribs['aria-controls'], attribs['data-target'], attribs['data-bs-target']]) {
      for (const id of (value ?? '').split(/\s+/)) if (id) ids.add(id.replace(/^#/, ''));
    }
  });
  return ids;
}

function isHidden(element: Element): boolean {
  const { attribs } = element;
  return (
    attribs.hidden !== undefined ||
    attribs['aria-hidden'] === 'true' ||
    (attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style))
  );
}

/** Removes scripts, styles, embeds, form controls and hidden elements from the whole document. */
export function removeNoise($: CheerioAPI): void {
  $('body').find(NEVER_CONTENT).remove();
  $('head').find('script, style, noscript, template').remove();

  const panels = toggledPanelIds($);
  $('body *')
    .filter((_, element) => isHidden(element) && !panels.has(element.attribs.id ?? ''))
    .remove();

  // Accordion toggles carry the section's label; other buttons ("Drucken", "Suchen") are controls.
  $('button').each((_, element) => {
    const { attribs } = element;
    const isToggle = attribs['aria-controls'] !== undefined || attribs['aria-expanded'] !== undefined;
    if (isToggle) $(element).replaceWith($(element).contents());
    else $(element).remove();
  });
  $('label').remove();
}
