import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** Location state the dashboard leaves when it sends a not-yet-eligible freelancer on. */
export interface GateState {
  gate?: { missingSteps: string[] };
}

/** "The dashboard opens once you have finished these steps", after the dashboard's redirect. */
export function GateNotice() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as GateState | null;
  if (!state?.gate) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      title={t('dashboard.gate.title')}
      data-testid="gate-notice"
      withCloseButton
      closeButtonLabel={t('app.close')}
      // Dismissing forgets the notice, also for reloads of this page.
      onClose={() => void navigate(`${location.pathname}${location.search}`, { replace: true, state: null })}
    >
      {t('dashboard.gate.text')}
    </Alert>
  );
}
