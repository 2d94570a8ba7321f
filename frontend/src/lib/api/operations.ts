// Types of an API operation by its operationId in openapi.yaml (the generated schema is
// the single source): each feature's api/types.ts names the ones it uses.
import type { operations } from '@/lib/api/schema';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The query parameters an operation takes. */
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
/** The JSON body an operation takes. */
export type BodyOf<Op extends keyof operations> = Json<operations[Op]['requestBody']>;
/** The JSON an operation answers with on success. */
export type ResultOf<Op extends keyof operations> = operations[Op]['responses'] extends { 200: infer R }
  ? Json<R>
  : operations[Op]['responses'] extends { 201: infer R }
    ? Json<R>
    : never;

/** One page of a cursor-paginated list. */
export interface CursorPage<T> {
  data: T[];
  next_cursor?: string | null;
}
