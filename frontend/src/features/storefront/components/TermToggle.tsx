import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BillingTerm } from '../api/types';

/** Monthly or yearly billing, for every plan at once. */
export function TermToggle({ value, onChange }: { value: BillingTerm; onChange: (term: BillingTerm) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500} id="term-label">
        {t('storefront.term.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="term-label"
        value={value}
        onChange={(term) => onChange(term as BillingTerm)}
        data={[
          { value: 'monthly', label: t('storefront.term.monthly') },
          { value: 'yearly', label: t('storefront.term.yearly') },
        ]}
        w="fit-content"
      />
    </Stack>
  );
}
