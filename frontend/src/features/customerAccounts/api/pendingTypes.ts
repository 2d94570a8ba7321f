// TEMPORARY (issue 8): the customer-account review routes as /work/tasks/contract.md
// describes them, until they reach openapi.yaml. Then this file goes: types.ts names the
// generated operations and the api/ files call `api` from '@/lib/api/client'.
import { pendingClient, type PendingOp, type PendingPath } from '@/lib/api/pending';
import type { CursorPage } from '@/lib/api/operations';

export type CustomerAccountStatus = 'submitted' | 'approved' | 'rejected' | 'active';

export interface CustomerAccount {
  id: string;
  status: CustomerAccountStatus;
  account_name: string;
  address: {
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postal_code: string;
    country: string;
  };
  primary_contact: { name: string; email: string; phone: string };
  existing_customer: boolean;
  domain: string;
  rejection_reason: string | null;
  reviewed_at: string | null;
  partnership_accepted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The staff view: the account and the customer who owns it. */
export type StaffCustomerAccount = CustomerAccount & { owner: { id: string; email: string; full_name: string } };

export interface CustomerAccountQuery {
  status?: CustomerAccountStatus;
  cursor?: string;
  limit?: number;
}

export interface RejectAccountForm {
  reason: string;
}

export interface CommerceSettings {
  auto_approve_accounts: boolean;
}

type Id = { id: string };

export type PendingPaths = {
  '/api/v1/admin/customer-accounts': PendingPath<{
    get: PendingOp<{ query: CustomerAccountQuery; result: CursorPage<StaffCustomerAccount> }>;
  }>;
  '/api/v1/admin/customer-accounts/{id}': PendingPath<{ get: PendingOp<{ path: Id; result: StaffCustomerAccount }> }>;
  '/api/v1/admin/customer-accounts/{id}/approve': PendingPath<{ post: PendingOp<{ path: Id; result: StaffCustomerAccount }> }>;
  '/api/v1/admin/customer-accounts/{id}/reject': PendingPath<{
    post: PendingOp<{ path: Id; body: RejectAccountForm; result: StaffCustomerAccount }>;
  }>;
  '/api/v1/admin/commerce-settings': PendingPath<{
    get: PendingOp<{ result: CommerceSettings }>;
    put: PendingOp<{ body: CommerceSettings; result: CommerceSettings }>;
  }>;
};

export const api = pendingClient<PendingPaths>();
