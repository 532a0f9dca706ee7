import { describe, expect, it } from 'vitest';
import { findVisibleDate, isDateLine, toIsoDate } from '../../../ingestion/clean/dates.js';

describe('toIsoDate', () => {
  it.each([
    ['2026-03-12', '2026-03-12'],
    ['2026-03-12T23:30:00+01:00', '2026-03-12'],
    ['12.03.2026', '2026-03-12'],
    ['1.3.26', '2026-03-01'],
    ['12. März 2026', '2026-03-12'],
    ['3. Okt. 2025', '2025-10-03'],
    ['Thu, 12 Mar 2026 10:00:00 GMT', '2026-03-12'],
  ])('parses %s', (value, expected) => {
    expect(toIsoDate(value)).toBe(expected);
  });

  it('rejects impossible and unparseable dates', () => {
    expect(toIsoDate('31.02.2026')).toBeUndefined();
    expect(toIsoDate('2026-13-01')).toBeUndefined();
    expect(toIsoDate('demnächst')).toBeUndefined();
    expect(toIsoDate(undefined)).toBeUndefined();
  });
});

describe('findVisibleDate', () => {
  it.each([
    ['Stand: 12.03.2026', '2026-03-12'],
    ['Seite zuletzt aktualisiert am 12. März 2026 von der Redaktion', '2026-03-12'],
    ['Letzte Änderung: 2026-01-05', '2026-01-05'],
    ['Stand 1. Februar 2026', '2026-02-01'],
  ])('finds the date in "%s"', (text, expected) => {
    expect(findVisibleDate(text)).toBe(expected);
  });

  it('ignores dates without a label', () => {
    expect(findVisibleDate('Die Frist endet am 31.03.2026.')).toBeUndefined();
  });
});

describe('isDateLine', () => {
  it('is true only for a line that states nothing but the page date', () => {
    expect(isDateLine('Stand: 12.03.2026')).toBe(true);
    expect(isDateLine('Zuletzt aktualisiert am 12. März 2026.')).toBe(true);
    expect(isDateLine('Stand: 12.03.2026 – die Gebühren steigen im Mai.')).toBe(false);
    expect(isDateLine('Die Gebühr gilt seit 12.03.2026.')).toBe(false);
  });
});
