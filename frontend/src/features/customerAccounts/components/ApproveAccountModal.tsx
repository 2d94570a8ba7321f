import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '@/components/ConfirmModal';
import { InvalidStatusAlert } from '@/components/InvalidStatusAlert';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useApproveCustomerAccount } from '../api/approveCustomerAccount';
import type { CustomerAccount } from '../api/types';

interface ApproveAccountModalProps {
  account: CustomerAccount;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** Confirms approving an account, saying what happens next. */
export function ApproveAccountModal({ account, opened, onClose, onDone }: ApproveAccountModalProps) {
  const { t } = useTranslation();
  const approve = useApproveCustomerAccount(account.id);
  // The partnership link goes to the owner, or to the primary contact of an account without one.
  const notified = account.owner?.email ?? account.primary_contact.email;
  const close = () => {
    approve.reset();
    onClose();
  };
  return (
    <ConfirmModal
      opened={opened}
      onClose={close}
      title={t('staffCustomerAccounts.approve.title')}
      confirmLabel={t('staffCustomerAccounts.approve.confirm')}
      color="teal.9"
      loading={approve.isPending}
      onConfirm={() => approve.mutate(undefined, { onSuccess: onDone })}
    >
      <InvalidStatusAlert error={approve.error} fallback={<ProblemAlert error={approve.error} />} />
      <Text>{t('staffCustomerAccounts.approve.text', { name: account.account_name })}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('staffCustomerAccounts.approve.effectEmail', { email: notified })}</List.Item>
        <List.Item>{t('staffCustomerAccounts.approve.effectActivate')}</List.Item>
      </List>
    </ConfirmModal>
  );
}
