import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../ingestion/clean/text.js';

const input = { id: 'abfall/sperrmuell.txt', sourceId: 'corpus' };

describe('cleanText', () => {
  it('uses a short first line as title and finds paragraphs, headings and lists', () => {
    const doc = cleanText(
      [
        'Sperrmüll abholen lassen',
        '',
        'Sperrmüll wird zweimal im Jahr kostenlos abgeholt. Die Anmeldung',
        'erfolgt online oder telefonisch.',
        '',
        'Was gehört dazu?',
        '',
        '- Möbel und Matratzen',
        '- Teppiche, die zu groß',
        '  für die Tonne sind',
        '',
        'Elektrogeräte holt der Entsorger getrennt ab.',
      ].join('\n'),
      input,
    );
    expect(doc.title).toBe('Sperrmüll abholen lassen');
    expect(doc.format).toBe('text');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Sperrmüll abholen lassen' },
      {
        kind: 'paragraph',
        text: 'Sperrmüll wird zweimal im Jahr kostenlos abgeholt. Die Anmeldung erfolgt online oder telefonisch.',
      },
      { kind: 'heading', level: 2, text: 'Was gehört dazu?' },
      {
        kind: 'list',
        ordered: false,
        items: ['Möbel und Matratzen', 'Teppiche, die zu groß für die Tonne sind'],
      },
      { kind: 'paragraph', text: 'Elektrogeräte holt der Entsorger getrennt ab.' },
    ]);
  });

  it('uses the file name as title when the first line is a sentence', () => {
    const doc = cleanText('Diese Datei beginnt direkt mit einem ganzen Satz.\nUnd geht weiter.', input);
    expect(doc.title).toBe('sperrmuell');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Diese Datei beginnt direkt mit einem ganzen Satz. Und geht weiter.' },
    ]);
  });
});
