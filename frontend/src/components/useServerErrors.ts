// Shared by every form: puts a failed request's field errors on the form's fields (see
// resolveField for how server names map to form paths), keeps the rest for an alert,
// and moves focus to the first field that needs fixing.
import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useRef, useState } from 'react';
import { useDynamicT } from '@/i18n/dynamic';
import { splitProblem } from './fieldErrors';

export function useServerErrors<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  fields: readonly string[],
) {
  const dt = useDynamicT();
  const formRef = useRef<HTMLFormElement>(null);
  const [alertError, setAlertError] = useState<unknown>(null);

  const focusFirstInvalid = useCallback(() => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }, []);

  const onServerError = useCallback(
    (error: unknown) => {
      const { fieldErrors, remaining } = splitProblem(error, fields, dt);
      form.setErrors(fieldErrors);
      setAlertError(remaining);
      if (Object.keys(fieldErrors).length > 0) focusFirstInvalid();
    },
    [dt, fields, form, focusFirstInvalid],
  );

  const reset = useCallback(() => setAlertError(null), []);

  return { formRef, alertError, onServerError, focusFirstInvalid, reset };
}
