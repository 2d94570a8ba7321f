import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/problem';
import { resolveField, splitProblem } from './fieldErrors';

const t = (key: string, fallback: string) => (key === 'programme.codes.display_name_taken' ? 'Name taken' : fallback);

describe('resolveField: server field names to form paths', () => {
  it('keeps a plain or dotted field that the form has', () => {
    expect(resolveField('country', ['country', 'links'])).toBe('country');
    expect(resolveField('address.zip', ['address.zip'])).toBe('address.zip');
  });

  it('gives a list item’s error to its list', () => {
    expect(resolveField('links[2]', ['links'])).toBe('links');
    expect(resolveField('certifications[0]', ['certifications'])).toBe('certifications');
  });

  it('matches list rows through a * in the form’s field names', () => {
    const fields = ['business.education', 'business.education.*.school'];
    expect(resolveField('business.education[1].school', fields)).toBe('business.education.1.school');
    expect(resolveField('business.education[1].degree', fields)).toBe('business.education');
  });

  it('returns null for fields the form does not have', () => {
    expect(resolveField('invitation_token', ['email'])).toBeNull();
  });
});

describe('splitProblem with nested fields', () => {
  it('puts display_name_taken next to the display name, in the user’s language', () => {
    const error = new ApiError({
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'display_name_taken',
      detail: 'This display name is already taken by another freelancer.',
      errors: [{ field: 'personal.display_name', message: 'is already taken' }],
    });
    expect(splitProblem(error, ['personal.display_name'], t)).toEqual({
      fieldErrors: { 'personal.display_name': 'Name taken' },
      remaining: null,
    });
  });
});
