import { Avatar, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FreelancerBannerProps {
  name: string;
  photoUrl?: string | null;
  /** From an earlier visit (the stored code), not from the link just opened. */
  remembered?: boolean;
}

/** Who recommended the plans: the freelancer whose link the visitor followed. */
export function FreelancerBanner({ name, photoUrl, remembered = false }: FreelancerBannerProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" bg="blue.0" data-testid="freelancer-banner">
      <Group gap="md" wrap="nowrap">
        <Avatar src={photoUrl ?? null} alt="" size="lg" radius="xl" color="blue">
          {name.slice(0, 1).toUpperCase()}
        </Avatar>
        <Stack gap={2}>
          <Text fw={700}>{t('storefront.recommendedBy', { name })}</Text>
          <Text size="sm">{remembered ? t('storefront.creditedTo', { name }) : t('storefront.recommendedText', { name })}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}
