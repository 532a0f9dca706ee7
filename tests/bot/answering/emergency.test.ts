import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../../bot/answering/guards/emergency.js';
import { emergencyText } from '../../../bot/answering/canned.js';
import { textsFor } from '../../../bot/answering/texts/index.js';
import { loadCityProfile } from '../../../config/index.js';

const profile = loadCityProfile('cities/gelsenkirchen/profile.yaml');

describe('emergency detection', () => {
  it.each([
    ['Hilfe, es brennt!', 'fire'],
    ['Bei uns brennt es im Keller', 'fire'],
    ['Es qualmt aus der Steckdose', 'fire'],
    ['My house is on fire', 'fire'],
    ['Evde yangın var!', 'fire'],
    ['пожежа в квартирі', 'fire'],
    ['Meine Oma ist umgekippt', 'medical'],
    ['Mein Kumpel kriegt keine Luft mehr', 'medical'],
    ['Mein Kind hat Tabletten geschluckt', 'medical'],
    ['Викличте швидку!', 'medical'],
    ['Mein Mann schlägt mich', 'violence'],
    ['Hilfe, mein Nachbar bedroht mich mit dem Messer', 'violence'],
    ['Kocam beni dövüyor', 'violence'],
    ['زوجي يضربني', 'violence'],
    ["Мій чоловік б'є мене", 'violence'],
    ['Jemand ist in meiner Wohnung', 'break_in'],
    ['Da ist ein Einbrecher im Keller', 'break_in'],
    ['someone broke into my flat', 'break_in'],
    ['Ich bin lebensmüde', 'suicide'],
    ['I want to kill myself', 'suicide'],
    ['Ölmek istiyorum', 'suicide'],
    ['Хочу померти', 'suicide'],
  ])('recognises "%s" as a %s emergency', (message, kind) => {
    expect(detectEmergency(message)[0]).toBe(kind);
  });

  it('puts the crisis first when a suicidal message also reads like a threat', () => {
    expect(detectEmergency('Ich will mich umbringen')).toEqual(['suicide', 'violence']);
  });

  it.each([
    'Wie melde ich ein Osterfeuer an?',
    'Gibt es eine Einbruchschutz-Beratung?',
    'Förderung Einbruchschutz',
    'Brandschutz im Mehrfamilienhaus',
    'Wo kann ich einen Rauchmelder kaufen?',
    'Ich will nicht mehr in Gelsenkirchen wohnen, wie melde ich mich ab?',
    'Ich möchte nicht mehr in Gelsenkirchen leben, wie melde ich mich ab?',
    'Anmeldung zum Erste Hilfe Kurs',
    'Gasanschluss beantragen',
  ])('treats the service question "%s" as no emergency', (message) => {
    expect(detectEmergency(message)).toEqual([]);
  });

  it.each([
    ['Gerade bricht jemand bei uns ein', 'break_in'],
    ['Bei mir riecht es nach Gas', 'fire'],
    ['Feuer im Keller!', 'fire'],
    ['Bitte schicken Sie sofort einen Krankenwagen', 'medical'],
    ['أريد أن أنتحر', 'suicide'],
    ['أفكر في الانتحار', 'suicide'],
  ])('recognises phrasing with word gaps or context: %s', (message, kind) => {
    expect(detectEmergency(message)).toContain(kind);
  });

  it.each([
    ['Es gab einen Unfall, mein Sohn ist verletzt', 'medical'],
    ['There was a car accident', 'medical'],
    ['Hier fallen Schüsse', 'violence'],
    ['Unser Keller läuft voll, Hochwasser', 'fire'],
    ['Mein Kind ist verschwunden!', 'general'],
  ])('recognises accidents, weapons, floods and missing children: %s', (message, kind) => {
    expect(detectEmergency(message)).toContain(kind);
  });

  it.each(['Unfallversicherung für Schüler?', 'Fundbüro: Ich habe etwas verloren'])(
    'leaves the service question "%s" alone',
    (message) => {
      expect(detectEmergency(message)).toEqual([]);
    },
  );

  it.each(['Was kostet ein Krankenwagen-Transport?', 'Anmeldung Feuer im Garten'])(
    'treats the fee or permit question "%s" as no emergency',
    (message) => {
      expect(detectEmergency(message)).toEqual([]);
    },
  );
});

describe('emergency answer', () => {
  it('leads a fire answer with 112 and lists fire brigade and police from the profile', () => {
    const text = emergencyText(['fire'], profile, textsFor('de'));
    const firstLine = text.split('\n')[0]!;
    expect(firstLine).toContain('112');
    expect(text).toContain('- **112** – Feuerwehr und Rettungsdienst');
    expect(text).toContain('- **110** – Polizei');
    expect(text.indexOf('**112**')).toBeLessThan(text.indexOf('**110**'));
  });

  it('leads a break-in answer with the police number 110', () => {
    const text = emergencyText(['break_in'], profile, textsFor('de'));
    expect(text.split('\n')[0]).toContain('110');
    expect(text.indexOf('**110**')).toBeLessThan(text.indexOf('**112**'));
  });

  it('gives the crisis line first for suicidal thoughts, and still 112 and 110', () => {
    const text = emergencyText(['suicide'], profile, textsFor('de'));
    const listed = [...text.matchAll(/^- \*\*(.+?)\*\*/gmu)].map((match) => match[1]);
    expect(listed).toEqual(['0800 111 0 111 oder 0800 111 0 222', '112', '110']);
  });

  it('adds the women’s help line and the medical numbers when violence comes with an injury', () => {
    const text = emergencyText(['violence', 'medical'], profile, textsFor('en'));
    expect(text.split('\n')[0]).toMatch(/police now: 110/);
    expect(text).toContain('**116 016**');
    expect(text).toContain('**116 117**');
    expect(text).toContain('**0228 19240**');
    expect(text).not.toContain('TelefonSeelsorge');
  });

  it('falls back to the general lead with 112 and 110 in the citizen’s language', () => {
    const text = emergencyText([], profile, textsFor('ar'));
    expect(text.split('\n')[0]).toMatch(/112.*110/u);
    expect(text).toContain('**112**');
    expect(text).toContain('**110**');
  });
});
