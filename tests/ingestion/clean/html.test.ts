import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { CleanDocument, ContentBlock } from '../../../knowledge/types.js';
import { cleanHtml } from '../../../ingestion/clean/html.js';

const fixture = (name: string) => readFile(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');
const input = { id: 'page.html', sourceId: 'tests/fixtures/html' };

function blockText(block: ContentBlock): string {
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return block.text;
    case 'list':
      return block.items.join('\n');
    case 'table':
      return [block.header ?? [], ...block.rows].map((row) => row.join(' | ')).join('\n');
  }
}
const fullText = (doc: CleanDocument) => doc.blocks.map(blockText).join('\n');
const headings = (doc: CleanDocument) =>
  doc.blocks.flatMap((block) => (block.kind === 'heading' ? [`h${block.level} ${block.text}`] : []));

describe('cleanHtml on a full city page', () => {
  const load = async () =>
    cleanHtml(await fixture('city-page-full.html'), {
      ...input,
      url: 'https://www.gelsenkirchen.de/de/suche?q=ausweis',
    });

  it('drops navigation, header, breadcrumb, cookie banner, skip link, share bar, sidebar and footer', async () => {
    const text = fullText(await load());
    for (const boilerplate of [
      'Wir verwenden Cookies',
      'Alle akzeptieren',
      'Rathaus & Politik',
      'Leben in Gelsenkirchen',
      'Sie sind hier',
      'Startseite',
      'Zum Inhalt springen',
      'Suchbegriff',
      'Das könnte Sie auch interessieren',
      'Kita-Platz finden',
      'Auf Facebook teilen',
      'Impressum',
      '© 2026',
      'dataLayer',
    ]) {
      expect(text, boilerplate).not.toContain(boilerplate);
    }
  });

  it('keeps the contact box aside inside main but drops the related-links aside', async () => {
    const text = fullText(await load());
    expect(text).toContain('Ebertstraße 11\n45879 Gelsenkirchen');
    expect(text).toContain('Telefon: 0209 169-0\nE-Mail: buergercenter@gelsenkirchen.de');
    expect(text).toContain('Öffnungszeiten: Mo–Fr 8:00–12:00 Uhr');
    expect(text).not.toContain('Weitere Informationen');
    expect(text).not.toContain('Wohnsitz ummelden');
  });

  it('keeps the content in reading order with heading levels and decoded entities', async () => {
    const doc = await load();
    expect(headings(doc)).toEqual([
      'h1 Personalausweis beantragen',
      'h2 Voraussetzungen',
      'h2 Erforderliche Unterlagen',
      'h2 Gebühren',
      'h2 Kontakt',
    ]);
    expect(doc.blocks[1]).toEqual({
      kind: 'paragraph',
      text: 'Den Personalausweis beantragen Sie persönlich in einem der Bürgercenter. Bitte vereinbaren Sie vorher einen Termin.',
    });
    expect(doc.blocks[3]).toEqual({
      kind: 'list',
      ordered: false,
      items: ['Sie sind Deutsche oder Deutscher.', 'Sie haben Ihren Hauptwohnsitz in Gelsenkirchen.'],
    });
    expect(fullText(doc)).toContain('ab 24 Jahren 37,00 Euro, für Personen');
  });

  it('reads title from og:title without the site name, canonical URL, modification date, language and description', async () => {
    const doc = await load();
    expect(doc.title).toBe('Personalausweis beantragen');
    expect(doc.url).toBe('https://www.gelsenkirchen.de/de/buergerservice/personalausweis/');
    expect(doc.updated).toBe('2026-03-12');
    expect(doc.lang).toBe('de');
    expect(doc.format).toBe('html');
    expect(doc.metadata.description).toBe(
      'So beantragen Sie einen Personalausweis in Gelsenkirchen: Unterlagen, Gebühren und Termine.',
    );
  });
});

describe('cleanHtml on a page without <main>', () => {
  it('takes #content and leaves out menus, sub-menus and footer', async () => {
    const doc = cleanHtml(await fixture('content-div-page.html'), {
      ...input,
      url: 'https://www.gelsenkirchen.de/hundesteuer',
    });
    const text = fullText(doc);
    expect(doc.metadata.extraction).toBe('container');
    for (const boilerplate of ['Aktuelles', 'Grundsteuer', 'Vergnügungssteuer', 'Finanzen >', 'Impressum']) {
      expect(text, boilerplate).not.toContain(boilerplate);
    }
    expect(headings(doc)).toEqual([
      'h1 Hundesteuer',
      'h2 Steuersätze',
      'h3 Gefährliche Hunde',
      'h2 Abmeldung',
    ]);
    expect(text).toContain('muss ihn innerhalb von zwei Wochen bei der Stadtkasse anmelden. Die Hundesteuer');
  });

  it('prefers the h1 over <title>, keeps input.url without canonical and reads "Stand: 03.02.2026"', async () => {
    const doc = cleanHtml(await fixture('content-div-page.html'), {
      ...input,
      url: 'https://www.gelsenkirchen.de/hundesteuer',
    });
    expect(doc.title).toBe('Hundesteuer');
    expect(doc.url).toBe('https://www.gelsenkirchen.de/hundesteuer');
    expect(doc.updated).toBe('2026-02-03');
    expect(fullText(doc)).not.toContain('Stand:'); // the date line is metadata, not content
  });

  it('falls back to the body without link-heavy blocks or cookie notices when no container exists', () => {
    const html = `<html><body>
      <div class="kopf"><a href="/">Start</a> <a href="/a">Aktuelles</a> <a href="/b">Bürgerservice</a> <a href="/c">Kontakt</a></div>
      <div id="cc-consent-box"><p>Diese Website nutzt Cookies zur Analyse.</p></div>
      <div class="text"><h1>Wohngeld</h1><p>Wohngeld ist ein Zuschuss zur Miete für Haushalte mit geringem Einkommen.</p></div>
    </body></html>`;
    const doc = cleanHtml(html, input);
    expect(doc.metadata.extraction).toBe('density');
    expect(fullText(doc)).toBe(
      'Wohngeld\nWohngeld ist ein Zuschuss zur Miete für Haushalte mit geringem Einkommen.',
    );
  });
});

describe('cleanHtml on structured content', () => {
  it('turns definition lists, tables, nested lists and other blocks into blocks', async () => {
    const doc = cleanHtml(await fixture('structured-content.html'), input);
    const kinds = doc.blocks.filter((block) => block.kind !== 'heading');
    expect(kinds).toEqual([
      {
        kind: 'paragraph',
        text: 'Auf dem Wertstoffhof können Sie Abfälle abgeben, die nicht in die Hausmülltonne passen.',
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          'Montag bis Freitag: 7:00 bis 18:00 Uhr',
          'Samstag: 8:00 bis 14:00 Uhr',
          'Feiertage: geschlossen',
        ],
      },
      { kind: 'paragraph', text: 'Gebühren für die Anlieferung' },
      {
        kind: 'table',
        header: ['Abfallart', 'Menge', 'Gebühr'],
        rows: [
          ['Sperrmüll', 'bis 1 m³', '15,00 Euro'],
          ['Grünschnitt', 'bis 1 m³', 'kostenlos'],
          ['Bauschutt', 'je 100 kg', '8,50 Euro'],
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: ['Sperrmüll\n  - Möbel\n  - Matratzen\n    - auch Lattenroste', 'Elektrogeräte'],
      },
      {
        kind: 'list',
        ordered: true,
        items: ['Fahren Sie zur Einfahrtswaage.', 'Zeigen Sie Ihren Personalausweis vor.'],
      },
      {
        kind: 'table',
        rows: [
          ['Telefon', '0209 9 54 20'],
          ['E-Mail', 'info@gelsendienste.de'],
        ],
      },
      { kind: 'paragraph', text: 'Bitte trennen Sie Ihre Abfälle schon zu Hause.' },
      { kind: 'paragraph', text: 'Gelsendienste\nAdenauerallee 115\n45891 Gelsenkirchen' },
      { kind: 'paragraph', text: 'Zufahrt über\nTor 2' },
    ]);
  });

  it('keeps the h1 inside the article header and reads "Zuletzt aktualisiert am 12. März 2026" from the page footer', async () => {
    const doc = cleanHtml(await fixture('structured-content.html'), input);
    expect(doc.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Wertstoffhof und Sperrmüll' });
    expect(doc.title).toBe('Wertstoffhof und Sperrmüll');
    expect(doc.updated).toBe('2026-03-12');
    expect(fullText(doc)).not.toContain('Impressum');
  });
});

describe('cleanHtml on a page with scripts and hidden elements', () => {
  it('drops scripts, styles, templates, embeds, form controls and hidden elements', async () => {
    const text = fullText(cleanHtml(await fixture('hidden-and-scripts.html'), input));
    for (const hidden of [
      'JavaScript',
      'Tracking-Text',
      'document.write',
      'Versteckter Entwurfstext',
      'Unsichtbarer Hinweis',
      'Symbol-Text',
      '★',
      'Vorlagentext',
      'SVG-Symboltitel',
      'Karte nicht verfügbar',
      'Kennzeichen',
      'GE-XY',
      'Auswahltext',
      'Textfeldinhalt',
      'Antrag absenden',
      'font-family',
      'JSON-LD',
    ]) {
      expect(text, hidden).not.toContain(hidden);
    }
    expect(text).toContain('Kosten: 30,70 Euro pro Jahr');
  });

  it('keeps an accordion panel that is hidden until its toggle opens it, under the toggle as heading', async () => {
    const doc = cleanHtml(await fixture('hidden-and-scripts.html'), input);
    expect(doc.blocks.slice(-2)).toEqual([
      { kind: 'heading', level: 2, text: 'Unterlagen' },
      { kind: 'paragraph', text: 'Bringen Sie den Fahrzeugschein mit.' },
    ]);
  });

  it('reads the date of a <time datetime> in the main content', async () => {
    const doc = cleanHtml(await fixture('hidden-and-scripts.html'), input);
    expect(doc.updated).toBe('2026-01-20');
    expect(doc.title).toBe('Anwohnerparken');
  });
});

describe('cleanHtml metadata variants', () => {
  const page = (
    head: string,
    body = '<main><p>Inhalt der Seite mit genug Text für die Erkennung.</p></main>',
  ) => `<!DOCTYPE html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`;

  it.each([
    ['<title>Kita-Platz finden – Stadt Gelsenkirchen</title>', 'Kita-Platz finden'],
    ['<title>Kita-Platz finden | Stadt Gelsenkirchen</title>', 'Kita-Platz finden'],
    ['<title>Kita-Platz finden - Gelsenkirchen</title>', 'Kita-Platz finden'],
    ['<title>Hunde - Steuer - Gelsenkirchen</title>', 'Hunde - Steuer'],
    [
      '<meta property="og:title" content="Sperrmüll anmelden"><title>Anderer Titel</title>',
      'Sperrmüll anmelden',
    ],
  ])('takes the title from %s', (head, title) => {
    expect(cleanHtml(page(head), input).title).toBe(title);
  });

  it.each([
    ['<meta name="DC.date.modified" content="2026-03-01">', '2026-03-01'],
    ['<meta http-equiv="last-modified" content="Tue, 03 Mar 2026 08:00:00 GMT">', '2026-03-03'],
    ['<meta property="article:modified_time" content="2026-03-04T23:30:00+01:00">', '2026-03-04'],
    ['<meta property="og:updated_time" content="2026-03-05T10:00:00Z">', '2026-03-05'],
  ])('reads the modification date from %s', (head, date) => {
    expect(cleanHtml(page(head), input).updated).toBe(date);
  });

  it('prefers a modification meta tag over visible text, and falls back to the HTTP Last-Modified header', () => {
    const body =
      '<main><p>Inhalt der Seite mit genug Text für die Erkennung.</p><p>Stand: 01.01.2025</p></main>';
    expect(cleanHtml(page('<meta name="dcterms.modified" content="2026-02-02">', body), input).updated).toBe(
      '2026-02-02',
    );
    expect(cleanHtml(page(''), { ...input, lastModified: 'Wed, 11 Feb 2026 07:00:00 GMT' }).updated).toBe(
      '2026-02-11',
    );
    expect(cleanHtml(page(''), input).updated).toBeUndefined();
  });

  it('resolves a relative canonical link against <base> and the page URL, and reads the language', () => {
    const doc = cleanHtml(page('<base href="/de/"><link rel="canonical" href="abfall/sperrmuell">'), {
      ...input,
      url: 'https://www.gelsenkirchen.de/irgendwo/seite?x=1',
    });
    expect(doc.url).toBe('https://www.gelsenkirchen.de/de/abfall/sperrmuell');
    expect(doc.lang).toBe('en');
    const local = cleanHtml(page('<link rel="canonical" href="/relativ">'), input);
    expect(local.url).toBeUndefined();
  });
});
