import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { useFormat } from '@/lib/format/useFormat';
import { useSubmitAppeal } from '../api/submitAppeal';

const FIELDS = ['explanation'] as const;
const MIN = 20;
const MAX = 5000;

/** "Appeal this decision": an explanation, sent to support. */
export function AppealForm({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const appeal = useSubmitAppeal();
  const form = useForm({
    initialValues: { explanation: '' },
    validate: {
      explanation: (value) => {
        const n = value.trim().length;
        return n >= MIN && n <= MAX ? null : t('application.appeal.length');
      },
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    reset();
    appeal.mutate(
      { subject_type: 'application', subject_id: applicationId, explanation: values.explanation.trim() },
      {
        onError: onServerError,
        onSuccess: () =>
          notifications.show({
            message: t('application.appeal.sent'),
            color: 'teal.9',
            closeButtonProps: { 'aria-label': t('app.close') },
          }),
      },
    );
  }, focusFirstInvalid);

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} component="section" aria-labelledby="appeal-title">
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="appeal-title">
            {t('application.appeal.title')}
          </Title>
          <Text>{t('application.appeal.intro')}</Text>
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <Textarea
            label={t('application.appeal.explanation')}
            description={t('application.appeal.counter', {
              count: form.values.explanation.trim().length,
              min: format.number(MIN),
              max: format.number(MAX),
            })}
            required
            autosize
            minRows={4}
            maxRows={14}
            maxLength={MAX}
            {...form.getInputProps('explanation')}
          />
          <Button type="submit" loading={appeal.isPending} w="fit-content">
            {t('application.appeal.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
