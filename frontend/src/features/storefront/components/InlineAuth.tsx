import { Anchor, Button, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CredentialFields } from '@/components/CredentialFields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { useInlineAuth } from '../api/session';

const REGISTER_FIELDS = ['full_name', 'email', 'password'] as const;
const LOGIN_FIELDS = ['email', 'password'] as const;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/** Create a customer account or log in, on the checkout page itself: the cart stays. */
export function InlineAuth() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('register');
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List grow>
        <Tabs.Tab value="register">{t('checkout.account.tabRegister')}</Tabs.Tab>
        <Tabs.Tab value="login">{t('checkout.account.tabLogin')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="register" pt="md">
        <RegisterForm />
      </Tabs.Panel>
      <Tabs.Panel value="login" pt="md">
        <LoginForm />
      </Tabs.Panel>
    </Tabs>
  );
}

function RegisterForm() {
  const { t } = useTranslation();
  const auth = useInlineAuth();
  const form = useForm({
    initialValues: { full_name: '', email: '', password: '' },
    validate: {
      full_name: (v) => (v.trim() && v.trim().length <= 200 ? null : t('auth.validation.fullNameRequired')),
      email: (v) => (EMAIL_SHAPE.test(v.trim()) ? null : t('auth.validation.emailInvalid')),
      password: (v) => (v.length >= 10 && v.length <= 128 ? null : t('auth.validation.passwordLength')),
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, REGISTER_FIELDS);
  const submit = form.onSubmit((v) => {
    reset();
    auth.mutate(
      { mode: 'register', body: { full_name: v.full_name.trim(), email: v.email.trim(), password: v.password } },
      { onError: onServerError },
    );
  }, focusFirstInvalid);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('checkout.account.tabRegister')}>
      <Stack gap="sm">
        <ProblemAlert error={alertError} shownFields={REGISTER_FIELDS} />
        <TextInput label={t('auth.fullName')} autoComplete="name" required {...form.getInputProps('full_name')} />
        <CredentialFields form={form} newPassword />
        <Button type="submit" loading={auth.isPending}>
          {t('checkout.account.submitRegister')}
        </Button>
      </Stack>
    </form>
  );
}

function LoginForm() {
  const { t } = useTranslation();
  const auth = useInlineAuth();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('auth.validation.emailRequired')),
      password: (v) => (v ? null : t('auth.validation.passwordRequired')),
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, LOGIN_FIELDS);
  const submit = form.onSubmit((v) => {
    reset();
    auth.mutate({ mode: 'login', body: { email: v.email.trim(), password: v.password } }, { onError: onServerError });
  }, focusFirstInvalid);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('checkout.account.tabLogin')}>
      <Stack gap="sm">
        <ProblemAlert error={alertError} shownFields={LOGIN_FIELDS} />
        <CredentialFields form={form} />
        <Button type="submit" loading={auth.isPending}>
          {t('checkout.account.submitLogin')}
        </Button>
        <Text size="sm">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.login.forgotPassword')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
