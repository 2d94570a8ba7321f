// What an appeal is about decides what support sees beside it and what upholding does.
import type { Appeal } from '../api/types';

/** An appeal against a reversal, clawback or adjustment of the freelancer's earnings. */
export function isEarningAppeal(appeal: Pick<Appeal, 'subject_type'>): boolean {
  return appeal.subject_type === 'earning';
}
