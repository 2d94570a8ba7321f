import { useState } from 'react';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { usePlans } from '../api/listPlans';
import { FreelancerBanner } from '../components/FreelancerBanner';
import { PlanChooser } from '../components/PlanChooser';
import { StorefrontFrame } from '../components/StorefrontFrame';
import { storedReferral } from '../lib/referral';

/** /plans — the plans without a link; a code remembered from an earlier visit still counts. */
export default function PlansPage() {
  const plans = usePlans();
  const [referral] = useState(() => storedReferral());
  return (
    <StorefrontFrame>
      {referral && <FreelancerBanner name={referral.displayName} remembered />}
      {plans.isPending && <LoadingState />}
      {plans.isError && <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.data && <PlanChooser plans={plans.data} backTo="/plans" />}
    </StorefrontFrame>
  );
}
