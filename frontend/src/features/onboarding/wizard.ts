// Which steps the onboarding wizard has and where it opens. It is resumable: it opens at
// the first step still to do, judged by /me's missing steps and the profile's
// completion flags, so leaving half way and coming back lands where one left off.
import type { Profile } from '@/lib/api/types';

export type WizardStep = 'intro' | 'personal' | 'business' | 'tax' | 'terms';

export interface WizardInput {
  /** False for freelancers who were here before the programme: they only accept the terms. */
  onboardingRequired: boolean;
  missingSteps: readonly string[];
  profile: Pick<Profile, 'completed' | 'updated_at'> & { personal: { country?: string | null } };
  hasTaxForm: boolean;
}

/** The W-9 is part of the wizard for US-based freelancers (or when the API asks for it). */
const WITH_TAX: readonly WizardStep[] = ['intro', 'personal', 'business', 'tax', 'terms'];
const WITHOUT_TAX: readonly WizardStep[] = ['intro', 'personal', 'business', 'terms'];

export function wizardSteps(input: WizardInput): WizardStep[] {
  if (!input.onboardingRequired) return ['terms'];
  const needsTax = input.missingSteps.includes('tax_form') || input.profile.personal.country === 'US' || input.hasTaxForm;
  return [...(needsTax ? WITH_TAX : WITHOUT_TAX)];
}

/** The step a US-based freelancer does just before the W-9 (the hints name it). */
export function stepBeforeTax(): WizardStep {
  return WITH_TAX[WITH_TAX.indexOf('tax') - 1] ?? 'intro';
}

function isDone(step: WizardStep, input: WizardInput): boolean {
  const missing = new Set(input.missingSteps);
  switch (step) {
    // The introduction counts as read once anything has been saved.
    case 'intro':
      return input.profile.updated_at != null || input.profile.completed.personal;
    case 'personal':
      return input.profile.completed.personal && !missing.has('personal_info');
    case 'business':
      return input.profile.completed.business && !missing.has('business_info');
    case 'tax':
      return !missing.has('tax_form');
    case 'terms':
      return !missing.has('terms');
  }
}

/**
 * The index to open at: `requested` when that step exists (the terms link in emails),
 * else the first step not done; `steps.length` (the "all done" view) when none is left.
 */
export function startingStep(steps: readonly WizardStep[], input: WizardInput, requested?: WizardStep): number {
  if (requested && steps.includes(requested)) return steps.indexOf(requested);
  const index = steps.findIndex((step) => !isDone(step, input));
  return index === -1 ? steps.length : index;
}

export function stepIsDone(step: WizardStep, input: WizardInput): boolean {
  return isDone(step, input);
}
