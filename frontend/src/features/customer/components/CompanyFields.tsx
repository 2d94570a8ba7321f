import { Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '@/components/CountrySelect';
import type { AccountForm } from './formTypes';

/** Step 1: the account's name and its full address. */
export function CompanyFields({ form }: { form: AccountForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('customerAccount.fields.accountName')}
        description={t('customerAccount.fields.accountNameHint')}
        autoComplete="organization"
        required
        maxLength={200}
        {...form.getInputProps('account_name')}
      />
      <TextInput label={t('customerAccount.fields.line1')} autoComplete="address-line1" required maxLength={200} {...form.getInputProps('address.line1')} />
      <TextInput label={t('customerAccount.fields.line2')} autoComplete="address-line2" maxLength={200} {...form.getInputProps('address.line2')} />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput
          label={t('customerAccount.fields.postalCode')}
          autoComplete="postal-code"
          required
          maxLength={20}
          miw={140}
          {...form.getInputProps('address.postal_code')}
        />
        <TextInput label={t('customerAccount.fields.city')} autoComplete="address-level2" required maxLength={100} miw={200} {...form.getInputProps('address.city')} />
      </Group>
      <TextInput label={t('customerAccount.fields.region')} autoComplete="address-level1" maxLength={100} {...form.getInputProps('address.region')} />
      <CountrySelect label={t('customerAccount.fields.country')} required {...form.getInputProps('address.country')} />
    </Stack>
  );
}
