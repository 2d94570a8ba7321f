// The rejection form's rules, shared by the modal and its tests.
import { noteProblem } from '@/lib/notes/decisionNote';
import type { RejectionReason } from '../api/types';

export const REJECTION_REASONS: readonly RejectionReason[] = [
  'needs_more_detail',
  'does_not_meet_requirements',
  'not_the_right_fit',
  'other',
];

/** Which fields of the reject form are wrong, as translation keys; empty when it may be sent. */
export function rejectFormErrors(values: { reason: string; note: string }): { reason?: string; note?: string } {
  const errors: { reason?: string; note?: string } = {};
  if (!REJECTION_REASONS.includes(values.reason as RejectionReason)) errors.reason = 'staffApplications.reject.reasonRequired';
  if (values.reason === 'other' && !values.note.trim()) errors.note = 'staffApplications.reject.noteRequired';
  const problem = noteProblem(values.note);
  if (problem) errors.note = problem;
  return errors;
}
