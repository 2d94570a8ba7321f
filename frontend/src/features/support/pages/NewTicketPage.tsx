import { Anchor, Button, Container, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import type { TicketCategory } from '@/lib/api/types';
import { useCreateTicket } from '../api/createTicket';
import { TICKET_CATEGORIES } from '../categories';

const FIELDS = ['subject', 'category', 'message'] as const;

type TicketValues = {
  subject: string;
  category: TicketCategory | null;
  message: string;
}

export default function NewTicketPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.new.pageTitle'));
  const navigate = useNavigate();
  const create = useCreateTicket();
  const form = useForm<TicketValues>({
    initialValues: { subject: '', category: null, message: '' },
    validate: {
      subject: (v) => (v.trim().length >= 3 && v.trim().length <= 200 ? null : t('support.new.validation.subject')),
      category: (v) => (v ? null : t('support.new.validation.category')),
      message: (v) => (v.trim().length >= 10 && v.trim().length <= 5000 ? null : t('support.new.validation.message')),
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    reset();
    create.mutate(
      { subject: values.subject.trim(), category: values.category as TicketCategory, message: values.message.trim() },
      { onError: onServerError, onSuccess: (ticket) => void navigate(`/app/support/${ticket.id}`) },
    );
  }, focusFirstInvalid);

  return (
    <Container size="sm" py="md">
      <Stack gap="lg">
        <Anchor component={Link} to="/app/support" size="sm">
          {t('support.backToList')}
        </Anchor>
        <Stack gap={4}>
          <Title order={1}>{t('support.new.title')}</Title>
          <Text c="dimmed">{t('support.new.lead')}</Text>
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label={t('support.new.title')}>
            <Stack gap="md">
              <ProblemAlert error={alertError} shownFields={FIELDS} />
              <TextInput label={t('support.new.subject')} required maxLength={200} {...form.getInputProps('subject')} />
              <Select
                label={t('support.new.category')}
                placeholder={t('support.new.categoryPlaceholder')}
                required
                allowDeselect={false}
                data={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`support.category.${c}`) }))}
                {...form.getInputProps('category')}
              />
              <Textarea
                label={t('support.new.message')}
                description={t('support.new.messageHint', { count: form.values.message.trim().length })}
                required
                autosize
                minRows={5}
                maxRows={14}
                maxLength={5000}
                {...form.getInputProps('message')}
              />
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('support.new.submit')}
                </Button>
                <Button component={Link} to="/app/support" variant="default">
                  {t('support.new.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Container>
  );
}
