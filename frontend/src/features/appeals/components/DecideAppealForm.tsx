import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useDecideAppeal } from '../api/decideAppeal';
import type { Appeal, Verdict } from '../api/types';
import { noteProblem } from '@/lib/notes/decisionNote';
import { InvalidStatusAlert } from '@/components/InvalidStatusAlert';
import { useServerErrors } from '@/components/useServerErrors';

const FIELDS = ['decision', 'note'] as const;

/** Upholds or denies an appeal, with a note the freelancer receives. */
export function DecideAppealForm({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const decide = useDecideAppeal(appeal.id);
  const form = useForm({
    initialValues: { decision: '', note: '' },
    validate: {
      decision: (value) => (value ? null : t('staffAppeals.decide.decisionRequired')),
      note: (value) => {
        const problem = noteProblem(value, true);
        if (problem === 'staffApplications.noteRequired') return t('staffAppeals.decide.noteRequired');
        return problem && t(problem);
      },
    },
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);
  const isApplication = appeal.subject_type === 'application';

  const submit = form.onSubmit((values) => {
    reset();
    // Not mutate(…, { onSuccess }): the decided appeal replaces this form at once, and
    // TanStack drops mutate-level callbacks of an unmounted component, toast included.
    decide
      .mutateAsync({ decision: values.decision as Verdict, note: values.note.trim() })
      .then((decided) =>
        notifications.show({
          message: t('staffAppeals.decide.done', { status: t(`staff.status.${decided.status === 'upheld' ? 'upheld' : 'denied'}`) }),
          color: 'green.9',
          closeButtonProps: { 'aria-label': t('app.close') },
        }),
      )
      .catch(onServerError);
  }, focusFirstInvalid);

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <InvalidStatusAlert error={alertError} fallback={<ProblemAlert error={alertError} shownFields={FIELDS} />} />
        <Radio.Group label={t('staffAppeals.decide.decision')} required {...form.getInputProps('decision')}>
          <Stack gap="sm" mt="xs">
            <Radio
              value="upheld"
              label={t('staffAppeals.decide.upheld')}
              description={isApplication ? t('staffAppeals.decide.upheldApplicationHint') : t('staffAppeals.decide.upheldHint')}
            />
            <Radio value="denied" label={t('staffAppeals.decide.denied')} description={t('staffAppeals.decide.deniedHint')} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('staffAppeals.decide.note')}
          description={t('staffAppeals.decide.noteHint')}
          required
          rows={4}
          resize="vertical"
          {...form.getInputProps('note')}
        />
        <Group>
          <Button type="submit" loading={decide.isPending}>
            {t('staffAppeals.decide.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
