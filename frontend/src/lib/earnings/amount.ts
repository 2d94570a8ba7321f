// An amount support types to move a freelancer's funds (an adjustment, an upheld earning
// appeal): read exactly in cents, above zero, at most MAX_ADJUSTMENT_CENTS.
import { parseMoneyToCents } from '@/lib/format/parse';
import { MAX_ADJUSTMENT_CENTS } from './types';

export type AmountCheck = { ok: true; cents: number } | { ok: false; problem: string };

/** The typed amount in cents, or the translation key of what is wrong with it. */
export function readAmount(text: string): AmountCheck {
  const amount = parseMoneyToCents(text, MAX_ADJUSTMENT_CENTS);
  if (!amount.ok) return { ok: false, problem: amount.problem === 'tooLarge' ? 'staffEarnings.adjust.tooLarge' : `moneyInput.${amount.problem}` };
  if (amount.value === 0) return { ok: false, problem: 'staffEarnings.adjust.zero' };
  return { ok: true, cents: amount.value };
}

/** The cents of an amount a form has validated already. */
export function validatedCents(text: string): number {
  const amount = readAmount(text);
  if (!amount.ok) throw new Error(`unvalidated amount: ${amount.problem}`);
  return amount.cents;
}
