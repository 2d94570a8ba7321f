// GET /api/v1/admin/invitations
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { CursorPage, Invitation, InvitationQuery } from './types';

export async function listInvitations(query: InvitationQuery): Promise<CursorPage<Invitation>> {
  return unwrap(await api.GET('/api/v1/admin/invitations', { params: { query } }));
}

export type InvitationFilters = Pick<InvitationQuery, 'status' | 'kind'>;

/** Invitations, newest first, filtered by status and kind. */
export function useInvitations(filters: InvitationFilters) {
  return useCursorList([...staffKeys.invitations, 'list', filters], (cursor, limit) =>
    listInvitations({ ...filters, cursor, limit }),
  );
}
