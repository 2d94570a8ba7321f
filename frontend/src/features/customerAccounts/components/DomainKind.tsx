import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NO_SQUEEZE } from '@/components/badges';
import type { CustomerAccount } from '../api/types';

/** The Microsoft domain and whether it is a new tenant or an existing customer's own. */
export function DomainKind({ account }: { account: Pick<CustomerAccount, 'domain' | 'existing_customer'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {account.domain}
      </Text>
      <Badge variant="outline" color={account.existing_customer ? 'grape.8' : 'blue.8'} tt="none" styles={NO_SQUEEZE}>
        {account.existing_customer ? t('staffCustomerAccounts.domain.existing') : t('staffCustomerAccounts.domain.new')}
      </Badge>
    </Group>
  );
}
