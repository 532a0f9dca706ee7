import { describe, expect, it } from 'vitest';
import { cleanMarkdown, FrontMatterError } from '../../../ingestion/clean/markdown.js';

const input = { id: 'buergerservice/012-essen-personalausweis.md', sourceId: 'corpus' };

describe('cleanMarkdown', () => {
  it('takes url, title and updated from front matter and keeps the other keys as metadata', () => {
    const doc = cleanMarkdown(
      [
        '---',
        'url: https://www.gelsenkirchen.de/de/buergerservice/personalausweis/',
        'title: Personalausweis beantragen',
        'updated: 2026-03-12',
        'lang: de',
        'category: Bürgerservice',
        'tags: [Ausweis, Dokumente]',
        '---',
        '# Personalausweis',
        '',
        'Den Ausweis beantragen Sie im **Bürgercenter**.',
      ].join('\n'),
      input,
    );
    expect(doc.url).toBe('https://www.gelsenkirchen.de/de/buergerservice/personalausweis/');
    expect(doc.title).toBe('Personalausweis beantragen');
    expect(doc.updated).toBe('2026-03-12');
    expect(doc.lang).toBe('de');
    expect(doc.format).toBe('markdown');
    expect(doc.metadata).toEqual({ category: 'Bürgerservice', tags: ['Ausweis', 'Dokumente'] });
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Personalausweis' },
      { kind: 'paragraph', text: 'Den Ausweis beantragen Sie im Bürgercenter.' },
    ]);
  });

  it('renders lists, nested lists and tables into the same blocks as web pages', () => {
    const doc = cleanMarkdown(
      [
        '## Gebühren',
        '',
        '| Leistung | Gebühr |',
        '|---|---|',
        '| ab 24 Jahren | 37,00 Euro |',
        '',
        '1. Termin buchen',
        '2. Unterlagen mitbringen',
        '   - Passfoto',
        '',
        '<script>alert("x")</script>',
      ].join('\n'),
      input,
    );
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Gebühren' },
      { kind: 'table', header: ['Leistung', 'Gebühr'], rows: [['ab 24 Jahren', '37,00 Euro']] },
      { kind: 'list', ordered: true, items: ['Termin buchen', 'Unterlagen mitbringen\n  - Passfoto'] },
    ]);
  });

  it('takes the title from the first heading, else from the file name', () => {
    expect(cleanMarkdown('Text davor.\n\n## Sperrmüll\n\nText.', input).title).toBe('Sperrmüll');
    expect(cleanMarkdown('Nur ein Absatz ohne Überschrift.', input).title).toBe('012-essen-personalausweis');
    expect(cleanMarkdown('Nur Text.', input).url).toBeUndefined();
  });

  it('accepts a German date in front matter and ignores an invalid one', () => {
    expect(cleanMarkdown('---\nupdated: 12.03.2026\n---\nText.', input).updated).toBe('2026-03-12');
    expect(cleanMarkdown('---\nupdated: irgendwann\n---\nText.', input).updated).toBeUndefined();
  });

  it('rejects front matter that is not valid YAML', () => {
    expect(() => cleanMarkdown('---\ntitle: [unclosed\n---\nText', input)).toThrow(FrontMatterError);
    expect(() => cleanMarkdown('---\n- a\n- b\n---\nText', input)).toThrow(/keine Schlüssel-Wert-Liste/);
  });
});
