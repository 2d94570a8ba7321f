// `partner-hub admin create` names a staff account "Partner Hub staff" when the operator
// gives no --full-name. That placeholder is not a person's name: show it in the reader's
// language like any other interface text.
import type { TFunction } from 'i18next';

export const CLI_DEFAULT_STAFF_NAME = 'Partner Hub staff';

/** A person's name as stored, or the translated placeholder for the CLI's default. */
export function displayName(name: string, t: TFunction): string {
  return name === CLI_DEFAULT_STAFF_NAME ? t('app.defaultStaffName') : name;
}
