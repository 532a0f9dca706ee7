import { describe, expect, it } from 'vitest';
import { DocumentMatcher, distinctDocuments } from '../../evals/doc-match.js';
import { DOCUMENTS } from './scripted-engine.js';

describe('DocumentMatcher', () => {
  const matcher = new DocumentMatcher(DOCUMENTS);

  it('matches an expected entry by id or by url', () => {
    expect(matcher.matches('reisepass.html', { id: 'reisepass.html' })).toBe(true);
    expect(matcher.matches('https://stadt.example/reisepass', { id: 'reisepass.html' })).toBe(true);
    expect(matcher.matches('reisepass.html', { id: 'hundesteuer.md' })).toBe(false);
  });

  it('lets a service description stand in for the page with the same url', () => {
    expect(matcher.matches('personalausweis.html', { id: 'service:personalausweis' })).toBe(true);
    expect(matcher.matches('service:personalausweis', { id: 'personalausweis.html' })).toBe(true);
    expect(matcher.matches('reisepass.html', { id: 'service:personalausweis' })).toBe(false);
  });

  it('never matches documents without a url through the url rule', () => {
    expect(matcher.matches('hundesteuer.md', { id: 'sperrmuell.md' })).toBe(false);
  });

  it('counts an expected entry once even when two documents share its url', () => {
    const ranked = [
      { id: 'personalausweis.html' },
      { id: 'service:personalausweis' },
      { id: 'reisepass.html' },
    ];
    expect(matcher.relevance(ranked, ['service:personalausweis', 'reisepass.html'])).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('knows which expected entries name a corpus document', () => {
    expect(matcher.exists('hundesteuer.md')).toBe(true);
    expect(matcher.exists('https://stadt.example/sperrmuell')).toBe(true);
    expect(matcher.exists('gibt-es-nicht.md')).toBe(false);
  });

  it('turns passages into distinct documents in rank order', () => {
    expect(
      distinctDocuments([
        { docId: 'a' },
        { docId: 'b', url: 'https://x' },
        { docId: 'a' },
        { docId: 'c' },
      ]).map((d) => d.id),
    ).toEqual(['a', 'b', 'c']);
  });
});
