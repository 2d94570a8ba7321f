import { describe, expect, it } from 'vitest';
import type { FreelancerSummary } from '@/lib/api/types';
import { gateRedirect, nextAction, stepRoute } from './steps';

const freelancer = (status: FreelancerSummary['status'], missing_steps: string[], eligible = false) => ({ status, missing_steps, eligible });

describe('nextAction', () => {
  it('starts with the application', () => {
    expect(nextAction(freelancer('registered', ['application', 'approval', 'personal_info', 'terms']))).toEqual({
      kind: 'apply',
      step: 'application',
      to: '/app/application',
    });
  });

  it('waits for the review, offers the appeal after a rejection, waits for the appeal', () => {
    expect(nextAction(freelancer('submitted', ['approval', 'terms'])).kind).toBe('awaitReview');
    expect(nextAction(freelancer('rejected', ['approval', 'terms']))).toMatchObject({ kind: 'appeal', to: '/app/application' });
    expect(nextAction(freelancer('appealed', ['approval'])).kind).toBe('awaitAppeal');
  });

  it('walks the onboarding steps in the order the API lists them', () => {
    expect(nextAction(freelancer('approved', ['personal_info', 'business_info', 'tax_form', 'terms']))).toEqual({
      kind: 'personalInfo',
      step: 'personal_info',
      to: '/app/onboarding',
    });
    expect(nextAction(freelancer('approved', ['business_info', 'terms'])).kind).toBe('businessInfo');
    expect(nextAction(freelancer('approved', ['tax_form', 'terms'])).kind).toBe('taxForm');
  });

  it('sends to the terms page when only the terms are missing (existing freelancers, new versions)', () => {
    expect(nextAction(freelancer('approved', ['terms']))).toEqual({ kind: 'terms', step: 'terms', to: '/app/onboarding/terms' });
  });

  it('opens the dashboard once eligible', () => {
    expect(nextAction(freelancer('approved', [], true))).toEqual({ kind: 'dashboard', step: null, to: '/app/dashboard' });
  });

  it('treats a step it does not know as part of onboarding', () => {
    expect(nextAction(freelancer('approved', ['upload_passport']))).toEqual({
      kind: 'onboarding',
      step: 'upload_passport',
      to: '/app/onboarding',
    });
  });
});

describe('stepRoute and gateRedirect', () => {
  it('maps every step to its page', () => {
    expect(['application', 'approval', 'personal_info', 'business_info', 'tax_form', 'terms'].map(stepRoute)).toEqual([
      '/app/application',
      '/app/application',
      '/app/onboarding',
      '/app/onboarding',
      '/app/onboarding',
      '/app/onboarding/terms',
    ]);
  });

  it('sends a refused dashboard visit to the first missing step, or home without a list', () => {
    expect(gateRedirect(['approval', 'terms'])).toBe('/app/application');
    expect(gateRedirect(['tax_form', 'terms'])).toBe('/app/onboarding');
    expect(gateRedirect(['terms'])).toBe('/app/onboarding/terms');
    expect(gateRedirect(null)).toBe('/app');
    expect(gateRedirect([])).toBe('/app');
  });
});
