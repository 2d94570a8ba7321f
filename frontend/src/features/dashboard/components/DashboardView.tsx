import { Anchor, Badge, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { StatCard } from '@/components/StatCard';
import { SubscriptionStatusBadge } from '@/components/SubscriptionStatusBadge';
import { SUBSCRIPTION_STATUSES } from '@/lib/subscriptionStatus';
import { TableFrame } from '@/components/TableFrame';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { Dashboard } from '../api/types';

function ReferralLink({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
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
              <Button onClick={copy} color={copied ? 'teal.9' : undefined} miw={140} data-testid="copy-link">
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
  );
}

function Earnings({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { earnings } = dashboard;
  const money = (cents: number) => format.money(cents, earnings.currency);
  return (
    <Stack component="section" aria-labelledby="earnings-title" gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="earnings-title">
          {t('dashboard.earnings.title')}
        </Title>
        <Anchor component={Link} to="/app/earnings" size="sm" fw={600}>
          {t('dashboard.earnings.open')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <StatCard
          label={t('dashboard.earnings.sinceJoining')}
          value={
            <Group gap="xs" align="center">
              <span data-testid="earnings-total">{money(earnings.since_joining_cents)}</span>
              <Badge variant="outline" color="gray.8" size="sm" data-testid="provisional">
                {t('dashboard.earnings.provisional')}
              </Badge>
            </Group>
          }
          hint={
            <>
              {t('dashboard.earnings.sinceJoiningHint')}{' '}
              <Anchor component={Link} to="/app/earnings" size="xs" underline="always">
                {t('dashboard.earnings.finalFigures')}
              </Anchor>
            </>
          }
        />
        <StatCard
          label={t('dashboard.earnings.pending')}
          value={money(earnings.pending_cents)}
          hint={t('dashboard.earnings.pendingHint', { count: dashboard.clearing_days })}
          testId="earnings-pending"
        />
        <StatCard
          label={t('dashboard.earnings.available')}
          value={money(earnings.available_cents)}
          hint={t('dashboard.earnings.availableHint')}
          testId="earnings-available"
        />
      </SimpleGrid>
    </Stack>
  );
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const { link_clicks: clicks, conversion } = dashboard;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      <StatCard label={t('dashboard.licences.title')} value={format.number(dashboard.licenses_sold)} hint={t('dashboard.licences.hint')} testId="licences-sold" />
      <StatCard
        label={t('dashboard.clicks.title')}
        value={format.number(clicks.total)}
        hint={t('dashboard.clicks.hint', { count: clicks.last_30_days })}
        testId="link-clicks"
      />
      <StatCard
        label={t('dashboard.conversion.title')}
        value={conversion.rate_bps == null ? '—' : format.bps(conversion.rate_bps)}
        hint={
          conversion.rate_bps == null
            ? t('dashboard.conversion.noClicks')
            : t('dashboard.conversion.hint', { sales: conversion.sales_30_days, clicks: conversion.clicks_30_days })
        }
        testId="conversion"
      />
      <StatCard
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
  );
}

function Sales({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const counts = SUBSCRIPTION_STATUSES.map((status) => ({ status: status as string, count: dashboard.subscriptions_by_status[status] ?? 0 }));
  // Statuses the API may add later are listed too.
  for (const [status, count] of Object.entries(dashboard.subscriptions_by_status)) {
    if (!(SUBSCRIPTION_STATUSES as readonly string[]).includes(status)) counts.push({ status, count });
  }
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <Stack component="section" aria-labelledby="subscriptions-title" gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id="subscriptions-title">
          {t('dashboard.subscriptions.title')}
        </Title>
        {total > 0 && (
          <Anchor component={Link} to="/app/sales" size="sm" fw={600}>
            {t('dashboard.subscriptions.all')}
          </Anchor>
        )}
      </Group>
      {total === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState title={t('dashboard.subscriptions.emptyTitle')} description={t('dashboard.subscriptions.emptyText')} />
        </Paper>
      ) : (
        <>
          <Group gap="xs" data-testid="subscriptions-by-status" aria-label={t('dashboard.subscriptions.byStatus')} role="list">
            {counts.map(({ status, count }) => (
              <Badge
                key={status}
                role="listitem"
                size="lg"
                radius="sm"
                variant={count > 0 ? 'filled' : 'outline'}
                color={count > 0 ? 'blue.8' : 'gray.7'}
                data-status={status}
                tt="none"
              >
                {t('dashboard.subscriptions.chip', { status: dt(`dashboard.subscriptionStatus.${status}`, humanize(status)), count })}
              </Badge>
            ))}
          </Group>
          <Title order={3} size="h4" mt="sm">
            {t('dashboard.recent.title')}
          </Title>
          <TableFrame minWidth={640} label={t('dashboard.recent.title')}>
            <Table striped verticalSpacing="sm" data-testid="recent-sales">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.recent.date')}</Table.Th>
                  <Table.Th>{t('dashboard.recent.plan')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.recent.seats')}</Table.Th>
                  <Table.Th>{t('dashboard.recent.status')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.recent.commission')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {dashboard.recent_sales.map((sale) => (
                  <Table.Tr key={sale.subscription_id} data-testid="recent-sale">
                    <Table.Td>{format.date(sale.created_at)}</Table.Td>
                    <Table.Td>
                      {sale.plan_name} · {dt(`subscriptions.term.${sale.billing_term}`, humanize(sale.billing_term))}
                    </Table.Td>
                    <Table.Td ta="right">{format.number(sale.seats)}</Table.Td>
                    <Table.Td>
                      <SubscriptionStatusBadge status={sale.status} />
                    </Table.Td>
                    <Table.Td ta="right">{sale.commission_cents == null ? '—' : format.money(sale.commission_cents, dashboard.earnings.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableFrame>
        </>
      )}
    </Stack>
  );
}

export function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  return (
    <Stack gap="xl">
      <ReferralLink dashboard={dashboard} />
      <Earnings dashboard={dashboard} />
      <Figures dashboard={dashboard} />
      <Sales dashboard={dashboard} />
    </Stack>
  );
}
