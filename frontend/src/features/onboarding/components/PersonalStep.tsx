import { Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '@/components/CountrySelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { TagField } from '@/components/TagField';
import type { Profile } from '@/lib/api/types';
import { useUpdateMyProfile } from '../api/updateMyProfile';
import { suggestDisplayName } from '../displayName';
import { stepBeforeTax } from '../wizard';
import { PictureUpload } from './PictureUpload';
import { StepActions, StepFrame } from './StepFrame';

// Field names as the API reports them (`personal.display_name`), which are also the form's paths.
const FIELDS = [
  'personal.full_name',
  'personal.display_name',
  'personal.description',
  'personal.languages',
  'personal.country',
] as const;
const DISPLAY_NAME = /^[A-Za-z0-9 _.-]+$/;

type PersonalValues = {
  personal: { full_name: string; display_name: string; description: string; languages: string[]; country: string | null };
}

export function PersonalStep({ profile, onBack, onDone }: { profile: Profile; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useUpdateMyProfile();
  const form = useForm<PersonalValues>({
    initialValues: {
      personal: {
        full_name: profile.personal.full_name,
        // Not asked again: the name from the account suggests one (still editable).
        display_name: profile.personal.display_name ?? suggestDisplayName(profile.personal.full_name),
        description: profile.personal.description,
        languages: profile.personal.languages,
        country: profile.personal.country ?? null,
      },
    },
    validate: {
      personal: {
        full_name: (v) => (v.trim().length >= 1 && v.trim().length <= 200 ? null : t('onboarding.personal.validation.fullName')),
        display_name: (v) => {
          if (v.length < 3 || v.length > 40) return t('onboarding.personal.validation.displayNameLength');
          if (!DISPLAY_NAME.test(v) || v.trim() !== v) return t('onboarding.personal.validation.displayNameChars');
          return null;
        },
        description: (v) => (v.length <= 2000 ? null : t('onboarding.personal.validation.description')),
        languages: (v) =>
          v.length >= 1 && v.length <= 10 && v.every((l) => l.trim().length >= 2 && l.trim().length <= 40)
            ? null
            : t('onboarding.personal.validation.languages'),
        country: (v) => (v ? null : t('onboarding.personal.validation.country')),
      },
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const handleSubmit = form.onSubmit(({ personal }) => {
    reset();
    save.mutate(
      {
        personal: {
          full_name: personal.full_name.trim(),
          display_name: personal.display_name,
          description: personal.description.trim(),
          languages: personal.languages.map((l) => l.trim()),
          country: personal.country,
        },
      },
      { onError: onServerError, onSuccess: onDone },
    );
  }, focusFirstInvalid);

  return (
    <StepFrame id="step-personal" title={t('onboarding.personal.title')} intro={t('onboarding.personal.intro')}>
      <PictureUpload pictureUrl={profile.picture_url} name={form.values.personal.full_name || profile.personal.full_name} />
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-labelledby="step-personal">
        <Stack gap="md">
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <TextInput
            label={t('onboarding.personal.fullName')}
            autoComplete="name"
            required
            {...form.getInputProps('personal.full_name')}
          />
          <TextInput
            label={t('onboarding.personal.displayName')}
            description={t('onboarding.personal.displayNameHint')}
            autoComplete="nickname"
            required
            maxLength={40}
            {...form.getInputProps('personal.display_name')}
          />
          <Textarea
            label={t('onboarding.personal.description')}
            description={t('onboarding.personal.descriptionHint', { count: form.values.personal.description.length })}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={2000}
            {...form.getInputProps('personal.description')}
          />
          <TagField
            label={t('onboarding.personal.languages')}
            description={t('onboarding.personal.languagesHint')}
            placeholder={t('onboarding.tagsPlaceholder')}
            required
            maxTags={10}
            clearable
            {...form.getInputProps('personal.languages')}
          />
          <CountrySelect
            label={t('onboarding.personal.country')}
            description={t('onboarding.personal.countryHint', { step: t(`onboarding.steps.${stepBeforeTax()}`) })}
            placeholder={t('onboarding.countryPlaceholder')}
            required
            {...form.getInputProps('personal.country')}
          />
          <StepActions onBack={onBack} nextLabel={t('onboarding.saveContinue')} loading={save.isPending} />
        </Stack>
      </form>
    </StepFrame>
  );
}
