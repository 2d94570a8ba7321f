import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';
import { SuccessAlert } from '@/components/SuccessAlert';
import { useFormat } from '@/lib/format/useFormat';
import { useLedgerReport } from '../api/verifyLedger';
import { ViolationTable } from '../components/ViolationTable';

/** Runs `ledger verify` (every invariant of the earnings ledger) and shows what it found. */
export default function LedgerVerifyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const report = useLedgerReport();

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('staffEarnings.verify.title')}
        description={t('staffEarnings.verify.description')}
        actions={
          <Button variant="default" onClick={() => void report.refetch()} loading={report.isFetching}>
            {t('staffEarnings.verify.run')}
          </Button>
        }
      />
      {report.isPending ? (
        <LoadingState />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.ok ? (
        <SuccessAlert title={t('staffEarnings.verify.okTitle')} data-testid="ledger-ok">
          {t('staffEarnings.verify.okText', { when: format.dateTime(report.data.checked_at) })}
        </SuccessAlert>
      ) : (
        <Stack gap="md">
          <Alert color="red" variant="light" title={t('staffEarnings.verify.failedTitle', { count: report.data.violations.length })} data-testid="ledger-violations">
            {t('staffEarnings.verify.failedText', { when: format.dateTime(report.data.checked_at) })}
          </Alert>
          {report.data.violations.length > 0 ? (
            <ViolationTable violations={report.data.violations} />
          ) : (
            <Text size="sm">{t('staffEarnings.verify.noDetails')}</Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
