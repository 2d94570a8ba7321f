// POST /api/v1/checkout (customer) with an Idempotency-Key per submission.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { CheckoutRequest, CheckoutResult } from './types';
import type { Purchase } from './getPurchase';
import { storefrontKeys } from './keys';

export async function checkout(body: CheckoutRequest, idempotencyKey: string): Promise<CheckoutResult> {
  return unwrap(await api.POST('/api/v1/checkout', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }));
}

export interface CheckoutSubmission {
  body: CheckoutRequest;
  idempotencyKey: string;
}

/** Buys; the confirmation page finds the result in the cache (no second request). */
export function useCheckout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: CheckoutSubmission) => checkout(body, idempotencyKey),
    onSuccess: (result) => {
      const purchase: Purchase = { subscription: result.subscription, invoice: result.invoice };
      queryClient.setQueryData(storefrontKeys.purchase(result.subscription.id), purchase);
    },
  });
}
