import { Button, Group, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { usePublishTerms } from '../api/publishTerms';
import { useFormatters } from '@/lib/format/useFormatters';
import { ConfirmModal } from '@/components/ConfirmModal';
import { useServerErrors } from '@/components/useServerErrors';

const FIELDS = ['title', 'body'] as const;
const TITLE_MAX = 200;
const BODY_MIN = 20;
const BODY_MAX = 100_000;

/** Publishes a new terms version after a confirmation that says what follows. */
export function PublishTermsForm() {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const publish = usePublishTerms();
  const [confirming, setConfirming] = useState(false);
  const form = useForm({
    initialValues: { title: '', body: '' },
    validate: {
      title: (value) => {
        if (!value.trim()) return t('staffTerms.validation.titleRequired');
        return value.length > TITLE_MAX ? t('staffTerms.validation.titleTooLong') : null;
      },
      body: (value) =>
        value.trim().length < BODY_MIN || value.length > BODY_MAX ? t('staffTerms.validation.bodyLength') : null,
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const ask = form.onSubmit(() => {
    reset();
    setConfirming(true);
  }, focusFirstInvalid);

  const confirm = () => {
    publish.mutate(
      { title: form.values.title.trim(), body: form.values.body },
      {
        onSuccess: (version) => {
          setConfirming(false);
          form.reset();
          notifications.show({
            message: t('staffTerms.publish.done', { version: version.version }),
            color: 'green.9',
            closeButtonProps: { 'aria-label': t('app.close') },
          });
        },
        onError: (error) => {
          setConfirming(false);
          onServerError(error);
        },
      },
    );
  };

  return (
    <>
      <form ref={formRef} onSubmit={ask} noValidate>
        <Stack>
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <TextInput label={t('staffTerms.publish.titleLabel')} required maxLength={TITLE_MAX} {...form.getInputProps('title')} />
          <Textarea
            label={t('staffTerms.publish.body')}
            description={t('staffTerms.publish.bodyHint', { length: number(form.values.body.length) })}
            required
            rows={16}
            resize="vertical"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
            {...form.getInputProps('body')}
          />
          <Group>
            <Button type="submit">{t('staffTerms.publish.submit')}</Button>
          </Group>
        </Stack>
      </form>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('staffTerms.publish.confirmTitle')}
        confirmLabel={t('staffTerms.publish.confirm')}
        loading={publish.isPending}
        onConfirm={confirm}
      >
        <Text>{t('staffTerms.publish.confirmText', { title: form.values.title.trim() })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('staffTerms.publish.effect1')}</List.Item>
          <List.Item>{t('staffTerms.publish.effect2')}</List.Item>
          <List.Item>{t('staffTerms.publish.effect3')}</List.Item>
        </List>
      </ConfirmModal>
    </>
  );
}
