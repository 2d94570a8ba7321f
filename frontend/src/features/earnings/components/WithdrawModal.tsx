import { Alert, Anchor, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmModal } from '@/components/ConfirmModal';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { isApiError } from '@/lib/api/problem';
import { stepRoute } from '@/lib/programme/steps';
import { centsToInput, decimalSeparator, parseMoneyToCents } from '@/lib/format/parse';
import { useFormat } from '@/lib/format/useFormat';
import { useRequestWithdrawal } from '../api/requestWithdrawal';
import { MIN_WITHDRAWAL_CENTS, type PayoutMethod, type Withdrawal } from '../api/types';

const METHODS: readonly PayoutMethod[] = ['sandbox', 'sandbox_fail', 'sandbox_unreachable'];
// Problems about the amount are shown under the amount field.
const CODE_FIELDS = {
  insufficient_funds: ['amount_cents', 'earnings.withdraw.insufficientFunds'],
  amount_below_minimum: ['amount_cents', 'earnings.withdraw.amountBelowMinimum'],
} as const;
const FIELDS = ['amount_cents', 'payout_method'];

interface WithdrawModalProps {
  opened: boolean;
  onClose: () => void;
  availableCents: number;
  currency: string;
  /** Called with the withdrawal the API answered (paid, failed or still requested). */
  onDone: (withdrawal: Withdrawal) => void;
}

/** Withdraw from available funds: amount (all by default, $10 at least) and payout method. */
export function WithdrawModal({ opened, onClose, availableCents, currency, onDone }: WithdrawModalProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const withdraw = useRequestWithdrawal();
  const form = useForm({
    initialValues: { amount_cents: centsToInput(availableCents, decimalSeparator(format.locale)), payout_method: 'sandbox' as PayoutMethod },
    validate: {
      amount_cents: (value) => {
        const parsed = parseMoneyToCents(value);
        if (!parsed.ok) return t(`moneyInput.${parsed.problem}`);
        if (parsed.value < MIN_WITHDRAWAL_CENTS) return t('earnings.withdraw.belowMinimum', { minimum: format.money(MIN_WITHDRAWAL_CENTS, currency) });
        if (parsed.value > availableCents) return t('earnings.withdraw.aboveAvailable', { available: format.money(availableCents, currency) });
        return null;
      },
    },
  });
  const { formRef, alertError, onServerError, reset } = useServerErrors(form, FIELDS, CODE_FIELDS);
  const taxFormMissing = isApiError(alertError) && alertError.code === 'tax_form_required';

  const close = () => {
    reset();
    withdraw.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const parsed = parseMoneyToCents(values.amount_cents);
    if (!parsed.ok) return;
    withdraw.mutate(
      { amount_cents: parsed.value, payout_method: values.payout_method },
      {
        onSuccess: (withdrawal) => {
          close();
          onDone(withdrawal);
        },
        onError: onServerError,
      },
    );
  });

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('earnings.withdraw.title')}
      confirmLabel={t('earnings.withdraw.confirm')}
      onConfirm={() => submit()}
      loading={withdraw.isPending}
      asForm
      formRef={formRef}
    >
      <Stack gap="md">
        <Text size="sm">{t('earnings.withdraw.text', { available: format.money(availableCents, currency) })}</Text>
        <TextInput
          label={t('earnings.withdraw.amount')}
          description={t('earnings.withdraw.minimum', { minimum: format.money(MIN_WITHDRAWAL_CENTS, currency) })}
          inputMode="decimal"
          leftSection="$"
          required
          {...form.getInputProps('amount_cents')}
        />
        <NativeSelect
          label={t('earnings.withdraw.method')}
          description={t('earnings.withdraw.methodHint')}
          data={METHODS.map((m) => ({ value: m, label: t(`earnings.withdraw.methods.${m}`) }))}
          {...form.getInputProps('payout_method')}
        />
        {taxFormMissing ? (
          <Alert color="yellow" variant="light" title={t('earnings.withdraw.taxFormTitle')} data-testid="tax-form-required">
            {t('earnings.withdraw.taxFormText')}{' '}
            <Anchor component={Link} to={stepRoute('tax_form')}>
              {t('earnings.withdraw.taxFormLink')}
            </Anchor>
          </Alert>
        ) : (
          <ProblemAlert error={alertError} shownFields={FIELDS} />
        )}
      </Stack>
    </ConfirmModal>
  );
}
