// The dashboard's types. The contract between the helpers adds recent sales, link clicks
// and conversion to GET /me/dashboard; until the merged spec names them they are written
// here on top of the generated `Dashboard`.
import type { ResultOf } from '@/lib/api/operations';
import type { Dashboard as BaseDashboard } from '@/lib/api/types';

export interface RecentSale {
  subscription_id: string;
  plan_name: string;
  billing_term: 'monthly' | 'yearly';
  seats: number;
  status: string;
  created_at: string;
  commission_cents?: number | null;
}

export type Dashboard = Omit<BaseDashboard, 'earnings'> & {
  earnings: BaseDashboard['earnings'] & { provisional?: boolean };
  recent_sales: RecentSale[];
  link_clicks: { total: number; last_30_days: number };
  conversion: { clicks_30_days: number; sales_30_days: number; rate_bps?: number | null };
};

/** A subscription sold through the link (GET /me/subscriptions). */
export type ReferredSubscription = ResultOf<'list_referred_subscriptions'>['data'][number];

/** Its filters: status, plan, and a date range on `created_at` (YYYY-MM-DD). */
export interface SalesFilters {
  status?: string;
  plan_id?: string;
  from?: string;
  to?: string;
}
