// Email verification as far as every feature needs it: whether the signed-in user's
// address is confirmed, and asking for a new link. The link itself is followed on the
// auth feature's /verify-email page.
//
// The routes are newer than the generated schema on this branch, so the two operations are
// typed here by hand, narrowly, and called through the app's client (bearer token and
// refresh included). Once schema.ts has them, `VerificationPaths` and `MeVerification`
// give way to the generated types.
import { useMutation } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Me, Problem } from '@/lib/api/types';

type NoParameters = { query?: never; header?: never; path?: never; cookie?: never };
type ProblemResponse = { headers: Record<string, unknown>; content: { 'application/problem+json': Problem } };
type Operation<Body> = {
  parameters: NoParameters;
  requestBody: { content: { 'application/json': Body } };
  responses: {
    200: { headers: Record<string, unknown>; content: { 'application/json': unknown } };
    202: { headers: Record<string, unknown>; content?: never };
    204: { headers: Record<string, unknown>; content?: never };
    default: ProblemResponse;
  };
};
type PathItem<Body> = {
  parameters: NoParameters;
  get?: never;
  put?: never;
  post: Operation<Body>;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};

export interface VerificationPaths {
  '/api/v1/auth/verify-email': PathItem<{ token: string }>;
  '/api/v1/auth/verify-email/resend': PathItem<Record<string, never>>;
}

export const verificationApi = api as unknown as Client<VerificationPaths>;

/** GET /me with the verification flag (absent from servers that do not verify yet). */
export type MeVerification = Me & { email_verified?: boolean };

/** True only when the API says the address is not confirmed (an older API says nothing). */
export function needsEmailVerification(me: Me | null | undefined): boolean {
  return (me as MeVerification | null | undefined)?.email_verified === false;
}

/** POST /api/v1/auth/verify-email/resend: emails a new link to the signed-in user. */
export async function resendVerificationEmail(): Promise<void> {
  unwrap(await verificationApi.POST('/api/v1/auth/verify-email/resend', { body: {} }));
}

export function useResendVerificationEmail() {
  return useMutation({ mutationFn: resendVerificationEmail });
}
