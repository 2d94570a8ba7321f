// The tax table's API types. TEMPORARY: from ./pendingTypes until the routes are in
// openapi.yaml; then named after the generated operations (ResultOf/BodyOf).
export type { TaxRate, TaxRateForm, TaxRateList } from './pendingTypes';
