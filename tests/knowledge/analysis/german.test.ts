import { describe, expect, it } from 'vitest';
import {
  createGermanAnalyzer,
  foldWord,
  PART_WEIGHT,
  SYNONYM_WEIGHT,
} from '../../../knowledge/analysis/index.js';

const analyzer = createGermanAnalyzer();
const termOf = (word: string) => {
  const terms = analyzer.analyze(word);
  expect(terms.length).toBeGreaterThan(0);
  return terms[0]!;
};

describe('German analyser: normalisation', () => {
  it('gives every spelling of an umlaut word the same single term', () => {
    const forms = ['Gebühren', 'Gebuehren', 'gebuhren', 'GEBÜHREN', 'Gebühren'.normalize('NFD')].map((word) =>
      analyzer.analyze(word),
    );
    expect(forms[0]).toHaveLength(1);
    for (const terms of forms) expect(terms).toEqual(forms[0]);
  });

  it('treats ß and ss alike', () => {
    expect(analyzer.analyze('Straße')).toEqual(analyzer.analyze('Strasse'));
    expect(analyzer.analyze('STRASSE')).toEqual(analyzer.analyze('straße'));
  });

  it('keeps real vowel pairs and "qu" when folding transliterations', () => {
    expect(foldWord('steuer')).toBe('steuer');
    expect(foldWord('bauer')).toBe('bauer');
    expect(foldWord('quelle')).toBe('quelle');
    expect(foldWord('uebersicht')).toBe('ubersicht');
    expect(foldWord('ärzte')).toBe(foldWord('aerzte'));
  });

  it('maps inflected forms to one stem', () => {
    expect(termOf('Anträge')).toBe(termOf('Antrag'));
    expect(termOf('Personalausweise')).toBe(termOf('Personalausweis'));
    expect(termOf('Hunde')).toBe(termOf('Hund'));
  });

  it('drops German and English function words but keeps negations', () => {
    expect(analyzer.analyze('Was ist der Preis und wo kann ich ihn bezahlen?')).toEqual(
      analyzer.analyze('Preis bezahlen'),
    );
    expect(analyzer.analyze('What is the fee for my passport')).toEqual(analyzer.analyze('fee passport'));
    expect(analyzer.analyze('keine Gebühr, nicht nötig')).toHaveLength(4);
  });

  it('returns surface words with umlauts, hyphenated words whole and numbers as written', () => {
    expect(analyzer.tokenize('Die Gebühr für die Kfz-Zulassung: 37,00 € (116 117)')).toEqual([
      'die',
      'gebühr',
      'für',
      'die',
      'kfz-zulassung',
      '37,00',
      '116',
      '117',
    ]);
  });
});

describe('German analyser: numbers', () => {
  it('indexes an amount as written and as a whole number', () => {
    const terms = analyzer.analyze('Die Gebühr beträgt 37,00 Euro.');
    expect(terms).toEqual(expect.arrayContaining(['37,00', '37']));
  });

  it('normalises thousands separators and English decimals', () => {
    expect(analyzer.analyze('1.000,50 €')).toEqual(expect.arrayContaining(['1.000,50', '1000,50', '1000']));
    expect(analyzer.analyze('12.50 EUR')).toEqual(expect.arrayContaining(['12,50', '12']));
  });

  it('joins digit groups written with a space, keeping the groups', () => {
    expect(analyzer.analyze('Bereitschaftsdienst 116 117')).toEqual(
      expect.arrayContaining(['116', '117', '116117']),
    );
    expect(analyzer.analyze('116 und 117')).not.toContain('116117');
  });

  it('splits dates into their parts', () => {
    expect(analyzer.analyze('gültig ab 01.02.2024')).toEqual(expect.arrayContaining(['01.02.2024', '2024']));
  });
});

describe('German analyser: compounds', () => {
  it('yields the whole, the parts and the joined form of hyphenated words', () => {
    const terms = analyzer.analyze('Kfz-Zulassung');
    expect(terms).toEqual(
      expect.arrayContaining([termOf('Kfz'), termOf('Zulassung'), termOf('Kfzzulassung')]),
    );
  });

  it('splits a compound into corpus words and keeps the compound', () => {
    const withCorpus = createGermanAnalyzer({ vocabulary: ['Personalausweis', 'Antrag'] });
    const terms = withCorpus.analyze('Personalausweisantrag');
    expect(terms[0]).toBe(termOf('Personalausweisantrag'));
    expect(terms).toEqual(expect.arrayContaining([termOf('Personalausweis'), termOf('Antrag')]));
  });

  it('splits common administrative compounds with the built-in vocabulary, across linking elements', () => {
    expect(analyzer.analyze('Hundesteuerbescheid')).toEqual(
      expect.arrayContaining([
        termOf('Hundesteuerbescheid'),
        termOf('Hund'),
        termOf('Steuer'),
        termOf('Bescheid'),
      ]),
    );
    expect(analyzer.analyze('Bewohnerparkausweis')).toEqual(
      expect.arrayContaining([termOf('Bewohner'), termOf('Park'), termOf('Ausweis'), termOf('Parkausweis')]),
    );
    expect(analyzer.analyze('Wohnungsamt')).toEqual(expect.arrayContaining([termOf('Wohnung'), 'amt']));
    expect(analyzer.analyze('Standesamt')).toEqual(expect.arrayContaining([termOf('Stand'), 'amt']));
  });

  it('does not split words whose pieces are not all known words of four letters', () => {
    expect(analyzer.analyze('Nachweis')).toHaveLength(1);
    expect(analyzer.analyze('Wohnung')).toHaveLength(1);
    expect(analyzer.analyze('Quarkstrudel')).toHaveLength(1);
  });

  it('learns new parts from the vocabulary it is given', () => {
    const local = createGermanAnalyzer();
    expect(local.analyze('Einwohnermeldeamt')).toHaveLength(1);
    local.setVocabulary(['Einwohner', 'Meldung']);
    expect(local.analyze('Einwohnermeldeamt')).toEqual(
      expect.arrayContaining([termOf('Einwohner'), termOf('melde'), 'amt']),
    );
  });
});

describe('German analyser: queries', () => {
  const synonyms = {
    perso: ['Personalausweis'],
    Bürgerbüro: ['Bürgercenter'],
    'gelbe Tonne': ['Wertstofftonne'],
    'perso-antrag': ['personalausweis', 'antrag'],
  };
  const query = createGermanAnalyzer({ synonyms });
  const weightOf = (text: string, word: string) =>
    query.analyzeQuery(text).find((entry) => entry.term === termOf(word))?.weight;

  it('adds profile synonyms with a lower weight, whatever the spelling of the key', () => {
    expect(weightOf('Wo beantrage ich einen Perso?', 'Perso')).toBe(1);
    expect(weightOf('Wo beantrage ich einen Perso?', 'Personalausweis')).toBe(SYNONYM_WEIGHT);
    expect(weightOf('Öffnungszeiten BUERGERBUERO', 'Bürgercenter')).toBe(SYNONYM_WEIGHT);
    expect(weightOf('PERSO verloren', 'Personalausweis')).toBe(SYNONYM_WEIGHT);
  });

  it('matches multi-word and hyphenated keys as phrases only', () => {
    expect(weightOf('Wann wird die gelbe Tonne geleert?', 'Wertstofftonne')).toBe(SYNONYM_WEIGHT);
    expect(weightOf('Tonne ist gelbe', 'Wertstofftonne')).toBeUndefined();
    expect(weightOf('Perso-Antrag stellen', 'Antrag')).toBe(1);
    expect(weightOf('Perso Antrag', 'Personalausweis')).toBe(SYNONYM_WEIGHT);
  });

  it('does not expand unrelated queries', () => {
    expect(query.analyzeQuery('Reisepass verlängern').map((entry) => entry.weight)).not.toContain(
      SYNONYM_WEIGHT,
    );
  });

  it('weights compound parts below the words the citizen typed', () => {
    expect(weightOf('Hundesteuerbescheid', 'Hundesteuerbescheid')).toBe(1);
    expect(weightOf('Hundesteuerbescheid', 'Steuer')).toBe(PART_WEIGHT);
  });

  it('returns each term once', () => {
    const terms = query.analyzeQuery('Gebühren Gebuehren Gebühr').map((entry) => entry.term);
    expect(terms).toEqual([termOf('Gebühr')]);
  });
});
