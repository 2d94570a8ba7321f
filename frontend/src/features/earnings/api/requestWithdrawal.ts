// POST /api/v1/me/withdrawals
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { earningKeys } from './keys';
import type { NewWithdrawal, Withdrawal } from './types';

export async function requestWithdrawal(body: NewWithdrawal): Promise<Withdrawal> {
  return unwrap(await api.POST('/api/v1/me/withdrawals', { body }));
}

/**
 * Withdraws from available funds; the answer already says whether the payout went
 * through (paid), failed (the money is back) or is still on its way (requested).
 */
export function useRequestWithdrawal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestWithdrawal,
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: earningKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['dashboard'] }),
      ]);
    },
  });
}
