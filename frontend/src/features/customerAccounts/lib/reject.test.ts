import { describe, expect, it } from 'vitest';
import { REASON_MAX, rejectReasonProblem } from './reject';

describe('rejectReasonProblem', () => {
  it('needs a reason; spaces are not one', () => {
    expect(rejectReasonProblem('')).toBe('staffCustomerAccounts.reject.reasonRequired');
    expect(rejectReasonProblem('   \n ')).toBe('staffCustomerAccounts.reject.reasonRequired');
  });

  it('needs ten characters once trimmed, counted as people count them', () => {
    expect(rejectReasonProblem('  Wrong ZIP. ')).toBeNull();
    expect(rejectReasonProblem('  Too short ')).toBe('staffCustomerAccounts.reject.reasonTooShort');
    expect(rejectReasonProblem('   Nein.    ')).toBe('staffCustomerAccounts.reject.reasonTooShort');
    expect(rejectReasonProblem('123456789')).toBe('staffCustomerAccounts.reject.reasonTooShort');
    // Nine letters, one of them outside the basic plane: still nine.
    expect(rejectReasonProblem('Straße 𝟙2')).toBe('staffCustomerAccounts.reject.reasonTooShort');
    expect(rejectReasonProblem('Straße 𝟙23')).toBeNull();
  });

  it('caps the reason at 2,000 characters', () => {
    expect(rejectReasonProblem('x'.repeat(REASON_MAX))).toBeNull();
    expect(rejectReasonProblem('x'.repeat(REASON_MAX + 1))).toBe('staffCustomerAccounts.reject.reasonTooLong');
  });
});
