//! The states of money owed to a freelancer: ledger entries and withdrawals.

crate::text_enum! {
    /// What an earnings entry records.
    pub enum EarningKind {
        /// A paid period (purchase, seat increase, renewal) at the plan's commission rate.
        Commission = "commission",
        /// A refund taking back (part of) a commission: while pending the commission is
        /// reversed; once available, a negative entry (a clawback).
        Reversal = "reversal",
        /// Support corrected the balance, with a reason (or an upheld appeal).
        Adjustment = "adjustment",
        /// Money paid out (negative), or returned when a payout failed (positive).
        Withdrawal = "withdrawal",
    }
}

crate::text_enum! {
    /// `pending → available` or `reversed`. Adjustments and withdrawals are `available`
    /// from the start: they move available funds at once.
    pub enum EarningStatus {
        Pending = "pending",
        Available = "available",
        Reversed = "reversed",
    }
}

crate::text_enum! {
    /// A payout: `requested → paid | failed`.
    pub enum WithdrawalStatus {
        Requested = "requested",
        Paid = "paid",
        Failed = "failed",
    }
}
