// Shared by every form: puts a failed request's field errors on the form's fields (see
// resolveField for how server names map to form paths), keeps the rest for an alert,
// and moves focus to the first field that needs fixing. Some problem codes concern one
// field (an invitation already pending is about the email address): `codeFields` maps
// them onto it.
import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useRef, useState } from 'react';
import { useDynamicT } from '@/i18n/dynamic';
import { isApiError } from '@/lib/api/problem';
import { splitProblem } from './fieldErrors';

// A stable default, so the callback below keeps its identity between renders.
const NO_CODE_FIELDS: Record<string, never> = {};

export function useServerErrors<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  fields: readonly string[],
  /** Problem code → [field, translation key] for codes that concern one field. */
  codeFields: Record<string, readonly [keyof Values & string, string]> = NO_CODE_FIELDS,
) {
  const dt = useDynamicT();
  const formRef = useRef<HTMLFormElement>(null);
  const [alertError, setAlertError] = useState<unknown>(null);

  const focusFirstInvalid = useCallback(() => {
    requestAnimationFrame(() => {
      const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      // Centred, so the sticky header never covers it (focus() alone may scroll it under).
      field?.focus({ preventScroll: true });
      field?.scrollIntoView({ block: 'center' });
    });
  }, []);

  const onServerError = useCallback(
    (error: unknown) => {
      const mapped = isApiError(error) ? codeFields[error.code] : undefined;
      if (mapped && isApiError(error)) {
        const [field, key] = mapped;
        form.setErrors({ [field]: dt(key, error.problem.detail ?? error.problem.title) } as Record<string, string>);
        setAlertError(null);
        focusFirstInvalid();
        return;
      }
      const { fieldErrors, remaining } = splitProblem(error, fields, dt);
      form.setErrors(fieldErrors);
      setAlertError(remaining);
      if (Object.keys(fieldErrors).length > 0) focusFirstInvalid();
    },
    [codeFields, dt, fields, form, focusFirstInvalid],
  );

  const reset = useCallback(() => setAlertError(null), []);

  return { formRef, alertError, onServerError, focusFirstInvalid, reset };
}
