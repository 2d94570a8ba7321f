import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SuccessAlert } from '@/components/SuccessAlert';
import { useFormat } from '@/lib/format/useFormat';
import { useAcceptTerms } from '../api/acceptTerms';
import { useCurrentTerms } from '../api/getCurrentTerms';
import { StepFrame } from './StepFrame';

interface Props {
  /** False when the current version is accepted already. */
  pending: boolean;
  onBack?: () => void;
  onDone: () => void;
}

/** The current programme terms in a scrollable box, with "I accept". */
export function TermsStep({ pending, onBack, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const terms = useCurrentTerms();
  const accept = useAcceptTerms();

  if (terms.isPending) return <LoadingState />;
  if (terms.isError) return <ErrorState error={terms.error} onRetry={() => void terms.refetch()} />;
  const document = terms.data;

  return (
    <StepFrame
      id="step-terms"
      title={t('onboarding.terms.title')}
      intro={t('onboarding.terms.intro', { version: document.version, date: format.date(document.published_at) })}
    >
      <Stack gap="xs">
        {document.locale !== (i18n.resolvedLanguage === 'de' ? 'de' : 'en') && (
          <Alert color="gray" variant="light" data-testid="terms-language-note">
            {t('onboarding.terms.englishOnly')}
          </Alert>
        )}
        <Text fw={700} lang={document.locale}>
          {document.title}
        </Text>
        {/* Focusable so keyboard users can scroll it; named for screen readers. */}
        <Box
          role="region"
          aria-label={t('onboarding.terms.textLabel', { version: document.version })}
          tabIndex={0}
          lang={document.locale}
          data-testid="terms-text"
          style={{
            maxHeight: 340,
            overflowY: 'auto',
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-md)',
            padding: 'var(--mantine-spacing-md)',
            background: 'var(--mantine-color-gray-0)',
          }}
        >
          <Stack gap="sm">
            {document.body.split(/\n\s*\n/).map((paragraph, index) => (
              <Text key={index} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {paragraph}
              </Text>
            ))}
          </Stack>
        </Box>
      </Stack>
      <ProblemAlert error={accept.error} />
      {pending ? (
        <Group justify="space-between">
          {onBack ? (
            <Button variant="default" onClick={onBack}>
              {t('onboarding.back')}
            </Button>
          ) : (
            <span />
          )}
          <Button loading={accept.isPending} onClick={() => accept.mutate(document, { onSuccess: onDone })}>
            {t('onboarding.terms.accept')}
          </Button>
        </Group>
      ) : (
        <Stack gap="sm">
          <SuccessAlert>
            {t('onboarding.terms.alreadyAccepted', { version: document.version })}
          </SuccessAlert>
          <Group justify="space-between">
            {onBack ? (
              <Button variant="default" onClick={onBack}>
                {t('onboarding.back')}
              </Button>
            ) : (
              <span />
            )}
            <Button onClick={onDone}>{t('onboarding.continue')}</Button>
          </Group>
        </Stack>
      )}
    </StepFrame>
  );
}
