import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { useCloseTicket } from '../api/closeTicket';
import { useReplyToTicket } from '../api/replyToTicket';

const FIELDS = ['body'] as const;

/** The reply box of an open ticket, with "Close ticket". */
export function ReplyForm({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const reply = useReplyToTicket(ticketId);
  const close = useCloseTicket(ticketId);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (v) => (v.trim().length >= 1 && v.trim().length <= 5000 ? null : t('support.ticket.replyLength')) },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    reset();
    reply.mutate(values.body.trim(), { onError: onServerError, onSuccess: () => form.reset() });
  }, focusFirstInvalid);

  return (
    <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label={t('support.ticket.replyTitle')}>
      <Stack gap="sm">
        <ProblemAlert error={alertError ?? close.error} shownFields={FIELDS} />
        <Textarea
          label={t('support.ticket.reply')}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={5000}
          required
          {...form.getInputProps('body')}
        />
        <Group justify="space-between">
          <Button type="submit" loading={reply.isPending}>
            {t('support.ticket.send')}
          </Button>
          <Button variant="default" color="red.9" onClick={() => close.mutate()} loading={close.isPending}>
            {t('support.ticket.close')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
