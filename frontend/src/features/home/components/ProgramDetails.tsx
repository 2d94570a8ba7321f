import { Accordion, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '@/components/EmptyState';
import { useDynamicT } from '@/i18n/dynamic';
import type { Program } from '@/lib/api/types';
import { useFormat } from '@/lib/format/useFormat';

// The programme's texts come from the API in English; saying so lets screen readers
// pronounce them right when the interface is in another language.
const API_LANG = 'en';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="md" mt={56}>
      <Title order={2} id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The landing page's content from GET /program: benefits, rates, clearing, steps, FAQ. */
export function ProgramDetails({ program, authenticated }: { program: Program; authenticated: boolean }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const format = useFormat();

  return (
    <>
      <Section id="programme-about" title={t('programme.aboutHeading')}>
        <Text fw={600} size="lg" lang={API_LANG}>
          {program.name}
        </Text>
        <Text lang={API_LANG} maw={720}>
          {program.description}
        </Text>
      </Section>

      <Section id="programme-benefits" title={t('programme.benefitsHeading')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          {program.benefits.map((benefit) => (
            <Paper key={benefit.title} withBorder radius="md" p="lg">
              <Title order={3} size="h4" lang={API_LANG}>
                {benefit.title}
              </Title>
              <Text mt="xs" lang={API_LANG}>
                {benefit.description}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={48}>
        <Section id="programme-rates" title={t('programme.ratesHeading')}>
          {program.commission_rates.length === 0 ? (
            <EmptyState title={t('programme.ratesEmpty')} />
          ) : (
            <Table striped withTableBorder data-testid="commission-rates">
              <Table.Caption>{t('programme.ratesCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('programme.plan')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('programme.commission')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {program.commission_rates.map((rate) => (
                  <Table.Tr key={rate.plan_id}>
                    <Table.Th scope="row" fw={500} lang={API_LANG}>
                      {rate.plan_name}
                    </Table.Th>
                    <Table.Td ta="right">{format.bps(rate.rate_bps)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Section>

        <Section id="programme-clearing" title={t('programme.clearingHeading')}>
          <Table striped withTableBorder data-testid="clearing-periods">
            <Table.Caption>{t('programme.clearingCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('programme.tier')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('programme.fundsAvailableAfter')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {program.clearing_periods.map((period) => (
                <Table.Tr key={period.tier}>
                  <Table.Th scope="row" fw={500}>
                    {dt(`tiers.${period.tier}`, period.tier_name)}
                  </Table.Th>
                  <Table.Td ta="right">{t('programme.days', { count: period.days })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      </SimpleGrid>

      <Section id="programme-start" title={t('programme.startHeading')}>
        <List type="ordered" spacing="sm" lang={API_LANG} data-testid="how-to-start">
          {program.how_to_start.map((step) => (
            <List.Item key={step}>{step}</List.Item>
          ))}
        </List>
      </Section>

      <Section id="programme-faq" title={t('programme.faqHeading')}>
        <Accordion variant="separated" lang={API_LANG}>
          {program.faq.map((item) => (
            <Accordion.Item key={item.question} value={item.question}>
              <Accordion.Control>{item.question}</Accordion.Control>
              <Accordion.Panel>{item.answer}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Section>

      <Paper component="section" aria-labelledby="programme-cta" withBorder radius="md" p="xl" mt={56} bg="blue.0">
        <Stack gap="sm">
          <Title order={2} id="programme-cta" size="h3">
            {t('programme.ctaHeading')}
          </Title>
          <Text>{t('programme.ctaText')}</Text>
          <Group mt="xs">
            {authenticated ? (
              <Button component={Link} to="/app">
                {t('programme.ctaOpenApp')}
              </Button>
            ) : (
              <>
                <Button component={Link} to="/register">
                  {t('programme.ctaCreateAccount')}
                </Button>
                <Button component={Link} to="/login" variant="default">
                  {t('programme.ctaSignIn')}
                </Button>
              </>
            )}
            <Anchor href="/docs">{t('programme.ctaDeveloperDocs')}</Anchor>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
