// POST /api/v1/admin/withdrawals/{id}/retry
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { StaffWithdrawal } from './types';

export async function retryWithdrawal(id: string): Promise<StaffWithdrawal> {
  return unwrap(await api.POST('/api/v1/admin/withdrawals/{id}/retry', { params: { path: { id } } }));
}

/** Attempts a payout that is still requested once more (audited); the answer says how it went. */
export function useRetryWithdrawal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => retryWithdrawal(id),
    onSettled: (withdrawal) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.withdrawals }),
        withdrawal && queryClient.invalidateQueries({ queryKey: staffKeys.earnings(withdrawal.freelancer_id) }),
      ]),
  });
}
