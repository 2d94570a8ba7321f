import type { Program, Tier } from '../api/types';

export const TIERS: readonly Tier[] = ['standard', 'top_rated', 'pro', 'seller_plus_premium'];

/** Clearing days per tier, from the programme description. */
export function clearingDays(program: Program | undefined): Partial<Record<string, number>> {
  const days: Partial<Record<string, number>> = {};
  for (const period of program?.clearing_periods ?? []) days[period.tier] = period.days;
  return days;
}
