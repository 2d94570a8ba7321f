import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDynamicT } from '@/i18n/dynamic';
import { problemMessage } from './problemMessage';

interface ErrorStateProps {
  error?: unknown;
  onRetry?: () => void;
}

/** A page or section whose data could not be loaded, with a way to try again. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  return (
    <Alert color="red" variant="light" title={t('states.errorTitle')} my="md" data-testid="error-state">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{error ? problemMessage(dt, error) : t('states.errorText')}</Text>
        {onRetry && (
          <Button variant="outline" color="red" size="xs" onClick={onRetry}>
            {t('states.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
