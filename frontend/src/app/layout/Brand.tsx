import { Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The product name, linking home. */
export function Brand({ to = '/', compact = false }: { to?: string; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={to} aria-label={compact ? t('app.name') : undefined}>
      <Group gap={8} wrap="nowrap">
        <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="var(--mantine-color-blue-8)" />
          <path d="M9 22V10h7.5a4 4 0 0 1 0 8H13" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
        </svg>
        {/* Compact: on phones only the logo shows; the link keeps its name via aria-label. */}
        <Text fw={700} size="lg" visibleFrom={compact ? 'sm' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
