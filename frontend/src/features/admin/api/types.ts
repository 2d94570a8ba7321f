// The staff area's API types, named after the operations in openapi.yaml (the generated
// schema is the single source; nothing here is written by hand).
import type { operations } from '@/lib/api/schema';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The query parameters an operation takes. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
/** The JSON body an operation takes. */
export type BodyOf<Op extends keyof operations> = Json<operations[Op]['requestBody']>;
/** The JSON an operation answers with on success. */
export type ResultOf<Op extends keyof operations> = operations[Op]['responses'] extends { 200: infer R }
  ? Json<R>
  : operations[Op]['responses'] extends { 201: infer R }
    ? Json<R>
    : never;

/** One page of a cursor-paginated list. */
export interface CursorPage<T> {
  data: T[];
  next_cursor?: string | null;
}

export type Invitation = ResultOf<'revoke_invitation'>;
export type IssuedInvitation = ResultOf<'create_invitation'>;
export type NewInvitation = BodyOf<'create_invitation'>;
export type InvitationKind = NewInvitation['kind'];
export type InvitationQuery = QueryOf<'list_invitations'>;

export type Application = ResultOf<'get_application'>;
export type ApplicationQuery = QueryOf<'list_applications'>;
export type ApproveForm = BodyOf<'approve_application'>;
export type RejectForm = BodyOf<'reject_application'>;
export type RejectionReason = RejectForm['reason'];

export type Appeal = ResultOf<'get_appeal'>;
export type AppealQuery = QueryOf<'list_appeals'>;
export type DecideForm = BodyOf<'decide_appeal'>;
export type Verdict = DecideForm['decision'];

export type Ticket = ResultOf<'staff_close_support_ticket'>;
export type TicketQuery = QueryOf<'list_support_tickets'>;

export type FreelancerView = ResultOf<'get_freelancer'>;
export type FreelancerQuery = QueryOf<'list_freelancers'>;
export type Tier = BodyOf<'set_freelancer_tier'>['tier'];

export type TermsVersion = ResultOf<'publish_terms'>;
export type PublishTermsForm = BodyOf<'publish_terms'>;

export type AuditEntry = ResultOf<'list_audit_log'>['data'][number];
export type AuditQuery = QueryOf<'list_audit_log'>;

export type Program = ResultOf<'get_program'>;
