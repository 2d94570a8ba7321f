import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQueueCounts } from '../api/countQueues';
import { CountCard } from '../components/CountCard';
import { PageHeader } from '@/components/PageHeader';

export default function AdminHomePage() {
  const { t } = useTranslation();
  const { applications, appeals, tickets, invitations, customerAccounts, payouts } = useQueueCounts();

  return (
    <Stack gap="lg">
      <PageHeader title={t('staffHome.title')} description={t('staffHome.description')} />
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }}>
        <CountCard
          id="applications"
          label={t('staffHome.applications')}
          description={t('staffHome.applicationsText')}
          linkLabel={t('staffHome.linkApplications')}
          to="/admin/applications?status=submitted"
          query={applications}
        />
        <CountCard
          id="appeals"
          label={t('staffHome.appeals')}
          description={t('staffHome.appealsText')}
          linkLabel={t('staffHome.linkAppeals')}
          to="/admin/appeals?status=submitted"
          query={appeals}
        />
        <CountCard
          id="tickets"
          label={t('staffHome.tickets')}
          description={t('staffHome.ticketsText')}
          linkLabel={t('staffHome.linkTickets')}
          to="/admin/support?status=open"
          query={tickets}
        />
        <CountCard
          id="invitations"
          label={t('staffHome.invitations')}
          description={t('staffHome.invitationsText')}
          linkLabel={t('staffHome.linkInvitations')}
          to="/admin/invitations?status=sent"
          query={invitations}
        />
        <CountCard
          id="customer-accounts"
          label={t('staffHome.customerAccounts')}
          description={t('staffHome.customerAccountsText')}
          linkLabel={t('staffHome.linkCustomerAccounts')}
          to="/admin/customer-accounts"
          query={customerAccounts}
        />
        <CountCard
          id="payouts"
          label={t('staffHome.payouts')}
          description={t('staffHome.payoutsText')}
          linkLabel={t('staffHome.linkPayouts')}
          to="/admin/withdrawals?status=requested"
          query={payouts}
        />
      </SimpleGrid>
    </Stack>
  );
}
