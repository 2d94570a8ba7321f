import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import type { Problem } from '@/lib/api/types';
import { splitProblem } from './fieldErrors';

const t = (key: string, fallback: string) => `t(${key})|${fallback}`;

function apiError(partial: Partial<Problem> & Pick<Problem, 'status' | 'code'>): ApiError {
  return new ApiError({ type: 'about:blank', title: 'T', detail: 'D', ...partial });
}

describe('splitProblem', () => {
  it('puts validation errors next to known fields and leaves no alert', () => {
    const error = apiError({
      status: 422,
      code: 'validation_failed',
      errors: [
        { field: 'email', message: 'Enter a valid email address.' },
        { field: 'password', message: 'Use 10 to 128 characters.' },
      ],
    });
    const { fieldErrors, remaining } = splitProblem(error, ['email', 'password'], t);
    expect(fieldErrors).toEqual({
      email: 'Enter a valid email address.',
      password: 'Use 10 to 128 characters.',
    });
    expect(remaining).toBeNull();
  });

  it('joins several messages for one field', () => {
    const error = apiError({
      status: 422,
      code: 'validation_failed',
      errors: [
        { field: 'email', message: 'is too long.' },
        { field: 'email', message: 'is invalid.' },
      ],
    });
    expect(splitProblem(error, ['email'], t).fieldErrors).toEqual({ email: 'is too long. is invalid.' });
  });

  it('keeps the alert when some errors belong to no field of the form', () => {
    const error = apiError({
      status: 422,
      code: 'validation_failed',
      errors: [
        { field: 'email', message: 'bad' },
        { field: 'invitation_token', message: 'expired' },
      ],
    });
    const { fieldErrors, remaining } = splitProblem(error, ['email'], t);
    expect(fieldErrors).toEqual({ email: 'bad' });
    expect(remaining).toBe(error);
  });

  it('shows email_taken next to the email field', () => {
    const error = apiError({
      status: 409,
      code: 'email_taken',
      detail: 'An account with this email already exists.',
      errors: [{ field: 'email', message: 'is already registered' }],
    });
    const { fieldErrors, remaining } = splitProblem(error, ['email', 'password'], t);
    // The foundation's catalogue first, then the programme's, then the server's words.
    expect(fieldErrors).toEqual({ email: 't(errors.codes.email_taken)|t(programme.codes.email_taken)|is already registered' });
    expect(remaining).toBeNull();
  });

  it('leaves other problems for the alert', () => {
    const error = apiError({ status: 401, code: 'invalid_credentials' });
    expect(splitProblem(error, ['email'], t)).toEqual({ fieldErrors: {}, remaining: error });
  });

  it('passes non-API errors through', () => {
    const error = new TypeError('Failed to fetch');
    expect(splitProblem(error, ['email'], t)).toEqual({ fieldErrors: {}, remaining: error });
  });
});
