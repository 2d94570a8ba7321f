// GET /api/v1/program
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Program } from '@/lib/api/types';

export async function getProgram(): Promise<Program> {
  return unwrap(await api.GET('/api/v1/program'));
}

/** The programme's landing-page content (public). */
export function useProgram() {
  return useQuery({ queryKey: ['programme', 'program'], queryFn: getProgram, staleTime: 5 * 60_000 });
}
