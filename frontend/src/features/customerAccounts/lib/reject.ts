// The rejection reason's rule, shared by the modal and its tests: the customer reads it
// to fix the account, so it must say something (10 to 2,000 characters once trimmed).
export const REASON_MIN = 10;
export const REASON_MAX = 2000;

export type ReasonProblem =
  | 'staffCustomerAccounts.reject.reasonRequired'
  | 'staffCustomerAccounts.reject.reasonTooShort'
  | 'staffCustomerAccounts.reject.reasonTooLong';

/** The translation key of what is wrong with the reason, or null when it may be sent. */
export function rejectReasonProblem(value: string): ReasonProblem | null {
  const reason = value.trim();
  if (!reason) return 'staffCustomerAccounts.reject.reasonRequired';
  // Characters as people count them: "Straße" is six, not seven UTF-16 units.
  const length = [...reason].length;
  if (length < REASON_MIN) return 'staffCustomerAccounts.reject.reasonTooShort';
  if (length > REASON_MAX) return 'staffCustomerAccounts.reject.reasonTooLong';
  return null;
}
