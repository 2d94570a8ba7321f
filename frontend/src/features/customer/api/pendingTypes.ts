// TEMPORARY: the customer-account and partnership shapes as /work/tasks/contract.md states
// them, until the generated schema has them (then this file goes and the names come from
// schema.ts).
export type CustomerAccountStatus = 'submitted' | 'approved' | 'rejected' | 'active';
export type PartnershipStatus = 'pending' | 'accepted' | 'superseded';

export interface Address {
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country: string;
}

export interface PrimaryContact {
  name: string;
  email: string;
  phone: string;
}

export interface CustomerAccountInput {
  account_name: string;
  address: Address;
  primary_contact: PrimaryContact;
  existing_customer: boolean;
  /** New: the name part (or name.onmicrosoft.com); existing: their own domain. */
  domain: string;
}

export interface CustomerAccount extends CustomerAccountInput {
  id: string;
  status: CustomerAccountStatus;
  rejection_reason: string | null;
  reviewed_at: string | null;
  partnership_accepted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DomainAvailability {
  domain: string;
  available: boolean;
}

export interface PartnershipInvitation {
  account_name: string;
  status: PartnershipStatus;
  expires_at: string;
}

export interface PartnershipAccepted {
  account: CustomerAccount;
  subscriptions: { id: string; plan_name: string; seats: number; status: string }[];
}
