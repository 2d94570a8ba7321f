import { Alert, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { useNotifySuccess } from '@/components/notifySuccess';
import { PercentInput } from '@/components/PercentInput';
import { CountrySelect } from '@/components/CountrySelect';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { translateErrors, useDynamicT } from '@/i18n/dynamic';
import { countryName } from '@/lib/countries';
import { decimalSeparator } from '@/lib/format/parse';
import { usePutTaxRate } from '../api/putTaxRate';
import type { TaxRate } from '../api/types';
import { taxFormErrors, taxFormValues, taxRateBody, type TaxFormValues } from '../lib/taxForm';

const FIELDS = ['country', 'rate_bps', 'label'] as const;

interface TaxRateFormModalProps {
  /** The rate to edit; a new country's when absent. */
  rate?: TaxRate;
  /** The rates there are, to say when a new one replaces one. */
  existing: readonly TaxRate[];
  onClose: () => void;
}

/** Adds a country's tax rate or changes one; invoices issued from now on use it. */
export function TaxRateFormModal({ rate, existing, onClose }: TaxRateFormModalProps) {
  const { t, i18n } = useTranslation();
  const notify = useNotifySuccess();
  const dt = useDynamicT();
  const locale = i18n.resolvedLanguage ?? 'en';
  const put = usePutTaxRate();
  const form = useForm<TaxFormValues>({
    initialValues: taxFormValues(rate, decimalSeparator(locale)),
    validate: (values) => translateErrors(dt, taxFormErrors(values)),
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);
  const replaces = !rate && existing.find((r) => r.country === form.values.country);

  const submit = form.onSubmit((values) => {
    reset();
    put.mutate(taxRateBody(values), {
      onSuccess: (saved) => {
        notify(t('staffTaxRates.form.saved', { country: countryName(saved.country, locale) }));
        onClose();
      },
      onError: onServerError,
    });
  }, focusFirstInvalid);

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={rate ? t('staffTaxRates.form.editTitle', { country: countryName(rate.country, locale) }) : t('staffTaxRates.form.addTitle')}
      confirmLabel={rate ? t('staffTaxRates.form.save') : t('staffTaxRates.form.add')}
      loading={put.isPending}
      onConfirm={() => submit()}
      asForm
      formRef={formRef}
    >
      <ProblemAlert error={alertError} shownFields={FIELDS} />
      {!rate && <CountrySelect label={t('staffTaxRates.form.country')} required {...form.getInputProps('country')} />}
      {replaces && (
        <Alert color="yellow" variant="light" data-testid="replaces-rate">
          {t('staffTaxRates.form.replaces', { country: countryName(replaces.country, locale) })}
        </Alert>
      )}
      <PercentInput
        label={t('staffTaxRates.form.rate')}
        description={t('staffTaxRates.form.rateHint')}
        required
        {...form.getInputProps('rate_bps')}
      />
      <TextInput
        label={t('staffTaxRates.form.label')}
        description={t('staffTaxRates.form.labelHint')}
        required
        {...form.getInputProps('label')}
      />
      <Alert color="blue" variant="light">
        {t('staffTaxRates.form.effect')}
      </Alert>
    </ConfirmModal>
  );
}
