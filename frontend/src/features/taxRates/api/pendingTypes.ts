// TEMPORARY (issue 8): the tax-rate routes as /work/tasks/contract.md describes them, until
// they reach openapi.yaml. Then this file goes: types.ts names the generated operations
// and the api/ files call `api` from '@/lib/api/client'.
import { pendingClient, type PendingOp, type PendingPath } from '@/lib/api/pending';

/** The tax charged on invoices to buyers in one country. */
export interface TaxRate {
  /** ISO 3166-1 alpha-2. */
  country: string;
  rate_bps: number;
  label: string;
  updated_at: string;
}

export interface TaxRateList {
  data: TaxRate[];
}

export interface TaxRateForm {
  rate_bps: number;
  label: string;
}

type Country = { country: string };

export type PendingPaths = {
  '/api/v1/admin/tax-rates': PendingPath<{ get: PendingOp<{ result: TaxRateList }> }>;
  '/api/v1/admin/tax-rates/{country}': PendingPath<{
    put: PendingOp<{ path: Country; body: TaxRateForm; result: TaxRate }>;
    delete: PendingOp<{ path: Country; status: 204 }>;
  }>;
};

export const api = pendingClient<PendingPaths>();
