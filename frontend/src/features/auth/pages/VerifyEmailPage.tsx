// /verify-email?token=…: the page the verification email links to. Verifies once on
// arrival; says plainly whether it worked, and offers a new link when it did not.
import { Button, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadingState } from '@/components/LoadingState';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useIsAuthenticated } from '@/lib/api/tokens';
import { useResendVerificationEmail } from '@/lib/session/emailVerification';
import { useVerifyEmail } from '../api/verifyEmail';
import { AuthCard } from '../components/AuthCard';
import { verifyFailure } from '../verifyOutcome';

export default function VerifyEmailPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('verifyEmail.pageTitle'));
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const verify = useVerifyEmail();
  const authenticated = useIsAuthenticated();

  // A token is single-use: StrictMode's second effect run must not spend it twice.
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);

  const next = authenticated ? '/app' : '/login';
  const continueButton = (
    <Button component={Link} to={next} w="fit-content">
      {authenticated ? t('verifyEmail.continue') : t('verifyEmail.toLogin')}
    </Button>
  );

  if (!token) {
    return (
      <AuthCard title={t('verifyEmail.missing.title')}>
        <Stack gap="md" data-testid="verify-email" data-state="missing">
          <Text>{t('verifyEmail.missing.text')}</Text>
          {authenticated && <ResendLink />}
        </Stack>
      </AuthCard>
    );
  }
  if (verify.isSuccess) {
    return (
      <AuthCard title={t('verifyEmail.done.title')}>
        <Stack gap="md" data-testid="verify-email" data-state="done">
          <Text>{t('verifyEmail.done.text')}</Text>
          {continueButton}
        </Stack>
      </AuthCard>
    );
  }
  if (verify.isError) {
    const failure = verifyFailure(verify.error);
    return (
      <AuthCard title={t(`verifyEmail.${failure}.title`)}>
        <Stack gap="md" data-testid="verify-email" data-state={failure}>
          <Text>{t(`verifyEmail.${failure}.text`)}</Text>
          {failure === 'unreachable' ? (
            <>
              <ProblemAlert error={verify.error} />
              <Button variant="default" w="fit-content" onClick={() => verify.mutate(token)}>
                {t('verifyEmail.retry')}
              </Button>
            </>
          ) : authenticated ? (
            <ResendLink />
          ) : (
            <Text size="sm">{t('verifyEmail.signInToResend')}</Text>
          )}
          {!authenticated && failure !== 'unreachable' && continueButton}
        </Stack>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('verifyEmail.checking')}>
      <LoadingState />
    </AuthCard>
  );
}

function ResendLink() {
  const { t } = useTranslation();
  const resend = useResendVerificationEmail();
  if (resend.isSuccess) {
    return (
      <Text fw={500} role="status">
        {t('verifyEmail.resent')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Button w="fit-content" loading={resend.isPending} onClick={() => resend.mutate()}>
        {t('verifyEmail.resend')}
      </Button>
      {resend.isError && <ProblemAlert error={resend.error} />}
    </Stack>
  );
}
