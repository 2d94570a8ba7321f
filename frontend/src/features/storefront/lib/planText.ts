// Plan descriptions come from the catalogue, written in English by whoever entered them.
// The seeded plans have a German text in the catalogues (storefront.catalogue.<plan id>);
// a plan added later shows its own text until someone translates it.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../api/types';

export function usePlanDescription(): (plan: Pick<Plan, 'id' | 'description'>) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (plan) => {
      const key = `storefront.catalogue.${plan.id}`;
      // Not useDynamicT: a plan without a catalogue text is data, not a missing interface string.
      return i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : plan.description;
    },
    [t, i18n],
  );
}
