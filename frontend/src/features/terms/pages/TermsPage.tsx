import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTermsVersions } from '../api/listTermsVersions';
import { ListFrame } from '@/components/ListFrame';
import { PageHeader } from '@/components/PageHeader';
import { PublishTermsForm } from '../components/PublishTermsForm';
import { Section } from '@/components/Section';
import { TermsTable } from '../components/TermsTable';

export default function TermsPage() {
  const { t } = useTranslation();
  const list = useTermsVersions();
  return (
    <Stack gap="lg">
      <PageHeader title={t('staffTerms.title')} description={t('staffTerms.description')} />
      <Section id="terms-versions" title={t('staffTerms.versions')}>
        <ListFrame query={list} emptyTitle={t('staffTerms.emptyTitle')} emptyText={t('staffTerms.emptyText')}>
          <TermsTable versions={list.items} />
        </ListFrame>
      </Section>
      <Section id="terms-publish" title={t('staffTerms.publish.title')}>
        <PublishTermsForm />
      </Section>
    </Stack>
  );
}
