// The catalogue's API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, ResultOf } from '@/lib/api/operations';

export type Catalog = ResultOf<'get_admin_catalog'>;
/** A product with its plans, retired ones included. */
export type AdminProduct = Catalog['products'][number];
/** A plan as staff see it: what the shop sells, plus whether it is on sale and where it sorts. */
export type AdminPlan = AdminProduct['plans'][number];
export type NewProduct = BodyOf<'create_product'>;
export type NewPlan = BodyOf<'create_plan'>;
export type PlanChanges = BodyOf<'update_plan'>;
