import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../bot/answering/language.js';
import { translateQuery } from '../../../bot/answering/glossary.js';

describe('language detection', () => {
  it.each([
    ['Was kostet ein Personalausweis?', 'de'],
    ['Welche Unterlagen brauche ich?', 'de'],
    ['How much does an ID card cost?', 'en'],
    ['Do I need an appointment?', 'en'],
    ['Kimlik kartı ne kadar?', 'tr'],
    ['Kimlik karti icin ne lazim?', 'tr'],
    ['كم تكلفة بطاقة الهوية؟', 'ar'],
    ['Скільки коштує посвідчення особи?', 'uk'],
  ])('reads "%s" as %s', (message, lang) => {
    expect(detectLanguage(message)).toBe(lang);
  });

  it('lets the UI language decide for a message too short to tell', () => {
    expect(detectLanguage('Ok', 'en')).toBe('en');
    expect(detectLanguage('Perso?', 'tr')).toBe('tr');
    expect(detectLanguage('12345', 'uk')).toBe('uk');
  });

  it('falls back to German without a hint or with an unsupported one', () => {
    expect(detectLanguage('Ok')).toBe('de');
    expect(detectLanguage('Ausweis', 'xx')).toBe('de');
  });

  it('trusts clear German words over an English UI hint', () => {
    expect(detectLanguage('Wie lange dauert das?', 'en')).toBe('de');
  });

  it('reads Turkish questions with ü or ö as Turkish and German ones with ö or ü as German', () => {
    expect(detectLanguage('Pasaport ücreti nedir?')).toBe('tr');
    expect(detectLanguage('Köpek vergisi ne kadar?')).toBe('tr');
    expect(detectLanguage('Über welche Stelle läuft das?')).toBe('de');
    expect(detectLanguage('Wie hoch sind die Gebühren für Hunde?')).toBe('de');
  });
});

describe('glossary: questions in other languages become German search words', () => {
  it.each([
    ['How much does an ID card cost?', 'en', 'Personalausweis Gebühren kostet'],
    ['Kimlik kartı ne kadar?', 'tr', 'Personalausweis Gebühren kostet'],
    ['كم تكلفة بطاقة الهوية؟', 'ar', 'Personalausweis Gebühren kostet'],
    ['Скільки коштує посвідчення особи?', 'uk', 'Personalausweis Gebühren kostet'],
  ] as const)('translates the ID-card fee question "%s"', (question, lang, german) => {
    expect(translateQuery(question, lang)).toBe(german);
  });

  it('translates a registration question into the German registration words', () => {
    expect(translateQuery('How do I register my address?', 'en')).toBe('Anmeldung Wohnsitz Ummeldung');
  });

  it('prefers the child’s passport over the passport and keeps the numbers of the question', () => {
    expect(translateQuery('passport for my child', 'en')).toBe('Reisepass Kinder');
    expect(translateQuery('How much is the dog tax for 2 dogs?', 'en')).toBe(
      'Hundesteuer Hund Gebühren kostet 2',
    );
  });

  it('leaves a German question untouched and returns nothing for unknown words', () => {
    expect(translateQuery('Was kostet ein Perso?', 'de')).toBe('Was kostet ein Perso?');
    expect(translateQuery('Hello there', 'en')).toBe('');
  });

  it('maps a lost passport in Ukrainian to the passport and the lost-property office', () => {
    expect(translateQuery('Загубив паспорт', 'uk')).toBe('Reisepass Fundbüro Fundsache');
  });

  it('keeps the topic of Turkish words with suffixes', () => {
    expect(translateQuery('Pasaportum ne kadar?', 'tr')).toContain('Reisepass');
    expect(translateQuery('Kimliğimi kaybettim', 'tr')).toContain('Personalausweis');
  });
});
