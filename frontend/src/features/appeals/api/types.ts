// The staff appeal pages' API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, QueryOf, ResultOf } from '@/lib/api/operations';

export type { CursorPage } from '@/lib/api/operations';

export type Appeal = ResultOf<'get_appeal'>;
export type AppealQuery = QueryOf<'list_appeals'>;
/** The decision; an upheld earning appeal also says how much is credited (`amount_cents`). */
export type DecideForm = BodyOf<'decide_appeal'>;
export type Verdict = DecideForm['decision'];
/** The application an appeal is about, as staff see it. */
export type AppealedApplication = ResultOf<'get_application'>;
/** The ledger entry an earning appeal is about, with its timeline. */
export type { EarningDetail as AppealedEarning } from '@/lib/earnings/types';
