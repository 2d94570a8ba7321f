import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { useNotifySuccess } from '@/components/notifySuccess';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { AdminPlan } from '../api/types';
import { useUpdatePlan } from '../api/updatePlan';

/** Retires a plan on sale (existing subscriptions keep renewing), or puts a retired one back on sale. */
export function PlanStatusModal({ plan, onClose }: { plan: AdminPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const notify = useNotifySuccess();
  const update = useUpdatePlan(plan.id);
  const retire = plan.active;
  return (
    <ConfirmModal
      opened
      onClose={onClose}
      title={retire ? t('staffCatalog.retire.title', { name: plan.name }) : t('staffCatalog.reactivate.title', { name: plan.name })}
      confirmLabel={retire ? t('staffCatalog.retire.confirm') : t('staffCatalog.reactivate.confirm')}
      color={retire ? 'red.9' : 'teal.9'}
      loading={update.isPending}
      onConfirm={() =>
        update.mutate(
          { active: !retire },
          {
            onSuccess: (saved) => {
              notify(saved.active ? t('staffCatalog.reactivate.done', { name: saved.name }) : t('staffCatalog.retire.done', { name: saved.name }));
              onClose();
            },
          },
        )
      }
    >
      <ProblemAlert error={update.error} />
      <Text>{retire ? t('staffCatalog.retire.text') : t('staffCatalog.reactivate.text')}</Text>
    </ConfirmModal>
  );
}
