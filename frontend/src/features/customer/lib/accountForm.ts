// The Microsoft account set-up form: its values, the rules checked before sending, which
// step of the wizard each field is on, and the body the API takes.
import type { CustomerAccount, CustomerAccountInput } from '../api/types';

export const ONMICROSOFT = '.onmicrosoft.com';

export type AccountValues = {
  account_name: string;
  address: { line1: string; line2: string; city: string; region: string; postal_code: string; country: string | null };
  primary_contact: { name: string; email: string; phone: string };
  /** 'new': a name.onmicrosoft.com domain; 'existing': already a Microsoft customer. */
  domain_kind: 'new' | 'existing';
  /** The name part of name.onmicrosoft.com. */
  new_domain: string;
  existing_domain: string;
};

/** The wizard's steps and the fields on each (the last step reviews and sends). */
export const STEP_FIELDS = [
  ['account_name', 'address.line1', 'address.line2', 'address.city', 'address.region', 'address.postal_code', 'address.country'],
  ['primary_contact.name', 'primary_contact.email', 'primary_contact.phone'],
  ['domain_kind', 'new_domain', 'existing_domain'],
] as const;

/** Every field a server error can land on ("domain" is whichever domain field is in use). */
export const FORM_FIELDS = [...STEP_FIELDS.flat(), 'domain', 'existing_customer', 'address', 'primary_contact'] as const;

/** The step a form field is on; the last step when it is on none. */
export function stepOf(field: string): number {
  if (field === 'domain' || field === 'existing_customer') return 2;
  const index = STEP_FIELDS.findIndex((fields) => (fields as readonly string[]).some((f) => f === field || f.startsWith(`${field}.`)));
  return index === -1 ? STEP_FIELDS.length : index;
}

// Microsoft's initial domains: letters and digits only, at most 27 characters.
const NEW_DOMAIN = /^[a-z0-9]{1,27}$/i;
const EXISTING_DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{6,32}$/;

/** The name part of what was typed (a pasted "contoso.onmicrosoft.com" is understood). */
export function newDomainName(typed: string): string {
  const value = typed.trim().toLowerCase();
  return value.endsWith(ONMICROSOFT) ? value.slice(0, -ONMICROSOFT.length) : value;
}

export function isNewDomainName(name: string): boolean {
  return NEW_DOMAIN.test(name);
}

export function isExistingDomain(domain: string): boolean {
  return EXISTING_DOMAIN.test(domain.trim()) && !domain.trim().toLowerCase().endsWith(ONMICROSOFT);
}

export const isEmail = (value: string) => EMAIL.test(value.trim());
export const isPhone = (value: string) => PHONE.test(value.trim());

export function initialValues(account: CustomerAccount | null): AccountValues {
  if (!account) {
    return {
      account_name: '',
      address: { line1: '', line2: '', city: '', region: '', postal_code: '', country: null },
      primary_contact: { name: '', email: '', phone: '' },
      domain_kind: 'new',
      new_domain: '',
      existing_domain: '',
    };
  }
  return {
    account_name: account.account_name,
    address: { ...account.address, line2: account.address.line2 ?? '', region: account.address.region ?? '' },
    primary_contact: { ...account.primary_contact },
    domain_kind: account.existing_customer ? 'existing' : 'new',
    new_domain: account.existing_customer ? '' : newDomainName(account.domain),
    existing_domain: account.existing_customer ? account.domain : '',
  };
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

export function toBody(values: AccountValues): CustomerAccountInput {
  const existing = values.domain_kind === 'existing';
  return {
    account_name: values.account_name.trim(),
    address: {
      line1: values.address.line1.trim(),
      line2: optional(values.address.line2),
      city: values.address.city.trim(),
      region: optional(values.address.region),
      postal_code: values.address.postal_code.trim(),
      country: values.address.country ?? '',
    },
    primary_contact: {
      name: values.primary_contact.name.trim(),
      email: values.primary_contact.email.trim(),
      phone: values.primary_contact.phone.trim(),
    },
    existing_customer: existing,
    domain: existing ? values.existing_domain.trim().toLowerCase() : newDomainName(values.new_domain),
  };
}
