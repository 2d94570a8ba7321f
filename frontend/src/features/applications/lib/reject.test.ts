import { describe, expect, it } from 'vitest';
import { rejectFormErrors } from './reject';

describe('rejectFormErrors', () => {
  it('needs a reason', () => {
    expect(rejectFormErrors({ reason: '', note: '' })).toEqual({ reason: 'staffApplications.reject.reasonRequired' });
  });

  it('accepts a listed reason without a note', () => {
    expect(rejectFormErrors({ reason: 'not_the_right_fit', note: '' })).toEqual({});
  });

  it('requires a note for "other", and spaces are not a note', () => {
    expect(rejectFormErrors({ reason: 'other', note: '   ' })).toEqual({ note: 'staffApplications.reject.noteRequired' });
    expect(rejectFormErrors({ reason: 'other', note: 'We only onboard US-based experts.' })).toEqual({});
  });

  it('refuses a given note under ten characters', () => {
    expect(rejectFormErrors({ reason: 'not_the_right_fit', note: 'Nein.' })).toEqual({ note: 'staffApplications.noteTooShort' });
  });

  it('caps the note at 2,000 characters', () => {
    expect(rejectFormErrors({ reason: 'other', note: 'x'.repeat(2001) })).toEqual({ note: 'staffApplications.noteTooLong' });
  });
});
