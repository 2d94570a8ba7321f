// The API client for the earnings routes while they are not yet in openapi.yaml: the app's
// client (tokens, refresh, language), typed with the routes as the contract states them.
// Once the spec has them, this file goes and the fetchers use `api` directly.
import type { Client } from 'openapi-fetch';
import { api } from '@/lib/api/client';
import type {
  AdjustmentRequest,
  EarningDetail,
  EarningEntry,
  EarningKind,
  EarningStatus,
  FreelancerEarningsPage,
  LedgerReport,
  StaffWithdrawal,
  WithdrawalStatus,
} from './types';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Params<Path, Query> = ([Path] extends [never] ? { path?: never } : { path: Path }) &
  ([Query] extends [never] ? { query?: never } : { query?: Query }) & { header?: never; cookie?: never };
type NoPath = { query?: never; header?: never; path?: never; cookie?: never };
type Get<Path, Query, Result> = { parameters: Params<Path, Query>; requestBody?: never; responses: { 200: Json<Result> } };
type Post<Path, Body, Result> = ([Body] extends [undefined] ? { requestBody?: never } : { requestBody: { content: { 'application/json': Body } } }) & {
  parameters: Params<Path, never>;
  responses: { 200: Json<Result>; 201: Json<Result> };
};
type Item<Ops> = { parameters: NoPath } & Ops;

interface EarningPaths {
  '/api/v1/admin/freelancers/{id}/earnings': Item<{
    get: Get<{ id: string }, { kind?: EarningKind; status?: EarningStatus; limit?: number; cursor?: string }, FreelancerEarningsPage>;
  }>;
  '/api/v1/admin/freelancers/{id}/earnings/{entry_id}': Item<{ get: Get<{ id: string; entry_id: string }, never, EarningDetail> }>;
  '/api/v1/admin/freelancers/{id}/adjustments': Item<{ post: Post<{ id: string }, AdjustmentRequest, EarningEntry> }>;
  '/api/v1/admin/withdrawals': Item<{
    get: Get<never, { status?: WithdrawalStatus; limit?: number; cursor?: string }, { data: StaffWithdrawal[]; next_cursor?: string | null }>;
  }>;
  '/api/v1/admin/withdrawals/{id}/retry': Item<{ post: Post<{ id: string }, undefined, StaffWithdrawal> }>;
  '/api/v1/admin/ledger/verify': Item<{ get: Get<never, never, LedgerReport> }>;
}

export const earningsApi = api as unknown as Client<EarningPaths>;
