import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListFrame } from '@/components/ListFrame';
import { useSubscriptions } from '../api/listSubscriptions';
import { SubscriptionTable } from '../components/SubscriptionTable';

/** /app/subscriptions — the customer's subscriptions. */
export default function SubscriptionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('subscriptions.list.pageTitle'));
  const subscriptions = useSubscriptions();
  return (
    <Container size="lg" py="md">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>{t('subscriptions.list.title')}</Title>
            <Text c="dimmed">{t('subscriptions.list.lead')}</Text>
          </Stack>
          <Button component={Link} to="/plans" variant="default">
            {t('subscriptions.list.buy')}
          </Button>
        </Group>
        <ListFrame query={subscriptions} emptyTitle={t('subscriptions.list.emptyTitle')} emptyText={t('subscriptions.list.emptyText')}>
          <SubscriptionTable subscriptions={subscriptions.items} />
        </ListFrame>
      </Stack>
    </Container>
  );
}
