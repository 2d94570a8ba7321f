// A ledger entry's kind in words; a reversal of money that was already available says
// so ("Clawback"), because it reduced available funds rather than pending ones.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NO_SQUEEZE } from '@/components/badges';
import type { EarningEntry } from '@/lib/earnings/types';

export function EarningKindLabel({ entry }: { entry: Pick<EarningEntry, 'kind' | 'clawback'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={600} component="span">
        {t(`staffEarnings.kinds.${entry.kind}`)}
      </Text>
      {entry.clawback && (
        <Badge color="red.9" variant="filled" autoContrast tt="none" styles={NO_SQUEEZE} data-testid="clawback">
          {t('staffEarnings.clawback')}
        </Badge>
      )}
    </Group>
  );
}
