import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { humanize, useDynamicT } from '@/i18n/dynamic';
import type { Application } from '../api/types';
import { useFormatters } from '@/lib/format/useFormatters';
import { safeHttpUrl } from '../lib/links';
import { Facts } from '@/components/Facts';

/** Everything the applicant answered on the form. */
export function ApplicationAnswers({ application }: { application: Application }) {
  const { t } = useTranslation();
  const dt = useDynamicT();
  const { number } = useFormatters();
  const none = <Text span size="sm" c="dimmed">{t('staffApplications.detail.none')}</Text>;
  return (
    <Facts
      facts={[
        {
          label: t('staffApplications.table.experience'),
          value: dt(`staffApplications.experience.${application.m365_experience}`, humanize(application.m365_experience)),
        },
        { label: t('staffApplications.table.usClients'), value: number(application.us_clients_served) },
        { label: t('staffApplications.table.country'), value: application.country },
        {
          label: t('staffApplications.detail.certifications'),
          wide: true,
          value:
            application.certifications.length > 0 ? (
              <List size="sm">
                {application.certifications.map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            ) : (
              none
            ),
        },
        {
          label: t('staffApplications.detail.links'),
          wide: true,
          value:
            application.links.length > 0 ? (
              <List size="sm">
                {application.links.map((link) => {
                  const href = safeHttpUrl(link);
                  return (
                    <List.Item key={link}>
                      {href ? (
                        <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
                          {link}
                        </Anchor>
                      ) : (
                        link
                      )}
                    </List.Item>
                  );
                })}
              </List>
            ) : (
              none
            ),
        },
        {
          label: t('staffApplications.detail.motivation'),
          wide: true,
          value: <span style={{ whiteSpace: 'pre-wrap', fontWeight: 400 }}>{application.motivation}</span>,
        },
      ]}
    />
  );
}
