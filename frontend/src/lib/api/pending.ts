// TEMPORARY (issue 8): the commerce routes are being built on other branches while the
// staff pages are written against the contract. Until they reach openapi.yaml, each
// feature's api/pendingTypes.ts describes its routes in openapi-typescript's shape with
// these helpers, and calls them through `pendingClient`, the app's own client (same
// token refresh, same Accept-Language) typed with those routes. Once schema.ts has the
// routes, the features call `api` again and this file and every pendingTypes.ts go.
import type { Client } from 'openapi-fetch';
import { api } from './client';
import type { Problem } from './types';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Empty = { headers: { [name: string]: unknown }; content?: never };
type Failure = { headers: { [name: string]: unknown }; content: { 'application/problem+json': Problem } };

/** What an operation takes and gives; `status` is its success status (200 by default). */
export interface OpSpec {
  query?: object;
  path?: object;
  body?: object;
  result?: unknown;
  status?: 200 | 201 | 204;
}

/** One operation in openapi-typescript's shape. */
export type PendingOp<S extends OpSpec> = {
  parameters: { query?: S['query']; header?: never; cookie?: never } & (S['path'] extends object
    ? { path: S['path'] }
    : { path?: never });
  responses: { [K in S['status'] extends number ? S['status'] : 200]: K extends 204 ? Empty : Json<S['result']> } & {
    default: Failure;
  };
} & (S['body'] extends object ? { requestBody: { content: { 'application/json': S['body'] } } } : { requestBody?: never });

/** A path item with only the given methods. */
export type PendingPath<M extends Partial<Record<'get' | 'put' | 'post' | 'delete' | 'patch', unknown>>> = Omit<
  {
    parameters: { query?: never; header?: never; path?: never; cookie?: never };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  },
  keyof M
> &
  M;

/** The app's client, typed with routes that openapi.yaml does not have yet. */
export function pendingClient<Paths extends object>(): Client<Paths> {
  return api as unknown as Client<Paths>;
}
