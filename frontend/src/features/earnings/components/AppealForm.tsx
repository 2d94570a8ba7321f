import { Anchor, Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ProblemAlert';
import { SuccessAlert } from '@/components/SuccessAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { useAppealEarning } from '../api/appealEarning';

const MIN = 20;
const MAX = 5000;

/** "Appeal" on a reversal, clawback or adjustment: an explanation, sent to support. */
export function AppealForm({ entryId }: { entryId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const appeal = useAppealEarning(entryId);
  const form = useForm({
    initialValues: { explanation: '' },
    validate: {
      explanation: (value) => (value.trim().length < MIN ? t('earnings.appeal.tooShort', { count: MIN }) : null),
    },
  });
  const { formRef, alertError, onServerError } = useServerErrors(form, ['explanation']);

  if (appeal.isSuccess) {
    return (
      <SuccessAlert title={t('earnings.appeal.sentTitle')} data-testid="appeal-sent">
        {t('earnings.appeal.sentText')}{' '}
        <Anchor component={Link} to="/app/appeals">
          {t('earnings.appeal.seeAppeals')}
        </Anchor>
      </SuccessAlert>
    );
  }
  if (!open) {
    return (
      <Group>
        <Button variant="outline" onClick={() => setOpen(true)}>
          {t('earnings.appeal.open')}
        </Button>
      </Group>
    );
  }
  return (
    <form ref={formRef} noValidate onSubmit={form.onSubmit((values) => appeal.mutate(values.explanation.trim(), { onError: onServerError }))}>
      <Stack gap="sm">
        <Textarea
          label={t('earnings.appeal.explanation')}
          description={t('earnings.appeal.explanationHint', { min: MIN, max: MAX })}
          autosize
          minRows={4}
          maxLength={MAX}
          required
          {...form.getInputProps('explanation')}
        />
        <ProblemAlert error={alertError} shownFields={['explanation']} />
        <Group>
          <Button type="submit" loading={appeal.isPending}>
            {t('earnings.appeal.submit')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('earnings.appeal.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
