import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One wizard step: its heading, its body and the Back / primary buttons. */
export function StepFrame({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby={id}>
      <Stack gap="lg">
        <Stack gap={4}>
          {/* Focused when the wizard moves here, so screen readers announce the new step. */}
          <Title order={2} size="h3" id={id} tabIndex={-1} style={{ outline: 'none' }}>
            {title}
          </Title>
          {intro && <Text c="dimmed">{intro}</Text>}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

interface StepActionsProps {
  onBack?: () => void;
  /** The primary button: submits the step's form unless `onNext` is given. */
  nextLabel: string;
  onNext?: () => void;
  loading?: boolean;
}

export function StepActions({ onBack, nextLabel, onNext, loading }: StepActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="sm">
      {onBack ? (
        <Button variant="default" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
      ) : (
        <span />
      )}
      <Button type={onNext ? 'button' : 'submit'} onClick={onNext} loading={loading}>
        {nextLabel}
      </Button>
    </Group>
  );
}
