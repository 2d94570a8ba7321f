// The customer-account set-up and partnership API types, named after the operations in
// openapi.yaml (nothing here is written by hand).
import type { BodyOf, ResultOf } from '@/lib/api/operations';

export type CustomerAccount = ResultOf<'get_my_customer_account'>;
/** What the set-up form sends (POST /customer/accounts and PUT /customer/account take the same). */
export type CustomerAccountInput = BodyOf<'create_customer_account'>;
export type DomainAvailability = ResultOf<'check_domain_availability'>;
export type PartnershipInvitation = ResultOf<'get_partnership_invitation'>;
/** The account, now active, and the subscriptions the acceptance activated. */
export type PartnershipAccepted = ResultOf<'accept_partnership_invitation'>;
