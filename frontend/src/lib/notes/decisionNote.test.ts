import { describe, expect, it } from 'vitest';
import { NOTE_MAX, noteProblem } from './decisionNote';

describe('noteProblem', () => {
  it('lets a blank optional note through and asks for a required one', () => {
    expect(noteProblem('   ')).toBeNull();
    expect(noteProblem('   ', true)).toBe('staffApplications.noteRequired');
  });

  it('refuses a given note under ten characters, spaces not counted', () => {
    expect(noteProblem('ok')).toBe('staffApplications.noteTooShort');
    expect(noteProblem('  Passt so.  ', true)).toBe('staffApplications.noteTooShort');
    expect(noteProblem('Welcome aboard!')).toBeNull();
    expect(noteProblem('ääääääääää')).toBeNull();
  });

  it('refuses a note over the maximum', () => {
    expect(noteProblem('x'.repeat(NOTE_MAX + 1))).toBe('staffApplications.noteTooLong');
  });
});
