// GET /api/v1/me/dashboard
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Dashboard } from './types';

export async function getDashboard(): Promise<Dashboard> {
  return unwrap(await api.GET('/api/v1/me/dashboard'));
}

/** "Digital Products & Software"; 403 `not_eligible` (with missing_steps) until eligible. */
export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: getDashboard });
}
