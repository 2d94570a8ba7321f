// GET /api/v1/me/earnings/forecast
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { earningKeys } from './keys';
import type { Forecast } from './types';

export async function getForecast(): Promise<Forecast> {
  return unwrap(await api.GET('/api/v1/me/earnings/forecast'));
}

/** Commission expected from renewals in the next 90 days (active, auto-renew on). */
export function useForecast() {
  return useQuery({ queryKey: earningKeys.forecast, queryFn: getForecast });
}
