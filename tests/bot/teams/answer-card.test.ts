import { describe, expect, it } from 'vitest';
import {
  buildAnswerCard,
  buildHelpCard,
  buildWelcomeCard,
  speechSuggestion,
  validateAdaptiveCard,
  type AdaptiveCard,
  type CardElement,
} from '../../../bot/channels/teams/index.js';
import { sampleAnswer, testProfile } from './support/fakes.js';

/** Every element of a card, depth first (including ShowCard cards). */
function elements(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const walk = (items: CardElement[]) => {
    for (const item of items) {
      out.push(item);
      if (item.type === 'Container') walk(item.items);
      if (item.type === 'ColumnSet') item.columns.forEach((column) => walk(column.items));
    }
  };
  walk(card.body);
  return out;
}
const texts = (card: AdaptiveCard) =>
  elements(card).flatMap((element) => (element.type === 'TextBlock' ? [element.text] : []));
const facts = (card: AdaptiveCard) =>
  Object.fromEntries(
    elements(card).flatMap((element) =>
      element.type === 'FactSet' ? element.facts.map((fact) => [fact.title, fact.value]) : [],
    ),
  );

describe('buildAnswerCard', () => {
  const card = buildAnswerCard(sampleAnswer(), testProfile, { messageId: 'm-1' });

  it('is a valid Adaptive Card 1.5 in the shape Teams renders', () => {
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', msteams: { width: 'Full' } });
  });

  it('shows the answer text, its type and confidence', () => {
    expect(texts(card)).toContain('Ein Personalausweis kostet **37,00 Euro** für Personen ab 24 Jahren [1].');
    expect(facts(card)).toMatchObject({ Antworttyp: 'Antwort aus städtischen Quellen', Sicherheit: '86 %' });
  });

  it('lists every source with link and "Stand" date, or says the date is unknown', () => {
    expect(texts(card)).toContain(
      '[1] [Personalausweis beantragen](https://www.musterstadt.example/personalausweis) · Stand: 12.03.2025',
    );
    expect(texts(card)).toContain(
      '[2] [Unterlagen für den Ausweis](https://www.musterstadt.example/unterlagen) · Stand unbekannt',
    );
  });

  it('offers a plain text to read out, without markdown and citation markers', () => {
    const all = texts(card);
    const index = all.indexOf('Textvorschlag für das Gespräch');
    expect(index).toBeGreaterThan(-1);
    const suggestion = all[index + 1] ?? '';
    expect(suggestion).toContain('Ein Personalausweis kostet 37,00 Euro für Personen ab 24 Jahren.');
    expect(suggestion).not.toMatch(/\*\*|\[\d\]|\]\(/);
    expect(suggestion.length).toBeLessThanOrEqual(420);
  });

  it('hides the passages with their scores behind a toggle', () => {
    const evidence = elements(card).find((element) => element.id === 'evidence');
    expect(evidence).toMatchObject({ type: 'Container', isVisible: false });
    const toggle = elements(card).find((element) => element.type === 'ActionSet');
    expect(toggle).toMatchObject({
      actions: [
        { type: 'Action.ToggleVisibility', title: 'Belegstellen anzeigen (3)', targetElements: ['evidence'] },
      ],
    });
    const shown = texts(card).join('\n');
    expect(shown).toContain('Relevanz 0,91');
    expect(shown).toContain('Relevanz 0,33');
    expect(shown).toContain('Personalausweis › Gebühren');
  });

  it('carries the message id in thumbs up/down and the comment form', () => {
    expect(card.actions).toEqual([
      {
        type: 'Action.Submit',
        title: '👍 Hilfreich',
        data: { action: 'feedback', rating: 'up', messageId: 'm-1' },
      },
      {
        type: 'Action.Submit',
        title: '👎 Nicht hilfreich',
        data: { action: 'feedback', rating: 'down', messageId: 'm-1' },
      },
      expect.objectContaining({ type: 'Action.ShowCard' }),
    ]);
    const form = card.actions?.[2];
    expect(form?.type === 'Action.ShowCard' && form.card.body[0]).toMatchObject({
      type: 'Input.Text',
      id: 'comment',
    });
  });

  it('renders a no-answer as a warning with whom to refer the caller to', () => {
    const noAnswer = buildAnswerCard(
      sampleAnswer({
        type: 'no_answer',
        text: 'Dazu habe ich nichts gefunden.',
        citations: [],
        evidence: [],
        confidence: 0.1,
      }),
      testProfile,
      { messageId: 'm-2' },
    );
    expect(validateAdaptiveCard(noAnswer)).toEqual([]);
    expect(noAnswer.body[0]).toMatchObject({ type: 'Container', style: 'warning' });
    expect(texts(noAnswer)).toContain('Dazu gibt es keine gesicherte Antwort in den Quellen');
    expect(facts(noAnswer)).toMatchObject({ Telefon: '01234 56-0', Behördennummer: '115, Mo–Fr 8–18 Uhr' });
    expect(facts(noAnswer).Sicherheit).toBeUndefined();
    expect(elements(noAnswer).some((element) => element.id === 'evidence')).toBe(false);
    expect(speechSuggestion(sampleAnswer({ type: 'no_answer' }), testProfile)).toBe(
      'Dazu kann ich Ihnen leider keine gesicherte Auskunft geben. Bitte wenden Sie sich an Bürgerbüro Musterstadt, Telefon 01234 56-0.',
    );
  });

  it('uses the contact the engine chose for an out-of-scope question', () => {
    const outOfScope = buildAnswerCard(
      sampleAnswer({
        type: 'out_of_scope',
        citations: [],
        evidence: [],
        contact: { name: 'Jobcenter', phone: '01234 99-0' },
      }),
      testProfile,
      { messageId: 'm-3' },
    );
    expect(texts(outOfScope)).toContain('Dafür ist diese Auskunft nicht zuständig');
    expect(texts(outOfScope)).toContain('Bitte weiterverweisen an: **Jobcenter**');
    expect(facts(outOfScope).Telefon).toBe('01234 99-0');
  });

  it('puts the emergency numbers first for an emergency', () => {
    const emergency = buildAnswerCard(
      sampleAnswer({
        type: 'emergency',
        text: 'Bitte sofort 112 anrufen.',
        citations: [],
        evidence: [],
        mode: 'canned',
      }),
      testProfile,
      { messageId: 'm-4' },
    );
    expect(validateAdaptiveCard(emergency)).toEqual([]);
    expect(emergency.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(facts(emergency)).toMatchObject({
      Polizei: '110',
      'Feuerwehr und Rettungsdienst': '112 (kostenlos)',
    });
    expect(speechSuggestion(sampleAnswer({ type: 'emergency' }), testProfile)).toBe(
      'Bitte legen Sie auf und rufen Sie sofort 112 (Feuerwehr und Rettungsdienst) oder 110 (Polizei) an.',
    );
  });

  it('shrinks the evidence section so that a card with long passages still fits into a Teams message', () => {
    const long = 'Sehr lange Textstelle mit vielen Wörtern. '.repeat(400);
    const evidence = Array.from({ length: 8 }, (_, index) => ({
      docId: `doc-${index}`,
      title: `Dokument ${index}`,
      headingPath: [],
      text: long,
      score: 0.5,
    }));
    const big = buildAnswerCard(sampleAnswer({ evidence, text: long.slice(0, 6000) }), testProfile, {
      messageId: 'm-5',
      maxEvidence: 8,
      maxPassageChars: 5000,
    });
    expect(validateAdaptiveCard(big)).toEqual([]);
  });
});

describe('welcome and help cards', () => {
  it('are valid cards with example questions sent as typed messages', () => {
    for (const card of [buildWelcomeCard(testProfile), buildHelpCard(testProfile)]) {
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(card.actions?.[0]).toEqual({
        type: 'Action.Submit',
        title: 'Was kostet ein Personalausweis?',
        data: { msteams: { type: 'imBack', value: 'Was kostet ein Personalausweis?' } },
      });
    }
    expect(texts(buildWelcomeCard(testProfile)).join(' ')).toMatch(/keine Namen, Adressen/);
    expect(buildHelpCard(testProfile).actions?.at(-1)).toEqual({
      type: 'Action.OpenUrl',
      title: 'Datenschutzhinweise',
      url: 'https://www.musterstadt.example/datenschutz',
    });
  });
});

describe('validateAdaptiveCard', () => {
  const valid = (): Record<string, unknown> => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Hallo' }],
  });

  it.each([
    ['a wrong version', { ...valid(), version: '1.6' }, /version must be "1.5"/],
    ['a missing body', { type: 'AdaptiveCard', version: '1.5' }, /body must be an array/],
    [
      'an unsupported element',
      { ...valid(), body: [{ type: 'Image', url: 'https://x.example/a.png' }] },
      /unsupported element type Image/,
    ],
    ['an empty TextBlock', { ...valid(), body: [{ type: 'TextBlock', text: ' ' }] }, /non-empty text/],
    [
      'a bad container style',
      { ...valid(), body: [{ type: 'Container', style: 'red', items: [] }] },
      /style must be one of/,
    ],
    [
      'a fact without value',
      { ...valid(), body: [{ type: 'FactSet', facts: [{ title: 'A' }] }] },
      /title and value/,
    ],
    [
      'a relative OpenUrl',
      { ...valid(), actions: [{ type: 'Action.OpenUrl', title: 'Go', url: '/x' }] },
      /absolute http/,
    ],
    [
      'an action without title',
      { ...valid(), actions: [{ type: 'Action.Submit', data: {} }] },
      /needs a title/,
    ],
    [
      'Action.Execute (not in our subset)',
      { ...valid(), actions: [{ type: 'Action.Execute', title: 'x' }] },
      /unsupported action/,
    ],
    [
      'a toggle of an unknown element',
      { ...valid(), actions: [{ type: 'Action.ToggleVisibility', title: 'x', targetElements: ['nope'] }] },
      /unknown element id nope/,
    ],
    [
      'duplicate ids',
      {
        ...valid(),
        body: [
          { type: 'TextBlock', id: 'a', text: 'x' },
          { type: 'TextBlock', id: 'a', text: 'y' },
        ],
      },
      /duplicate id a/,
    ],
    [
      'an invalid card inside ShowCard',
      {
        ...valid(),
        actions: [
          {
            type: 'Action.ShowCard',
            title: 'x',
            card: { type: 'AdaptiveCard', body: [{ type: 'Input.Text' }] },
          },
        ],
      },
      /Input.Text needs an id/,
    ],
  ])('reports %s', (_name, card, problem) => {
    const problems = validateAdaptiveCard(card);
    expect(problems.join('\n')).toMatch(problem);
  });

  it('accepts a minimal valid card', () => {
    expect(validateAdaptiveCard(valid())).toEqual([]);
  });
});
