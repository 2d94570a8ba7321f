// The customer-account review's API types, named after the operations in openapi.yaml
// (nothing here is written by hand).
import type { BodyOf, QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

/** A customer account as staff see it: the account and, when known, the customer who owns it. */
export type CustomerAccount = ResultOf<'get_customer_account'>;
export type CustomerAccountStatus = CustomerAccount['status'];
export type CustomerAccountQuery = QueryOf<'list_customer_accounts'>;
export type RejectAccountForm = BodyOf<'reject_customer_account'>;
export type CommerceSettings = ResultOf<'get_commerce_settings'>;
