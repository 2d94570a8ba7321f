import { Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useApproveApplication } from '../api/approveApplication';
import type { Application } from '../api/types';
import { noteProblem } from '@/lib/notes/decisionNote';
import { ConfirmModal } from '@/components/ConfirmModal';
import { InvalidStatusAlert } from '@/components/InvalidStatusAlert';
import { useServerErrors } from '@/components/useServerErrors';

const FIELDS = ['note'] as const;

interface ApproveModalProps {
  application: Application;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Confirms approving an application, with an optional note to the applicant. */
export function ApproveModal({ application, opened, onClose, onDone }: ApproveModalProps) {
  const { t } = useTranslation();
  const approve = useApproveApplication(application.id);
  const form = useForm({
    initialValues: { note: '' },
    validate: {
      note: (value) => {
        const problem = noteProblem(value);
        return problem && t(problem);
      },
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const close = () => {
    reset();
    approve.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    reset();
    const note = values.note.trim();
    approve.mutate({ note: note || null }, { onSuccess: onDone, onError: onServerError });
  }, focusFirstInvalid);

  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('staffApplications.approve.title')}
      confirmLabel={t('staffApplications.approve.confirm')}
      color="teal.9"
      loading={approve.isPending}
      onConfirm={() => submit()}
      asForm
      formRef={formRef}
    >
      <InvalidStatusAlert error={alertError} fallback={<ProblemAlert error={alertError} shownFields={FIELDS} />} />
      <Text>{t('staffApplications.approve.text', { name: application.applicant?.full_name ?? application.id })}</Text>
      <Textarea
        label={t('staffApplications.approve.note')}
        description={t('staffApplications.approve.noteHint')}
        rows={4}
        resize="vertical"
        {...form.getInputProps('note')}
      />
    </ConfirmModal>
  );
}
