import { SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { StepActions, StepFrame } from './StepFrame';

const TIPS = ['response', 'honest', 'reviews', 'reputation'] as const;

/** "How to succeed here": read once, then Continue. */
export function IntroStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <StepFrame id="step-intro" title={t('onboarding.intro.title')} intro={t('onboarding.intro.lead')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {TIPS.map((tip, index) => (
          <Stack key={tip} gap={6}>
            <ThemeIcon size={32} radius="xl" aria-hidden="true">
              {index + 1}
            </ThemeIcon>
            <Title order={3} size="h5">
              {t(`onboarding.intro.${tip}.title`)}
            </Title>
            <Text size="sm">{t(`onboarding.intro.${tip}.text`)}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      <StepActions nextLabel={t('onboarding.continue')} onNext={onDone} />
    </StepFrame>
  );
}
