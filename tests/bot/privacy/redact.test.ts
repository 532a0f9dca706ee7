import { describe, expect, it } from 'vitest';
import { containsPersonalData, profileAllowList, redactPersonalData } from '../../../bot/privacy/index.js';
import { cityProfileSchema } from '../../../config/index.js';

const now = new Date('2026-05-01T12:00:00Z');
const redact = (text: string, allow?: string[]) => redactPersonalData(text, { now, ...(allow && { allow }) });

describe('redactPersonalData', () => {
  it.each([
    ['Schreiben Sie an max.mustermann@example.de bitte', 'Schreiben Sie an [E-Mail] bitte'],
    ['MAX_M-1+news@sub.example-stadt.de.', '[E-Mail].'],
    ['anna (at) web.de', '[E-Mail]'],
  ])('replaces e-mail addresses: %s', (input, expected) => expect(redact(input)).toBe(expected));

  it.each([
    ['Ruf an: +49 209 12345-67', 'Ruf an: [Telefon]'],
    ['+49 (0)209 169 0', '[Telefon]'],
    ['0049 170 1234567', '[Telefon]'],
    ['Tel. 0209 12345!', 'Tel. [Telefon]!'],
    ['0170/1234567', '[Telefon]'],
    ['(0209) 169-0', '[Telefon]'],
    ['+4917012345678', '[Telefon]'],
    ['Handy 01701234567', 'Handy [Telefon]'],
    ['persönliche Nummer 0700 12345678', 'persönliche Nummer [Telefon]'],
  ])('replaces phone numbers: %s', (input, expected) => expect(redact(input)).toBe(expected));

  it.each([
    'Notruf 110 oder 112, Behördennummer 115',
    'Ärztlicher Bereitschaftsdienst 116 117, Hilfetelefon 116 016, Nummer gegen Kummer 116111',
    'TelefonSeelsorge 0800 111 0 111 oder 0800 111 0 222',
    'Service 0180 6 123456',
  ])('keeps short service numbers and non-personal service lines: %s', (input) =>
    expect(redact(input)).toBe(input),
  );

  it.each([
    ['IBAN DE89 3704 0044 0532 0130 00 danke', 'IBAN [IBAN] danke'],
    ['DE89370400440532013000', '[IBAN]'],
    ['de89 3704 0044 0532 0130 00', '[IBAN]'],
    ['GB82 WEST 1234 5698 7654 32', '[IBAN]'],
    ['NL91ABNA0417164300 EUR', '[IBAN] EUR'],
    ['AT61 1904 3002 3457 3201 bitte', '[IBAN] bitte'],
    ['FR14 2004 1010 0505 0001 3M02 606', '[IBAN]'],
  ])('replaces IBANs: %s', (input, expected) => expect(redact(input)).toBe(expected));

  it('leaves IBAN-shaped codes of other countries alone when the checksum fails', () => {
    expect(redact('Bestellnummer AB12 CDEF GHIJ KLMN 12')).toBe('Bestellnummer AB12 CDEF GHIJ KLMN 12');
  });

  it.each([
    ['Steuer-ID 12 345 678 901', 'Steuer-ID [Steuer-ID]'],
    ['meine IdNr: 12345678901.', 'meine IdNr: [Steuer-ID].'],
  ])('replaces tax ids: %s', (input, expected) => expect(redact(input)).toBe(expected));

  it.each([
    ['Ausweisnummer L01X00T47', 'Ausweisnummer [Ausweisnummer]'],
    ['Ausweis L01X00T471D', 'Ausweis [Ausweisnummer]'],
    ['Pass C01X00T47 5', 'Pass [Ausweisnummer]'],
    ['l01x00t47 verloren', '[Ausweisnummer] verloren'],
  ])('replaces ID-card and passport numbers: %s', (input, expected) => expect(redact(input)).toBe(expected));

  it.each([
    ['geb. 12.03.1985', 'geb. [Geburtsdatum]'],
    ['geboren am 1.3.85 in Essen', 'geboren am [Geburtsdatum] in Essen'],
    ['Geburtsdatum: 12. März 1985', 'Geburtsdatum: [Geburtsdatum]'],
    ['born 1990-04-02', 'born [Geburtsdatum]'],
    ['Mein Sohn, geb. 03.02.2020, braucht einen Pass', 'Mein Sohn, geb. [Geburtsdatum], braucht einen Pass'],
    ['am 12.03.1985 war ich dort', 'am [Geburtsdatum] war ich dort'],
    ['seit dem 1. Januar 2010', 'seit dem [Geburtsdatum]'],
  ])('replaces dates of birth (marked, or more than 14 years back): %s', (input, expected) =>
    expect(redact(input)).toBe(expected),
  );

  it.each([
    'Abgabe bis 30.06.2027',
    'seit dem 01.01.2024',
    'Termin am 3.5.26',
    'Stand: 2025-01-15',
    'gültig ab 1. Mai 2013',
  ])('keeps recent dates and deadlines: %s', (input) => expect(redact(input)).toBe(input));

  it('uses the 14-year rule relative to today', () => {
    const date = 'am 02.05.2012';
    expect(redactPersonalData(date, { now: new Date('2026-05-01T12:00:00Z') })).toBe(date);
    expect(redactPersonalData(date, { now: new Date('2026-05-03T12:00:00Z') })).toBe('am [Geburtsdatum]');
  });

  it.each([
    ['Ich wohne in der Musterstraße 12, 45879 Gelsenkirchen.', 'Ich wohne in der [Adresse].'],
    ['Hauptstr. 5a', '[Adresse]'],
    ['Kurt-Schumacher-Str. 12-14', '[Adresse]'],
    ['Am Markt 3', '[Adresse]'],
    ['An der Rennbahn 7 b, 45899 Gelsenkirchen-Horst', '[Adresse]'],
    ['Weg 12', '[Adresse]'],
    ['wohnhaft Bahnhofstrasse 7', 'wohnhaft [Adresse]'],
  ])('replaces street addresses: %s', (input, expected) => expect(redact(input)).toBe(expected));

  it.each([
    'Der Personalausweis kostet 37,00 Euro (§ 9 PAuswG).',
    'Im Jahr 2024 gab es 3 Termine.',
    'In der Regel 3 Wochen Bearbeitungszeit.',
    'Im Notfall 112 anrufen, zur Polizei 110.',
    'Das Bürgerbüro ist im Raum 204, Platz 1 in der Warteschlange, Zeile 3 ausfüllen.',
    'Öffnungszeiten 08:00-12:00 und 14.30 Uhr, PLZ 01067 Dresden, Version 1.2.3, 1.000.000 Euro.',
    'Kapitel 3.1, Absatz 2, Artikel 5 DSGVO.',
  ])('leaves ordinary text alone: %s', (input) => expect(redact(input)).toBe(input));

  it('redacts several kinds in one text and is idempotent', () => {
    const input =
      'Ich, geb. 12.03.1985, Hauptstraße 5, Tel. 0170 1234567, anna@example.org, DE89370400440532013000';
    const once = redact(input);
    expect(once).toBe('Ich, geb. [Geburtsdatum], [Adresse], Tel. [Telefon], [E-Mail], [IBAN]');
    expect(redact(once)).toBe(once);
  });

  it('keeps allow-listed public contact data, comparing phone numbers by digits', () => {
    const allow = [
      '0209 169-0',
      'buergerservice@gelsenkirchen.de',
      'Hans-Sachs-Haus, Ebertstraße 11, 45879 Gelsenkirchen',
    ];
    const text =
      'Bürgerservice (0209) 169-0 oder +49 209 1690, buergerservice@gelsenkirchen.de, Ebertstraße 11, 45879 Gelsenkirchen.';
    expect(redact(text, allow)).toBe(text);
    expect(redact('Ebertstraße 1 und 0209 169-1 und anna@gelsenkirchen.de', allow)).toBe(
      '[Adresse] und [Telefon] und [E-Mail]',
    );
  });
});

describe('containsPersonalData', () => {
  it('tells whether text holds personal data', () => {
    expect(containsPersonalData('Was kostet ein Personalausweis?')).toBe(false);
    expect(containsPersonalData('Meine Nummer ist 0170 1234567')).toBe(true);
    expect(containsPersonalData('Büro: 0209 169-0', { allow: ['0209 169-0'] })).toBe(false);
  });
});

describe('profileAllowList', () => {
  it('collects the city’s public phone numbers, e-mail addresses and addresses', () => {
    const profile = cityProfileSchema.parse({
      id: 'x',
      name: 'X',
      genitive: 'der Stadt X',
      website: 'https://x.example',
      serviceCenter: {
        name: 'Bürgerbüro',
        phone: '0209 169-0',
        email: 'info@x.example',
        address: 'Markt 1, 12345 X',
      },
      contacts: [{ name: 'Standesamt', phone: '0209 169-2000' }],
      hotline: { label: 'Behördennummer', number: '115' },
      emergency: [
        { key: 'police', label: 'Polizei', number: '110' },
        { key: 'crisis', label: 'Seelsorge', number: '0800 111 0 111 oder 0800 111 0 222' },
      ],
      privacyNoticeUrl: 'https://x.example/datenschutz',
    });
    expect(profileAllowList(profile)).toEqual([
      '0209 169-0',
      'info@x.example',
      'Markt 1, 12345 X',
      '0209 169-2000',
      '115',
      '110',
      '0800 111 0 111 oder 0800 111 0 222',
    ]);
    expect(redactPersonalData('Standesamt: 0209/169-2000', { allow: profileAllowList(profile) })).toBe(
      'Standesamt: 0209/169-2000',
    );
  });
});
