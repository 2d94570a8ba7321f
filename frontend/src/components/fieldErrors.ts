// Server-side validation errors belong next to their fields. Given the fields a form
// has, splits a request error into per-field messages and whatever is left for an alert.
import { isApiError } from '@/lib/api/problem';
import type { DynamicT } from '@/i18n/dynamic';

export interface SplitProblem {
  fieldErrors: Record<string, string>;
  /** The error still to show as an alert, or null when the fields say it all. */
  remaining: unknown;
}

/** Problem codes that are about one field although they carry no errors[]. */
const CODE_TO_FIELD: Record<string, string> = {
  email_taken: 'email',
};

export function splitProblem(error: unknown, fields: readonly string[], t: DynamicT): SplitProblem {
  if (!isApiError(error)) return { fieldErrors: {}, remaining: error };

  const fieldErrors: Record<string, string> = {};
  let unmatched = 0;
  for (const { field, message } of error.fieldErrors) {
    if (fields.includes(field)) {
      // Several messages for one field are shown together.
      fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${message}` : message;
    } else {
      unmatched += 1;
    }
  }

  // A known code says it better (and translated) than the server's field message.
  const codeField = CODE_TO_FIELD[error.code];
  if (codeField && fields.includes(codeField)) {
    fieldErrors[codeField] = t(`errors.codes.${error.code}`, fieldErrors[codeField] ?? error.problem.detail);
    return { fieldErrors, remaining: unmatched === 0 ? null : error };
  }

  const handled = Object.keys(fieldErrors).length > 0 && unmatched === 0;
  return { fieldErrors, remaining: handled ? null : error };
}
