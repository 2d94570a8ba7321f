import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useAccount } from '../api/getAccount';
import { AccountStatus } from '../components/AccountStatus';
import { AccountWizard } from '../components/AccountWizard';

/** /app/account/setup — the Microsoft account: the set-up wizard, then its status. */
export default function AccountSetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('customerAccount.pageTitle'));
  const account = useAccount();
  return (
    <Container size="md" py="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('customerAccount.title')}</Title>
          <Text c="dimmed">{t('customerAccount.lead')}</Text>
        </Stack>
        {account.isPending && <LoadingState />}
        {account.isError && <ErrorState error={account.error} onRetry={() => void account.refetch()} />}
        {account.isSuccess &&
          (account.data ? (
            <AccountStatus account={account.data} />
          ) : (
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
              <AccountWizard rejected={null} />
            </Paper>
          ))}
      </Stack>
    </Container>
  );
}
