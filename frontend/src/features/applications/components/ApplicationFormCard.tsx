import { Button, Group, NumberInput, Paper, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '@/components/CountrySelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { TagField } from '@/components/TagField';
import { isApiError } from '@/lib/api/problem';
import { useFormat } from '@/lib/format/useFormat';
import { useRefreshCurrentUser } from '@/lib/session/currentUser';
import { applicationKeys } from '../api/keys';
import { useSubmitApplication } from '../api/submitApplication';
import {
  APPLICATION_FIELDS,
  checkApplication,
  usClientsRequired,
  EXPERIENCE_LEVELS,
  LIMITS,
  toApplicationForm,
  type ApplicationValues,
} from '../applicationRules';

interface Props {
  initialValues: ApplicationValues;
  onSubmitted?: () => void;
  onCancel?: () => void;
}

/** The application form; server errors appear next to their fields, 409s explain themselves. */
export function ApplicationFormCard({ initialValues, onSubmitted, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const submit = useSubmitApplication();
  const queryClient = useQueryClient();
  const refreshMe = useRefreshCurrentUser();

  const form = useForm<ApplicationValues>({
    initialValues,
    validate: (values) =>
      Object.fromEntries(
        Object.entries(checkApplication(values)).map(([field, problem]) => [field, t(`application.validation.${problem}`)]),
      ),
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, APPLICATION_FIELDS);
  // 409: an application is open already or approved — this page was out of date.
  const conflict = isApiError(alertError) && alertError.status === 409;

  const handleSubmit = form.onSubmit((values) => {
    reset();
    submit.mutate(toApplicationForm(values), { onError: onServerError, onSuccess: () => onSubmitted?.() });
  }, focusFirstInvalid);

  const reload = async () => {
    reset();
    await Promise.all([queryClient.invalidateQueries({ queryKey: applicationKeys.mine }), refreshMe()]);
    onSubmitted?.();
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-label={t('application.form.title')}>
        <Stack gap="lg">
          <ProblemAlert error={alertError} shownFields={APPLICATION_FIELDS} />
          {conflict && (
            <Button variant="light" w="fit-content" onClick={() => void reload()}>
              {t('application.form.showCurrent')}
            </Button>
          )}
          <Select
            label={t('application.fields.experience')}
            description={t('application.fields.experienceHint')}
            placeholder={t('application.fields.experiencePlaceholder')}
            required
            allowDeselect={false}
            data={EXPERIENCE_LEVELS.map((level) => ({ value: level, label: t(`application.experience.${level}`) }))}
            {...form.getInputProps('m365_experience')}
          />
          <NumberInput
            label={t('application.fields.usClients')}
            description={
              usClientsRequired(form.values.country) ? t('application.fields.usClientsHint') : t('application.fields.usClientsOptionalHint')
            }
            required={usClientsRequired(form.values.country)}
            min={0}
            max={LIMITS.clientsMax}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            w={{ base: '100%', sm: 240 }}
            {...form.getInputProps('us_clients_served')}
          />
          <TagField
            label={t('application.fields.certifications')}
            description={t('application.fields.certificationsHint')}
            placeholder={t('application.fields.tagsPlaceholder')}
            maxTags={LIMITS.certifications}
            clearable
            {...form.getInputProps('certifications')}
          />
          <CountrySelect
            label={t('application.fields.country')}
            description={t('application.fields.countryHint')}
            placeholder={t('application.fields.countryPlaceholder')}
            required
            {...form.getInputProps('country')}
          />
          <Textarea
            label={t('application.fields.motivation')}
            description={t('application.fields.motivationCounter', {
              count: form.values.motivation.trim().length,
              min: format.number(LIMITS.motivationMin),
              max: format.number(LIMITS.motivationMax),
            })}
            required
            autosize
            minRows={4}
            maxRows={12}
            maxLength={LIMITS.motivationMax}
            {...form.getInputProps('motivation')}
          />
          <TagField
            label={t('application.fields.links')}
            description={t('application.fields.linksHint')}
            placeholder={t('application.fields.linksPlaceholder')}
            maxTags={LIMITS.links}
            splitChars={[',', ' ']}
            clearable
            {...form.getInputProps('links')}
          />
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {t('application.form.submit')}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('application.form.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
