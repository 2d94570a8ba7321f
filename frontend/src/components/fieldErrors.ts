// Server-side validation errors belong next to their fields. Given the fields a form
// has, splits a request error into per-field messages and whatever is left for an alert.
import { isApiError } from '@/lib/api/problem';
import type { DynamicT } from '@/i18n/dynamic';
import { codeMessage } from './problemMessage';

export interface SplitProblem {
  fieldErrors: Record<string, string>;
  /** The error still to show as an alert, or null when the fields say it all. */
  remaining: unknown;
}

/** Problem codes that are about one field although they carry no errors[]. */
const CODE_TO_FIELD: Record<string, string> = {
  email_taken: 'email',
  display_name_taken: 'personal.display_name',
};

function matches(pattern: string, path: string): boolean {
  const a = pattern.split('.');
  const b = path.split('.');
  return a.length === b.length && a.every((part, i) => part === b[i] || (part === '*' && /^\d+$/.test(b[i] ?? '')));
}

/**
 * The form field a server field error belongs to. The server names nested fields with
 * dots and list items with brackets (`business.education[0].school`, `links[2]`); forms
 * use dotted paths (`business.education.0.school`). `fields` may hold `*` for a list
 * index. An item without a field of its own belongs to its list (`links[2]` → `links`).
 */
export function resolveField(serverField: string, fields: readonly string[]): string | null {
  const path = serverField.replace(/\[(\d+)\]/g, '.$1');
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n -= 1) {
    const candidate = parts.slice(0, n).join('.');
    if (fields.some((field) => matches(field, candidate))) return candidate;
  }
  return null;
}

export function splitProblem(error: unknown, fields: readonly string[], t: DynamicT): SplitProblem {
  if (!isApiError(error)) return { fieldErrors: {}, remaining: error };

  const fieldErrors: Record<string, string> = {};
  let unmatched = 0;
  for (const { field, message } of error.fieldErrors) {
    const target = resolveField(field, fields);
    if (target) {
      // Several messages for one field are shown together.
      fieldErrors[target] = fieldErrors[target] ? `${fieldErrors[target]} ${message}` : message;
    } else {
      unmatched += 1;
    }
  }

  // A known code says it better (and translated) than the server's field message.
  const codeField = CODE_TO_FIELD[error.code];
  if (codeField && fields.includes(codeField)) {
    fieldErrors[codeField] = codeMessage(t, error.code, fieldErrors[codeField] ?? error.problem.detail);
    return { fieldErrors, remaining: unmatched === 0 ? null : error };
  }

  const handled = Object.keys(fieldErrors).length > 0 && unmatched === 0;
  return { fieldErrors, remaining: handled ? null : error };
}
