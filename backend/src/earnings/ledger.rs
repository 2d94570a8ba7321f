//! The earnings ledger: append-only entries, one per cause, and the balances row kept
//! beside them in the same transaction.
//!
//! An entry is never deleted and its amount never changes. Its `status` moves once, by a
//! conditional UPDATE (`pending → available` or `pending → reversed`), so two workers can
//! never both move it. Every insert and every move changes `earning_balances` by the same
//! amount in the same transaction, with `UPDATE … SET x = x + delta` (no read-then-write),
//! which keeps the balances equal to the sums of the entries (`verify` checks it).
//!
//! Which entries count where:
//! - pending: commissions (and their reversals) still in clearing;
//! - available: cleared commissions, clawbacks, adjustments, withdrawals (a requested or
//!   paid payout is negative; a failed one is returned by a positive entry);
//! - since joining: commissions net of reversals, pending or available (adjustments and
//!   withdrawals are not earnings);
//! - withdrawn: paid payouts (`add_withdrawn_in` when a payout is confirmed).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{earning_balances, earning_entries};
use crate::db::DbConnection;
use crate::domain::earnings::{EarningKind, EarningStatus};
use crate::domain::ids::EarningEntryId;
use crate::error::AppResult;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = earning_entries)]
pub struct EntryRow {
    pub id: String,
    pub freelancer_id: String,
    pub kind: EarningKind,
    pub status: EarningStatus,
    /// Integer cents; negative for reversals, clawbacks and payouts.
    pub amount_cents: i64,
    pub currency: String,
    /// Unique per cause: `commission:{invoice}`, `reversal:{credit note}:{entry}`,
    /// `withdrawal:{wd}`, `withdrawal_returned:{wd}`, `adjustment:{uuid}`, `appeal:{apl}`.
    pub cause_key: String,
    pub subscription_id: Option<String>,
    pub invoice_id: Option<String>,
    pub event_id: Option<String>,
    /// The commission a reversal takes back.
    pub reverses_entry_id: Option<String>,
    pub withdrawal_id: Option<String>,
    pub appeal_id: Option<String>,
    /// Commission rate (basis points) and the net amount it applied to.
    pub rate_bps: Option<i32>,
    pub base_cents: Option<i64>,
    /// When clearing starts: activation, renewal or seat change. None until the
    /// subscription is active (the entry then waits for activation).
    pub clearing_starts_at: Option<NaiveDateTime>,
    /// The end of the cancellation window of the charge.
    pub window_ends_at: Option<NaiveDateTime>,
    /// The later of clearing start + the tier's clearing days and the window end.
    pub available_at: Option<NaiveDateTime>,
    pub cleared_at: Option<NaiveDateTime>,
    pub reversed_at: Option<NaiveDateTime>,
    /// Why (adjustments, reversals, returned payouts), shown on the timeline.
    pub reason: Option<String>,
    pub actor_id: Option<String>,
    pub created_at: NaiveDateTime,
}

impl EntryRow {
    /// An entry with no links; set the ones that apply before `post_in`.
    pub fn new(
        freelancer_id: &str,
        kind: EarningKind,
        status: EarningStatus,
        amount_cents: i64,
        cause_key: String,
        now: NaiveDateTime,
    ) -> EntryRow {
        EntryRow {
            id: EarningEntryId::generate().0,
            freelancer_id: freelancer_id.to_string(),
            kind,
            status,
            amount_cents,
            currency: "USD".into(),
            cause_key,
            subscription_id: None,
            invoice_id: None,
            event_id: None,
            reverses_entry_id: None,
            withdrawal_id: None,
            appeal_id: None,
            rate_bps: None,
            base_cents: None,
            clearing_starts_at: None,
            window_ends_at: None,
            available_at: None,
            cleared_at: None,
            reversed_at: None,
            reason: None,
            actor_id: None,
            created_at: now,
        }
    }
}

/// A change of the balances row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delta {
    pub pending: i64,
    pub available: i64,
    pub withdrawn: i64,
    pub since_joining: i64,
}

/// Counts towards "earned since joining": commissions and their reversals.
fn is_earning(kind: EarningKind) -> bool {
    matches!(kind, EarningKind::Commission | EarningKind::Reversal)
}

/// What an entry in `status` adds to the balances.
pub fn delta_of(kind: EarningKind, status: EarningStatus, amount: i64) -> Delta {
    let earned = if is_earning(kind) { amount } else { 0 };
    match status {
        EarningStatus::Pending => Delta { pending: amount, since_joining: earned, ..Delta::default() },
        EarningStatus::Available => Delta { available: amount, since_joining: earned, ..Delta::default() },
        EarningStatus::Reversed => Delta::default(),
    }
}

/// Appends `row` unless an entry for its cause exists. Returns the entry when it was
/// written, None when the cause was already recorded (a replay): never pays twice.
pub fn post_in(conn: &mut DbConnection, row: EntryRow) -> AppResult<Option<EntryRow>> {
    let inserted = match conn {
        DbConnection::Postgresql(c) => {
            diesel::insert_into(earning_entries::table).values(&row).on_conflict(earning_entries::cause_key).do_nothing().execute(c)?
        }
        DbConnection::Sqlite(c) => {
            diesel::insert_into(earning_entries::table).values(&row).on_conflict(earning_entries::cause_key).do_nothing().execute(c)?
        }
    };
    if inserted == 0 {
        return Ok(None);
    }
    apply_in(conn, &row.freelancer_id, delta_of(row.kind, row.status, row.amount_cents), row.created_at)?;
    Ok(Some(row))
}

/// Moves one entry `from → to` if it is still `from` (and, for clearing, due by
/// `due_by`). Returns the entry after the move, None when another worker or request moved
/// it first. The balances change in the same transaction.
pub fn transition_in(
    conn: &mut DbConnection,
    entry_id: &str,
    from: EarningStatus,
    to: EarningStatus,
    due_by: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> AppResult<Option<EntryRow>> {
    let target = earning_entries::table.filter(earning_entries::id.eq(entry_id)).filter(earning_entries::status.eq(from));
    let changed = match (to, due_by) {
        (EarningStatus::Available, Some(due)) => diesel::update(target.filter(earning_entries::available_at.le(due)))
            .set((earning_entries::status.eq(to), earning_entries::cleared_at.eq(now)))
            .execute(conn)?,
        (EarningStatus::Available, None) => {
            diesel::update(target).set((earning_entries::status.eq(to), earning_entries::cleared_at.eq(now))).execute(conn)?
        }
        (EarningStatus::Reversed, _) => {
            diesel::update(target).set((earning_entries::status.eq(to), earning_entries::reversed_at.eq(now))).execute(conn)?
        }
        (EarningStatus::Pending, _) => diesel::update(target).set(earning_entries::status.eq(to)).execute(conn)?,
    };
    if changed == 0 {
        return Ok(None);
    }
    let row = by_id_in(conn, entry_id)?.expect("the entry just updated exists");
    let before = delta_of(row.kind, from, row.amount_cents);
    let after = delta_of(row.kind, to, row.amount_cents);
    let delta = Delta {
        pending: after.pending - before.pending,
        available: after.available - before.available,
        withdrawn: 0,
        since_joining: after.since_joining - before.since_joining,
    };
    apply_in(conn, &row.freelancer_id, delta, now)?;
    Ok(Some(row))
}

/// Adds a paid payout to "withdrawn" (its entry already took it from available funds).
pub fn add_withdrawn_in(conn: &mut DbConnection, freelancer_id: &str, amount_cents: i64, now: NaiveDateTime) -> AppResult<()> {
    apply_in(conn, freelancer_id, Delta { withdrawn: amount_cents, ..Delta::default() }, now)
}

/// Changes the balances row by `d` (creating it at zero first), without reading it.
pub fn apply_in(conn: &mut DbConnection, freelancer_id: &str, d: Delta, now: NaiveDateTime) -> AppResult<()> {
    ensure_balances_in(conn, freelancer_id, now)?;
    if d == Delta::default() {
        return Ok(());
    }
    diesel::update(earning_balances::table.find(freelancer_id))
        .set((
            earning_balances::pending_cents.eq(earning_balances::pending_cents + d.pending),
            earning_balances::available_cents.eq(earning_balances::available_cents + d.available),
            earning_balances::withdrawn_cents.eq(earning_balances::withdrawn_cents + d.withdrawn),
            earning_balances::since_joining_cents.eq(earning_balances::since_joining_cents + d.since_joining),
            earning_balances::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

fn ensure_balances_in(conn: &mut DbConnection, freelancer_id: &str, now: NaiveDateTime) -> AppResult<()> {
    let zero = BalancesRow {
        freelancer_id: freelancer_id.to_string(),
        pending_cents: 0,
        available_cents: 0,
        withdrawn_cents: 0,
        since_joining_cents: 0,
        updated_at: now,
    };
    match conn {
        DbConnection::Postgresql(c) => diesel::insert_into(earning_balances::table).values(&zero).on_conflict_do_nothing().execute(c)?,
        DbConnection::Sqlite(c) => diesel::insert_into(earning_balances::table).values(&zero).on_conflict_do_nothing().execute(c)?,
    };
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = earning_balances)]
pub struct BalancesRow {
    pub freelancer_id: String,
    pub pending_cents: i64,
    pub available_cents: i64,
    pub withdrawn_cents: i64,
    pub since_joining_cents: i64,
    pub updated_at: NaiveDateTime,
}

/// The balances of one freelancer: one indexed row read, whatever the history (zero for
/// a freelancer who never earned).
pub fn balances_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Delta> {
    let row: Option<BalancesRow> = earning_balances::table.find(freelancer_id).select(BalancesRow::as_select()).first(conn).optional()?;
    Ok(row
        .map(|r| Delta {
            pending: r.pending_cents,
            available: r.available_cents,
            withdrawn: r.withdrawn_cents,
            since_joining: r.since_joining_cents,
        })
        .unwrap_or_default())
}

pub fn by_id_in(conn: &mut DbConnection, id: &str) -> AppResult<Option<EntryRow>> {
    Ok(earning_entries::table.find(id).select(EntryRow::as_select()).first(conn).optional()?)
}

pub fn by_cause_in(conn: &mut DbConnection, cause_key: &str) -> AppResult<Option<EntryRow>> {
    Ok(earning_entries::table.filter(earning_entries::cause_key.eq(cause_key)).select(EntryRow::as_select()).first(conn).optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_commission_counts_as_pending_and_earned() {
        let d = delta_of(EarningKind::Commission, EarningStatus::Pending, 1_500);
        assert_eq!(d, Delta { pending: 1_500, since_joining: 1_500, ..Delta::default() });
    }

    #[test]
    fn adjustments_and_withdrawals_move_available_funds_only() {
        assert_eq!(delta_of(EarningKind::Adjustment, EarningStatus::Available, -200), Delta { available: -200, ..Delta::default() });
        assert_eq!(delta_of(EarningKind::Withdrawal, EarningStatus::Available, -5_000), Delta { available: -5_000, ..Delta::default() });
    }

    #[test]
    fn a_clawback_reduces_available_and_earned() {
        let d = delta_of(EarningKind::Reversal, EarningStatus::Available, -700);
        assert_eq!(d, Delta { available: -700, since_joining: -700, ..Delta::default() });
        assert_eq!(delta_of(EarningKind::Commission, EarningStatus::Reversed, 1_000), Delta::default());
    }
}
