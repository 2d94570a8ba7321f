import { Button, Group, Stack, Stepper, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveField } from '@/components/fieldErrors';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { isApiError } from '@/lib/api/problem';
import { checkDomain } from '../api/checkDomain';
import { customerKeys } from '../api/keys';
import type { CustomerAccount } from '../api/types';
import { useSaveAccount } from '../api/saveAccount';
import {
  type AccountValues,
  FORM_FIELDS,
  initialValues,
  isEmail,
  isExistingDomain,
  isNewDomainName,
  isPhone,
  newDomainName,
  STEP_FIELDS,
  stepOf,
  toBody,
} from '../lib/accountForm';
import { AccountSummary } from './AccountSummary';
import { CompanyFields } from './CompanyFields';
import { ContactFields } from './ContactFields';
import { DomainFields } from './DomainFields';

const REVIEW = STEP_FIELDS.length;

interface AccountWizardProps {
  /** The rejected account to correct and resubmit; null for a first set-up. */
  rejected: CustomerAccount | null;
}

/** The Microsoft account set-up in steps: company, contact, domain, review and send. */
export function AccountWizard({ rejected }: AccountWizardProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [active, setActive] = useState(0);
  const [checking, setChecking] = useState(false);
  const save = useSaveAccount(rejected ? 'resubmit' : 'create');
  const required = (v: string) => (v.trim() ? null : t('customerAccount.validation.required'));
  const form = useForm<AccountValues>({
    initialValues: initialValues(rejected),
    validate: {
      account_name: required,
      address: {
        line1: required,
        city: required,
        postal_code: required,
        country: (v) => (v ? null : t('customerAccount.validation.country')),
      },
      primary_contact: {
        name: required,
        email: (v) => (isEmail(v) ? null : t('customerAccount.validation.email')),
        phone: (v) => (isPhone(v) ? null : t('customerAccount.validation.phone')),
      },
      new_domain: (v, values) =>
        values.domain_kind === 'new' && !isNewDomainName(newDomainName(v)) ? t('customerAccount.validation.newDomain') : null,
      existing_domain: (v, values) =>
        values.domain_kind === 'existing' && !isExistingDomain(v) ? t('customerAccount.validation.existingDomain') : null,
    },
  });
  const domainField = form.values.domain_kind === 'new' ? 'new_domain' : 'existing_domain';
  const codeFields = useMemo(() => ({ domain_taken: [domainField, 'customerAccount.domain.takenCode'] as const }), [domainField]);
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FORM_FIELDS, codeFields);

  const stepValid = (step: number) =>
    (STEP_FIELDS[step] ?? []).map((field) => form.validateField(field).hasError).every((hasError) => !hasError);

  const next = async () => {
    if (!stepValid(active)) {
      focusFirstInvalid();
      return;
    }
    if (active === 2 && form.values.domain_kind === 'new') {
      // A taken name is said here rather than after sending everything.
      const name = newDomainName(form.values.new_domain);
      setChecking(true);
      try {
        const check = await queryClient.fetchQuery({ queryKey: customerKeys.domain(name), queryFn: () => checkDomain(name), staleTime: 30_000 });
        if (!check.available) {
          form.setFieldError('new_domain', t('customerAccount.domain.taken', { domain: check.domain }));
          focusFirstInvalid();
          return;
        }
      } catch {
        // The check is a courtesy: the server checks again when the account is sent.
      } finally {
        setChecking(false);
      }
    }
    setActive((step) => step + 1);
  };

  const submit = () => {
    reset();
    save.mutate(toBody(form.values), {
      onError: (error) => {
        onServerError(error);
        // Back to the first step with something to fix.
        if (!isApiError(error)) return;
        const fields = error.code === 'domain_taken' ? ['domain'] : error.fieldErrors.map((e) => resolveField(e.field, FORM_FIELDS) ?? '');
        const step = Math.min(REVIEW, ...fields.map(stepOf));
        if (step < REVIEW) {
          setActive(step);
          focusFirstInvalid();
        }
      },
    });
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={t('customerAccount.wizard.label')}
      onSubmit={(event) => {
        event.preventDefault();
        if (active === REVIEW) submit();
        else void next();
      }}
    >
      <Stack gap="lg">
        <Stepper active={active} onStepClick={(step) => step < active && setActive(step)} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={t('customerAccount.wizard.company')}>
            <CompanyFields form={form} />
          </Stepper.Step>
          <Stepper.Step label={t('customerAccount.wizard.contact')}>
            <ContactFields form={form} />
          </Stepper.Step>
          <Stepper.Step label={t('customerAccount.wizard.domain')}>
            <DomainFields form={form} />
          </Stepper.Step>
          <Stepper.Step label={t('customerAccount.wizard.review')}>
            <Stack gap="md">
              <Text size="sm">{t('customerAccount.wizard.reviewLead')}</Text>
              <AccountSummary account={toBody(form.values)} />
            </Stack>
          </Stepper.Step>
        </Stepper>
        <ProblemAlert error={alertError} shownFields={FORM_FIELDS} />
        <Group justify="space-between">
          <Button variant="default" onClick={() => setActive((step) => step - 1)} disabled={active === 0 || save.isPending}>
            {t('customerAccount.wizard.back')}
          </Button>
          {active === REVIEW ? (
            <Button type="submit" loading={save.isPending}>
              {rejected ? t('customerAccount.wizard.resubmit') : t('customerAccount.wizard.submit')}
            </Button>
          ) : (
            <Button type="submit" loading={checking}>
              {t('customerAccount.wizard.next')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
