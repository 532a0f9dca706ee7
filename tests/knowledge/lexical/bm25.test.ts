import { describe, expect, it } from 'vitest';
import { createGermanAnalyzer, type GermanAnalyzer } from '../../../knowledge/analysis/index.js';
import { Bm25Index, type LexicalDocument } from '../../../knowledge/lexical/index.js';

const synonyms = { perso: ['Personalausweis'], knöllchen: ['Verwarngeld', 'Bußgeld'] };

const corpus: LexicalDocument[] = [
  {
    id: 'personalausweis.md#0',
    title: 'Personalausweis beantragen',
    headings: 'Antrag',
    body: 'Den Antrag auf einen neuen Personalausweis stellen Sie persönlich im Bürgercenter. Die Gebühr beträgt 37,00 Euro.',
  },
  {
    id: 'reisepass.md#0',
    title: 'Reisepass',
    headings: 'Gebühren',
    body: 'Ein Reisepass kostet 70,00 Euro. Den Antrag stellen Sie im Bürgercenter; bringen Sie ein biometrisches Foto mit.',
  },
  {
    id: 'bewohnerparken.md#0',
    title: 'Bewohnerparken',
    headings: 'Voraussetzungen',
    body: 'Den Bewohnerparkausweis erhalten Anwohnerinnen und Anwohner mit Hauptwohnsitz in der Zone.',
  },
  {
    id: 'sperrmuell.md#0',
    title: 'Sperrmüll',
    headings: 'Abholung',
    body: 'Sperrmüll wird zweimal im Jahr ohne Gebühren abgeholt. Melden Sie die Abholung online an.',
  },
  {
    id: 'hundesteuer.md#0',
    title: 'Hundesteuer',
    headings: 'Anmeldung',
    body: 'Wer einen Hund hält, meldet ihn innerhalb von zwei Wochen an. Den Steuerbescheid schickt die Steuerverwaltung.',
  },
  {
    id: 'bereitschaft.md#0',
    title: 'Ärztlicher Bereitschaftsdienst',
    headings: '',
    body: 'Außerhalb der Praxiszeiten erreichen Sie den ärztlichen Bereitschaftsdienst unter 116 117.',
  },
  {
    id: 'verwarngeld.md#0',
    title: 'Verwarngeld bezahlen',
    headings: '',
    body: 'Ein Verwarngeld für Falschparken zahlen Sie per Überweisung.',
  },
  {
    id: 'schornstein.md#0',
    title: 'Schornsteinfeger',
    headings: '',
    body: 'Der Schornsteinfeger kommt einmal im Jahr.',
  },
  {
    id: 'pruefung.md#0',
    title: 'Prüfung der Heizung',
    headings: '',
    body: 'Die jährliche Prüfung der Heizungsanlage ist Pflicht.',
  },
];

const build = (docs = corpus, analyzer: GermanAnalyzer = createGermanAnalyzer({ synonyms })) =>
  Bm25Index.build(docs, analyzer);
const ids = (index: Bm25Index, query: string, k = 5) => index.search(query, k).map((hit) => hit.id);

describe('Bm25Index', () => {
  const index = build();

  it('counts its documents', () => {
    expect(index.size).toBe(corpus.length);
  });

  it('finds the page with the parts of a compound query', () => {
    expect(ids(index, 'Personalausweisantrag')[0]).toBe('personalausweis.md#0');
  });

  it('finds a compound in the page from the words of the query', () => {
    expect(ids(index, 'Parkausweis für Anwohner')[0]).toBe('bewohnerparken.md#0');
    expect(ids(index, 'Steuer Bescheid Hund')[0]).toBe('hundesteuer.md#0');
  });

  it('splits query compounds with the vocabulary of the corpus, not only the built-in one', () => {
    expect(ids(index, 'Schornsteinfegerprüfung').slice(0, 2).sort()).toEqual([
      'pruefung.md#0',
      'schornstein.md#0',
    ]);
  });

  it('matches umlaut spellings and inflections', () => {
    expect(ids(index, 'Gebuehren Sperrmuell Abholungen')[0]).toBe('sperrmuell.md#0');
  });

  it('uses the profile synonyms', () => {
    expect(ids(index, 'Perso verloren')[0]).toBe('personalausweis.md#0');
    expect(ids(index, 'Knöllchen bezahlen')[0]).toBe('verwarngeld.md#0');
  });

  it('finds numbers however they are grouped', () => {
    expect(ids(index, '116117')[0]).toBe('bereitschaft.md#0');
    expect(ids(index, '37 Euro')[0]).toBe('personalausweis.md#0');
  });

  it('ranks a title match above the same word in the body', () => {
    const docs: LexicalDocument[] = [
      { id: 'body', title: 'Allgemeines', headings: '', body: 'Hinweise zum Wohngeld und zu Anträgen.' },
      { id: 'title', title: 'Wohngeld', headings: '', body: 'Hinweise zum Zuschuss und zu Anträgen.' },
      { id: 'other', title: 'Sonstiges', headings: '', body: 'Nichts davon.' },
    ];
    expect(ids(build(docs), 'Wohngeld')).toEqual(['title', 'body']);
  });

  it('returns at most k hits, best first, and nothing for stopword-only queries', () => {
    const hits = index.search('Antrag Bürgercenter Gebühr', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(index.search('Wie geht das?', 5)).toEqual([]);
  });

  it('round-trips through JSON with identical results', () => {
    const json = JSON.stringify(index.toJSON());
    const restored = Bm25Index.fromJSON(JSON.parse(json), createGermanAnalyzer({ synonyms }));
    expect(restored.size).toBe(index.size);
    for (const query of [
      'Personalausweisantrag',
      'Schornsteinfegerprüfung',
      'Perso',
      'Gebühren 70 Euro',
      '116117',
      'Hund',
    ]) {
      expect(restored.search(query, 10)).toEqual(index.search(query, 10));
    }
    expect(JSON.stringify(restored.toJSON())).toBe(json);
  });

  it('refuses an index built by another analyser version', () => {
    const json = index.toJSON();
    const other = { ...createGermanAnalyzer(), version: 'de-0' };
    expect(() => Bm25Index.fromJSON(json, other)).toThrow(/rebuild/);
    expect(() => Bm25Index.fromJSON({ format: 'x' }, createGermanAnalyzer())).toThrow(/format/);
  });

  it('handles an empty corpus', () => {
    const empty = build([]);
    expect(empty.size).toBe(0);
    expect(empty.search('Personalausweis', 5)).toEqual([]);
  });
});
