import { describe, expect, it } from 'vitest';
import { startingStep, wizardSteps, type WizardInput } from './wizard';

function input(overrides: Partial<WizardInput> & { country?: string | null; personal?: boolean; business?: boolean; saved?: boolean }): WizardInput {
  const { country = null, personal = false, business = false, saved = false, ...rest } = overrides;
  return {
    onboardingRequired: true,
    missingSteps: [],
    hasTaxForm: false,
    profile: { completed: { personal, business }, updated_at: saved ? '2026-11-27T10:00:00Z' : null, personal: { country } },
    ...rest,
  };
}

describe('wizardSteps', () => {
  it('has the W-9 step only for US-based freelancers', () => {
    expect(wizardSteps(input({ country: 'DE' }))).toEqual(['intro', 'personal', 'business', 'terms']);
    expect(wizardSteps(input({ country: 'US' }))).toEqual(['intro', 'personal', 'business', 'tax', 'terms']);
    // The API knows best (e.g. the application said US before the profile had a country).
    expect(wizardSteps(input({ missingSteps: ['tax_form'] }))).toContain('tax');
  });

  it('is only the terms for freelancers who were here before the programme', () => {
    expect(wizardSteps(input({ onboardingRequired: false, country: 'US' }))).toEqual(['terms']);
  });
});

describe('startingStep', () => {
  const missingAll = ['personal_info', 'business_info', 'tax_form', 'terms'];

  it('opens at the introduction on the first visit', () => {
    const i = input({ missingSteps: missingAll, country: null });
    expect(startingStep(wizardSteps(i), i)).toBe(0);
  });

  it('resumes at the personal step once something was saved', () => {
    const i = input({ missingSteps: missingAll, saved: true });
    expect(wizardSteps(i)[startingStep(wizardSteps(i), i)]).toBe('personal');
  });

  it('resumes at the first step still missing', () => {
    const business = input({ missingSteps: ['business_info', 'terms'], saved: true, personal: true, country: 'DE' });
    expect(wizardSteps(business)[startingStep(wizardSteps(business), business)]).toBe('business');
    const tax = input({ missingSteps: ['tax_form', 'terms'], saved: true, personal: true, business: true, country: 'US' });
    expect(wizardSteps(tax)[startingStep(wizardSteps(tax), tax)]).toBe('tax');
    const terms = input({ missingSteps: ['terms'], saved: true, personal: true, business: true, country: 'US', hasTaxForm: true });
    expect(wizardSteps(terms)[startingStep(wizardSteps(terms), terms)]).toBe('terms');
  });

  it('shows the end of the wizard when nothing is missing', () => {
    const done = input({ missingSteps: [], saved: true, personal: true, business: true, country: 'DE' });
    const steps = wizardSteps(done);
    expect(startingStep(steps, done)).toBe(steps.length);
  });

  it('opens at the requested step (the terms link in emails)', () => {
    const i = input({ missingSteps: missingAll, country: 'US' });
    expect(startingStep(wizardSteps(i), i, 'terms')).toBe(4);
  });

  it('opens existing freelancers at the terms', () => {
    const i = input({ onboardingRequired: false, missingSteps: ['terms'] });
    expect(startingStep(wizardSteps(i), i)).toBe(0);
  });
});
