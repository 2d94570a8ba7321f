// The staff freelancer pages' API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

export type FreelancerView = ResultOf<'get_freelancer'>;
export type FreelancerQuery = QueryOf<'list_freelancers'>;
export type Tier = BodyOf<'set_freelancer_tier'>['tier'];
export type Program = ResultOf<'get_program'>;
