import { Alert, Anchor, Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { CredentialFields } from '@/components/CredentialFields';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useIsAuthenticated } from '@/lib/api/tokens';
import type { RegistrationRole } from '@/lib/api/types';
import { useRegister } from '../api/register';
import { AuthCard } from '../components/AuthCard';
import { useServerErrors } from '../components/useServerErrors';

const FIELDS = ['full_name', 'email', 'password', 'role'] as const;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

type RegisterValues = {
  full_name: string;
  email: string;
  password: string;
  role: RegistrationRole;
};

export default function RegisterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.register.pageTitle'));
  const [params] = useSearchParams();
  const invitation = params.get('invitation')?.trim() || null;
  // The invitation link carries the invited address; the person may still change it.
  const invitedEmail = invitation ? (params.get('email')?.trim() ?? '') : '';
  const authenticated = useIsAuthenticated();
  const register = useRegister();

  const form = useForm<RegisterValues>({
    initialValues: {
      full_name: '',
      email: invitedEmail,
      password: '',
      // Invitations go to IT freelancers, and most people arrive here to join as one.
      role: 'freelancer',
    },
    validate: {
      full_name: (value) => {
        if (!value.trim()) return t('auth.validation.fullNameRequired');
        return value.trim().length > 200 ? t('auth.validation.fullNameTooLong') : null;
      },
      email: (value) => {
        if (!value.trim()) return t('auth.validation.emailRequired');
        return EMAIL_SHAPE.test(value.trim()) ? null : t('auth.validation.emailInvalid');
      },
      password: (value) => (value.length >= 10 && value.length <= 128 ? null : t('auth.validation.passwordLength')),
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  // Registering through an invitation makes a freelancer, whose first step is the application.
  if (authenticated) return <Navigate to={invitation ? '/app/application' : '/app'} replace />;

  const handleSubmit = form.onSubmit((values) => {
    reset();
    register.mutate(
      {
        full_name: values.full_name.trim(),
        email: values.email.trim(),
        password: values.password,
        // An invitation is to the freelancer programme: the API accepts no other role with it.
        role: invitation ? 'freelancer' : values.role,
        ...(invitation ? { invitation_token: invitation } : {}),
      },
      { onError: onServerError },
    );
  }, focusFirstInvalid);

  return (
    <AuthCard title={t('auth.register.title')}>
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <Stack>
          {invitation && (
            <Alert color="blue" variant="light" title={t('auth.register.invitationTitle')}>
              {t('auth.register.invitationText')}
            </Alert>
          )}
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <TextInput label={t('auth.fullName')} autoComplete="name" required {...form.getInputProps('full_name')} />
          <CredentialFields form={form} newPassword />
          {invitation ? (
            <Text size="sm" data-testid="invited-role">
              {t('invitation.register.joiningAsFreelancer')}
            </Text>
          ) : (
            <Radio.Group label={t('auth.register.role')} required {...form.getInputProps('role')}>
              <Stack gap="sm" mt="xs">
                <Radio
                  value="freelancer"
                  label={t('auth.register.roleFreelancer')}
                  description={t('auth.register.roleFreelancerHint')}
                />
                <Radio
                  value="customer"
                  label={t('auth.register.roleCustomer')}
                  description={t('auth.register.roleCustomerHint')}
                />
              </Stack>
            </Radio.Group>
          )}
          <Button type="submit" loading={register.isPending} fullWidth>
            {t('auth.register.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.register.haveAccount')}{' '}
            <Anchor
              component={Link}
              // Logging in from an invitation returns to it, to accept it with the existing account.
              to={invitation ? `/login?${new URLSearchParams({ next: `/invitations/${invitation}` })}` : '/login'}
            >
              {t('auth.register.loginLink')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
