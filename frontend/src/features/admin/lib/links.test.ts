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
});
