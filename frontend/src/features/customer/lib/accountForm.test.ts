import { describe, expect, it } from 'vitest';
import { initialValues, isExistingDomain, isNewDomainName, newDomainName, stepOf, toBody } from './accountForm';

describe('account form', () => {
  it('sends the name part of a new domain and nulls for empty optional lines', () => {
    const values = {
      ...initialValues(null),
      account_name: ' Contoso GmbH ',
      address: { line1: 'Hauptstr. 1', line2: '', city: 'Köln', region: '', postal_code: '50667', country: 'DE' },
      primary_contact: { name: 'Kim', email: 'kim@contoso.example', phone: '+49 221 123456' },
      new_domain: 'Contoso.onmicrosoft.com',
    };
    expect(toBody(values)).toEqual({
      account_name: 'Contoso GmbH',
      address: { line1: 'Hauptstr. 1', line2: null, city: 'Köln', region: null, postal_code: '50667', country: 'DE' },
      primary_contact: { name: 'Kim', email: 'kim@contoso.example', phone: '+49 221 123456' },
      existing_customer: false,
      domain: 'contoso',
    });
    expect(toBody({ ...values, domain_kind: 'existing', existing_domain: 'Contoso.de' })).toMatchObject({ existing_customer: true, domain: 'contoso.de' });
  });

  it('knows a Microsoft initial domain from an own domain', () => {
    expect(newDomainName('Contoso.onmicrosoft.com')).toBe('contoso');
    expect(isNewDomainName('contoso42')).toBe(true);
    expect(isNewDomainName('con-toso')).toBe(false);
    expect(isNewDomainName('a'.repeat(28))).toBe(false);
    expect(isExistingDomain('example.com')).toBe(true);
    expect(isExistingDomain('contoso.onmicrosoft.com')).toBe(false);
    expect(isExistingDomain('example')).toBe(false);
  });

  it('finds the step of a field the server complains about', () => {
    expect(stepOf('address.city')).toBe(0);
    expect(stepOf('address')).toBe(0);
    expect(stepOf('primary_contact.email')).toBe(1);
    expect(stepOf('domain')).toBe(2);
    expect(stepOf('something_else')).toBe(3);
  });
});
