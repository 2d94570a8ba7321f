import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './PasswordField';

interface Credentials {
  email: string;
  password: string;
}

interface CredentialFieldsProps<V extends Credentials> {
  form: UseFormReturnType<V>;
  /** Sign-up (a new password, with the rule) rather than login. */
  newPassword?: boolean;
}

/** The email address and password of a login or sign-up form. */
export function CredentialFields<V extends Credentials>({ form, newPassword = false }: CredentialFieldsProps<V>) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
      <PasswordField
        label={t('auth.password')}
        description={newPassword ? t('auth.register.passwordHint') : undefined}
        autoComplete={newPassword ? 'new-password' : 'current-password'}
        required
        {...form.getInputProps('password')}
        // Mantine marks an invalid PasswordInput with data-invalid only; say it to assistive tech too.
        aria-invalid={Boolean(form.errors.password)}
      />
    </>
  );
}
