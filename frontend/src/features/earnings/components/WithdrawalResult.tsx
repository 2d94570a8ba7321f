import { Alert, CloseButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SuccessAlert } from '@/components/SuccessAlert';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useFormat } from '@/lib/format/useFormat';
import type { Withdrawal } from '../api/types';

/** What became of the withdrawal just asked for: paid, failed (money back) or on its way. */
export function WithdrawalResult({ withdrawal, onClose }: { withdrawal: Withdrawal; onClose: () => void }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const amount = format.money(withdrawal.amount_cents, withdrawal.currency);
  const close = <CloseButton aria-label={t('app.close')} onClick={onClose} />;
  if (withdrawal.status === 'paid') {
    return (
      <SuccessAlert title={t('earnings.withdraw.paidTitle')} data-testid="withdrawal-result" data-status="paid">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('earnings.withdraw.paidText', { amount })}</Text>
          {close}
        </Group>
      </SuccessAlert>
    );
  }
  const failed = withdrawal.status === 'failed';
  const reason = withdrawal.failure_reason ?? dt(`earnings.withdrawals.failureCode.${withdrawal.failure_code ?? ''}`, humanize(withdrawal.failure_code ?? ''));
  return (
    <Alert
      color={failed ? 'red' : 'blue'}
      variant="light"
      title={failed ? t('earnings.withdraw.failedTitle') : t('earnings.withdraw.requestedTitle')}
      data-testid="withdrawal-result"
      data-status={withdrawal.status}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{failed ? t('earnings.withdraw.failedText', { amount, reason }) : t('earnings.withdraw.requestedText', { amount })}</Text>
        {close}
      </Group>
    </Alert>
  );
}
