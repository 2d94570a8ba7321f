import { useTranslation } from 'react-i18next';
import { Facts } from '@/components/Facts';
import { countryName } from '@/lib/countries';
import { useFormat } from '@/lib/format/useFormat';
import type { CustomerAccountInput } from '../api/types';
import { ONMICROSOFT } from '../lib/accountForm';

/** An account's details as sent (the review step) or as stored (the status page). */
export function AccountSummary({ account }: { account: CustomerAccountInput }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const a = account.address;
  const address = [a.line1, a.line2, `${a.postal_code} ${a.city}`, a.region, a.country ? countryName(a.country, locale) : null]
    .filter(Boolean)
    .join('\n');
  const domain = account.existing_customer || account.domain.endsWith(ONMICROSOFT) ? account.domain : `${account.domain}${ONMICROSOFT}`;
  return (
    <Facts
      cols={2}
      facts={[
        { label: t('customerAccount.fields.accountName'), value: account.account_name },
        { label: t('customerAccount.summary.domain'), value: domain },
        { label: t('customerAccount.summary.address'), value: <span style={{ whiteSpace: 'pre-line' }}>{address}</span> },
        {
          label: t('customerAccount.summary.contact'),
          value: (
            <span style={{ whiteSpace: 'pre-line' }}>
              {[account.primary_contact.name, account.primary_contact.email, account.primary_contact.phone].join('\n')}
            </span>
          ),
        },
        {
          label: t('customerAccount.summary.existing'),
          value: account.existing_customer ? t('customerAccount.summary.yes') : t('customerAccount.summary.no'),
        },
      ]}
    />
  );
}
