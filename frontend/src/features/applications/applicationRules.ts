// The application form's values, checks and request body. The checks mirror the API's
// (ApplicationForm in openapi.yaml) so most mistakes are caught before sending.
import type { Application, ApplicationForm, Experience } from '@/lib/api/types';

export const EXPERIENCE_LEVELS: readonly Experience[] = ['none', 'basic', 'intermediate', 'advanced', 'expert'];

export const LIMITS = {
  clientsMax: 10_000,
  certifications: 20,
  certificationLength: 200,
  motivationMin: 20,
  motivationMax: 2000,
  links: 5,
  linkLength: 500,
} as const;

/** The form's fields, as the API names them (server errors land on these). */
export const APPLICATION_FIELDS = ['m365_experience', 'us_clients_served', 'certifications', 'country', 'motivation', 'links'] as const;

export type ApplicationValues = {
  m365_experience: Experience | '';
  /** NumberInput reports '' while empty. */
  us_clients_served: number | string;
  certifications: string[];
  country: string | null;
  motivation: string;
  links: string[];
}

export const EMPTY_APPLICATION: ApplicationValues = {
  m365_experience: '',
  us_clients_served: '',
  certifications: [],
  country: null,
  motivation: '',
  links: [],
};

/** A previous application as the starting point of a new one. */
export function valuesFrom(application: Application): ApplicationValues {
  return {
    m365_experience: (EXPERIENCE_LEVELS as readonly string[]).includes(application.m365_experience)
      ? (application.m365_experience as Experience)
      : '',
    us_clients_served: application.us_clients_served,
    certifications: application.certifications,
    country: application.country,
    motivation: application.motivation,
    links: application.links,
  };
}

export function isHttpUrl(value: string): boolean {
  if (value.length > LIMITS.linkLength) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Message keys (under `application.validation`) per invalid field. */
export type ApplicationProblem =
  | 'experienceRequired'
  | 'clientsRange'
  | 'certificationsTooMany'
  | 'certificationTooLong'
  | 'countryRequired'
  | 'motivationLength'
  | 'linksTooMany'
  | 'linkInvalid';

/** "US clients you serve today" is asked of US-based applicants; others may leave it empty. */
export function usClientsRequired(country: string | null): boolean {
  return country === 'US';
}

export function checkApplication(values: ApplicationValues): Partial<Record<keyof ApplicationValues, ApplicationProblem>> {
  const problems: Partial<Record<keyof ApplicationValues, ApplicationProblem>> = {};
  if (!values.m365_experience) problems.m365_experience = 'experienceRequired';
  const clients = values.us_clients_served;
  const skipped = clients === '' && !usClientsRequired(values.country);
  if (!skipped && (typeof clients !== 'number' || !Number.isInteger(clients) || clients < 0 || clients > LIMITS.clientsMax)) {
    problems.us_clients_served = 'clientsRange';
  }
  if (values.certifications.length > LIMITS.certifications) problems.certifications = 'certificationsTooMany';
  else if (values.certifications.some((c) => c.trim().length === 0 || c.trim().length > LIMITS.certificationLength)) {
    problems.certifications = 'certificationTooLong';
  }
  if (!values.country) problems.country = 'countryRequired';
  const motivation = values.motivation.trim().length;
  if (motivation < LIMITS.motivationMin || motivation > LIMITS.motivationMax) problems.motivation = 'motivationLength';
  if (values.links.length > LIMITS.links) problems.links = 'linksTooMany';
  else if (values.links.some((link) => !isHttpUrl(link.trim()))) problems.links = 'linkInvalid';
  return problems;
}

/** The request body; call only once checkApplication found nothing. */
export function toApplicationForm(values: ApplicationValues): ApplicationForm {
  return {
    m365_experience: values.m365_experience as Experience,
    us_clients_served: values.us_clients_served === '' ? null : Number(values.us_clients_served),
    certifications: values.certifications.map((c) => c.trim()),
    country: values.country ?? '',
    motivation: values.motivation.trim(),
    links: values.links.map((l) => l.trim()),
  };
}
