import { describe, expect, it } from 'vitest';
import { splitUnits } from '../../../bot/answering/sentences.js';
import { contactText, pickContact } from '../../../bot/answering/canned.js';
import { textsFor } from '../../../bot/answering/texts/index.js';
import { loadCityProfile } from '../../../config/index.js';

const profile = loadCityProfile('cities/gelsenkirchen/profile.yaml');

describe('splitting page text into quotable units', () => {
  const PARAGRAPH =
    'Den Personalausweis beantragen Sie persönlich, z. B. im Bürgerbüro Buer oder im Hans-Sachs-Haus, ggf. auch mit Termin. ' +
    'Ab dem 1. Mai 2025 gelten neue Gebühren. Bitte bringen Sie ein aktuelles biometrisches Passfoto mit! ' +
    'Ist das Foto älter als sechs Monate? Dann wird es nicht angenommen. Öffnungszeiten Mo. bis Fr. ab 8 Uhr. ' +
    'Weitere Infos unter Tel. 0209 169-3300.';

  it('cuts a long paragraph at sentence ends, not after abbreviations or in dates', () => {
    expect(splitUnits(PARAGRAPH)).toEqual([
      'Den Personalausweis beantragen Sie persönlich, z. B. im Bürgerbüro Buer oder im Hans-Sachs-Haus, ggf. auch mit Termin.',
      'Ab dem 1. Mai 2025 gelten neue Gebühren.',
      'Bitte bringen Sie ein aktuelles biometrisches Passfoto mit!',
      'Ist das Foto älter als sechs Monate?',
      'Dann wird es nicht angenommen.',
      'Öffnungszeiten Mo. bis Fr. ab 8 Uhr.',
      'Weitere Infos unter Tel. 0209 169-3300.',
    ]);
  });

  it('does not end a sentence before a name or number after "Dr.", "Nr." or "ca."', () => {
    const text =
      'Ihre Ansprechpartnerin ist Dr. Müller im Hans-Sachs-Haus, Zimmer Nr. 5 im zweiten Stock, und die Bearbeitung dauert ca. 20 Minuten pro Antrag. ' +
      'Bitte planen Sie genug Zeit ein, damit wir alles in Ruhe klären können.';
    expect(splitUnits(text)).toEqual([
      'Ihre Ansprechpartnerin ist Dr. Müller im Hans-Sachs-Haus, Zimmer Nr. 5 im zweiten Stock, und die Bearbeitung dauert ca. 20 Minuten pro Antrag.',
      'Bitte planen Sie genug Zeit ein, damit wir alles in Ruhe klären können.',
    ]);
  });

  it('keeps list items, short lines and labelled lines whole and drops empty lines', () => {
    const labelled =
      'Gebühren: 37 Euro. Das ist alles, was Sie zahlen müssen, wenn Sie über 24 Jahre alt sind und den Ausweis persönlich im Bürgerbüro abholen, sonst mehr.';
    const text = `- erster Punkt. Zweiter Satz.\n\n1. Schritt eins\nKurz. Auch kurz.\n${labelled}`;
    expect(splitUnits(text)).toEqual([
      '- erster Punkt. Zweiter Satz.',
      '1. Schritt eins',
      'Kurz. Auch kurz.',
      labelled,
    ]);
  });
});

describe('contact block under no-answers and refusals', () => {
  it('gives the central citizen service for a topic no department owns, with phone, 115 and website', () => {
    const text = contactText(
      pickContact('Wie bekomme ich einen Angelschein?', profile),
      profile,
      textsFor('de'),
    );
    expect(text.split('\n')).toEqual([
      '**Bürgerservice der Stadt Gelsenkirchen (BÜRGERcenter)**',
      '- Telefon: 0209 169-3300',
      '- E-Mail: buergerservice@gelsenkirchen.de',
      expect.stringMatching(/^- Erreichbar: Altstadt und Buer: Mo und Di 8:00–16:00/u),
      '- Behördennummer: 115 (Mo–Fr 8:00–18:00)',
      '- Internet: https://www.gelsenkirchen.de/de/buergerservice/',
    ]);
  });

  it.each([
    ['Was kostet die Hundesteuer?', 'Referat Finanzen – Hundesteuer und Grundbesitzabgaben', '0209 169-2740'],
    [
      'Wie hoch ist die Grundsteuer?',
      'Referat Finanzen – Hundesteuer und Grundbesitzabgaben',
      '0209 169-2740',
    ],
    ['Wo bekomme ich eine Geburtsurkunde?', 'Standesamt Gelsenkirchen (Schloss Horst)', '0209 169-6100'],
    ['Sperrmüll anmelden', 'GELSENDIENSTE (Abfall und Sperrmüll)', '0209 954-20'],
    ['Führerschein umtauschen', 'Straßenverkehrsamt – Zulassungs- und Führerscheinstelle', '0209 169-9599'],
  ])('names the responsible department for "%s"', (question, name, phone) => {
    const contact = pickContact(question, profile);
    expect(contact.name).toBe(name);
    expect(contact.phone).toBe(phone);
  });

  it('falls back to the city website and leaves out what a department does not publish', () => {
    const contact = pickContact('Einbürgerung beantragen', profile);
    const text = contactText(contact, profile, textsFor('en'));
    expect(text).toContain('- Phone: 0209 169-4400');
    expect(text).toContain('- Website: https://www.gelsenkirchen.de');
    expect(text).toContain('115');
    expect(text).not.toMatch(/E-mail|Available/u);
  });
});
