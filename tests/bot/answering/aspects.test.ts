import { describe, expect, it } from 'vitest';
import { detectAspects, isAspectWord, sectionAnswers } from '../../../bot/answering/aspects.js';

describe('what a question asks about a service', () => {
  it.each([
    ['Wie hoch ist die Hundesteuer?', ['fees']],
    ['Wie viel kostet das?', ['fees']],
    ['How much is a passport?', ['fees']],
    ['Pasaport ücreti ne kadar?', ['fees']],
    ['كم تكلفة جواز السفر؟', ['fees']],
    ['Скільки коштує паспорт?', ['fees']],
    ['Welche Unterlagen brauche ich?', ['documents']],
    ['Wo ist das Bürgerbüro?', ['place']],
    ['Wann hat das Bürgerbüro geöffnet?', ['hours']],
    ['Bis wann muss ich mich ummelden?', ['deadline']],
    ['Kann ich das online beantragen?', ['online', 'procedure']],
    ['Wie lange dauert ein Reisepass?', ['duration']],
  ])('reads "%s" as asking for %j', (question, aspects) => {
    expect(detectAspects(question)).toEqual(aspects);
  });

  it('reads "Wie lange ist … gültig?" as validity, not processing time', () => {
    expect(detectAspects('Wie lange ist der Reisepass gültig?')).toEqual(['validity']);
    expect(detectAspects('How long is the passport valid?')).toEqual(['validity']);
  });

  it('recognises aspect stems spelt without umlauts', () => {
    expect(detectAspects('Wie lange ist er gueltig?')).toEqual(['validity']);
    expect(detectAspects('Welche Gebuehren fallen an?')).toEqual(['fees']);
    expect(detectAspects('Oeffnungszeiten Buergerbuero')).toEqual(['hours']);
  });

  it('finds no aspect in a bare topic', () => {
    expect(detectAspects('Hundesteuer')).toEqual([]);
  });

  // Misspelt aspect words ("Gebüren") are recognised by the engine after spelling correction
  // against the index (see engine.test.ts); detectAspects itself matches spellings only.
  it('leaves misspelt aspect words to the spelling correction', () => {
    expect(detectAspects('Welche Gebüren fallen an?')).toEqual([]);
    expect(detectAspects('Welche gebuhr fallen an?')).toEqual(['fees']);
  });
});

describe('aspect words and sections', () => {
  it('tells aspect words from topic words', () => {
    for (const word of ['kostet', 'wo', 'Unterlagen', 'gültig', 'Gebühren'])
      expect(isAspectWord(word)).toBe(true);
    for (const word of ['Reisepass', 'Hundesteuer', 'Personalausweis'])
      expect(isAspectWord(word)).toBe(false);
  });

  it('matches the section that answers the aspect, by heading or service field', () => {
    expect(sectionAnswers('fees', ['Personalausweis', 'Gebühren'])).toBe(true);
    expect(sectionAnswers('fees', ['Unterlagen'])).toBe(false);
    expect(sectionAnswers('documents', [], 'requiredDocuments')).toBe(true);
    expect(sectionAnswers('hours', ['Öffnungszeiten'])).toBe(true);
    expect(sectionAnswers('validity', ['Gültigkeitsdauer'])).toBe(true);
  });
});
