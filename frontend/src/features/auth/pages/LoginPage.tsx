import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { CredentialFields } from '@/components/CredentialFields';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { isApiError } from '@/lib/api/problem';
import { useIsAuthenticated } from '@/lib/api/tokens';
import type { LoginRequest } from '@/lib/api/types';
import { useLogin } from '../api/login';
import { AuthCard } from '../components/AuthCard';
import { useServerErrors } from '../components/useServerErrors';
import { safeNext } from '../safeNext';

const FIELDS = ['email', 'password'] as const;

export default function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.pageTitle'));
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const authenticated = useIsAuthenticated();
  const login = useLogin();
  // Set by the reset page: the password was changed and every session has ended.
  const passwordReset = Boolean((useLocation().state as { passwordReset?: boolean } | null)?.passwordReset);
  const remaining = isApiError(login.error) ? login.error.problem.remaining_attempts : undefined;

  const form = useForm<LoginRequest>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('auth.validation.emailRequired')),
      password: (value) => (value ? null : t('auth.validation.passwordRequired')),
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  // Logged in already, or just now: the stored session sends the user on.
  if (authenticated) return <Navigate to={next} replace />;

  const handleSubmit = form.onSubmit((values) => {
    reset();
    login.mutate({ email: values.email.trim(), password: values.password }, { onError: onServerError });
  }, focusFirstInvalid);

  return (
    <AuthCard title={t('auth.login.title')}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <Stack>
          {passwordReset && !login.error && (
            <Alert color="green" variant="light" role="status" data-testid="password-reset-done">
              {t('passwordReset.done')}
            </Alert>
          )}
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          {remaining !== undefined && remaining !== null && (
            <Alert color="yellow" variant="light" data-testid="attempts-warning">
              {remaining > 0
                ? t('auth.login.attemptsLeft', { count: remaining })
                : t('auth.login.attemptsDelayed')}
            </Alert>
          )}
          <CredentialFields form={form} />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.login.forgotPassword')}
            </Anchor>
          </Group>
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('auth.login.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.login.noAccount')}{' '}
            <Anchor component={Link} to="/register">
              {t('auth.login.registerLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
