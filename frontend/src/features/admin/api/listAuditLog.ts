// GET /api/v1/admin/audit-log
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { AuditEntry, AuditQuery, CursorPage } from './types';

export async function listAuditLog(query: AuditQuery): Promise<CursorPage<AuditEntry>> {
  return unwrap(await api.GET('/api/v1/admin/audit-log', { params: { query } }));
}

export type AuditFilters = Pick<AuditQuery, 'action' | 'actor_id' | 'subject_type' | 'subject_id'>;

/** The audit log, newest first. */
export function useAuditLog(filters: AuditFilters) {
  return useCursorList([...staffKeys.audit, 'list', filters], (cursor, limit) =>
    listAuditLog({ ...filters, cursor, limit }),
  );
}
