// The customer-account review's API types. TEMPORARY: from ./pendingTypes until the routes
// are in openapi.yaml; then named after the generated operations (ResultOf/QueryOf/BodyOf).
export type { CursorPage } from '@/lib/api/operations';
export type {
  CommerceSettings,
  CustomerAccountQuery,
  CustomerAccountStatus,
  RejectAccountForm,
  StaffCustomerAccount as CustomerAccount,
} from './pendingTypes';
