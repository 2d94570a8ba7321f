import { Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import { useRejectApplication } from '../api/rejectApplication';
import type { Application, RejectionReason } from '../api/types';
import { REJECTION_REASONS, rejectFormErrors } from '../lib/reject';
import { ConfirmModal } from '@/components/ConfirmModal';
import { InvalidStatusAlert } from '@/components/InvalidStatusAlert';
import { useServerErrors } from '@/components/useServerErrors';

const FIELDS = ['reason', 'note'] as const;

interface RejectModalProps {
  application: Application;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Rejects an application with a reason from the fixed list; "other" needs a note. */
export function RejectModal({ application, opened, onClose, onDone }: RejectModalProps) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const reject = useRejectApplication(application.id);
  const form = useForm({
    initialValues: { reason: '', note: '' },
    validate: (values) => {
      const errors = rejectFormErrors(values);
      return {
        reason: errors.reason ? dt(errors.reason, errors.reason) : null,
        note: errors.note ? dt(errors.note, errors.note) : null,
      };
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
    const note = values.note.trim();
    reject.mutate({ reason: values.reason as RejectionReason, note: note || null }, { onSuccess: onDone, onError: onServerError });
  }, focusFirstInvalid);

  const noteRequired = form.values.reason === 'other';
  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('staffApplications.reject.title')}
      confirmLabel={t('staffApplications.reject.confirm')}
      color="red.9"
      loading={reject.isPending}
      onConfirm={() => submit()}
      asForm
      formRef={formRef}
    >
      <InvalidStatusAlert error={alertError} fallback={<ProblemAlert error={alertError} shownFields={FIELDS} />} />
      <Text>{t('staffApplications.reject.text', { name: application.applicant?.full_name ?? application.id })}</Text>
      <Radio.Group label={t('staffApplications.reject.reason')} required {...form.getInputProps('reason')}>
        <Stack gap="xs" mt="xs">
          {REJECTION_REASONS.map((reason) => (
            <Radio key={reason} value={reason} label={dt(`staffApplications.reasons.${reason}`, humanize(reason))} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('staffApplications.reject.note')}
        description={noteRequired ? t('staffApplications.reject.noteHintRequired') : t('staffApplications.reject.noteHint')}
        required={noteRequired}
        rows={4}
        resize="vertical"
        {...form.getInputProps('note')}
      />
    </ConfirmModal>
  );
}
