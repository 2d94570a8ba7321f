import { Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/lib/format/useFormat';
import type { Subscription } from '../api/types';
import { useUpdateSubscription } from '../api/updateSubscription';

/** Automatic renewal on or off (off: the subscription ends at the end of the term). */
export function AutoRenewControl({ subscription }: { subscription: Subscription }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const update = useUpdateSubscription(subscription.id);
  const pending = update.isPending ? update.variables?.auto_renew : undefined;
  const checked = typeof pending === 'boolean' ? pending : subscription.auto_renew;
  return (
    <Stack gap="xs">
      <ProblemAlert error={update.error} />
      <Switch
        label={t('subscriptions.autoRenew.label')}
        description={
          checked
            ? t('subscriptions.autoRenew.on', { date: date(subscription.current_term_end) })
            : t('subscriptions.autoRenew.off', { date: date(subscription.current_term_end) })
        }
        checked={checked}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ auto_renew: event.currentTarget.checked })}
      />
      <Text size="xs" c="dimmed">
        {t('subscriptions.autoRenew.hint')}
      </Text>
    </Stack>
  );
}
