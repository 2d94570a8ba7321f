// Values the audit log filters suggest; the log itself accepts any action or type, so
// actions added by later features can still be typed in.
/** The audit log's filters (URL search params), all free text. */
export const AUDIT_SPEC = { action: 'text', actor_id: 'text', subject_type: 'text', subject_id: 'text' } as const;

export const KNOWN_ACTIONS = [
  'application.submitted',
  'application.approved',
  'application.rejected',
  'appeal.submitted',
  'appeal.in_review',
  'appeal.upheld',
  'appeal.denied',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'freelancer.tier_changed',
  'freelancer.became_eligible',
  'terms.published',
  'terms.accepted',
  'tax_form.saved',
  'support_ticket.closed',
  'user.registered',
  'user.role_granted',
  'session.reuse_detected',
  'clock.advanced',
] as const;

export const KNOWN_SUBJECT_TYPES = [
  'application',
  'appeal',
  'invitation',
  'freelancer',
  'terms',
  'tax_form',
  'support_ticket',
  'user',
  'clock',
] as const;

/** Pretty JSON for an entry's before/after, or null when there is nothing to show. */
export function prettyJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && Object.keys(value).length === 0) return null;
  return JSON.stringify(value, null, 2);
}
