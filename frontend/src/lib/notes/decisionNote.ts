// A note support writes to a person about a decision (application approved or rejected,
// appeal decided). The API's rule: blank means no note; a given note has 10 to 2000
// characters once trimmed (DecisionNote in the backend, Decide/ApproveForm in the spec).
export const NOTE_MIN = 10;
export const NOTE_MAX = 2000;

/** The translation key of what is wrong with `value`, or null when it may be sent. */
export function noteProblem(value: string, required = false): 'staffApplications.noteRequired' | 'staffApplications.noteTooShort' | 'staffApplications.noteTooLong' | null {
  const note = value.trim();
  if (!note) return required ? 'staffApplications.noteRequired' : null;
  if ([...note].length < NOTE_MIN) return 'staffApplications.noteTooShort';
  if (value.length > NOTE_MAX) return 'staffApplications.noteTooLong';
  return null;
}
