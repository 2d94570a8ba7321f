// The catalogue's API types. TEMPORARY: from ./pendingTypes until the routes are in
// openapi.yaml; then named after the generated operations (ResultOf/BodyOf).
export type { AdminPlan, AdminProduct, Catalog, NewPlan, NewProduct, PlanChanges } from './pendingTypes';
