// Where an audit entry's subject can be looked at in the SPA, when anywhere.
export function subjectPath(subjectType: string, subjectId: string): string | null {
  const id = encodeURIComponent(subjectId);
  switch (subjectType) {
    case 'application':
      return `/admin/applications/${id}`;
    case 'appeal':
      return `/admin/appeals/${id}`;
    case 'freelancer':
      return `/admin/freelancers/${id}`;
    case 'support_ticket':
      return `/app/support/${id}`;
    case 'terms':
      return '/admin/terms';
    case 'invitation':
      return '/admin/invitations';
    case 'subscription':
      return `/admin/subscriptions/${id}`;
    case 'customer_account':
      return `/admin/customer-accounts/${id}`;
    case 'commerce_settings':
      return '/admin/customer-accounts';
    case 'plan':
    case 'product':
      return '/admin/catalog';
    case 'tax_rate':
      return '/admin/tax-rates';
    case 'withdrawal':
      return '/admin/withdrawals';
    default:
      return null;
  }
}
