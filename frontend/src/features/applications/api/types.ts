// The review queue's API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

export type Application = ResultOf<'get_application'>;
export type ApplicationQuery = QueryOf<'list_applications'>;
export type ApproveForm = BodyOf<'approve_application'>;
export type RejectForm = BodyOf<'reject_application'>;
export type RejectionReason = RejectForm['reason'];
