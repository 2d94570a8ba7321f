import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { InvalidStatusAlert } from '@/components/InvalidStatusAlert';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { useRejectCustomerAccount } from '../api/rejectCustomerAccount';
import type { CustomerAccount } from '../api/types';
import { rejectReasonProblem } from '../lib/reject';

const FIELDS = ['reason'] as const;

interface RejectAccountModalProps {
  account: CustomerAccount;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Rejects an account with a reason the customer reads, fixes and resubmits. */
export function RejectAccountModal({ account, opened, onClose, onDone }: RejectAccountModalProps) {
  const { t } = useTranslation();
  const reject = useRejectCustomerAccount(account.id);
  const form = useForm({
    initialValues: { reason: '' },
    validate: {
      reason: (value) => {
        const problem = rejectReasonProblem(value);
        return problem && t(problem);
      },
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const close = () => {
    reset();
    reject.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    reset();
    reject.mutate(
      { reason: values.reason.trim() },
      {
        onSuccess: () => {
          form.reset();
          onDone();
        },
        onError: onServerError,
      },
    );
  }, focusFirstInvalid);

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('staffCustomerAccounts.reject.title')}
      confirmLabel={t('staffCustomerAccounts.reject.confirm')}
      color="red.9"
      loading={reject.isPending}
      onConfirm={() => submit()}
      asForm
      formRef={formRef}
    >
      <InvalidStatusAlert error={alertError} fallback={<ProblemAlert error={alertError} shownFields={FIELDS} />} />
      <Text>{t('staffCustomerAccounts.reject.text', { name: account.account_name })}</Text>
      <Textarea
        label={t('staffCustomerAccounts.reject.reason')}
        description={t('staffCustomerAccounts.reject.reasonHint')}
        required
        rows={5}
        resize="vertical"
        {...form.getInputProps('reason')}
      />
    </ConfirmModal>
  );
}
