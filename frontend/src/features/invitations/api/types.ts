// The staff invitation pages' API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

export type Invitation = ResultOf<'revoke_invitation'>;
export type IssuedInvitation = ResultOf<'create_invitation'>;
export type NewInvitation = BodyOf<'create_invitation'>;
export type InvitationKind = NewInvitation['kind'];
export type InvitationQuery = QueryOf<'list_invitations'>;
