import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { adminKeys } from '../api/keys';
import { listAppeals } from '../api/listAppeals';
import { listApplications } from '../api/listApplications';
import { listInvitations } from '../api/listInvitations';
import { listSupportTickets } from '../api/listSupportTickets';
import { useListCount } from '../api/pagination';
import { CountCard } from '../components/CountCard';
import { PageHeader } from '../components/PageHeader';

// The keys match the lists' own, so a decision made on a list page updates the counts.
export default function AdminHomePage() {
  const { t } = useTranslation();
  const applications = useListCount([...adminKeys.applications, 'list', { status: 'submitted' }], (cursor, limit) =>
    listApplications({ status: 'submitted', cursor, limit }),
  );
  const appeals = useListCount([...adminKeys.appeals, 'list', { status: 'submitted' }], (cursor, limit) =>
    listAppeals({ status: 'submitted', cursor, limit }),
  );
  const tickets = useListCount([...adminKeys.tickets, 'list', { status: 'open' }], (cursor, limit) =>
    listSupportTickets({ status: 'open', cursor, limit }),
  );
  const invitations = useListCount([...adminKeys.invitations, 'list', { status: 'sent' }], (cursor, limit) =>
    listInvitations({ status: 'sent', cursor, limit }),
  );

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
      </SimpleGrid>
    </Stack>
  );
}
