// The staff earnings pages' API types: the ledger's shapes (see @/lib/earnings/types),
// and the freelancer a ledger belongs to, named after its operation in openapi.yaml.
import type { ResultOf } from '@/lib/api/operations';

export type {
  AdjustmentRequest,
  EarningBalances,
  EarningDetail,
  EarningEntry,
  EarningKind,
  EarningStatus,
  EarningTimelineItem,
  FreelancerEarningsPage,
  LedgerReport,
  LedgerViolation,
  StaffWithdrawal,
  WithdrawalStatus,
} from '@/lib/earnings/types';

/** The freelancer whose ledger is shown. */
export type LedgerOwner = ResultOf<'get_freelancer'>;
