// The review queue's status filter. The queue opens on what needs someone ("submitted")
// with a clean URL; any other status, or "all", is written into the URL so a filtered
// queue can be bookmarked and shared.
import type { CustomerAccountStatus } from '../api/types';

export const ACCOUNT_STATUSES = ['submitted', 'approved', 'rejected', 'active'] as const satisfies readonly CustomerAccountStatus[];
export const DEFAULT_STATUS = 'submitted';
/** The select's choices: every status, then all of them. */
export const STATUS_CHOICES = [...ACCOUNT_STATUSES, 'all'] as const;
export type StatusChoice = (typeof STATUS_CHOICES)[number];

/** The URL filters the queue reads (see useUrlFilters). */
export const QUEUE_FILTERS = { status: STATUS_CHOICES } as const;

/** The choice a URL value stands for: unset (or refused by the spec) is the default. */
export function statusChoice(value: string): StatusChoice {
  return (STATUS_CHOICES as readonly string[]).includes(value) ? (value as StatusChoice) : DEFAULT_STATUS;
}

/** The status to ask the API for: none for "all". */
export function queueStatus(value: string): CustomerAccountStatus | undefined {
  const choice = statusChoice(value);
  return choice === 'all' ? undefined : choice;
}

/** The URL value of a choice: the default stays out of the URL. */
export function statusParam(choice: string): string {
  return choice === DEFAULT_STATUS ? '' : choice;
}
