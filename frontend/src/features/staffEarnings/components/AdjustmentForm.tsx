import { Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useNotifySuccess } from '@/components/notifySuccess';
import { useServerErrors } from '@/components/useServerErrors';
import { translateErrors, useDynamicT } from '@/i18n/dynamic';
import { useSubmissionKeys } from '@/lib/api/submissionKey';
import { useFormat } from '@/lib/format/useFormat';
import { useCreateAdjustment } from '../api/createAdjustment';
import type { AdjustmentRequest } from '../api/types';
import { adjustmentBody, adjustmentErrors, EMPTY_ADJUSTMENT, REASON_MAX, type AdjustmentValues } from '../lib/adjustment';

const FIELDS = ['direction', 'amount_cents', 'reason', 'allow_negative'] as const;
/** A debit beyond the available funds: said next to the amount, with the way to post it anyway. */
const CODE_FIELDS = { insufficient_funds: ['amount_cents', 'staffEarnings.adjust.insufficientFunds'] } as const;

interface AdjustmentFormProps {
  freelancerId: string;
  freelancerName: string;
  currency: string;
}

/**
 * Credits or debits a freelancer's available funds with a reason (audited; the freelancer
 * sees the reason in the entry's timeline). Submitting asks for confirmation; the
 * confirmed request carries one Idempotency-Key per submission, so a second click or a
 * retry after a timeout cannot post the adjustment twice.
 */
export function AdjustmentForm({ freelancerId, freelancerName, currency }: AdjustmentFormProps) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const notify = useNotifySuccess();
  const create = useCreateAdjustment(freelancerId);
  const keys = useSubmissionKeys();
  const [pending, setPending] = useState<{ body: AdjustmentRequest; key: string } | null>(null);
  const form = useForm<AdjustmentValues>({
    initialValues: EMPTY_ADJUSTMENT,
    validate: (values) => translateErrors(dt, adjustmentErrors(values)),
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS, CODE_FIELDS);

  const submit = form.onSubmit((values) => {
    reset();
    const body = adjustmentBody(values);
    setPending({ body, key: keys.keyFor(body) });
  }, focusFirstInvalid);

  const confirm = () => {
    if (!pending) return;
    create
      .mutateAsync({ body: pending.body, idempotencyKey: pending.key })
      .then((entry) => {
        keys.settle();
        setPending(null);
        form.reset();
        notify(t('staffEarnings.adjust.done', { amount: format.money(entry.amount_cents, entry.currency), name: freelancerName }));
      })
      .catch((error: unknown) => {
        setPending(null);
        onServerError(error);
      });
  };

  const amount = pending ? format.money(Math.abs(pending.body.amount_cents), currency) : '';
  return (
    <>
      <form ref={formRef} onSubmit={submit} noValidate data-testid="adjustment-form">
        <Stack>
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <Radio.Group label={t('staffEarnings.adjust.direction')} required {...form.getInputProps('direction')}>
            <Stack gap="sm" mt="xs">
              <Radio value="credit" label={t('staffEarnings.adjust.credit')} description={t('staffEarnings.adjust.creditHint')} />
              <Radio value="debit" label={t('staffEarnings.adjust.debit')} description={t('staffEarnings.adjust.debitHint')} />
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('staffEarnings.adjust.amount')}
            description={t('staffEarnings.adjust.amountHint', { max: format.money(1_000_000, currency) })}
            required
            inputMode="decimal"
            maw={240}
            leftSection={<Text size="sm">$</Text>}
            {...form.getInputProps('amount_cents')}
          />
          {form.values.direction === 'debit' && (
            <Checkbox
              label={t('staffEarnings.adjust.allowNegative')}
              description={t('staffEarnings.adjust.allowNegativeHint')}
              {...form.getInputProps('allow_negative', { type: 'checkbox' })}
            />
          )}
          <Textarea
            label={t('staffEarnings.adjust.reason')}
            description={t('staffEarnings.adjust.reasonHint')}
            required
            rows={3}
            maxLength={REASON_MAX}
            resize="vertical"
            {...form.getInputProps('reason')}
          />
          <Group>
            <Button type="submit">{t('staffEarnings.adjust.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={pending !== null}
        onClose={() => !create.isPending && setPending(null)}
        title={t('staffEarnings.adjust.confirmTitle')}
        confirmLabel={t('staffEarnings.adjust.confirm')}
        color={pending && pending.body.amount_cents < 0 ? 'red.9' : undefined}
        onConfirm={confirm}
        loading={create.isPending}
      >
        <Text size="sm">
          {pending && pending.body.amount_cents < 0
            ? t('staffEarnings.adjust.confirmDebit', { amount, name: freelancerName })
            : t('staffEarnings.adjust.confirmCredit', { amount, name: freelancerName })}
        </Text>
        {pending?.body.allow_negative && <Text size="sm">{t('staffEarnings.adjust.confirmNegative')}</Text>}
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {t('staffEarnings.adjust.confirmReason', { reason: pending?.body.reason ?? '' })}
        </Text>
      </ConfirmModal>
    </>
  );
}
