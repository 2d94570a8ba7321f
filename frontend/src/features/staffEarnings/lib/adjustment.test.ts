import { describe, expect, it } from 'vitest';
import { adjustmentBody, adjustmentErrors } from './adjustment';

describe('adjustment form rules', () => {
  it('asks for a direction, an amount above zero and at most $10,000, and a reason', () => {
    const none = { allow_negative: false };
    expect(adjustmentErrors({ ...none, direction: '', amount_cents: '', reason: ' ' })).toEqual({
      direction: 'staffEarnings.adjust.directionRequired',
      amount_cents: 'moneyInput.required',
      reason: 'staffEarnings.adjust.reasonRequired',
    });
    expect(adjustmentErrors({ ...none, direction: 'credit', amount_cents: '0,00', reason: 'x' }).amount_cents).toBe('staffEarnings.adjust.zero');
    expect(adjustmentErrors({ ...none, direction: 'credit', amount_cents: '10000.01', reason: 'x' }).amount_cents).toBe('staffEarnings.adjust.tooLarge');
    expect(adjustmentErrors({ ...none, direction: 'credit', amount_cents: '1.234', reason: 'x' }).amount_cents).toBe('moneyInput.tooManyDecimals');
    expect(adjustmentErrors({ ...none, direction: 'debit', amount_cents: '10000', reason: 'x'.repeat(501) })).toEqual({ reason: 'staffEarnings.adjust.reasonTooLong' });
    expect(adjustmentErrors({ ...none, direction: 'debit', amount_cents: '1', reason: ' ok ' })).toEqual({ reason: 'staffEarnings.adjust.reasonTooShort' });
  });

  it('sends exact cents, negative for a debit, with the reason trimmed; only a debit may overdraw', () => {
    expect(adjustmentBody({ direction: 'credit', amount_cents: '19.99', reason: ' Goodwill ', allow_negative: true })).toEqual({ amount_cents: 1999, reason: 'Goodwill' });
    expect(adjustmentBody({ direction: 'debit', amount_cents: '$0,07', reason: 'Rounding', allow_negative: false })).toEqual({ amount_cents: -7, reason: 'Rounding' });
    expect(adjustmentBody({ direction: 'debit', amount_cents: '50', reason: 'Clawback after payout', allow_negative: true })).toEqual({
      amount_cents: -5000,
      reason: 'Clawback after payout',
      allow_negative: true,
    });
  });
});
