// GET /api/v1/admin/invitations
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { adminKeys } from './keys';
import { useCursorList } from './pagination';
import type { CursorPage, Invitation, InvitationQuery } from './types';

export async function listInvitations(query: InvitationQuery): Promise<CursorPage<Invitation>> {
  return unwrap(await api.GET('/api/v1/admin/invitations', { params: { query } }));
}

export type InvitationFilters = Pick<InvitationQuery, 'status' | 'kind'>;

/** Invitations, newest first, filtered by status and kind. */
export function useInvitations(filters: InvitationFilters) {
  return useCursorList([...adminKeys.invitations, 'list', filters], (cursor, limit) =>
    listInvitations({ ...filters, cursor, limit }),
  );
}
