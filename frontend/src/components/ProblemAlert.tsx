import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDynamicT } from '@/i18n/dynamic';
import { isApiError } from '@/lib/api/problem';
import { resolveField } from './fieldErrors';
import { problemMessage } from './problemMessage';

interface ProblemAlertProps {
  error: unknown;
  /** Fields whose errors are already shown next to their inputs. */
  shownFields?: readonly string[];
}

/** A request's failure as an alert: the translated problem plus any field errors left over. */
export function ProblemAlert({ error, shownFields = [] }: ProblemAlertProps) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  if (!error) return null;
  const leftover = isApiError(error) ? error.fieldErrors.filter((e) => resolveField(e.field, shownFields) === null) : [];
  return (
    <Alert color="red" variant="light" title={t('errors.alertTitle')} data-testid="problem-alert">
      {problemMessage(dt, error)}
      {leftover.length > 0 && (
        <List size="sm" mt="xs">
          {leftover.map((e) => (
            // The server's message is a whole sentence in the UI's language: shown as given.
            <List.Item key={`${e.field}:${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
