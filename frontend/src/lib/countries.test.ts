import { describe, expect, it } from 'vitest';
import { countryOptions, searchCountries } from './countries';

const first = (locale: string, query: string) => searchCountries(countryOptions(locale), query)[0]?.value;

describe('country search', () => {
  it.each(['en', 'de'])('finds common names and codes in both languages (interface %s)', (locale) => {
    expect(first(locale, 'USA')).toBe('US');
    expect(first(locale, 'US')).toBe('US');
    expect(first(locale, 'us')).toBe('US');
    expect(first(locale, 'Vereinigte Staaten')).toBe('US');
    expect(first(locale, 'United States')).toBe('US');
    expect(first(locale, 'UK')).toBe('GB');
    expect(first(locale, 'Großbritannien')).toBe('GB');
    expect(first(locale, 'Deutschland')).toBe('DE');
    expect(first(locale, 'Germany')).toBe('DE');
    expect(first(locale, 'DE')).toBe('DE');
    expect(first(locale, 'osterreich')).toBe('AT');
  });

  it('lists everything for an empty query and nothing for nonsense', () => {
    expect(searchCountries(countryOptions('de'), '')).toHaveLength(countryOptions('de').length);
    expect(searchCountries(countryOptions('de'), 'xyzzy')).toEqual([]);
  });
});
