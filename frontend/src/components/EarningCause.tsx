// What caused a ledger entry, in words, with links to what support can open: the
// subscription a commission or reversal came from, the appeal an adjustment cites.
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCauseText } from '@/lib/earnings/cause';
import type { EarningEntry } from '@/lib/earnings/types';

/** The cause with its links (subscription, appeal, payout). */
export function EarningCause({ entry }: { entry: EarningEntry }) {
  const { t } = useTranslation();
  const causeText = useCauseText();
  const { cause } = entry;
  return (
    <>
      <Text size="sm" component="span" display="block">
        {causeText(entry)}
      </Text>
      {cause.subscription_id && (
        <Anchor component={Link} to={`/admin/subscriptions/${encodeURIComponent(cause.subscription_id)}`} size="xs" display="block">
          {t('staffEarnings.cause.openSubscription')}
        </Anchor>
      )}
      {cause.appeal_id && (
        <Anchor component={Link} to={`/admin/appeals/${encodeURIComponent(cause.appeal_id)}`} size="xs" display="block">
          {t('staffEarnings.cause.openAppeal')}
        </Anchor>
      )}
    </>
  );
}
