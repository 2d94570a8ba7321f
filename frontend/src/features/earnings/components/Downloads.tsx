import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ProblemAlert';
import { Section } from '@/components/Section';
import { useDownloadEarningsFile, type EarningsFile } from '../api/downloads';
import type { EarningFilters } from '../api/types';

/** The ledger as CSV (filtered like the list), and the yearly statements (CSV and PDF) for the tax filing. */
export function Downloads({ filters }: { filters: EarningFilters }) {
  const { t } = useTranslation();
  const download = useDownloadEarningsFile();
  const year = new Date().getFullYear();
  const busy = (file: EarningsFile) =>
    download.isPending && JSON.stringify(download.variables) === JSON.stringify(file);
  const button = (file: EarningsFile, label: string) => (
    <Button variant="default" size="sm" loading={busy(file)} onClick={() => download.mutate(file)}>
      {label}
    </Button>
  );
  return (
    <Section id="downloads-title" title={t('earnings.downloads.title')}>
      <Stack gap="sm">
        <Group gap="sm">{button({ kind: 'ledger', filters }, t('earnings.downloads.csv'))}</Group>
        <Text size="sm" c="dimmed">
          {t('earnings.downloads.statementsHint')}
        </Text>
        {[year, year - 1].map((y) => (
          <Group key={y} gap="sm">
            <Text size="sm" fw={600} miw={48}>
              {y}
            </Text>
            {button({ kind: 'statement', year: y, format: 'csv' }, t('earnings.downloads.statementCsv', { year: y }))}
            {button({ kind: 'statement', year: y, format: 'pdf' }, t('earnings.downloads.statementPdf', { year: y }))}
          </Group>
        ))}
        <ProblemAlert error={download.error} />
      </Stack>
    </Section>
  );
}
