import { describe, expect, it } from 'vitest';
import { checkApplication, EMPTY_APPLICATION, isHttpUrl, toApplicationForm, type ApplicationValues } from './applicationRules';

const valid: ApplicationValues = {
  m365_experience: 'advanced',
  us_clients_served: 12,
  certifications: [' MS-102 '],
  country: 'US',
  motivation: '  I run IT for a dozen small US businesses.  ',
  links: ['https://example.com/portfolio'],
};

describe('checkApplication', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(checkApplication(valid)).toEqual({});
  });

  it('names every missing or invalid field', () => {
    expect(checkApplication({ ...EMPTY_APPLICATION, country: 'US' })).toEqual({
      m365_experience: 'experienceRequired',
      us_clients_served: 'clientsRange',
      motivation: 'motivationLength',
    });
    expect(checkApplication(EMPTY_APPLICATION)).toEqual({
      m365_experience: 'experienceRequired',
      country: 'countryRequired',
      motivation: 'motivationLength',
    });
    expect(checkApplication({ ...valid, us_clients_served: 10_001, links: ['ftp://example.com'] })).toEqual({
      us_clients_served: 'clientsRange',
      links: 'linkInvalid',
    });
    expect(checkApplication({ ...valid, certifications: Array.from({ length: 21 }, (_, i) => `C${i}`) })).toEqual({
      certifications: 'certificationsTooMany',
    });
  });
});

describe('US clients', () => {
  it('are asked only of US-based applicants; others may leave the field empty', () => {
    const uk = { ...valid, country: 'GB', us_clients_served: '' };
    expect(checkApplication(uk)).toEqual({});
    expect(toApplicationForm(uk).us_clients_served).toBeNull();
    expect(checkApplication({ ...valid, us_clients_served: '' })).toEqual({ us_clients_served: 'clientsRange' });
    expect(checkApplication({ ...uk, us_clients_served: -1 })).toEqual({ us_clients_served: 'clientsRange' });
  });
});

describe('isHttpUrl', () => {
  it('accepts only full http(s) addresses', () => {
    expect(isHttpUrl('https://example.com')).toBe(true);
    expect(isHttpUrl('http://example.com/a?b=c')).toBe(true);
    expect(isHttpUrl('example.com')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl(`https://example.com/${'a'.repeat(500)}`)).toBe(false);
  });
});

describe('toApplicationForm', () => {
  it('trims what the person typed', () => {
    expect(toApplicationForm(valid)).toEqual({
      m365_experience: 'advanced',
      us_clients_served: 12,
      certifications: ['MS-102'],
      country: 'US',
      motivation: 'I run IT for a dozen small US businesses.',
      links: ['https://example.com/portfolio'],
    });
  });
});
