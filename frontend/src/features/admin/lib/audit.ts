// The audit log's actions and subject types, each with a label in every catalogue
// (`staffAudit.actions.<action>`, `staffAudit.subjects.<type>`; auditLabels.test.ts
// fails on a missing one, and on an action in openapi.yaml that is missing here).
import type { components } from '@/lib/api/schema';

export type AuditAction = components['schemas']['AuditAction'];

/** The audit log's filters (URL search params). */
export const AUDIT_SPEC = { action: 'text', actor_id: 'text', subject_type: 'text', subject_id: 'text' } as const;

// A record, not a list, so that TypeScript refuses to build when the spec gains an action.
const ACTIONS: Record<AuditAction, true> = {
  'application.submitted': true,
  'application.approved': true,
  'application.rejected': true,
  'appeal.submitted': true,
  'appeal.in_review': true,
  'appeal.upheld': true,
  'appeal.denied': true,
  'invitation.created': true,
  'invitation.resent': true,
  'invitation.revoked': true,
  'invitation.accepted': true,
  'freelancer.tier_changed': true,
  'freelancer.became_eligible': true,
  'terms.published': true,
  'terms.accepted': true,
  'tax_form.saved': true,
  'support_ticket.closed': true,
  'user.registered': true,
  'user.email_verified': true,
  'user.updated': true,
  'user.role_granted': true,
  'user.role_revoked': true,
  'auth.login': true,
  'auth.login_failed': true,
  'auth.logout': true,
  'auth.password_reset_requested': true,
  'auth.password_reset': true,
  'session.reuse_detected': true,
  'clock.advanced': true,
  'catalog.plan_created': true,
  'catalog.plan_updated': true,
  'catalog.product_created': true,
  'commerce_settings.updated': true,
  'customer_account.submitted': true,
  'customer_account.approved': true,
  'customer_account.rejected': true,
  'earning.adjusted': true,
  'earning.retimed': true,
  'earning.reversed': true,
  'invoice.issued': true,
  'invoice.credit_note_issued': true,
  'order.placed': true,
  'order.self_referral': true,
  'partnership.accepted': true,
  'payment.failed': true,
  'payment.refunded': true,
  'provisioning.failed': true,
  'subscription.activated': true,
  'subscription.auto_renew_changed': true,
  'subscription.cancelled': true,
  'subscription.expired': true,
  'subscription.reactivated': true,
  'subscription.renewal_failed': true,
  'subscription.renewed': true,
  'subscription.seats_changed': true,
  'subscription.suspended': true,
  'tax_rate.changed': true,
  'tax_rate.removed': true,
  'withdrawal.requested': true,
  'withdrawal.paid': true,
  'withdrawal.failed': true,
  'withdrawal.retried': true,
};

/** Every action the backend writes, in the order the filter offers them. */
export const AUDIT_ACTIONS = Object.keys(ACTIONS) as AuditAction[];

/** The subject types the backend writes (free text in the API). */
export const KNOWN_SUBJECT_TYPES = [
  'application',
  'appeal',
  'invitation',
  'freelancer',
  'terms',
  'tax_form',
  'support_ticket',
  'user',
  'account',
  'clock',
  'subscription',
  'customer_account',
  'invoice',
  'order',
  'payment',
  'plan',
  'product',
  'tax_rate',
  'commerce_settings',
  'provisioning_task',
  'partnership',
  'earning_entry',
  'withdrawal',
] as const;

/** The catalogue key of an action's label. */
export function actionKey(action: string): string {
  return `staffAudit.actions.${action}`;
}

/** The catalogue key of a subject type's label. */
export function subjectKey(subjectType: string): string {
  return `staffAudit.subjects.${subjectType}`;
}

/** Pretty JSON for an entry's before/after, or null when there is nothing to show. */
export function prettyJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && Object.keys(value).length === 0) return null;
  return JSON.stringify(value, null, 2);
}
