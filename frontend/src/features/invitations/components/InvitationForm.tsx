import { Button, Group, Paper, Radio, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCreateInvitation } from '../api/createInvitation';
import type { InvitationKind, IssuedInvitation } from '../api/types';
import { useServerErrors } from '@/components/useServerErrors';

const FIELDS = ['email', 'kind'] as const;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;
// Conflicts about the person invited belong next to the email address.
const CODE_FIELDS = {
  invitation_pending: ['email', 'staffInvitations.errors.invitation_pending'],
  already_in_programme: ['email', 'staffInvitations.errors.already_in_programme'],
} as const;

type Values = { email: string; kind: InvitationKind };

/** Invite someone by email: `internal` for an existing account, `external` otherwise. */
export function InvitationForm({ onIssued }: { onIssued: (issued: IssuedInvitation) => void }) {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const form = useForm<Values>({
    initialValues: { email: '', kind: 'external' },
    validate: {
      email: (value) => {
        if (!value.trim()) return t('staffInvitations.validation.emailRequired');
        return EMAIL_SHAPE.test(value.trim()) ? null : t('staffInvitations.validation.emailInvalid');
      },
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS, CODE_FIELDS);

  const handleSubmit = form.onSubmit((values) => {
    reset();
    create.mutate(
      { email: values.email.trim(), kind: values.kind },
      {
        onSuccess: (issued) => {
          form.reset();
          onIssued(issued);
        },
        onError: onServerError,
      },
    );
  }, focusFirstInvalid);

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="invite-heading">
      <form ref={formRef} onSubmit={handleSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="invite-heading">
            {t('staffInvitations.form.title')}
          </Title>
          <ProblemAlert error={alertError} shownFields={FIELDS} />
          <TextInput
            label={t('staffInvitations.form.email')}
            type="email"
            autoComplete="off"
            required
            maw={420}
            {...form.getInputProps('email')}
          />
          <Radio.Group label={t('staffInvitations.form.kind')} required {...form.getInputProps('kind')}>
            <Stack gap="sm" mt="xs">
              <Radio value="external" label={t('staffInvitations.kind.external')} description={t('staffInvitations.form.externalHint')} />
              <Radio value="internal" label={t('staffInvitations.kind.internal')} description={t('staffInvitations.form.internalHint')} />
            </Stack>
          </Radio.Group>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('staffInvitations.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
