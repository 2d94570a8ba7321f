import { ActionIcon, Button, Fieldset, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { TagField } from '@/components/TagField';
import type { Profile } from '@/lib/api/types';
import { useUpdateMyProfile } from '../api/updateMyProfile';
import { StepActions, StepFrame } from './StepFrame';

// The API reports `business.education[0].school`; the form's path is `business.education.0.school`.
const FIELDS = [
  'business.occupation',
  'business.skills',
  'business.education',
  'business.education.*.school',
  'business.education.*.degree',
  'business.education.*.year',
  'business.certifications',
] as const;
const MAX_EDUCATION = 10;

interface EducationRow {
  key: string;
  school: string;
  degree: string;
  /** NumberInput reports '' while empty. */
  year: number | string;
}

type BusinessValues = {
  business: { occupation: string; skills: string[]; education: EducationRow[]; certifications: string[] };
}

let rowKey = 0;
const newRowKey = () => `edu-${(rowKey += 1)}`;

function RemoveIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 6l12 12M18 6L6 18" strokeLinecap="round" />
    </svg>
  );
}

export function BusinessStep({ profile, onBack, onDone }: { profile: Profile; onBack: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useUpdateMyProfile();
  const form = useForm<BusinessValues>({
    initialValues: {
      business: {
        occupation: profile.business.occupation ?? '',
        skills: profile.business.skills,
        education: profile.business.education.map((e) => ({
          key: newRowKey(),
          school: e.school,
          degree: e.degree ?? '',
          year: e.year ?? '',
        })),
        certifications: profile.business.certifications,
      },
    },
    validate: {
      business: {
        occupation: (v) => (v.trim().length >= 1 && v.trim().length <= 100 ? null : t('onboarding.business.validation.occupation')),
        skills: (v) =>
          v.length >= 1 && v.length <= 20 && v.every((s) => s.trim().length >= 1 && s.trim().length <= 50)
            ? null
            : t('onboarding.business.validation.skills'),
        certifications: (v) =>
          v.length <= 20 && v.every((c) => c.trim().length >= 1 && c.trim().length <= 200)
            ? null
            : t('onboarding.business.validation.certifications'),
        education: {
          school: (v) => (v.trim().length >= 1 && v.trim().length <= 200 ? null : t('onboarding.business.validation.school')),
          degree: (v) => (v.length <= 200 ? null : t('onboarding.business.validation.degree')),
          year: (v) =>
            v === '' || (typeof v === 'number' && Number.isInteger(v) && v >= 1950 && v <= 2100)
              ? null
              : t('onboarding.business.validation.year'),
        },
      },
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);
  const rows = form.values.business.education;

  const handleSubmit = form.onSubmit(({ business }) => {
    reset();
    save.mutate(
      {
        business: {
          occupation: business.occupation.trim(),
          skills: business.skills.map((s) => s.trim()),
          education: business.education.map((e) => ({
            school: e.school.trim(),
            degree: e.degree.trim() || null,
            year: e.year === '' ? null : Number(e.year),
          })),
          certifications: business.certifications.map((c) => c.trim()),
        },
      },
      { onError: onServerError, onSuccess: onDone },
    );
  }, focusFirstInvalid);

  return (
    <StepFrame id="step-business" title={t('onboarding.business.title')} intro={t('onboarding.business.intro')}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-labelledby="step-business">
        <Stack gap="md">
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <TextInput
            label={t('onboarding.business.occupation')}
            description={t('onboarding.business.occupationHint')}
            autoComplete="organization-title"
            required
            maxLength={100}
            {...form.getInputProps('business.occupation')}
          />
          <TagField
            label={t('onboarding.business.skills')}
            description={t('onboarding.business.skillsHint')}
            placeholder={t('onboarding.tagsPlaceholder')}
            required
            maxTags={20}
            clearable
            {...form.getInputProps('business.skills')}
          />
          <Fieldset legend={t('onboarding.business.education')} variant="filled" radius="md">
            <Stack gap="sm">
              {rows.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('onboarding.business.educationEmpty')}
                </Text>
              )}
              {rows.map((row, index) => (
                <Group key={row.key} align="flex-start" gap="sm" wrap="wrap" data-testid="education-row">
                  <TextInput
                    label={t('onboarding.business.school')}
                    required
                    maxLength={200}
                    style={{ flex: '2 1 200px' }}
                    {...form.getInputProps(`business.education.${index}.school`)}
                  />
                  <TextInput
                    label={t('onboarding.business.degree')}
                    maxLength={200}
                    style={{ flex: '2 1 200px' }}
                    {...form.getInputProps(`business.education.${index}.degree`)}
                  />
                  <NumberInput
                    label={t('onboarding.business.year')}
                    min={1950}
                    max={2100}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    thousandSeparator=""
                    style={{ flex: '1 1 110px' }}
                    {...form.getInputProps(`business.education.${index}.year`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    size="lg"
                    mt={26}
                    aria-label={t('onboarding.business.removeEducation', { n: index + 1 })}
                    onClick={() => form.removeListItem('business.education', index)}
                  >
                    <RemoveIcon />
                  </ActionIcon>
                </Group>
              ))}
              <Button
                variant="light"
                size="xs"
                w="fit-content"
                disabled={rows.length >= MAX_EDUCATION}
                onClick={() =>
                  form.insertListItem('business.education', { key: newRowKey(), school: '', degree: '', year: '' })
                }
              >
                {t('onboarding.business.addEducation')}
              </Button>
            </Stack>
          </Fieldset>
          <TagField
            label={t('onboarding.business.certifications')}
            description={t('onboarding.business.certificationsHint')}
            placeholder={t('onboarding.tagsPlaceholder')}
            maxTags={20}
            clearable
            {...form.getInputProps('business.certifications')}
          />
          <StepActions onBack={onBack} nextLabel={t('onboarding.saveContinue')} loading={save.isPending} />
        </Stack>
      </form>
    </StepFrame>
  );
}
