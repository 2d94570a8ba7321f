import { Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { useNotifySuccess } from '@/components/notifySuccess';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useServerErrors } from '@/components/useServerErrors';
import { translateErrors, useDynamicT } from '@/i18n/dynamic';
import { useCreateProduct } from '../api/createProduct';
import { emptyProductForm, newProductBody, productFormErrors, type ProductFormValues } from '../lib/planForm';

const FIELDS = ['name', 'vendor', 'description'] as const;

/** Adds a product; its plans are added to it afterwards. */
export function ProductFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotifySuccess();
  const dt = useDynamicT();
  const create = useCreateProduct();
  const form = useForm<ProductFormValues>({
    initialValues: emptyProductForm(),
    validate: (values) => translateErrors(dt, productFormErrors(values)),
  });
  const { formRef, alertError, onServerError, focusFirstInvalid, reset } = useServerErrors(form, FIELDS);

  const submit = form.onSubmit((values) => {
    reset();
    create.mutate(newProductBody(values), {
      onSuccess: (product) => {
        notify(t('staffCatalog.product.added', { name: product.name }));
        onClose();
      },
      onError: onServerError,
    });
  }, focusFirstInvalid);

  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={t('staffCatalog.product.addTitle')}
      confirmLabel={t('staffCatalog.product.add')}
      loading={create.isPending}
      onConfirm={() => submit()}
      asForm
      formRef={formRef}
    >
      <ProblemAlert error={alertError} shownFields={FIELDS} />
      <TextInput label={t('staffCatalog.product.name')} required {...form.getInputProps('name')} />
      <TextInput label={t('staffCatalog.product.vendor')} required {...form.getInputProps('vendor')} />
      <Textarea label={t('staffCatalog.product.description')} rows={3} resize="vertical" {...form.getInputProps('description')} />
    </ConfirmModal>
  );
}
