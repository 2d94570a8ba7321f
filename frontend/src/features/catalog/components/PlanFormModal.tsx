import { Alert, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { useNotifySuccess } from '@/components/notifySuccess';
import { PercentInput } from '@/components/PercentInput';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { translateErrors, useDynamicT } from '@/i18n/dynamic';
import { decimalSeparator } from '@/lib/format/parse';
import { useCreatePlan } from '../api/createPlan';
import type { AdminPlan, AdminProduct } from '../api/types';
import { useUpdatePlan } from '../api/updatePlan';
import { emptyPlanForm, newPlanBody, planChanges, planFormErrors, planFormValues, type PlanFormValues } from '../lib/planForm';

/** A price for each billing term, per seat. */
const TERMS = ['monthly', 'yearly'] as const;
const FIELDS = ['name', 'description', 'monthly_price_cents', 'yearly_price_cents', 'commission_rate_bps'] as const;

interface PlanFormModalProps {
  product: AdminProduct;
  /** The plan to edit; a new plan of `product` when absent. */
  plan?: AdminPlan;
  onClose: () => void;
}

/** Adds a plan to a product, or edits one (a new price or rate applies from the next renewal). */
export function PlanFormModal({ product, plan, onClose }: PlanFormModalProps) {
  const { t, i18n } = useTranslation();
  const notify = useNotifySuccess();
  const dt = useDynamicT();
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? '');
  const mutation = plan ? update : create;
  const form = useForm<PlanFormValues>({
    initialValues: plan ? planFormValues(plan, decimalSeparator(i18n.resolvedLanguage ?? 'en')) : emptyPlanForm(),
    validate: (values) => translateErrors(dt, planFormErrors(values)),
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const done = (message: string) => {
    notify(message);
    onClose();
  };
  const submit = form.onSubmit((values) => {
    reset();
    if (!plan) {
      create.mutate(newPlanBody(product.id, values), {
        onSuccess: (created) => done(t('staffCatalog.plan.added', { name: created.name })),
        onError: onServerError,
      });
      return;
    }
    const changes = planChanges(plan, values);
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(changes, { onSuccess: (saved) => done(t('staffCatalog.plan.saved', { name: saved.name })), onError: onServerError });
  }, focusFirstInvalid);

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={plan ? t('staffCatalog.plan.editTitle', { name: plan.name }) : t('staffCatalog.plan.addTitle', { product: product.name })}
      confirmLabel={plan ? t('staffCatalog.plan.save') : t('staffCatalog.plan.add')}
      loading={mutation.isPending}
      onConfirm={() => submit()}
      asForm
      formRef={formRef}
    >
      <ProblemAlert error={alertError} shownFields={FIELDS} />
      {plan && (
        <Alert color="blue" variant="light" data-testid="renewal-note">
          {t('staffCatalog.plan.renewalNote')}
        </Alert>
      )}
      <TextInput label={t('staffCatalog.plan.name')} required {...form.getInputProps('name')} />
      <Textarea label={t('staffCatalog.plan.description')} rows={3} resize="vertical" {...form.getInputProps('description')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {TERMS.map((term) => (
          <TextInput
            key={term}
            label={t(`staffCatalog.plan.${term}`)}
            description={t(`staffCatalog.plan.${term}Hint`)}
            required
            inputMode="decimal"
            leftSection="$"
            {...form.getInputProps(`${term}_price_cents`)}
          />
        ))}
      </SimpleGrid>
      <PercentInput
        label={t('staffCatalog.plan.rate')}
        description={t('staffCatalog.plan.rateHint')}
        required
        {...form.getInputProps('commission_rate_bps')}
      />
    </ConfirmModal>
  );
}
