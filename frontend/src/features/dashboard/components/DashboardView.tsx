import { Button, CopyButton, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { Dashboard } from '@/lib/api/types';
import { useFormat } from '@/lib/format/useFormat';

/** Every status a subscription can have, shown even at zero. */
const SUBSCRIPTION_STATUSES = ['pending', 'active', 'suspended', 'cancelled', 'expired'] as const;

function Figure({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} mt={4} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const { earnings } = dashboard;
  const money = (cents: number) => format.money(cents, earnings.currency);
  const counts = SUBSCRIPTION_STATUSES.map((status) => ({ status, count: dashboard.subscriptions_by_status[status] ?? 0 }));
  // Statuses the API may add later are listed too.
  for (const [status, count] of Object.entries(dashboard.subscriptions_by_status)) {
    if (!(SUBSCRIPTION_STATUSES as readonly string[]).includes(status)) counts.push({ status: status as never, count });
  }
  const total = counts.reduce((sum, c) => sum + c.count, 0);

  return (
    <Stack gap="xl">
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="referral-title" bg="blue.0">
        <Stack gap="sm">
          <Title order={2} size="h3" id="referral-title">
            {t('dashboard.referral.title')}
          </Title>
          <Text>{t('dashboard.referral.text')}</Text>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('dashboard.referral.label')}
              value={dashboard.referral_link}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: '1 1 320px' }}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid="referral-link"
            />
            <CopyButton value={dashboard.referral_link} timeout={2000}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'teal.9' : undefined} miw={140}>
                  {copied ? t('dashboard.referral.copied') : t('dashboard.referral.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" c="dimmed">
            {t('dashboard.referral.code', { code: dashboard.referral_code })}
          </Text>
        </Stack>
      </Paper>

      <Stack component="section" aria-labelledby="earnings-title" gap="sm">
        <Title order={2} size="h3" id="earnings-title">
          {t('dashboard.earnings.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Figure
            label={t('dashboard.earnings.pending')}
            value={money(earnings.pending_cents)}
            hint={t('dashboard.earnings.pendingHint', { count: dashboard.clearing_days })}
            testId="earnings-pending"
          />
          <Figure
            label={t('dashboard.earnings.available')}
            value={money(earnings.available_cents)}
            hint={t('dashboard.earnings.availableHint')}
            testId="earnings-available"
          />
          <Figure
            label={t('dashboard.earnings.sinceJoining')}
            value={money(earnings.since_joining_cents)}
            hint={t('dashboard.earnings.sinceJoiningHint')}
            testId="earnings-total"
          />
        </SimpleGrid>
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Figure
          label={t('dashboard.licences.title')}
          value={format.number(dashboard.licenses_sold)}
          hint={t('dashboard.licences.hint')}
          testId="licences-sold"
        />
        <Figure
          label={t('dashboard.tier.title')}
          value={dt(`tiers.${dashboard.tier}`, humanize(dashboard.tier))}
          hint={
            dashboard.eligible_since
              ? `${t('dashboard.tier.clearing', { count: dashboard.clearing_days })} ${t('dashboard.tier.since', { date: format.date(dashboard.eligible_since) })}`
              : t('dashboard.tier.clearing', { count: dashboard.clearing_days })
          }
          testId="tier"
        />
      </SimpleGrid>

      <Stack component="section" aria-labelledby="subscriptions-title" gap="sm">
        <Title order={2} size="h3" id="subscriptions-title">
          {t('dashboard.subscriptions.title')}
        </Title>
        {total === 0 ? (
          <Paper withBorder radius="md">
            <EmptyState title={t('dashboard.subscriptions.emptyTitle')} description={t('dashboard.subscriptions.emptyText')} />
          </Paper>
        ) : (
          <Table withTableBorder striped maw={480} data-testid="subscriptions-by-status">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.subscriptions.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('dashboard.subscriptions.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {counts.map(({ status, count }) => (
                <Table.Tr key={status}>
                  <Table.Th scope="row" fw={500}>
                    {dt(`dashboard.subscriptionStatus.${status}`, humanize(status))}
                  </Table.Th>
                  <Table.Td ta="right">{format.number(count)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
