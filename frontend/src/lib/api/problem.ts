// Errors from the API as values: every non-2xx answer becomes an ApiError carrying the
// RFC 9457 problem document, so pages can show field errors and translated messages.
import type { FieldError, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds from a Retry-After header, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get code(): string {
    return this.problem.code;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).status === 'number' &&
    typeof (body as Problem).code === 'string'
  );
}

function parseRetryAfter(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds an ApiError from an openapi-fetch error body, tolerating non-problem bodies. */
export function toApiError(body: unknown, response: Response): ApiError {
  const problem: Problem = isProblem(body)
    ? body
    : {
        type: 'about:blank',
        title: response.statusText || `HTTP ${response.status}`,
        status: response.status,
        code: `http_${response.status}`,
        detail: typeof body === 'string' && body.length > 0 && body.length < 500 ? body : response.statusText,
      };
  return new ApiError(problem, parseRetryAfter(response));
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Returns the data of a successful call or throws an ApiError. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}
