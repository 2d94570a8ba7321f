// The audit log's API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

export type AuditEntry = ResultOf<'list_audit_log'>['data'][number];
export type AuditQuery = QueryOf<'list_audit_log'>;
