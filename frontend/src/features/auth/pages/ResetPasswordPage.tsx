// /reset-password?token=…: the page the reset email links to. A new password twice
// (same rules as at registration); on success every session has ended and the login
// page says so. A used, replaced or expired link gets a clear page with a way to ask
// for a new one.
import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PasswordField } from '@/components/PasswordField';
import { ProblemAlert } from '@/components/ProblemAlert';
import { isApiError } from '@/lib/api/problem';
import { useConfirmPasswordReset } from '../api/passwordReset';
import { AuthCard } from '../components/AuthCard';
import { useServerErrors } from '../components/useServerErrors';

const FIELDS = ['password'] as const;

type Values = { password: string; repeat: string };

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordReset.reset.pageTitle'));
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const confirm = useConfirmPasswordReset();
  const form = useForm<Values>({
    initialValues: { password: '', repeat: '' },
    validate: {
      password: (value) => (value.length >= 10 && value.length <= 128 ? null : t('auth.validation.passwordLength')),
      repeat: (value, values) => (value === values.password ? null : t('passwordReset.reset.mismatch')),
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  if (confirm.isSuccess) return <Navigate to="/login" replace state={{ passwordReset: true }} />;

  const dead = deadLink(token, confirm.error);
  if (dead) {
    return (
      <AuthCard title={t(`passwordReset.dead.${dead}.title`)}>
        <Stack gap="md" data-testid="reset-password" data-state={dead}>
          <Text>{t(`passwordReset.dead.${dead}.text`)}</Text>
          <Button component={Link} to="/forgot-password" w="fit-content">
            {t('passwordReset.dead.requestNew')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  const handleSubmit = form.onSubmit((values) => {
    reset();
    confirm.mutate({ token, password: values.password }, { onError: onServerError });
  }, focusFirstInvalid);

  return (
    <AuthCard title={t('passwordReset.reset.title')}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <Stack data-testid="reset-password" data-state="form">
          <Text size="sm">{t('passwordReset.reset.intro')}</Text>
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <PasswordField
            label={t('passwordReset.reset.password')}
            description={t('auth.register.passwordHint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
            aria-invalid={Boolean(form.errors.password)}
          />
          <PasswordField
            label={t('passwordReset.reset.repeat')}
            autoComplete="new-password"
            required
            {...form.getInputProps('repeat')}
            aria-invalid={Boolean(form.errors.repeat)}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('passwordReset.reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

/** Why the link cannot set a password, if it cannot: no token, or the API said so. */
function deadLink(token: string, error: unknown): 'missing' | 'expired' | 'invalid' | null {
  if (!token) return 'missing';
  if (!isApiError(error)) return null;
  if (error.code === 'reset_token_expired') return 'expired';
  return error.code === 'reset_token_invalid' ? 'invalid' : null;
}
