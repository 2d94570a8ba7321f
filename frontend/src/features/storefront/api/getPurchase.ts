// GET /api/v1/subscriptions/{id} and GET /api/v1/customer/invoices: what the confirmation
// page shows when it is reloaded (right after checkout the answer is already cached).
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Invoice, Subscription } from './types';
import { storefrontKeys } from './keys';

export interface Purchase {
  subscription: Subscription;
  /** The purchase's invoice; null when it is not among the latest invoices. */
  invoice: Invoice | null;
}

export async function getPurchase(subscriptionId: string): Promise<Purchase> {
  const [subscription, invoices] = await Promise.all([
    api.GET('/api/v1/subscriptions/{id}', { params: { path: { id: subscriptionId } } }).then(unwrap),
    api.GET('/api/v1/customer/invoices', { params: { query: { limit: 50 } } }).then(unwrap),
  ]);
  // The purchase's invoice is the subscription's first (later ones are seat changes, renewals).
  const own = invoices.data.filter((i) => i.subscription_id === subscriptionId && i.kind === 'invoice');
  const invoice = own.reduce<Invoice | null>((first, i) => (first === null || i.number < first.number ? i : first), null);
  return { subscription, invoice };
}

export function usePurchase(subscriptionId: string) {
  return useQuery({ queryKey: storefrontKeys.purchase(subscriptionId), queryFn: () => getPurchase(subscriptionId) });
}
