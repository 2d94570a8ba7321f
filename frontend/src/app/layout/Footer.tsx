import { Anchor, Container, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <Container size="lg" py="lg" component="footer">
      <Group justify="space-between" gap="xs">
        <Text size="sm" c="dimmed">
          {t('app.footer')}
        </Text>
        <Anchor href="/docs" size="sm">
          {t('app.apiDocs')}
        </Anchor>
      </Group>
    </Container>
  );
}
