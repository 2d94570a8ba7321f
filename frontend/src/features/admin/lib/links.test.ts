import { describe, expect, it } from 'vitest';
import { subjectPath } from './links';

describe('subjectPath', () => {
  it('links audit subjects to their staff pages', () => {
    expect(subjectPath('application', 'app_1')).toBe('/admin/applications/app_1');
    expect(subjectPath('appeal', 'apl_1')).toBe('/admin/appeals/apl_1');
    expect(subjectPath('freelancer', 'fl_1')).toBe('/admin/freelancers/fl_1');
    expect(subjectPath('support_ticket', 'tkt_1')).toBe('/app/support/tkt_1');
    expect(subjectPath('user', 'usr_1')).toBeNull();
  });

  it('links the commerce subjects (issue 8) to their staff pages', () => {
    expect(subjectPath('subscription', 'sub_1')).toBe('/admin/subscriptions/sub_1');
    expect(subjectPath('customer_account', 'cac_1')).toBe('/admin/customer-accounts/cac_1');
    expect(subjectPath('commerce_settings', 'commerce')).toBe('/admin/customer-accounts');
    expect(subjectPath('plan', 'pln_1')).toBe('/admin/catalog');
    expect(subjectPath('product', 'prd_1')).toBe('/admin/catalog');
    expect(subjectPath('tax_rate', 'DE')).toBe('/admin/tax-rates');
  });

  it('links payouts (issue 9) to the payout queue', () => {
    expect(subjectPath('withdrawal', 'wd_1')).toBe('/admin/withdrawals');
  });
});
