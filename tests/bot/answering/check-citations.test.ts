import { describe, expect, it } from 'vitest';
import { checkCitations } from '../../../bot/answering/compose-llm.js';
import { NO_ANSWER_MARKER, type NumberedSource } from '../../../bot/answering/prompts.js';
import { PASSAGES } from '../llm/llm-fixtures.js';

const SOURCES: NumberedSource[] = PASSAGES.map((passage, i) => ({
  n: i + 1,
  title: passage.title,
  headingPath: passage.headingPath,
  updated: passage.updated,
  text: passage.text,
}));
const check = (text: string) => checkCitations(text, SOURCES, PASSAGES);

describe('checking the citations of a model answer', () => {
  it('keeps valid citations and points each at its passage', () => {
    const checked = check('Der Ausweis kostet 37,00 Euro [1]. Das Bürgerbüro öffnet um 8 Uhr [2].');
    expect(checked?.text).toBe('Der Ausweis kostet 37,00 Euro [1]. Das Bürgerbüro öffnet um 8 Uhr [2].');
    expect(checked?.citations.map((citation) => [citation.n, citation.docId])).toEqual([
      [1, 'personalausweis'],
      [2, 'buergerbuero'],
    ]);
    expect(checked?.citations[0]?.url).toBe('https://www.example-stadt.de/personalausweis');
  });

  it('renumbers cited sources in order of first appearance', () => {
    const checked = check(
      'Mitbringen: altes Dokument und Passfoto [3]. Der Ausweis kostet 37,00 Euro [1]. Siehe [3].',
    );
    expect(checked?.text).toBe(
      'Mitbringen: altes Dokument und Passfoto [1]. Der Ausweis kostet 37,00 Euro [2]. Siehe [1].',
    );
    expect(checked?.citations.map((citation) => [citation.n, citation.docId])).toEqual([
      [1, 'unterlagen'],
      [2, 'personalausweis'],
    ]);
  });

  it('removes an invented source number without leaving a gap and never cites it', () => {
    const checked = check('Der Ausweis kostet 37,00 Euro [1]. Er gilt zehn Jahre [7].');
    expect(checked?.text).toBe('Der Ausweis kostet 37,00 Euro [1]. Er gilt zehn Jahre.');
    expect(checked?.citations).toHaveLength(1);
  });

  it('splits a list marker and reads "[Quelle 2]", keeping each source once', () => {
    const checked = check('Der Ausweis kostet 37,00 Euro [1, 9, 1] und Termine gibt es online [Quelle 2].');
    expect(checked?.text).toBe('Der Ausweis kostet 37,00 Euro [1] und Termine gibt es online [2].');
    expect(checked?.citations.map((citation) => citation.docId)).toEqual(['personalausweis', 'buergerbuero']);
  });

  it('leaves a Markdown link alone rather than reading it as a citation', () => {
    const checked = check('Termine gibt es [2](https://www.example-stadt.de/termine) und im Bürgerbüro [2].');
    expect(checked?.text).toBe(
      'Termine gibt es [2](https://www.example-stadt.de/termine) und im Bürgerbüro [1].',
    );
    expect(checked?.citations.map((citation) => citation.docId)).toEqual(['buergerbuero']);
  });

  it.each([
    ['cites only invented sources', 'Der Ausweis kostet 5 Euro [4]. Das ist günstig [9].'],
    ['cites nothing', 'Der Personalausweis kostet 37,00 Euro und gilt zehn Jahre.'],
    ['says the sources do not answer', `${NO_ANSWER_MARKER} – dazu steht nichts in den Quellen [1].`],
    ['is too short', 'Ja [1].'],
    ['is mostly not letters', '[1] 37,00 € – 22,80 € / 13,00 € ++ 0209 169-3300 ## 123456 [2]'],
  ])('rejects an answer that %s', (_reason, text) => {
    expect(check(text)).toBeUndefined();
  });
});
