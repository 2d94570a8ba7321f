// TEMPORARY (issue 8): the catalogue routes as /work/tasks/contract.md describes them,
// until they reach openapi.yaml. Then this file goes: types.ts names the generated
// operations and the api/ files call `api` from '@/lib/api/client'.
import { pendingClient, type PendingOp, type PendingPath } from '@/lib/api/pending';

/** A plan as staff see it: what the shop sells, plus whether it is on sale and where it sorts. */
export interface AdminPlan {
  id: string;
  product_id: string;
  product_name: string;
  name: string;
  description: string;
  currency: string;
  /** Per seat per month, billed monthly. */
  monthly_price_cents: number;
  /** Per seat per year, billed yearly. */
  yearly_price_cents: number;
  commission_rate_bps: number;
  active: boolean;
  sort_order: number;
}

export interface AdminProduct {
  id: string;
  name: string;
  vendor: string;
  description: string;
  plans: AdminPlan[];
}

export interface Catalog {
  products: AdminProduct[];
}

export interface NewProduct {
  name: string;
  vendor: string;
  description: string;
}

export interface NewPlan {
  product_id: string;
  name: string;
  description: string;
  monthly_price_cents: number;
  yearly_price_cents: number;
  commission_rate_bps: number;
}

export type PlanChanges = Partial<Omit<NewPlan, 'product_id'> & { active: boolean }>;

export type PendingPaths = {
  '/api/v1/admin/catalog': PendingPath<{ get: PendingOp<{ result: Catalog }> }>;
  '/api/v1/admin/products': PendingPath<{ post: PendingOp<{ body: NewProduct; result: AdminProduct; status: 201 }> }>;
  '/api/v1/admin/plans': PendingPath<{ post: PendingOp<{ body: NewPlan; result: AdminPlan; status: 201 }> }>;
  '/api/v1/admin/plans/{id}': PendingPath<{ patch: PendingOp<{ path: { id: string }; body: PlanChanges; result: AdminPlan }> }>;
};

export const api = pendingClient<PendingPaths>();
