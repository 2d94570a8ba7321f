import { Loader, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDomainAvailability } from '../api/checkDomain';
import { isNewDomainName, newDomainName, ONMICROSOFT } from '../lib/accountForm';
import type { AccountForm } from './formTypes';

/** Step 3: a new name.onmicrosoft.com (checked live) or the existing customer's own domain. */
export function DomainFields({ form }: { form: AccountForm }) {
  const { t } = useTranslation();
  const existing = form.values.domain_kind === 'existing';
  // The server names the field "domain" whichever kind it is.
  const serverError = form.errors.domain;
  return (
    <Stack gap="md">
      <Radio.Group label={t('customerAccount.domain.kindLabel')} required {...form.getInputProps('domain_kind')}>
        <Stack gap="sm" mt="xs">
          <Radio value="new" label={t('customerAccount.domain.new')} description={t('customerAccount.domain.newHint')} />
          <Radio value="existing" label={t('customerAccount.domain.existing')} description={t('customerAccount.domain.existingHint')} />
        </Stack>
      </Radio.Group>
      {existing ? (
        <TextInput
          label={t('customerAccount.domain.existingLabel')}
          placeholder={t('customerAccount.domain.existingPlaceholder')}
          required
          maxLength={253}
          autoComplete="off"
          {...form.getInputProps('existing_domain')}
          error={form.errors.existing_domain ?? serverError}
        />
      ) : (
        <NewDomainField form={form} serverError={serverError} />
      )}
    </Stack>
  );
}

function NewDomainField({ form, serverError }: { form: AccountForm; serverError: ReactNode }) {
  const { t } = useTranslation();
  const typed = newDomainName(form.values.new_domain);
  const [debounced] = useDebouncedValue(typed, 400);
  const name = isNewDomainName(debounced) ? debounced : null;
  const check = useDomainAvailability(name);
  const current = name !== null && name === typed;
  const taken = current && check.data?.available === false;
  return (
    <Stack gap={6}>
      <TextInput
        label={t('customerAccount.domain.newLabel')}
        description={t('customerAccount.domain.newRule')}
        required
        maxLength={27 + ONMICROSOFT.length}
        autoComplete="off"
        rightSection={<Text size="sm" c="dimmed">{ONMICROSOFT}</Text>}
        rightSectionWidth={150}
        rightSectionPointerEvents="none"
        {...form.getInputProps('new_domain')}
        error={form.errors.new_domain ?? serverError ?? (taken ? t('customerAccount.domain.taken', { domain: check.data?.domain ?? '' }) : undefined)}
      />
      <div aria-live="polite" data-testid="domain-check">
        {current && check.isFetching && (
          <Text size="sm" c="dimmed">
            <Loader size={12} mr={6} aria-hidden="true" />
            {t('customerAccount.domain.checking')}
          </Text>
        )}
        {current && !check.isFetching && check.data?.available && (
          <Text size="sm" c="teal.9" fw={600}>
            {t('customerAccount.domain.available', { domain: check.data.domain })}
          </Text>
        )}
      </div>
    </Stack>
  );
}
