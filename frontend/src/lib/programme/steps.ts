// Where a freelancer goes next. The API lists the missing steps in the order the SPA
// walks them (`application`, `approval`, `personal_info`, `business_info`, `tax_form`,
// `terms`); the first one decides the page, the programme status refines the wording.
import { isApiError } from '@/lib/api/problem';
import type { FreelancerSummary } from '@/lib/api/types';

export const PROGRAMME_STEPS = ['application', 'approval', 'personal_info', 'business_info', 'tax_form', 'terms'] as const;
export type ProgrammeStep = (typeof PROGRAMME_STEPS)[number];

/** The page where a missing step is done. Unknown (future) steps open the onboarding wizard. */
export function stepRoute(step: string): string {
  switch (step) {
    case 'application':
    case 'approval':
      return '/app/application';
    case 'terms':
      return '/app/onboarding/terms';
    default:
      return '/app/onboarding';
  }
}

/** What the "Next step" card offers; each kind has its wording in the catalogue. */
export type NextActionKind =
  | 'apply'
  | 'awaitReview'
  | 'appeal'
  | 'awaitAppeal'
  | 'personalInfo'
  | 'businessInfo'
  | 'taxForm'
  | 'terms'
  | 'onboarding'
  | 'dashboard';

export interface NextAction {
  kind: NextActionKind;
  /** The step it comes from (null once eligible). */
  step: string | null;
  to: string;
}

const KIND_OF_STEP: Record<string, NextActionKind> = {
  application: 'apply',
  personal_info: 'personalInfo',
  business_info: 'businessInfo',
  tax_form: 'taxForm',
  terms: 'terms',
};

export function nextAction(freelancer: Pick<FreelancerSummary, 'status' | 'eligible' | 'missing_steps'>): NextAction {
  const step = freelancer.missing_steps[0];
  if (freelancer.eligible || step === undefined) return { kind: 'dashboard', step: null, to: '/app/dashboard' };
  if (step === 'approval') {
    const kind: NextActionKind =
      freelancer.status === 'rejected' ? 'appeal' : freelancer.status === 'appealed' ? 'awaitAppeal' : 'awaitReview';
    return { kind, step, to: '/app/application' };
  }
  return { kind: KIND_OF_STEP[step] ?? 'onboarding', step, to: stepRoute(step) };
}

/** Where the dashboard sends a freelancer it refuses (403 `not_eligible`). */
export function gateRedirect(missingSteps: readonly string[] | null | undefined): string {
  const first = missingSteps?.[0];
  return first ? stepRoute(first) : '/app';
}

/** The missing steps of a 403 `not_eligible` (pages of eligible freelancers only), else null. */
export function notEligibleSteps(error: unknown): string[] | null {
  return isApiError(error) && error.code === 'not_eligible' ? (error.problem.missing_steps ?? []) : null;
}
