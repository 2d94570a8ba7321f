import { describe, expect, it } from 'vitest';
import { endOfDay, readFilters, startOfDay, TEXT_MAX, toBoolean, withFilters } from './filters';

const SPEC = { status: ['submitted', 'approved'], invited: ['true', 'false'], from: 'date', q: 'text' } as const;

describe('readFilters', () => {
  it('reads every filter of the spec, unset ones as empty', () => {
    const params = new URLSearchParams('status=approved&q=ada');
    expect(readFilters(params, SPEC)).toEqual({ status: 'approved', invited: '', from: '', q: 'ada' });
  });

  it('ignores values a select does not offer, so a bad link cannot reach the API', () => {
    const params = new URLSearchParams('status=bogus&invited=maybe');
    expect(readFilters(params, SPEC)).toMatchObject({ status: '', invited: '' });
  });

  it('accepts only real calendar dates', () => {
    expect(readFilters(new URLSearchParams('from=2026-02-28'), SPEC).from).toBe('2026-02-28');
    expect(readFilters(new URLSearchParams('from=2026-02-30'), SPEC).from).toBe('');
    expect(readFilters(new URLSearchParams('from=yesterday'), SPEC).from).toBe('');
  });

  it('trims text and caps it at the API limit', () => {
    expect(readFilters(new URLSearchParams('q=%20ada%20'), SPEC).q).toBe('ada');
    expect(readFilters(new URLSearchParams(`q=${'x'.repeat(150)}`), SPEC).q).toHaveLength(TEXT_MAX);
  });

  it('leaves params of other specs alone', () => {
    expect(Object.keys(readFilters(new URLSearchParams('tab=2&status=approved'), SPEC))).not.toContain('tab');
  });
});

describe('withFilters', () => {
  it('sets, replaces and removes params without touching the others', () => {
    const params = new URLSearchParams('status=submitted&q=ada&page=keep');
    const next = withFilters(params, { status: 'approved', q: '  ', invited: 'true' });
    expect(next.toString()).toBe('status=approved&page=keep&invited=true');
    expect(params.toString()).toBe('status=submitted&q=ada&page=keep');
  });
});

describe('date filters', () => {
  it('sends the start of the chosen day in the user’s time zone as RFC 3339', () => {
    expect(startOfDay('2026-03-03')).toBe(new Date(2026, 2, 3).toISOString());
    expect(startOfDay('2026-03-03')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('makes "until" include the whole chosen day (the API bound is exclusive)', () => {
    expect(endOfDay('2026-03-03')).toBe(new Date(2026, 2, 4).toISOString());
    expect(endOfDay('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('sends nothing for an unset or invalid date', () => {
    expect(startOfDay('')).toBeUndefined();
    expect(endOfDay('2026-13-01')).toBeUndefined();
  });
});

describe('toBoolean', () => {
  it('maps the select values', () => {
    expect(toBoolean('true')).toBe(true);
    expect(toBoolean('false')).toBe(false);
    expect(toBoolean('')).toBeUndefined();
  });
});
