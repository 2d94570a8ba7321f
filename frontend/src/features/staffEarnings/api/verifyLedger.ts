// GET /api/v1/admin/ledger/verify
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { LedgerReport } from './types';

export async function verifyLedger(): Promise<LedgerReport> {
  return unwrap(await api.GET('/api/v1/admin/ledger/verify'));
}

/** Checks every ledger invariant now; each page visit (and "Check again") runs it afresh. */
export function useLedgerReport() {
  return useQuery({ queryKey: staffKeys.ledgerReport, queryFn: verifyLedger, staleTime: 0, gcTime: 0 });
}
