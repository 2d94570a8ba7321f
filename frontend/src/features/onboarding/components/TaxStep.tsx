import { Button, Checkbox, Fieldset, Group, PasswordInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SuccessAlert } from '@/components/SuccessAlert';
import { useServerErrors } from '@/components/useServerErrors';
import type { TaxClassification, TaxForm, TinType, UsState } from '@/lib/api/types';
import { useFormat } from '@/lib/format/useFormat';
import { useSaveMyTaxForm } from '../api/saveMyTaxForm';
import { formatTin, tinDigits, tinProblem } from '../tin';
import { US_STATE_OPTIONS } from '../usStates';
import { StepActions, StepFrame } from './StepFrame';

const FIELDS = [
  'legal_name',
  'business_name',
  'tax_classification',
  'address.line1',
  'address.line2',
  'address.city',
  'address.state',
  'address.zip',
  'tin_type',
  'tin',
  'certify',
  'signature_name',
] as const;

const CLASSIFICATIONS: readonly TaxClassification[] = [
  'individual',
  'c_corporation',
  's_corporation',
  'partnership',
  'trust_estate',
  'llc_c',
  'llc_s',
  'llc_p',
  'other',
];
const ZIP = /^[0-9]{5}(-[0-9]{4})?$/;

type TaxValues = {
  legal_name: string;
  business_name: string;
  tax_classification: TaxClassification | '';
  address: { line1: string; line2: string; city: string; state: UsState | null; zip: string };
  tin_type: TinType;
  tin: string;
  certify: boolean;
  signature_name: string;
}

interface Props {
  saved: TaxForm | null;
  onBack: () => void;
  onDone: () => void;
}

/** The W-9: shows the saved form (TIN masked) or the form to fill in and sign. */
export function TaxStep({ saved, onBack, onDone }: Props) {
  const [editing, setEditing] = useState(saved === null);
  const [replaced, setReplaced] = useState(false);
  if (saved && !editing) {
    return <SavedTaxForm saved={saved} replaced={replaced} onBack={onBack} onDone={onDone} onReplace={() => setEditing(true)} />;
  }
  // The first W-9 moves the wizard on; a replacement stays here and says it is saved.
  const onSaved = saved
    ? () => {
        setReplaced(true);
        setEditing(false);
      }
    : onDone;
  return <TaxFormStep saved={saved} onBack={onBack} onDone={onSaved} onCancel={saved ? () => setEditing(false) : undefined} />;
}

function SavedTaxForm({ saved, replaced, onBack, onDone, onReplace }: Props & { saved: TaxForm; replaced: boolean; onReplace: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const address = [saved.address.line1, saved.address.line2, `${saved.address.city}, ${saved.address.state} ${saved.address.zip}`]
    .filter(Boolean)
    .join(', ');
  return (
    <StepFrame id="step-tax" title={t('onboarding.tax.title')}>
      <SuccessAlert
        title={replaced ? t('onboarding.tax.replacedTitle') : t('onboarding.tax.savedTitle')}
        role={replaced ? 'status' : undefined}
        data-testid="tax-saved"
      >
        {t('onboarding.tax.savedText', { date: format.dateTime(saved.signed_at) })}
      </SuccessAlert>
      <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0} spacing="md">
        {[
          [t('onboarding.tax.legalName'), saved.legal_name],
          [t('onboarding.tax.classification'), t(`onboarding.tax.classifications.${saved.tax_classification}`)],
          [t('onboarding.tax.address'), address],
          [t(`onboarding.tax.tinTypes.${saved.tin_type}`), saved.tin_masked],
        ].map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0}>
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        <Group gap="sm">
          <Button variant="light" onClick={onReplace}>
            {t('onboarding.tax.replace')}
          </Button>
          <Button onClick={onDone}>{t('onboarding.continue')}</Button>
        </Group>
      </Group>
    </StepFrame>
  );
}

function TaxFormStep({ saved, onBack, onDone, onCancel }: Props & { onCancel?: () => void }) {
  const { t } = useTranslation();
  const save = useSaveMyTaxForm();
  const tinMessage = (value: string, type: TinType) => {
    const problem = tinProblem(value);
    if (problem === 'long') return t(`onboarding.tax.validation.tinTooLong.${type}`, { count: tinDigits(value) });
    return problem ? t(`onboarding.tax.validation.tin.${type}`) : null;
  };
  const form = useForm<TaxValues>({
    initialValues: {
      legal_name: saved?.legal_name ?? '',
      business_name: saved?.business_name ?? '',
      tax_classification: saved?.tax_classification ?? '',
      address: {
        line1: saved?.address.line1 ?? '',
        line2: saved?.address.line2 ?? '',
        city: saved?.address.city ?? '',
        state: saved?.address.state ?? null,
        zip: saved?.address.zip ?? '',
      },
      tin_type: saved?.tin_type ?? 'ssn',
      // Write-only: never prefilled, never shown back.
      tin: '',
      certify: false,
      signature_name: '',
    },
    validate: {
      legal_name: (v) => (v.trim() && v.length <= 200 ? null : t('onboarding.tax.validation.legalName')),
      business_name: (v) => (v.length <= 200 ? null : t('onboarding.tax.validation.tooLong')),
      tax_classification: (v) => (v ? null : t('onboarding.tax.validation.classification')),
      address: {
        line1: (v) => (v.trim() && v.length <= 200 ? null : t('onboarding.tax.validation.line1')),
        line2: (v) => (v.length <= 200 ? null : t('onboarding.tax.validation.tooLong')),
        city: (v) => (v.trim() && v.length <= 100 ? null : t('onboarding.tax.validation.city')),
        state: (v) => (v ? null : t('onboarding.tax.validation.state')),
        zip: (v) => (ZIP.test(v.trim()) ? null : t('onboarding.tax.validation.zip')),
      },
      tin: (v, values) => tinMessage(v, values.tin_type),
      certify: (v) => (v ? null : t('onboarding.tax.validation.certify')),
      signature_name: (v, values) =>
        v.trim().toLowerCase() === values.legal_name.trim().toLowerCase() && v.trim()
          ? null
          : t('onboarding.tax.validation.signature'),
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    reset();
    save.mutate(
      {
        legal_name: values.legal_name.trim(),
        business_name: values.business_name.trim() || null,
        tax_classification: values.tax_classification as TaxClassification,
        address: {
          line1: values.address.line1.trim(),
          line2: values.address.line2.trim() || null,
          city: values.address.city.trim(),
          state: values.address.state as UsState,
          zip: values.address.zip.trim(),
        },
        tin_type: values.tin_type,
        tin: values.tin,
        certify: values.certify,
        signature_name: values.signature_name.trim(),
      },
      {
        onError: onServerError,
        onSuccess: () => {
          // Drop the typed TIN at once: from here on only the masked form exists.
          form.setFieldValue('tin', '');
          onDone();
        },
      },
    );
  }, focusFirstInvalid);

  const tinProps = form.getInputProps('tin');

  return (
    <StepFrame id="step-tax" title={t('onboarding.tax.title')} intro={t('onboarding.tax.intro')}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate aria-labelledby="step-tax" autoComplete="off">
        <Stack gap="md">
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <TextInput
            label={t('onboarding.tax.legalName')}
            description={t('onboarding.tax.legalNameHint')}
            required
            maxLength={200}
            {...form.getInputProps('legal_name')}
          />
          <TextInput
            label={t('onboarding.tax.businessName')}
            description={t('onboarding.tax.businessNameHint')}
            maxLength={200}
            {...form.getInputProps('business_name')}
          />
          <Select
            label={t('onboarding.tax.classification')}
            placeholder={t('onboarding.tax.classificationPlaceholder')}
            required
            allowDeselect={false}
            data={CLASSIFICATIONS.map((c) => ({ value: c, label: t(`onboarding.tax.classifications.${c}`) }))}
            {...form.getInputProps('tax_classification')}
          />
          <Fieldset legend={t('onboarding.tax.address')} variant="filled" radius="md">
            <Stack gap="sm">
              <TextInput
                label={t('onboarding.tax.line1')}
                autoComplete="address-line1"
                required
                maxLength={200}
                {...form.getInputProps('address.line1')}
              />
              <TextInput
                label={t('onboarding.tax.line2')}
                autoComplete="address-line2"
                maxLength={200}
                {...form.getInputProps('address.line2')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput
                  label={t('onboarding.tax.city')}
                  autoComplete="address-level2"
                  required
                  maxLength={100}
                  {...form.getInputProps('address.city')}
                />
                <Select
                  label={t('onboarding.tax.state')}
                  placeholder={t('onboarding.tax.statePlaceholder')}
                  required
                  searchable
                  allowDeselect={false}
                  nothingFoundMessage={t('programme.noMatches')}
                  data={US_STATE_OPTIONS}
                  {...form.getInputProps('address.state')}
                />
                <TextInput
                  label={t('onboarding.tax.zip')}
                  autoComplete="postal-code"
                  inputMode="numeric"
                  required
                  maxLength={10}
                  {...form.getInputProps('address.zip')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Fieldset legend={t('onboarding.tax.tinLegend')} variant="filled" radius="md">
            <Stack gap="sm">
              <Radio.Group
                label={t('onboarding.tax.tinType')}
                required
                {...form.getInputProps('tin_type')}
                onChange={(value) => {
                  form.setFieldValue('tin_type', value as TinType);
                  form.setFieldValue('tin', formatTin(form.values.tin, value as TinType));
                }}
              >
                <Group gap="lg" mt={6}>
                  <Radio value="ssn" label={t('onboarding.tax.tinTypes.ssn')} />
                  <Radio value="ein" label={t('onboarding.tax.tinTypes.ein')} />
                </Group>
              </Radio.Group>
              <PasswordInput
                label={t(`onboarding.tax.tinLabel.${form.values.tin_type}`)}
                description={
                  saved
                    ? t('onboarding.tax.tinHintReplace', { masked: saved.tin_masked })
                    : t(`onboarding.tax.tinHint.${form.values.tin_type}`)
                }
                required
                autoComplete="off"
                inputMode="numeric"
                spellCheck={false}
                maw={280}
                visibilityToggleButtonProps={{ 'aria-label': t('onboarding.tax.toggleTin'), tabIndex: 0 }}
                {...tinProps}
                aria-invalid={Boolean(form.errors.tin)}
                onChange={(event) => {
                  const tin = formatTin(event.currentTarget.value, form.values.tin_type);
                  form.setFieldValue('tin', tin);
                  // Too many digits is said at once; too few only on submit (the person is still typing).
                  if (tinProblem(tin) === 'long') form.setFieldError('tin', tinMessage(tin, form.values.tin_type));
                  else if (form.errors.tin) form.clearFieldError('tin');
                }}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('onboarding.tax.certificationLegend')} variant="filled" radius="md">
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                {t('onboarding.tax.certificationIntro')}
              </Text>
              <Stack gap={6} component="ol" m={0} pl="lg" style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
                {(['one', 'two', 'three', 'four'] as const).map((n) => (
                  <li key={n}>{t(`onboarding.tax.certificationText.${n}`)}</li>
                ))}
              </Stack>
              <Text size="xs" c="dimmed">
                {t('onboarding.tax.certificationNote')}
              </Text>
              <Checkbox
                label={t('onboarding.tax.certify')}
                required
                {...form.getInputProps('certify', { type: 'checkbox' })}
              />
              <TextInput
                label={t('onboarding.tax.signature')}
                description={t('onboarding.tax.signatureHint')}
                required
                autoComplete="off"
                maxLength={200}
                {...form.getInputProps('signature_name')}
              />
            </Stack>
          </Fieldset>
          {onCancel ? (
            <Group justify="space-between" mt="sm">
              <Button variant="default" onClick={onCancel}>
                {t('onboarding.tax.keepSaved')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('onboarding.tax.submit')}
              </Button>
            </Group>
          ) : (
            <StepActions onBack={onBack} nextLabel={t('onboarding.tax.submit')} loading={save.isPending} />
          )}
        </Stack>
      </form>
    </StepFrame>
  );
}
