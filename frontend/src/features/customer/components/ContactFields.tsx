import { Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountForm } from './formTypes';

/** Step 2: the primary contact Microsoft and the freelancer will reach. */
export function ContactFields({ form }: { form: AccountForm }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('customerAccount.fields.contactLead')}
      </Text>
      <TextInput label={t('customerAccount.fields.contactName')} autoComplete="name" required maxLength={200} {...form.getInputProps('primary_contact.name')} />
      <TextInput
        label={t('customerAccount.fields.contactEmail')}
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        {...form.getInputProps('primary_contact.email')}
      />
      <TextInput
        label={t('customerAccount.fields.contactPhone')}
        type="tel"
        autoComplete="tel"
        required
        maxLength={32}
        {...form.getInputProps('primary_contact.phone')}
      />
    </Stack>
  );
}
