import { Button, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The filters above a list, with "Clear filters" while any is set. */
export function FilterBar({ children, active, onClear }: { children: ReactNode; active: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('staff.list.filters')}>
      <Group align="flex-end" gap="md">
        {children}
        {active && (
          <Button variant="default" onClick={onClear}>
            {t('staff.list.clearFilters')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
