import { describe, expect, it } from 'vitest';
import { DAY_MS } from './storage';
import { forgetReferral, rememberReferral, storedReferral } from './referral';

const T0 = Date.parse('2026-12-01T10:00:00Z');

describe('referral storage', () => {
  it('keeps a resolved code for 30 days', () => {
    rememberReferral('greta42', 'Greta', T0);
    expect(storedReferral(T0 + 29 * DAY_MS)).toEqual({ code: 'greta42', displayName: 'Greta', expiresAt: T0 + 30 * DAY_MS });
    expect(storedReferral(T0 + 30 * DAY_MS - 1)?.code).toBe('greta42');
  });

  it('forgets it once the 30 days are over', () => {
    rememberReferral('greta42', 'Greta', T0);
    expect(storedReferral(T0 + 30 * DAY_MS)).toBeNull();
    expect(localStorage.getItem('partner_hub.referral')).toBeNull();
  });

  it('lets a newer code replace the older one, with a fresh 30 days', () => {
    rememberReferral('greta42', 'Greta', T0);
    rememberReferral('hans7', 'Hans', T0 + 20 * DAY_MS);
    expect(storedReferral(T0 + 45 * DAY_MS)).toMatchObject({ code: 'hans7', displayName: 'Hans' });
  });

  it('drops what it cannot read', () => {
    localStorage.setItem('partner_hub.referral', '{not json');
    expect(storedReferral(T0)).toBeNull();
    localStorage.setItem('partner_hub.referral', JSON.stringify({ code: 42 }));
    expect(storedReferral(T0)).toBeNull();
    expect(localStorage.getItem('partner_hub.referral')).toBeNull();
  });

  it('can be forgotten', () => {
    rememberReferral('greta42', 'Greta', T0);
    forgetReferral();
    expect(storedReferral(T0)).toBeNull();
  });
});
