import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DetailFrame } from '@/components/DetailFrame';
import { Facts } from '@/components/Facts';
import { PageHeader } from '@/components/PageHeader';
import { Section } from '@/components/Section';
import { StateBadge } from '@/components/StateBadge';
import { useNotifySuccess } from '@/components/notifySuccess';
import { countryName } from '@/lib/countries';
import { useFormatters } from '@/lib/format/useFormatters';
import { useCustomerAccount } from '../api/getCustomerAccount';
import type { CustomerAccount } from '../api/types';
import { ApproveAccountModal } from '../components/ApproveAccountModal';
import { DomainKind } from '../components/DomainKind';
import { RejectAccountModal } from '../components/RejectAccountModal';

/** The postal address, one line per part, as it would go on an envelope. */
function Address({ address, locale }: { address: CustomerAccount['address']; locale: string }) {
  const lines = [
    address.line1,
    address.line2,
    [address.postal_code, address.city].filter(Boolean).join(' '),
    address.region,
    countryName(address.country, locale),
  ].filter((line): line is string => Boolean(line));
  return (
    <Text component="span" size="sm" fw={500} style={{ whiteSpace: 'pre-line' }}>
      {lines.join('\n')}
    </Text>
  );
}

export default function CustomerAccountDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useCustomerAccount(id);
  const back = { to: '/admin/customer-accounts', label: t('staffCustomerAccounts.back') };
  return (
    <DetailFrame query={query} title={t('staffCustomerAccounts.detail.title')} back={back}>
      {(account) => <AccountDetail account={account} back={back} />}
    </DetailFrame>
  );
}

function AccountDetail({ account, back }: { account: CustomerAccount; back: { to: string; label: string } }) {
  const { t, i18n } = useTranslation();
  const notify = useNotifySuccess();
  const { dateTime } = useFormatters();
  const [modal, setModal] = useState<'approve' | 'reject' | null>(null);
  const locale = i18n.resolvedLanguage ?? 'en';
  const done = (message: string) => () => {
    setModal(null);
    notify(message);
  };

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffCustomerAccounts.detail.heading', { name: account.account_name })}
        back={back}
        actions={
          account.status === 'submitted' && (
            <Group gap="sm">
              <Button color="teal.9" onClick={() => setModal('approve')}>
                {t('staffCustomerAccounts.approve.button')}
              </Button>
              <Button color="red.9" variant="outline" onClick={() => setModal('reject')}>
                {t('staffCustomerAccounts.reject.button')}
              </Button>
            </Group>
          )
        }
      />
      <Group gap="xs">
        <StateBadge status={account.status} />
      </Group>
      {account.status === 'rejected' && account.rejection_reason && (
        <Alert color="red" variant="light" title={t('staffCustomerAccounts.detail.rejectedTitle')} data-testid="rejection-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {account.rejection_reason}
          </Text>
          <Text size="sm" c="dimmed" mt="xs">
            {t('staffCustomerAccounts.detail.rejectedHint')}
          </Text>
        </Alert>
      )}
      <Section id="account" title={t('staffCustomerAccounts.detail.account')}>
        <Facts
          facts={[
            { label: t('staffCustomerAccounts.detail.accountName'), value: account.account_name },
            { label: t('staffCustomerAccounts.table.domain'), value: <DomainKind account={account} /> },
            { label: t('staffCustomerAccounts.detail.address'), value: <Address address={account.address} locale={locale} /> },
            { label: t('staffCustomerAccounts.table.submitted'), value: dateTime(account.created_at) },
            { label: t('staffCustomerAccounts.detail.updated'), value: dateTime(account.updated_at) },
            { label: t('staffCustomerAccounts.detail.reviewed'), value: account.reviewed_at ? dateTime(account.reviewed_at) : '—' },
            {
              label: t('staffCustomerAccounts.detail.partnership'),
              value: account.partnership_accepted_at ? dateTime(account.partnership_accepted_at) : t('staffCustomerAccounts.detail.partnershipPending'),
            },
            { label: t('staffCustomerAccounts.detail.reference'), value: account.id },
          ]}
        />
      </Section>
      <Section id="contact" title={t('staffCustomerAccounts.detail.contact')}>
        <Facts
          facts={[
            { label: t('staffCustomerAccounts.detail.name'), value: account.primary_contact.name },
            { label: t('staffCustomerAccounts.detail.email'), value: account.primary_contact.email },
            { label: t('staffCustomerAccounts.detail.phone'), value: account.primary_contact.phone },
          ]}
        />
      </Section>
      <Section id="owner" title={t('staffCustomerAccounts.detail.owner')}>
        <Facts
          facts={[
            { label: t('staffCustomerAccounts.detail.name'), value: account.owner?.full_name ?? '—' },
            { label: t('staffCustomerAccounts.detail.email'), value: account.owner?.email ?? '—' },
          ]}
        />
      </Section>
      <ApproveAccountModal
        account={account}
        opened={modal === 'approve'}
        onClose={() => setModal(null)}
        onDone={done(t('staffCustomerAccounts.approve.done', { name: account.account_name }))}
      />
      <RejectAccountModal
        account={account}
        opened={modal === 'reject'}
        onClose={() => setModal(null)}
        onDone={done(t('staffCustomerAccounts.reject.done', { name: account.account_name }))}
      />
    </Stack>
  );
}
