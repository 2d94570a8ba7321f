//! Adjustments: support corrects a freelancer's available funds with a reason, and an
//! upheld appeal on money gives back (part of) what a reversal, clawback or adjustment
//! took. Each is one `adjustment` entry, `available` at once, written through the ledger
//! with the audit entry `earning.adjusted` (balances before and after) in one transaction.
//!
//! Paying twice is ruled out by the entry's unique cause: support's adjustment uses the
//! request's `Idempotency-Key` (a double-click replays the first answer, `web::idempotency`)
//! and an appeal's adjustment is `appeal:{appeal id}`, written in the transaction that
//! decides the appeal with a compare-and-set, so of twenty concurrent decisions one writes it.
//!
//! A negative adjustment may not take available funds below zero (409
//! `insufficient_funds`) unless the request says `allow_negative: true` — support's way to
//! record a debt, e.g. a clawback after the money was paid out. The decision is taken
//! with the balances row locked, so two concurrent debits cannot both pass the check.

use chrono::NaiveDateTime;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::appeals::model::AppealRow;
use crate::audit::{AuditAction, AuditEntry};
use crate::auth::AuthUser;
use crate::db::DbConnection;
use crate::domain::earnings::{EarningKind, EarningStatus};
use crate::earnings::ledger::{self, Delta, EntryRow};
use crate::earnings::store;
use crate::earnings::view::{self, Balances};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::web::idempotency::{self, Begin, IdempotencyKey, KeyedRequest, Reservation, StoredResponse};

/// The largest adjustment, either way, in cents ($10,000).
pub const MAX_CENTS: i64 = 1_000_000;
const OPERATION: &str = "earning_adjustment";

/// Support's correction of a freelancer's available funds.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({"amount_cents": -1500, "reason": "Commission for a duplicate order taken back (ticket tkt_Q1w2E3r4)."}))]
pub struct NewAdjustment {
    /// Cents, positive to credit and negative to debit; not 0, at most 1,000,000 either way.
    #[schema(example = 2500, minimum = -1000000, maximum = 1000000)]
    pub amount_cents: i64,
    /// Shown to the freelancer on the entry's timeline: 3 to 500 characters.
    #[schema(min_length = 3, max_length = 500)]
    pub reason: String,
    /// Allow a debit to take available funds below zero (default false: 409 `insufficient_funds`).
    #[serde(default)]
    pub allow_negative: bool,
}

fn check(form: &NewAdjustment) -> AppResult<String> {
    let reason = form.reason.trim().to_string();
    AppError::all_of([
        if form.amount_cents == 0 {
            Err(AppError::field("amount_cents", "Enter an amount other than zero."))
        } else if form.amount_cents.abs() > MAX_CENTS {
            Err(AppError::field("amount_cents", "Enter at most 1,000,000 cents either way."))
        } else {
            Ok(())
        },
        match reason.chars().count() {
            0..=2 => Err(AppError::field("reason", "Use at least 3 characters besides spaces.")),
            501.. => Err(AppError::field("reason", "Use at most 500 characters.")),
            _ => Ok(()),
        },
    ])?;
    Ok(reason)
}

fn insufficient() -> AppError {
    AppError::conflict("insufficient_funds", "This debit is larger than the available funds. Send allow_negative to record it anyway.")
}

/// One adjustment to write.
pub struct Adjustment<'a> {
    pub freelancer_id: &'a str,
    pub amount_cents: i64,
    pub reason: &'a str,
    pub cause_key: String,
    pub appeal_id: Option<&'a str>,
    pub actor_id: &'a str,
    pub ip: Option<&'a str>,
}

fn balances_json(d: Delta) -> serde_json::Value {
    serde_json::to_value(Balances::from(d)).unwrap_or_default()
}

/// Writes the entry and its audit entry; None when its cause was already recorded.
pub fn post_in(conn: &mut DbConnection, a: Adjustment, now: NaiveDateTime) -> AppResult<Option<EntryRow>> {
    // The balances row locked (created first if need be): `before` and `after` are exact.
    ledger::apply_in(conn, a.freelancer_id, Delta::default(), now)?;
    store::available_for_update(conn, a.freelancer_id)?;
    let before = ledger::balances_in(conn, a.freelancer_id)?;
    let mut row = EntryRow::new(a.freelancer_id, EarningKind::Adjustment, EarningStatus::Available, a.amount_cents, a.cause_key, now);
    row.reason = Some(a.reason.to_string());
    row.actor_id = Some(a.actor_id.to_string());
    row.appeal_id = a.appeal_id.map(str::to_string);
    let Some(row) = ledger::post_in(conn, row)? else { return Ok(None) };
    let after = ledger::balances_in(conn, a.freelancer_id)?;
    AuditEntry::new(Some(a.actor_id), AuditAction::EarningAdjusted, store::SUBJECT_TYPE, &row.id)
        .before(serde_json::json!({"balances": balances_json(before)}))
        .after(serde_json::json!({
            "freelancer_id": a.freelancer_id,
            "amount_cents": row.amount_cents,
            "reason": a.reason,
            "appeal_id": a.appeal_id,
            "balances": balances_json(after),
        }))
        .ip(a.ip)
        .write(conn, now)?;
    Ok(Some(row))
}

/// `POST /admin/freelancers/{id}/adjustments`: the stored (or just stored) response and
/// whether it is a replay.
pub async fn create(
    state: &AppState,
    staff: &AuthUser,
    freelancer_id: String,
    key: Option<IdempotencyKey>,
    body: serde_json::Value,
    ip: Option<String>,
) -> AppResult<(StoredResponse, bool)> {
    let form = crate::web::json::parse::<NewAdjustment>(body.clone())?;
    let reason = check(&form)?;
    let reservation = match key {
        None => None,
        Some(key) => {
            // The freelancer is part of the request: the same key and body for another
            // freelancer is another request.
            let keyed = KeyedRequest::new(&staff.id, key, OPERATION, &serde_json::json!({"freelancer_id": freelancer_id, "body": body}));
            match idempotency::begin(&state.db, keyed, state.clock.now_naive()).await? {
                Begin::Replay(stored) => return Ok((stored, true)),
                Begin::Proceed(r) => Some(r),
            }
        }
    };
    let (st, actor, held) = (state.clone(), staff.id.clone(), reservation.clone());
    let result = state.db.transaction(move |conn| create_in(conn, &st, &actor, &freelancer_id, form, &reason, held, ip)).await;
    if result.is_err() {
        idempotency::release(&state.db, reservation.as_ref()).await;
    }
    result.map(|stored| (stored, false))
}

#[allow(clippy::too_many_arguments)]
fn create_in(
    conn: &mut DbConnection,
    st: &AppState,
    actor: &str,
    freelancer_id: &str,
    form: NewAdjustment,
    reason: &str,
    reservation: Option<Reservation>,
    ip: Option<String>,
) -> AppResult<StoredResponse> {
    let now = st.clock.now_naive();
    crate::freelancers::store::by_id(conn, freelancer_id)?;
    // Creates the balances row if needed, then locks it: the check below holds until commit.
    ledger::apply_in(conn, freelancer_id, Delta::default(), now)?;
    let available = store::available_for_update(conn, freelancer_id)?;
    if form.amount_cents < 0 && available + form.amount_cents < 0 && !form.allow_negative {
        return Err(insufficient());
    }
    let cause_key = match &reservation {
        Some(r) => format!("adjustment:{}", r.derived_key(OPERATION)),
        None => format!("adjustment:{}", crate::domain::ids::random_token(24)),
    };
    let adjustment = Adjustment {
        freelancer_id,
        amount_cents: form.amount_cents,
        reason,
        cause_key,
        appeal_id: None,
        actor_id: actor,
        ip: ip.as_deref(),
    };
    let row = post_in(conn, adjustment, now)?.ok_or_else(|| AppError::conflict("conflict", "This adjustment was already recorded."))?;
    let entry = crate::earnings::service::entry_in(conn, &row)?;
    let body = serde_json::to_string(&entry).map_err(|e| AppError::internal(format!("entry json: {e}")))?;
    let stored = StoredResponse { status: 201, body };
    idempotency::complete_in(conn, reservation.as_ref(), &stored, now)?;
    Ok(stored)
}

/// Inside the appeal's submission: the entry must be the freelancer's (else 404) and one
/// that can be appealed (else 409 `not_appealable`): a reversal, clawback or debit with
/// no upheld appeal yet. A second open appeal is refused by the appeal's open key.
pub fn check_appealable_in(conn: &mut DbConnection, freelancer_id: &str, entry_id: &str) -> AppResult<EntryRow> {
    let row = store::find(conn, freelancer_id, entry_id)?.ok_or_else(|| AppError::not_found("There is no earnings entry with this id."))?;
    if !view::appealable_kind(&row) {
        return Err(AppError::conflict(
            "not_appealable",
            "Only a reversal, a clawback or an adjustment that took money away can be appealed.",
        ));
    }
    let upheld =
        store::appeals_on(conn, std::slice::from_ref(&row.id))?.iter().any(|a| a.status == crate::appeals::model::AppealStatus::Upheld);
    if upheld {
        return Err(AppError::conflict("not_appealable", "An appeal on this entry was already upheld."));
    }
    Ok(row)
}

/// The amount an upheld appeal on `entry` gives back: required, more than 0 and at most
/// what the entry took. Checked before the appeal changes.
pub fn check_appeal_amount(entry: &EntryRow, amount_cents: Option<i64>) -> AppResult<i64> {
    let ceiling = view::appeal_ceiling(entry);
    match amount_cents {
        None => Err(AppError::field("amount_cents", "Enter the amount to give back in cents.")),
        Some(a) if a <= 0 || a > ceiling => Err(AppError::field("amount_cents", format!("Enter an amount from 1 to {ceiling} cents."))),
        Some(a) => Ok(a),
    }
}

/// The adjustment of an upheld appeal on money, citing it; in the decision's transaction.
pub fn from_appeal_in(
    conn: &mut DbConnection,
    appeal: &AppealRow,
    amount_cents: i64,
    actor: &str,
    note: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let adjustment = Adjustment {
        freelancer_id: &appeal.freelancer_id,
        amount_cents,
        reason: note,
        cause_key: format!("appeal:{}", appeal.id),
        appeal_id: Some(&appeal.id),
        actor_id: actor,
        ip: None,
    };
    post_in(conn, adjustment, now)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(amount_cents: i64, reason: &str) -> NewAdjustment {
        NewAdjustment { amount_cents, reason: reason.into(), allow_negative: false }
    }

    #[test]
    fn amounts_and_reasons_are_bounded() {
        assert_eq!(check(&form(-1500, "  duplicate order  ")).unwrap(), "duplicate order");
        assert!(check(&form(MAX_CENTS, "ok!")).is_ok());
        let e = check(&form(0, "  a ")).unwrap_err();
        let fields: Vec<_> = e.errors.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["amount_cents", "reason"]);
        assert!(check(&form(-MAX_CENTS - 1, "fine")).is_err());
        assert!(check(&form(5, &"x".repeat(501))).is_err());
    }
}
