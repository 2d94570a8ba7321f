import { describe, expect, it } from 'vitest';
import i18n from '@/i18n';
import { EVENT_KINDS, eventKindKey } from './events';

// The kinds of SubscriptionEventKind in openapi.yaml (backend/src/domain/commerce.rs).
const CONTRACT_KINDS = [
  'created',
  'activated',
  'seats_increased',
  'seats_decrease_scheduled',
  'seats_decreased',
  'cancelled',
  'auto_renew_disabled',
  'renewed',
  'renewal_payment_failed',
  'suspended',
  'reactivated',
  'expired',
];

describe('subscription event kinds in words', () => {
  it('knows every kind of the contract', () => {
    expect([...EVENT_KINDS].sort()).toEqual([...CONTRACT_KINDS].sort());
  });

  it.each(['en', 'de'] as const)('has a label of its own for every kind in %s', (lng) => {
    const t = i18n.getFixedT(lng);
    const labels = EVENT_KINDS.map((kind) => {
      expect(i18n.exists(eventKindKey(kind), { lng, fallbackLng: false }), `${lng}: ${kind}`).toBe(true);
      const label = t(eventKindKey(kind) as never) as string;
      expect(label.trim(), `${lng}: ${kind}`).not.toBe('');
      return label;
    });
    // Two kinds with one label could not be told apart in the history.
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('labels German kinds in German', () => {
    const de = i18n.getFixedT('de');
    const en = i18n.getFixedT('en');
    for (const kind of EVENT_KINDS) {
      expect(de(eventKindKey(kind) as never), kind).not.toBe(en(eventKindKey(kind) as never));
    }
  });
});
