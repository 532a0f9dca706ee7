import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../../bot/answering/followup.js';
import type { ChatTurn } from '../../../bot/answering/types.js';

const asked = (...questions: string[]): ChatTurn[] =>
  questions.flatMap((content): ChatTurn[] => [
    { role: 'user', content },
    {
      role: 'assistant',
      content: 'Laut der Seite „Personalausweis“: Der Personalausweis kostet 37,00 Euro.',
    },
  ]);

describe('follow-up questions', () => {
  it('keeps a question without conversation as it is', () => {
    expect(resolveFollowUp('Was kostet das?', [])).toEqual(['Was kostet das?']);
  });

  it('joins "Und was kostet das?" to the topic asked before, replacing the old aspect', () => {
    const [first, ...rest] = resolveFollowUp(
      'Und was kostet das?',
      asked('Wie beantrage ich einen Reisepass?'),
    );
    expect(rest).toEqual([]);
    expect(first).toContain('Reisepass');
    expect(first).toContain('kostet');
    expect(first).not.toContain('beantrage');
  });

  it('reads the topic from the citizen’s questions, not from the bot’s answers', () => {
    const [first] = resolveFollowUp('Wo?', asked('Wie beantrage ich einen Reisepass?'));
    expect(first).toContain('Reisepass');
    expect(first).not.toContain('Personalausweis');
  });

  it('switches to the new topic of "Und der Reisepass?" and keeps the fee aspect', () => {
    const [first, second] = resolveFollowUp('Und der Reisepass?', asked('Was kostet ein Personalausweis?'));
    expect(first).toContain('Reisepass');
    expect(first).toContain('kostet');
    expect(first).not.toContain('Personalausweis');
    expect(second).toBe('Was kostet ein Personalausweis? Und der Reisepass?');
  });

  it('keeps the validity aspect when the topic switches to the driving licence', () => {
    const [first] = resolveFollowUp('Und der Führerschein?', asked('Wie lange ist ein Reisepass gültig?'));
    expect(first).toMatch(/Führerschein/u);
    expect(first).toMatch(/gultig|gültig/u);
    expect(first).not.toContain('Reisepass');
  });

  it('narrows the previous question with "Und für Kinder?" rather than starting a new topic', () => {
    const [first, second] = resolveFollowUp('Und für Kinder?', asked('Was kostet ein Reisepass?'));
    expect(first).toBe('Was kostet ein Reisepass? Und für Kinder?');
    expect(second).not.toContain('Reisepass');
  });

  it('resolves "den" standing for the ID card in "Kann ich den auch online beantragen?"', () => {
    const resolved = resolveFollowUp(
      'Kann ich den auch online beantragen?',
      asked('Was kostet ein Personalausweis?'),
    );
    expect(resolved).toHaveLength(1);
    expect(resolved[0]).toContain('Personalausweis');
    expect(resolved[0]).toContain('online');
  });

  it('resolves an English follow-up against the English question before', () => {
    const [first] = resolveFollowUp('And how much is it?', asked('How do I apply for a passport?'));
    expect(first).toContain('passport');
    expect(first).toContain('how much');
  });

  it('tries a short self-contained question alone first, the joined form only second', () => {
    expect(
      resolveFollowUp('Was kostet ein Personalausweis?', asked('Wie beantrage ich einen Reisepass?')),
    ).toEqual([
      'Was kostet ein Personalausweis?',
      'Wie beantrage ich einen Reisepass? Was kostet ein Personalausweis?',
    ]);
  });

  it('leaves a long question with its own topic alone', () => {
    const question =
      'Wie hoch ist die Hundesteuer für zwei Hunde in Gelsenkirchen und wann muss ich sie bezahlen, bitte?';
    expect(resolveFollowUp(question, asked('Was kostet ein Reisepass?'))).toEqual([question]);
  });

  it('resolves through several follow-ups back to the topic and its refinement', () => {
    const [first] = resolveFollowUp(
      'Und wo mache ich das?',
      asked('Was kostet ein Reisepass?', 'Und für Kinder?'),
    );
    expect(first).toContain('Reisepass');
    expect(first).toContain('Kinder');
    expect(first).toContain('wo mache ich das');
    expect(first).not.toContain('kostet');
  });

  it('carries the fee aspect across a refinement into a later topic switch', () => {
    const [first] = resolveFollowUp(
      'Und die Hundesteuer?',
      asked('Was kostet ein Personalausweis?', 'Und für Kinder?'),
    );
    expect(first).toContain('Hundesteuer');
    expect(first).toContain('kostet');
    expect(first).not.toContain('Personalausweis');
  });
});
