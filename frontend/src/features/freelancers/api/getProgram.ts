// GET /api/v1/program
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { Program } from './types';

export async function getProgram(): Promise<Program> {
  return unwrap(await api.GET('/api/v1/program'));
}

/** The public programme description; the staff area reads its clearing period per tier. */
export function useProgram() {
  return useQuery({ queryKey: staffKeys.program, queryFn: getProgram, staleTime: 5 * 60_000 });
}
