import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NO_SQUEEZE } from '@/components/badges';

/** Flags a sale the referring freelancer bought through their own link (no commission). */
export function SelfReferralBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('staffSubscriptions.selfReferral.hint')} multiline w={260} withArrow>
      <Badge color="orange.9" variant="outline" tt="none" styles={NO_SQUEEZE} data-testid="self-referral" tabIndex={0}>
        {t('staffSubscriptions.selfReferral.badge')}
      </Badge>
    </Tooltip>
  );
}
