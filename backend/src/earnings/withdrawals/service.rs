//! The withdrawal rules. `request` checks and records the request in one transaction
//! (W-9, one in flight, available funds, the ledger entry taking the money, the audit
//! entry), then asks the payout provider, then records its answer in a second
//! transaction (`settle_in`). Support's `retry` counts one more attempt of a withdrawal
//! still `requested` and asks the provider again; the idempotency key makes sure a
//! payout the provider already made is not made twice.

use chrono::NaiveDateTime;

use crate::audit::{AuditAction, AuditEntry};
use crate::db::DbConnection;
use crate::domain::earnings::{EarningKind, EarningStatus, WithdrawalStatus};
use crate::domain::ids::WithdrawalId;
use crate::earnings::ledger::{self, EntryRow};
use crate::earnings::withdrawals::store::{self, Decision, Scope};
use crate::earnings::withdrawals::view::*;
use crate::error::{AppError, AppResult, FieldError};
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::providers::payouts::{PayoutError, PayoutMethod, PayoutRequest};
use crate::state::AppState;

fn not_found() -> AppError {
    AppError::not_found("No such withdrawal.")
}

fn in_flight() -> AppError {
    AppError::conflict("withdrawal_in_flight", "A withdrawal is already in progress. Wait until it is paid or has failed.")
}

fn below_minimum() -> AppError {
    let mut e =
        AppError::new(actix_web::http::StatusCode::UNPROCESSABLE_ENTITY, "amount_below_minimum", "The smallest withdrawal is $10.00.");
    e.errors = vec![FieldError { field: "amount_cents".into(), message: "Enter at least 1000 cents ($10.00).".into() }];
    e
}

fn earnings_url(state: &AppState) -> String {
    format!("{}/app/earnings", state.settings.public_base_url)
}

/// What a withdrawal request asks for, checked at the edge.
pub struct Requested {
    pub amount_cents: i64,
    pub method: PayoutMethod,
}

impl Requested {
    pub fn parse(state: &AppState, req: CreateWithdrawalRequest) -> AppResult<Requested> {
        if req.amount_cents < MINIMUM_CENTS {
            return Err(below_minimum());
        }
        let method = req.payout_method.unwrap_or_else(|| state.payouts.default_method());
        if !state.payouts.accepts(method) {
            return Err(AppError::field("payout_method", "This payout method is not offered."));
        }
        Ok(Requested { amount_cents: req.amount_cents, method })
    }
}

/// A freelancer asks for a payout; the answer shows how it went (paid, failed, or still
/// requested when the provider could not be reached).
pub async fn request(
    state: &AppState,
    freelancer_id: String,
    actor_id: String,
    req: CreateWithdrawalRequest,
    ip: Option<String>,
) -> AppResult<Withdrawal> {
    let wanted = Requested::parse(state, req)?;
    let provider = state.payouts.name();
    let st = state.clone();
    let row = state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            request_in(conn, &freelancer_id, Some(&actor_id), wanted, provider, ip.as_deref(), now)
        })
        .await?;
    Ok(attempt(state, row).await?.into())
}

/// The request, in the caller's transaction: every check, the withdrawal (`requested`,
/// first attempt counted), the ledger entry taking the money from available funds, the
/// audit entry. The payout itself is the caller's next step (`attempt`).
pub fn request_in(
    conn: &mut DbConnection,
    freelancer_id: &str,
    actor_id: Option<&str>,
    wanted: Requested,
    provider: &str,
    ip: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<WithdrawalRow> {
    let (in_us, w9_on_file) = store::w9_in(conn, freelancer_id)?;
    if in_us && !w9_on_file {
        return Err(AppError::conflict(
            "tax_form_required",
            "Freelancers in the US need a W-9 on file before the first payout. Fill it in under Onboarding, then try again.",
        ));
    }
    // Locked first: everything below decides on funds no one else can move meanwhile.
    let available = store::lock_available_in(conn, freelancer_id)?;
    if store::in_flight_in(conn, freelancer_id)?.is_some() {
        return Err(in_flight());
    }
    if available < wanted.amount_cents {
        return Err(AppError::conflict("insufficient_funds", "The amount is more than your available funds."));
    }
    let row = WithdrawalRow {
        id: WithdrawalId::generate().0,
        freelancer_id: freelancer_id.to_string(),
        amount_cents: wanted.amount_cents,
        currency: "USD".into(),
        status: WithdrawalStatus::Requested,
        payout_method: wanted.method,
        provider: provider.to_string(),
        provider_ref: None,
        failure_code: None,
        failure_reason: None,
        attempts: 1,
        requested_at: now,
        decided_at: None,
        updated_at: now,
    };
    if !store::insert_in(conn, &row)? {
        return Err(in_flight());
    }
    let mut entry = EntryRow::new(
        freelancer_id,
        EarningKind::Withdrawal,
        EarningStatus::Available,
        -row.amount_cents,
        format!("withdrawal:{}", row.id),
        now,
    );
    entry.withdrawal_id = Some(row.id.clone());
    entry.actor_id = actor_id.map(str::to_string);
    ledger::post_in(conn, entry)?.ok_or_else(|| AppError::internal(format!("withdrawal {} was already in the ledger", row.id)))?;
    AuditEntry::new(actor_id, AuditAction::WithdrawalRequested, "withdrawal", &row.id)
        .after(serde_json::json!({"amount_cents": row.amount_cents, "payout_method": row.payout_method, "available_before": available}))
        .ip(ip)
        .write(conn, now)?;
    Ok(row)
}

/// Asks the provider to pay `row` (attempt `row.attempts`) and records the answer. When
/// the provider cannot be reached the withdrawal stays `requested`.
async fn attempt(state: &AppState, row: WithdrawalRow) -> AppResult<WithdrawalRow> {
    let req = PayoutRequest {
        withdrawal_id: row.id.clone(),
        amount_cents: row.amount_cents,
        currency: row.currency.clone(),
        method: row.payout_method,
        attempt: row.attempts,
        idempotency_key: format!("withdrawal:{}", row.id),
    };
    let outcome = match state.payouts.pay(req).await {
        Ok(reference) => Outcome::Paid(reference.0),
        Err(PayoutError::Declined { code, reason }) => Outcome::Failed { code, reason },
        Err(PayoutError::Unavailable(cause)) => {
            log::warn!("payout of withdrawal {} (attempt {}) not reached: {cause}", row.id, row.attempts);
            return Ok(row);
        }
    };
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            settle_in(conn, &st, &row.id, outcome, now)
        })
        .await
}

/// The provider's answer.
pub enum Outcome {
    Paid(String),
    Failed { code: String, reason: String },
}

/// Records the provider's answer once: `requested → paid` (counted as withdrawn; email)
/// or `requested → failed` (the money returned by a positive entry with the reason;
/// email). A withdrawal another attempt already decided is left as it is.
pub fn settle_in(conn: &mut DbConnection, state: &AppState, id: &str, outcome: Outcome, now: NaiveDateTime) -> AppResult<WithdrawalRow> {
    let row = store::find_in(conn, id, &Scope::Any)?.ok_or_else(not_found)?;
    let owner = store::owner_in(conn, &row.freelancer_id)?;
    let url = earnings_url(state);
    match outcome {
        Outcome::Paid(reference) => {
            let d = Decision { to: WithdrawalStatus::Paid, provider_ref: Some(&reference), failure_code: None, failure_reason: None };
            if store::decide_in(conn, id, d, now)? {
                ledger::add_withdrawn_in(conn, &row.freelancer_id, row.amount_cents, now)?;
                AuditEntry::new(None, AuditAction::WithdrawalPaid, "withdrawal", id)
                    .before(serde_json::json!({"status": WithdrawalStatus::Requested}))
                    .after(serde_json::json!({"status": WithdrawalStatus::Paid, "provider_ref": reference, "attempts": row.attempts}))
                    .write(conn, now)?;
                let mail = mails::WithdrawalPaid {
                    name: owner.full_name.clone(),
                    amount_cents: row.amount_cents,
                    currency: row.currency.clone(),
                    reference: row.id.clone(),
                    url,
                };
                outbox::send(conn, &owner.email, owner.locale, &mail, now)?;
            }
        }
        Outcome::Failed { code, reason } => {
            let d = Decision { to: WithdrawalStatus::Failed, provider_ref: None, failure_code: Some(&code), failure_reason: Some(&reason) };
            if store::decide_in(conn, id, d, now)? {
                let mut entry = EntryRow::new(
                    &row.freelancer_id,
                    EarningKind::Withdrawal,
                    EarningStatus::Available,
                    row.amount_cents,
                    format!("withdrawal_returned:{id}"),
                    now,
                );
                entry.withdrawal_id = Some(id.to_string());
                entry.reason = Some(reason.clone());
                ledger::post_in(conn, entry)?;
                AuditEntry::new(None, AuditAction::WithdrawalFailed, "withdrawal", id)
                    .before(serde_json::json!({"status": WithdrawalStatus::Requested}))
                    .after(serde_json::json!({"status": WithdrawalStatus::Failed, "failure_code": code, "failure_reason": reason}))
                    .write(conn, now)?;
                let mail = mails::WithdrawalFailed {
                    name: owner.full_name.clone(),
                    amount_cents: row.amount_cents,
                    currency: row.currency.clone(),
                    failure_code: code,
                    reason,
                    url,
                };
                outbox::send(conn, &owner.email, owner.locale, &mail, now)?;
            }
        }
    }
    store::find_in(conn, id, &Scope::Any)?.ok_or_else(not_found)
}

/// Support asks the provider again about a withdrawal still `requested`. Audited as
/// `withdrawal.retried`; the answer shows how it went.
pub async fn retry(state: &AppState, staff_id: String, id: String, ip: Option<String>) -> AppResult<QueuedWithdrawal> {
    let st = state.clone();
    let wd_id = id.clone();
    let row = state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let Some(row) = store::claim_attempt_in(conn, &wd_id, now)? else {
                let current = store::find_in(conn, &wd_id, &Scope::Any)?.ok_or_else(not_found)?;
                return Err(AppError::conflict(
                    "invalid_status",
                    format!("Only a requested withdrawal can be retried; this one is {}.", current.status),
                ));
            };
            AuditEntry::new(Some(&staff_id), AuditAction::WithdrawalRetried, "withdrawal", &wd_id)
                .after(serde_json::json!({"attempt": row.attempts}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            Ok(row)
        })
        .await?;
    let row = attempt(state, row).await?;
    state
        .db
        .run(move |conn| {
            let owner = store::owner_in(conn, &row.freelancer_id)?;
            Ok(queued(row, owner.full_name, owner.email))
        })
        .await
}

fn queued(row: WithdrawalRow, name: String, email: String) -> QueuedWithdrawal {
    QueuedWithdrawal {
        freelancer_id: row.freelancer_id.clone(),
        provider_ref: row.provider_ref.clone(),
        withdrawal: row.into(),
        freelancer_name: name,
        freelancer_email: email,
    }
}

/// The freelancer's own withdrawals, newest first.
pub async fn list_mine(state: &AppState, freelancer_id: String, page: Page) -> AppResult<Paginated<Withdrawal>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::list_of_in(conn, &freelancer_id, page.after, limit)).await?;
    Ok(finish(rows, limit, |r: &WithdrawalRow| (r.requested_at, r.id.clone()), Withdrawal::from))
}

/// Support's queue: every withdrawal (or those in `status`), newest first.
pub async fn queue(state: &AppState, status: Option<WithdrawalStatus>, page: Page) -> AppResult<Paginated<QueuedWithdrawal>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::queue_in(conn, status, page.after, limit)).await?;
    Ok(finish(rows, limit, |(r, _, _): &(WithdrawalRow, String, String)| (r.requested_at, r.id.clone()), |(r, n, e)| queued(r, n, e)))
}
