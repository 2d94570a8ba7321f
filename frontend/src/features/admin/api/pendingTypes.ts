// TEMPORARY (issue 8): the customer-account queue the home counts, as
// /work/tasks/contract.md describes it, until it reaches openapi.yaml. Then this file goes
// and countQueues.ts calls `api` from '@/lib/api/client'.
import { pendingClient, type PendingOp, type PendingPath } from '@/lib/api/pending';
import type { CursorPage } from '@/lib/api/operations';

type Query = { status?: 'submitted' | 'approved' | 'rejected' | 'active'; cursor?: string; limit?: number };

export type PendingPaths = {
  '/api/v1/admin/customer-accounts': PendingPath<{ get: PendingOp<{ query: Query; result: CursorPage<{ id: string }> }> }>;
};

export const pendingApi = pendingClient<PendingPaths>();
