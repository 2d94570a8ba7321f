import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/problem';

/**
 * A 409 `invalid_status` means someone (possibly in another tab) already moved the item
 * on; says so in words, and leaves any other error to `fallback`.
 */
export function InvalidStatusAlert({ error, fallback }: { error: unknown; fallback?: ReactNode }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'invalid_status') {
    return (
      <Alert color="orange" variant="light" title={t('staff.invalidStatus.title')} data-testid="invalid-status">
        {t('staff.invalidStatus.text', { detail: error.problem.detail ?? '' })}
      </Alert>
    );
  }
  return <>{fallback}</>;
}
