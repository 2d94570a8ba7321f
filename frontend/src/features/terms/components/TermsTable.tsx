import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TermsVersion } from '../api/types';
import { useFormatters } from '@/lib/format/useFormatters';
import { NO_SQUEEZE } from '@/components/badges';
import { TableFrame } from '@/components/TableFrame';

/** Terms versions with how many freelancers accepted each; the current one is marked. */
export function TermsTable({ versions }: { versions: readonly TermsVersion[] }) {
  const { t, i18n } = useTranslation();
  const german = i18n.resolvedLanguage === 'de';
  const { dateTime, number } = useFormatters();
  return (
    <TableFrame minWidth={640}>
      <Table striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staffTerms.table.version')}</Table.Th>
            <Table.Th>{t('staffTerms.table.title')}</Table.Th>
            <Table.Th>{t('staffTerms.table.published')}</Table.Th>
            <Table.Th ta="right">{t('staffTerms.table.acceptances')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.version} data-testid="terms-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t('staffTerms.table.versionNumber', { version: version.version })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" span lang={german && version.texts.de ? 'de' : 'en'}>
                  {(german ? (version.texts.de ?? version.texts.en) : (version.texts.en ?? version.texts.de))?.title}
                </Text>
                {!version.texts.de && (
                  <Badge color="gray.7" variant="light" tt="none" ml="xs" styles={NO_SQUEEZE}>
                    {t('staffTerms.table.noGerman')}
                  </Badge>
                )}
                {version.current && (
                  <Badge color="teal.9" variant="filled" tt="none" ml="xs" styles={NO_SQUEEZE}>
                    {t('staffTerms.current')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dateTime(version.published_at)}</Text>
                <Text size="xs" c="dimmed">
                  {version.published_by ? t('staffTerms.table.by', { name: version.published_by }) : t('staffTerms.table.bySystem')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm">{number(version.acceptances)}</Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('staffTerms.table.acceptancesByLocale', {
                    en: number(version.acceptances_by_locale.en),
                    de: number(version.acceptances_by_locale.de),
                  })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
