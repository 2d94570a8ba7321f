import { Alert, Paper, Skeleton, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useNotifySuccess } from '@/components/notifySuccess';
import { useCommerceSettings } from '../api/getCommerceSettings';
import { useUpdateCommerceSettings } from '../api/updateCommerceSettings';

/** The admin setting that approves new customer accounts without a review. */
export function AutoApproveSetting() {
  const { t } = useTranslation();
  const notify = useNotifySuccess();
  const settings = useCommerceSettings();
  const update = useUpdateCommerceSettings();

  let body;
  if (settings.isPending) body = <Skeleton height={40} aria-label={t('states.loading')} />;
  else if (settings.isError) body = <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  else {
    const on = settings.data.auto_approve_accounts;
    body = (
      <Stack gap="sm">
        <Switch
          checked={on}
          disabled={update.isPending}
          label={t('staffCustomerAccounts.autoApprove.label')}
          description={t('staffCustomerAccounts.autoApprove.hint')}
          onChange={(event) => {
            const next = event.currentTarget.checked;
            update.mutate(
              { ...settings.data, auto_approve_accounts: next },
              {
                onSuccess: () =>
                  notify(next ? t('staffCustomerAccounts.autoApprove.turnedOn') : t('staffCustomerAccounts.autoApprove.turnedOff')),
              },
            );
          }}
        />
        {on && (
          <Alert color="yellow" variant="light" data-testid="auto-approve-on">
            {t('staffCustomerAccounts.autoApprove.onNotice')}
          </Alert>
        )}
        <ProblemAlert error={update.error} />
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('staffCustomerAccounts.autoApprove.section')}>
      {body}
    </Paper>
  );
}
