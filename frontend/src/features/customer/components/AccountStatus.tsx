import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Section } from '@/components/Section';
import { SuccessAlert } from '@/components/SuccessAlert';
import { useFormat } from '@/lib/format/useFormat';
import type { CustomerAccount } from '../api/types';
import { AccountSummary } from './AccountSummary';
import { AccountWizard } from './AccountWizard';

/** Where the set-up stands: in review, rejected (fix and resubmit), approved, active. */
export function AccountStatus({ account }: { account: CustomerAccount }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  return (
    <Stack gap="lg">
      {account.status === 'submitted' && (
        <Alert color="blue" variant="light" title={t('customerAccount.status.submittedTitle')} data-testid="account-status" data-status="submitted">
          {t('customerAccount.status.submittedText', { date: dateTime(account.updated_at) })}
        </Alert>
      )}
      {account.status === 'rejected' && (
        <Alert color="red" variant="light" title={t('customerAccount.status.rejectedTitle')} data-testid="account-status" data-status="rejected">
          <Stack gap={4}>
            <Text size="sm">{t('customerAccount.status.rejectedText')}</Text>
            {account.rejection_reason && (
              <Text size="sm" fw={600} style={{ whiteSpace: 'pre-line' }} data-testid="rejection-reason">
                {account.rejection_reason}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {account.status === 'approved' && (
        <SuccessAlert title={t('customerAccount.status.approvedTitle')} data-testid="account-status" data-status="approved">
          {t('customerAccount.status.approvedText', { email: account.primary_contact.email })}
        </SuccessAlert>
      )}
      {account.status === 'active' && (
        <SuccessAlert title={t('customerAccount.status.activeTitle')} data-testid="account-status" data-status="active">
          <Text size="sm">
            {account.partnership_accepted_at
              ? t('customerAccount.status.activeText', { date: dateTime(account.partnership_accepted_at) })
              : t('customerAccount.status.activeTextNoDate')}{' '}
            <Anchor component={Link} to="/app/subscriptions" size="sm">
              {t('customerAccount.status.toSubscriptions')}
            </Anchor>
          </Text>
        </SuccessAlert>
      )}
      {account.status === 'rejected' ? (
        <Section id="resubmit-title" title={t('customerAccount.status.resubmitTitle')}>
          <AccountWizard rejected={account} />
        </Section>
      ) : (
        <Section id="account-title" title={t('customerAccount.status.detailsTitle')}>
          <AccountSummary account={account} />
        </Section>
      )}
    </Stack>
  );
}
