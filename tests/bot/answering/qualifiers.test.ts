import { describe, expect, it } from 'vitest';
import { filterByAge, filterRows, numerals, questionAge } from '../../../bot/answering/qualifiers.js';
import { createGermanAnalyzer } from '../../../knowledge/index.js';

const analyzer = createGermanAnalyzer();
const termsOf = (text: string) => analyzer.analyze(text);

const ID_CARD_FEES = [
  'Gebühren:',
  '- ab 24 Jahren: 37,00 Euro',
  '- unter 24 Jahren: 22,80 Euro',
  'Die Gebühr ist bei Antragstellung zu zahlen.',
].join('\n');

describe('the age a question is about', () => {
  it.each([
    ['Was kostet der Ausweis für Erwachsene?', 30],
    ['für volljährige Personen', 30],
    ['Ich bin 30 Jahre alt', 30],
    ['Was kostet der Pass für meinen 17-jährigen Sohn?', 17],
    ['Was kostet der Ausweis über 24?', 25],
    ['over 24', 25],
    ['I am 19 years old', 19],
    ['19 yaşındayım, kimlik ne kadar?', 19],
    ['yetişkin için', 30],
    ['أنا عمري 30 عاما', 30],
    ['للبالغين', 30],
    ['Мені 19 років', 19],
    ['Для дорослих', 30],
  ])('reads "%s" as age %i', (question, age) => {
    expect(questionAge(question)).toBe(age);
  });

  it('finds no age in a question that names none, nor in a count of people', () => {
    expect(questionAge('Was kostet der Personalausweis?')).toBeUndefined();
    expect(questionAge('Ausweis für 2 Personen')).toBeUndefined();
  });

  it('reads "Ich bin 19, was kostet der Perso?" as age 19', () => {
    expect(questionAge('Ich bin 19, was kostet der Perso?')).toBe(19);
  });
});

describe('fee lines of the right age bracket', () => {
  it('keeps only the under-24 fee for a 19-year-old, with the lines that are not about age', () => {
    expect(filterByAge(ID_CARD_FEES, 19)).toBe(
      'Gebühren:\n- unter 24 Jahren: 22,80 Euro\nDie Gebühr ist bei Antragstellung zu zahlen.',
    );
  });

  it('keeps the adult fee at exactly 24 and for "Erwachsene"', () => {
    const adultOnly = 'Gebühren:\n- ab 24 Jahren: 37,00 Euro\nDie Gebühr ist bei Antragstellung zu zahlen.';
    expect(filterByAge(ID_CARD_FEES, 24)).toBe(adultOnly);
    expect(filterByAge(ID_CARD_FEES, questionAge('für Erwachsene'))).toBe(adultOnly);
  });

  it('understands "bis zum 12. Lebensjahr" and "12 Jahre und älter"', () => {
    const text = '- Personen bis zum 12. Lebensjahr: 13,00 Euro\n- Personen 12 Jahre und älter: 37,00 Euro';
    expect(filterByAge(text, 8)).toBe('- Personen bis zum 12. Lebensjahr: 13,00 Euro');
  });

  it('leaves the text whole without an age or without brackets', () => {
    expect(filterByAge(ID_CARD_FEES, undefined)).toBe(ID_CARD_FEES);
    const plain = 'Der Ausweis gilt 10 Jahre.\nAlle zahlen 37 Euro.';
    expect(filterByAge(plain, 19)).toBe(plain);
  });
});

describe('rows the question narrows down to', () => {
  const CERTIFICATES = [
    'Gebühren:',
    '- einfache Meldebescheinigung: 10,00 Euro',
    '- erweiterte Meldebescheinigung: 15,00 Euro',
    'Zahlung bar oder mit Karte.',
  ].join('\n');
  const DOG_TAX = [
    'Steuersätze:',
    '- für einen Hund: 129,00 Euro',
    '- für zwei Hunde je Hund: 165,00 Euro',
    '- für drei oder mehr Hunde je Hund: 198,00 Euro',
  ].join('\n');

  it('keeps the row of the simple registration certificate', () => {
    expect(filterRows(CERTIFICATES, new Set(termsOf('einfache')), termsOf)).toBe(
      'Gebühren:\n- einfache Meldebescheinigung: 10,00 Euro\nZahlung bar oder mit Karte.',
    );
  });

  it('keeps the two-dog rate when "zwei Hunde" are asked about', () => {
    expect(filterRows(DOG_TAX, new Set(numerals('zwei Hunde')), termsOf)).toBe(
      'Steuersätze:\n- für zwei Hunde je Hund: 165,00 Euro',
    );
  });

  it('leaves the table whole when nothing narrows it or no row matches', () => {
    expect(filterRows(DOG_TAX, new Set(), termsOf)).toBe(DOG_TAX);
    expect(filterRows(DOG_TAX, new Set(['katze']), termsOf)).toBe(DOG_TAX);
  });

  it('turns German number words and digits into digits', () => {
    expect(numerals('zwei Hunde, drei Hunde, 4 Hunde, fünf')).toEqual(['2', '3', '4', '5']);
  });

  it('reads ordinals such as "zweiten Hund" as numbers', () => {
    expect(numerals('für den zweiten Hund')).toEqual(['2']);
    expect(numerals('die dritte Abholung')).toEqual(['3']);
  });
});
