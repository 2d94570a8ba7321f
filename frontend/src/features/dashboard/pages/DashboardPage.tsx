import { useTranslation } from 'react-i18next';
import { BusinessPage } from '@/components/BusinessPage';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useDashboard } from '../api/getDashboard';
import { DashboardView } from '../components/DashboardView';

export default function DashboardPage() {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  return (
    <BusinessPage pageTitle={t('dashboard.pageTitle')} title={t('dashboard.title')} error={dashboard.error}>
      {dashboard.isPending && <LoadingState />}
      {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.data && <DashboardView dashboard={dashboard.data} />}
    </BusinessPage>
  );
}
