import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import { isNotAnImage, pictureProblem } from './picture';
import { formatTin, isCompleteTin, tinProblem } from './tin';

describe('formatTin', () => {
  it('shows an SSN as 123-45-6789 while typing', () => {
    expect(formatTin('123', 'ssn')).toBe('123');
    expect(formatTin('1234', 'ssn')).toBe('123-4');
    expect(formatTin('123456789', 'ssn')).toBe('123-45-6789');
    // A tenth digit stays, so the form can refuse it with a message (it used to vanish).
    expect(formatTin('1234567890', 'ssn')).toBe('123-45-67890');
    expect(formatTin('123-45-678900000000', 'ssn')).toBe('123-45-6789000');
  });

  it('shows an EIN as 12-3456789', () => {
    expect(formatTin('123456789', 'ein')).toBe('12-3456789');
    expect(formatTin('123-45-6789', 'ein')).toBe('12-3456789');
  });

  it('knows when all nine digits are there', () => {
    expect(isCompleteTin('123-45-678')).toBe(false);
    expect(isCompleteTin('123-45-6789')).toBe(true);
    expect(isCompleteTin('123-45-67890')).toBe(false);
  });

  it('says whether digits are missing or one too many', () => {
    expect(tinProblem('123-45-678')).toBe('short');
    expect(tinProblem('123-45-6789')).toBeNull();
    expect(tinProblem(formatTin('1234567890', 'ssn'))).toBe('long');
  });
});

describe('pictureProblem', () => {
  it('accepts PNG, JPEG and WebP up to 2 MiB', () => {
    expect(pictureProblem({ type: 'image/png', size: 2 * 1024 * 1024 })).toBeNull();
    expect(pictureProblem({ type: 'image/webp', size: 10 })).toBeNull();
    expect(pictureProblem({ type: 'image/gif', size: 10 })).toBe('type');
    expect(pictureProblem({ type: 'image/jpeg', size: 2 * 1024 * 1024 + 1 })).toBe('size');
  });
});

describe('isNotAnImage', () => {
  const problem = (status: number, code: string, errors?: { field: string; message: string }[]) =>
    new ApiError({ type: 'about:blank', title: code, status, code, detail: code, errors });

  it('recognises the API refusing a file it cannot read as an image', () => {
    expect(isNotAnImage(problem(422, 'validation_failed', [{ field: 'picture', message: 'The file is not a valid PNG, JPEG or WebP image.' }]))).toBe(true);
    expect(isNotAnImage(problem(415, 'unsupported_media_type'))).toBe(true);
    expect(isNotAnImage(problem(500, 'internal'))).toBe(false);
    expect(isNotAnImage(new TypeError('offline'))).toBe(false);
  });
});
