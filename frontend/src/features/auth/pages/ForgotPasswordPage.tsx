// /forgot-password: asks for a reset link. The answer is the same whether or not the
// address has an account, so the page only ever says "if there is an account, a link
// is on its way".
import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useRequestPasswordReset } from '../api/passwordReset';
import { AuthCard } from '../components/AuthCard';
import { useServerErrors } from '../components/useServerErrors';

const FIELDS = ['email'] as const;

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordReset.forgot.pageTitle'));
  const request = useRequestPasswordReset();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (value.trim() ? null : t('auth.validation.emailRequired')) },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  if (request.isSuccess) {
    return (
      <AuthCard title={t('passwordReset.forgot.sentTitle')}>
        <Stack gap="md" data-testid="forgot-password" data-state="sent">
          <Text role="status">{t('passwordReset.forgot.sentText', { email: request.variables.email })}</Text>
          <Text size="sm">{t('passwordReset.forgot.sentHint')}</Text>
          <Anchor component={Link} to="/login">
            {t('passwordReset.backToLogin')}
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }

  const handleSubmit = form.onSubmit((values) => {
    reset();
    request.mutate({ email: values.email.trim() }, { onError: onServerError });
  }, focusFirstInvalid);

  return (
    <AuthCard title={t('passwordReset.forgot.title')}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <Stack data-testid="forgot-password" data-state="form">
          <Text size="sm">{t('passwordReset.forgot.intro')}</Text>
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <Button type="submit" loading={request.isPending} fullWidth>
            {t('passwordReset.forgot.submit')}
          </Button>
          <Anchor component={Link} to="/login" size="sm" ta="center">
            {t('passwordReset.backToLogin')}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
