//! Withdrawal rows and DTOs.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::clock::utc;
use crate::db::schema::withdrawals;
use crate::domain::earnings::WithdrawalStatus;
use crate::providers::payouts::PayoutMethod;

/// The smallest withdrawal: $10.00.
pub const MINIMUM_CENTS: i64 = 1_000;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = withdrawals)]
pub struct WithdrawalRow {
    pub id: String,
    pub freelancer_id: String,
    pub amount_cents: i64,
    pub currency: String,
    pub status: WithdrawalStatus,
    pub payout_method: PayoutMethod,
    /// The provider that pays it (`sandbox`).
    pub provider: String,
    pub provider_ref: Option<String>,
    pub failure_code: Option<String>,
    pub failure_reason: Option<String>,
    /// Payout attempts so far (1 after the request; one more per retry).
    pub attempts: i32,
    pub requested_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

/// Asking for a payout of available funds.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"amount_cents": 25000, "payout_method": "sandbox"}))]
pub struct CreateWithdrawalRequest {
    /// Integer cents, at least 1000 ($10.00), at most the available funds.
    #[schema(minimum = 1000, example = 25000)]
    pub amount_cents: i64,
    /// Where the money goes; the provider's default when absent. The sandbox pays
    /// `sandbox`, declines `sandbox_fail` (`account_closed`) and cannot be reached for
    /// `sandbox_unreachable` until a retry.
    pub payout_method: Option<PayoutMethod>,
}

/// A payout of available funds: `requested → paid | failed`.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Withdrawal {
    #[schema(example = "wd_Q1w2E3r4T5y6U7i8O9p0")]
    pub id: String,
    #[schema(example = 25000)]
    pub amount_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
    pub status: WithdrawalStatus,
    pub payout_method: PayoutMethod,
    /// Why the payout failed, as a code (`account_closed`) and in words; null unless failed.
    pub failure_code: Option<String>,
    pub failure_reason: Option<String>,
    /// Payout attempts so far (more than 1 after support retried it).
    pub attempts: i32,
    pub requested_at: DateTime<Utc>,
    /// When it was paid or failed.
    pub decided_at: Option<DateTime<Utc>>,
}

impl From<WithdrawalRow> for Withdrawal {
    fn from(r: WithdrawalRow) -> Withdrawal {
        Withdrawal {
            id: r.id,
            amount_cents: r.amount_cents,
            currency: r.currency,
            status: r.status,
            payout_method: r.payout_method,
            failure_code: r.failure_code,
            failure_reason: r.failure_reason,
            attempts: r.attempts,
            requested_at: utc(r.requested_at),
            decided_at: r.decided_at.map(utc),
        }
    }
}

/// A withdrawal in support's queue, with whose it is.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct QueuedWithdrawal {
    #[serde(flatten)]
    pub withdrawal: Withdrawal,
    #[schema(example = "fl_8fK2mQ0pLw3xZb7TnR1c")]
    pub freelancer_id: String,
    /// The name on the freelancer's account.
    pub freelancer_name: String,
    pub freelancer_email: String,
    /// The payout provider's reference, once paid.
    pub provider_ref: Option<String>,
}

/// Filter of support's queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueFilter {
    #[param(inline)]
    pub status: Option<WithdrawalStatus>,
}
