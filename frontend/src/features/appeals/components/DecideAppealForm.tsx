import { Button, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useDecideAppeal } from '../api/decideAppeal';
import { useAppealedEarning } from '../api/getAppealedEarning';
import { isEarningAppeal } from '../lib/subject';
import { readAmount, validatedCents } from '@/lib/earnings/amount';
import { useDynamicT } from '@/i18n/dynamic';
import { centsToInput, decimalSeparator } from '@/lib/format/parse';
import { useFormat } from '@/lib/format/useFormat';
import { MAX_ADJUSTMENT_CENTS } from '@/lib/earnings/types';
import type { Appeal, Verdict } from '../api/types';
import { noteProblem } from '@/lib/notes/decisionNote';
import { InvalidStatusAlert } from '@/components/InvalidStatusAlert';
import { useServerErrors } from '@/components/useServerErrors';

const FIELDS = ['decision', 'note', 'amount_cents'] as const;

/**
 * Upholds or denies an appeal, with a note the freelancer receives. Upholding an earning
 * appeal asks how much to credit (prefilled with the appealed amount): the backend posts
 * it as an adjustment citing the appeal.
 */
export function DecideAppealForm({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();
  const decide = useDecideAppeal(appeal.id);
  const earning = isEarningAppeal(appeal);
  const appealed = useAppealedEarning(appeal.freelancer_id, appeal.subject_id, earning);
  // An upheld appeal gives back at most what the appealed entry took.
  const ceiling = Math.min(Math.abs(appealed.data?.entry.amount_cents ?? MAX_ADJUSTMENT_CENTS), MAX_ADJUSTMENT_CENTS);
  const form = useForm({
    initialValues: { decision: '', note: '', amount_cents: '' },
    validate: {
      amount_cents: (value, values) => {
        if (!earning || values.decision !== 'upheld') return null;
        const amount = readAmount(value);
        if (!amount.ok) return dt(amount.problem, amount.problem);
        return amount.cents > ceiling ? t('staffAppeals.decide.amountTooLarge', { max: format.money(ceiling) }) : null;
      },
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
    const credit = earning && values.decision === 'upheld' ? { amount_cents: validatedCents(values.amount_cents) } : {};
    decide
      .mutateAsync({ decision: values.decision as Verdict, note: values.note.trim(), ...credit })
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
        <Radio.Group
          label={t('staffAppeals.decide.decision')}
          required
          {...form.getInputProps('decision')}
          onChange={(value) => {
            form.setFieldValue('decision', value);
            // Upholding credits the appealed amount unless support types another one.
            const suggested = appealed.data?.entry.amount_cents;
            if (earning && value === 'upheld' && !form.values.amount_cents && suggested) {
              form.setFieldValue('amount_cents', centsToInput(Math.abs(suggested), decimalSeparator(format.locale)));
            }
          }}
        >
          <Stack gap="sm" mt="xs">
            <Radio
              value="upheld"
              label={t('staffAppeals.decide.upheld')}
              description={
                isApplication
                  ? t('staffAppeals.decide.upheldApplicationHint')
                  : earning
                    ? t('staffAppeals.decide.upheldEarningHint')
                    : t('staffAppeals.decide.upheldHint')
              }
            />
            <Radio value="denied" label={t('staffAppeals.decide.denied')} description={t('staffAppeals.decide.deniedHint')} />
          </Stack>
        </Radio.Group>
        {earning && form.values.decision === 'upheld' && (
          <TextInput
            label={t('staffAppeals.decide.amount')}
            description={t('staffAppeals.decide.amountHint', { max: format.money(ceiling) })}
            required
            inputMode="decimal"
            maw={240}
            leftSection={<Text size="sm">$</Text>}
            {...form.getInputProps('amount_cents')}
          />
        )}
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
