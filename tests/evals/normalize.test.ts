import { describe, expect, it } from 'vitest';
import { containsNormalized, normalizeNumber, normalizeText } from '../../evals/normalize.js';

describe('normalizeText', () => {
  it('treats every spelling of a euro amount alike', () => {
    const forms = [
      '37,00 €',
      '37,00 Euro',
      '37 Euro',
      '37,00 EUR',
      '37 €',
      '37,- €',
      '€ 37,00',
      'EUR 37',
      '37,00€',
    ];
    for (const form of forms) expect(normalizeText(form), form).toBe('37 eur');
  });

  it('keeps cents that are not zero', () => {
    expect(normalizeText('22,80 Euro')).toBe('22.8 eur');
    expect(normalizeText('22,80 €')).toBe(normalizeText('22,8 EUR'));
    expect(normalizeText('37,50 €')).not.toBe(normalizeText('37 €'));
  });

  it('reads German and English grouping the same way', () => {
    expect(normalizeText('1.234,50')).toBe('1234.5');
    expect(normalizeText('1,234.50')).toBe('1234.5');
    expect(normalizeText('1.234')).toBe('1234');
    expect(normalizeText('1.234.567')).toBe('1234567');
    expect(normalizeText('2.5 Stunden')).toBe('2.5 stunden');
  });

  it('keeps leading zeros of phone numbers and postcodes', () => {
    expect(normalizeText('Tel. 0209 169-0')).toBe('tel. 0209 169-0');
    expect(normalizeNumber('045879')).toBe('045879');
  });

  it('normalises case, whitespace, dashes, ß, dates, clock times and markdown emphasis', () => {
    expect(normalizeText('  Mo–Fr\u00a0 08:00 –  12:00 Uhr ')).toBe('mo-fr 8:00 - 12:00 uhr');
    expect(normalizeText('8 Uhr')).toBe(normalizeText('8:00 Uhr'));
    expect(normalizeText('Ebertstraße')).toBe('ebertstrasse');
    expect(normalizeText('am 01.02.2025')).toBe(normalizeText('am 1.2.2025'));
    expect(normalizeText('Gebühr: **37,00 Euro**')).toBe('gebühr: 37 eur');
    expect(normalizeText('[Termin buchen](https://stadt.example/termin)')).toBe(
      'termin buchen (https://stadt.example/termin)',
    );
  });
});

describe('containsNormalized', () => {
  it('finds an amount in another currency spelling', () => {
    expect(containsNormalized('Der Personalausweis kostet **37,00 €**.', '37 Euro')).toBe(true);
    expect(containsNormalized('Gebühr: 37 Euro', '37,00 EUR')).toBe(true);
    expect(containsNormalized('Gebühr: 37 Euro', '37,00')).toBe(true);
  });

  it('does not find a number inside a longer number', () => {
    expect(containsNormalized('Er kostet 137 Euro.', '37 Euro')).toBe(false);
    expect(containsNormalized('Er kostet 37,50 Euro.', '37 Euro')).toBe(false);
    expect(containsNormalized('Er kostet 37,50 Euro.', '37,50')).toBe(true);
    expect(containsNormalized('Er kostet 22,80 Euro', '28,80')).toBe(false);
  });

  it('ignores case and spacing of words', () => {
    expect(
      containsNormalized('Bitte bringen Sie ein  biometrisches\nLichtbild mit.', 'biometrisches Lichtbild'),
    ).toBe(true);
    expect(containsNormalized('Hans-Sachs-Haus', 'hans-sachs-haus')).toBe(true);
    expect(containsNormalized('Rathaus Buer', 'Hans-Sachs-Haus')).toBe(false);
  });
});
