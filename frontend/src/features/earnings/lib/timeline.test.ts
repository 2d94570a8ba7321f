import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import type { EarningTimelineItem } from '../api/types';
import { useTimelineSentence } from './timeline';

const EVENTS: EarningTimelineItem['event'][] = [
  'earned',
  'waiting_for_activation',
  'pending_until',
  'retimed',
  'available',
  'reversed',
  'clawed_back',
  'adjusted',
  'appealed',
  'appeal_decided',
  'withdrawal_requested',
  'withdrawal_paid',
  'withdrawal_failed',
];

const item = (over: Partial<EarningTimelineItem>): EarningTimelineItem => ({
  at: '2026-12-06T10:00:00Z',
  event: 'earned',
  available_at: null,
  amount_cents: null,
  reason: null,
  tier: null,
  clearing_days: null,
  entry_id: null,
  appeal_id: null,
  ...over,
});

function sentence(lang: string, over: Partial<EarningTimelineItem>) {
  void i18n.changeLanguage(lang);
  const { result } = renderHook(() => useTimelineSentence());
  return result.current(item(over), { amount_cents: 999, currency: 'USD' });
}

afterEach(() => void i18n.changeLanguage('en'));

describe('timeline sentences', () => {
  it('has a sentence for every event in both languages (never the raw event name)', () => {
    for (const lang of ['en', 'de']) {
      for (const event of EVENTS) {
        const text = sentence(lang, { event, amount_cents: 1250, available_at: '2026-12-20T10:00:00Z', clearing_days: 14, tier: 'pro' });
        expect(text, `${lang} ${event}`).not.toMatch(/_/);
        expect(text.length, `${lang} ${event}`).toBeGreaterThan(10);
      }
    }
  });

  it('says when a pending entry becomes available and why', () => {
    expect(sentence('en', { event: 'pending_until', at: '2026-12-20T10:00:00Z', available_at: '2026-12-20T10:00:00Z', clearing_days: 14 })).toBe(
      'Available on Dec 20, 2026 — 14 days after activation.',
    );
    expect(sentence('de', { event: 'pending_until', at: '2026-12-20T10:00:00Z', available_at: '2026-12-20T10:00:00Z', clearing_days: 7 })).toBe(
      'Verfügbar am 20.12.2026 – 7 Tage nach der Aktivierung.',
    );
    expect(sentence('en', { event: 'pending_until', at: '2026-12-20T10:00:00Z' })).toBe('Available on Dec 20, 2026.');
    expect(sentence('en', { event: 'retimed', available_at: '2026-12-13T10:00:00Z', tier: 'top_rated', clearing_days: 7 })).toBe(
      'Tier changed to Top Rated: now available on Dec 13, 2026 — 7 days after activation.',
    );
  });

  it('gives the reason of a reversal, clawback, adjustment and failed payout', () => {
    expect(sentence('en', { event: 'reversed', amount_cents: -1250, reason: 'Refunded in full.' })).toBe('Reversed: Refunded in full.');
    expect(sentence('en', { event: 'reversed', amount_cents: -1250 })).toBe('Reversed: $12.50 taken back before it became available.');
    expect(sentence('en', { event: 'clawed_back', amount_cents: -1250, reason: 'Refunded in part.' })).toBe(
      'Clawed back from your available funds: Refunded in part.',
    );
    expect(sentence('en', { event: 'adjusted', amount_cents: 500, reason: 'Goodwill.' })).toBe('Support added $5.00: Goodwill.');
    expect(sentence('en', { event: 'adjusted', amount_cents: -500, reason: 'Duplicate.' })).toBe('Support deducted $5.00: Duplicate.');
    // Without an amount of its own, the item speaks of the entry's.
    expect(sentence('en', { event: 'earned' })).toBe('Commission of $9.99 earned.');
    expect(sentence('en', { event: 'withdrawal_failed', amount_cents: 2000, reason: 'account closed' })).toBe(
      'The payout failed (account closed); the money is back in your available funds.',
    );
  });
});
