import { Alert, Button, Group, List, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { isApiError } from '@/lib/api/problem';
import { usePublishTerms } from '../api/publishTerms';
import { useFormatters } from '@/lib/format/useFormatters';
import { ConfirmModal } from '@/components/ConfirmModal';
import { useServerErrors } from '@/components/useServerErrors';
import { TERMS_LANGUAGES, type TermsLanguage, emptyDraft, languageErrors, missingLanguages, publishBody } from '../lib/draft';

// `en`/`de` carry the server's "this language is missing" error; the rest are the inputs.
const FIELDS = ['en', 'de', 'en.title', 'en.body', 'de.title', 'de.body'] as const;
const TITLE_MAX = 200;
const BODY_MIN = 20;
const BODY_MAX = 100_000;

/** Publishes a new terms version, English and German in tabs, after a confirmation. */
export function PublishTermsForm() {
  const { t, i18n } = useTranslation();
  const { number } = useFormatters();
  const publish = usePublishTerms();
  const [confirming, setConfirming] = useState(false);
  const [tab, setTab] = useState<TermsLanguage>(i18n.resolvedLanguage === 'de' ? 'de' : 'en');
  const form = useForm({
    initialValues: emptyDraft(),
    validate: (values) => {
      const errors: Record<string, string | null> = {};
      for (const language of missingLanguages(values)) {
        errors[language] = t(`staffTerms.validation.${language}Missing`);
      }
      for (const language of TERMS_LANGUAGES) {
        if (errors[language]) continue;
        const { title, body } = values[language];
        if (!title.trim()) errors[`${language}.title`] = t('staffTerms.validation.titleRequired');
        else if (title.length > TITLE_MAX) errors[`${language}.title`] = t('staffTerms.validation.titleTooLong');
        if (body.trim().length < BODY_MIN || body.length > BODY_MAX) errors[`${language}.body`] = t('staffTerms.validation.bodyLength');
      }
      return errors;
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  /** Shows the first language with an error, then focuses its first invalid field. */
  const showErrors = (errors: Record<string, unknown>) => {
    const first = TERMS_LANGUAGES.find((language) => languageErrors(errors, language).length > 0);
    if (first) setTab(first);
    focusFirstInvalid();
  };

  const ask = form.onSubmit(() => {
    reset();
    setConfirming(true);
  }, showErrors);

  const confirm = () => {
    publish.mutate(publishBody(form.values), {
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
        showErrors(isApiError(error) ? Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])) : {});
      },
    });
  };

  return (
    <>
      <form ref={formRef} onSubmit={ask} noValidate>
        <Stack>
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <Text size="sm" c="dimmed">
            {t('staffTerms.publish.needsBoth')}
          </Text>
          <Tabs value={tab} onChange={(value) => value && setTab(value as TermsLanguage)} keepMounted>
            <Tabs.List aria-label={t('staffTerms.publish.languages')}>
              {TERMS_LANGUAGES.map((language) => {
                const invalid = languageErrors(form.errors, language).length > 0;
                const name = t(`staffTerms.publish.${language}`);
                return (
                  <Tabs.Tab
                    key={language}
                    value={language}
                    color={invalid ? 'red' : undefined}
                    c={invalid ? 'red.9' : undefined}
                    aria-label={invalid ? t('staffTerms.publish.hasErrors', { language: name }) : undefined}
                  >
                    {name}
                    {invalid ? ' ⚠' : ''}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {TERMS_LANGUAGES.map((language) => (
              <Tabs.Panel key={language} value={language} pt="md" lang={language}>
                <Stack>
                  {form.errors[language] && (
                    <Alert color="red" variant="light" role="alert" data-testid={`missing-${language}`}>
                      {form.errors[language]}
                    </Alert>
                  )}
                  <TextInput
                    label={t('staffTerms.publish.titleLabel')}
                    required
                    maxLength={TITLE_MAX}
                    {...form.getInputProps(`${language}.title`)}
                  />
                  <Textarea
                    label={t('staffTerms.publish.body')}
                    description={t('staffTerms.publish.bodyHint', { length: number(form.values[language].body.length) })}
                    required
                    rows={16}
                    resize="vertical"
                    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
                    {...form.getInputProps(`${language}.body`)}
                  />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
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
        <Text>{t('staffTerms.publish.confirmText', { title: form.values[tab].title.trim() })}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('staffTerms.publish.effect1')}</List.Item>
          <List.Item>{t('staffTerms.publish.effect2')}</List.Item>
          <List.Item>{t('staffTerms.publish.effect3')}</List.Item>
        </List>
      </ConfirmModal>
    </>
  );
}
