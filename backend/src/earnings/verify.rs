//! `ledger verify`: the invariants of the earnings ledger, checked with SQL aggregates
//! (sums and counts grouped in the database, never every entry loaded), for
//! `partner-hub ledger verify` and `GET /admin/ledger/verify`.
//!
//! - the balances row of every freelancer equals the sums of their entries (pending,
//!   available and since joining as `ledger` counts them), and withdrawn equals the sum
//!   of their paid withdrawals;
//! - no freelancer has negative pending earnings;
//! - every invoice (kind `invoice`) of a subscription with an attributed freelancer, not
//!   a self-referral, whose plan pays a commission that rounds to at least one cent, has
//!   exactly one commission (the rate is the plan's current one: a rate raised from 0
//!   after a sale would be reported);
//! - every reversal points at a commission of the same freelancer, and every reversed
//!   commission has its reversal;
//! - no commission is available before its `available_at`.
//!
//! It reads other slices' tables (invoices, subscriptions, plans, withdrawals) directly:
//! an audit across the whole ledger and its causes is one set of joins, which no slice's
//! per-record `*_in` reader could answer without loading rows.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::{count, sql};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::{earning_balances, earning_entries, invoices, plans, subscriptions, withdrawals};
use crate::db::DbConnection;
use crate::domain::commerce::InvoiceKind;
use crate::domain::earnings::{EarningKind, EarningStatus, WithdrawalStatus};
use crate::earnings::ledger::{delta_of, BalancesRow, Delta};
use crate::error::AppResult;

crate::text_enum! {
    /// Which invariant an entry or a freelancer breaks.
    pub enum ViolationCode {
        /// The balances row differs from the sums of the entries (or of paid withdrawals).
        BalanceMismatch = "balance_mismatch",
        /// Pending earnings below zero.
        NegativePending = "negative_pending",
        /// A paid invoice that earns a commission has none.
        MissingCommission = "missing_commission",
        /// A paid invoice has more than one commission.
        DuplicateCommission = "duplicate_commission",
        /// A reversal that does not point at a commission of the same freelancer.
        OrphanReversal = "orphan_reversal",
        /// A commission in status `reversed` without a reversal entry.
        ReversedWithoutReversal = "reversed_without_reversal",
        /// A commission available before its `available_at` (or without one).
        AvailableTooEarly = "available_too_early",
    }
}

/// One broken invariant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Violation {
    pub code: ViolationCode,
    #[schema(example = "fl_1a2b3c4d5e6f7g8h9i0j")]
    pub freelancer_id: Option<String>,
    #[schema(example = "ern_1a2b3c4d5e6f7g8h9i0j")]
    pub entry_id: Option<String>,
    /// What differs, for the operator.
    pub detail: String,
}

/// The result of one check of the whole ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LedgerReport {
    /// True when there is no violation.
    pub ok: bool,
    pub checked_at: DateTime<Utc>,
    pub violations: Vec<Violation>,
}

impl LedgerReport {
    pub fn new(violations: Vec<Violation>, at: NaiveDateTime) -> LedgerReport {
        LedgerReport { ok: violations.is_empty(), checked_at: crate::clock::utc(at), violations }
    }
}

fn violation(code: ViolationCode, freelancer_id: Option<String>, entry_id: Option<String>, detail: String) -> Violation {
    Violation { code, freelancer_id, entry_id, detail }
}

/// Every violation of the ledger's invariants at `now` (empty: the ledger is sound).
pub fn verify_in(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<Vec<Violation>> {
    let mut out = balances_in(conn)?;
    out.extend(commissions_per_invoice_in(conn)?);
    out.extend(reversals_in(conn)?);
    out.extend(too_early_in(conn, now)?);
    Ok(out)
}

fn add(a: Delta, b: Delta) -> Delta {
    Delta {
        pending: a.pending + b.pending,
        available: a.available + b.available,
        withdrawn: a.withdrawn + b.withdrawn,
        since_joining: a.since_joining + b.since_joining,
    }
}

/// The balances rows against the sums of the entries and of paid withdrawals.
fn balances_in(conn: &mut DbConnection) -> AppResult<Vec<Violation>> {
    let sums: Vec<(String, EarningKind, EarningStatus, i64)> = earning_entries::table
        .group_by((earning_entries::freelancer_id, earning_entries::kind, earning_entries::status))
        .select((
            earning_entries::freelancer_id,
            earning_entries::kind,
            earning_entries::status,
            sql::<BigInt>("CAST(SUM(amount_cents) AS BIGINT)"),
        ))
        .load(conn)?;
    let paid: Vec<(String, i64)> = withdrawals::table
        .filter(withdrawals::status.eq(WithdrawalStatus::Paid))
        .group_by(withdrawals::freelancer_id)
        .select((withdrawals::freelancer_id, sql::<BigInt>("CAST(SUM(amount_cents) AS BIGINT)")))
        .load(conn)?;
    let rows: Vec<BalancesRow> = earning_balances::table.select(BalancesRow::as_select()).load(conn)?;

    let mut expected: BTreeMap<String, Delta> = BTreeMap::new();
    for (fl, kind, status, sum) in sums {
        let e = expected.entry(fl).or_default();
        *e = add(*e, delta_of(kind, status, sum));
    }
    for (fl, sum) in paid {
        expected.entry(fl).or_default().withdrawn += sum;
    }
    let recorded: BTreeMap<String, Delta> = rows
        .into_iter()
        .map(|r| {
            let d = Delta {
                pending: r.pending_cents,
                available: r.available_cents,
                withdrawn: r.withdrawn_cents,
                since_joining: r.since_joining_cents,
            };
            (r.freelancer_id, d)
        })
        .collect();
    let ids: BTreeSet<&String> = expected.keys().chain(recorded.keys()).collect();
    let mut out = Vec::new();
    for fl in ids {
        let want = expected.get(fl).copied().unwrap_or_default();
        let have = recorded.get(fl).copied().unwrap_or_default();
        for (name, w, h) in [
            ("pending", want.pending, have.pending),
            ("available", want.available, have.available),
            ("withdrawn", want.withdrawn, have.withdrawn),
            ("since_joining", want.since_joining, have.since_joining),
        ] {
            if w != h {
                let detail = format!("balances row says {name} = {h} cents, the entries sum to {w} cents");
                out.push(violation(ViolationCode::BalanceMismatch, Some(fl.clone()), None, detail));
            }
        }
        if want.pending < 0 {
            let detail = format!("pending earnings are {} cents", want.pending);
            out.push(violation(ViolationCode::NegativePending, Some(fl.clone()), None, detail));
        }
    }
    Ok(out)
}

/// Paid invoices that should earn a commission, with how many they have when that is not one.
fn commissions_per_invoice_in(conn: &mut DbConnection) -> AppResult<Vec<Violation>> {
    let counted: Vec<(String, Option<String>, i64)> = invoices::table
        .inner_join(subscriptions::table.on(invoices::subscription_id.eq(subscriptions::id.nullable())))
        .inner_join(plans::table.on(plans::id.eq(subscriptions::plan_id)))
        .left_join(
            earning_entries::table
                .on(earning_entries::invoice_id.eq(invoices::id.nullable()).and(earning_entries::kind.eq(EarningKind::Commission))),
        )
        .filter(invoices::kind.eq(InvoiceKind::Invoice))
        .filter(subscriptions::freelancer_id.is_not_null())
        .filter(subscriptions::self_referral.eq(false))
        // A commission that rounds to zero cents is not posted.
        .filter(sql::<Bool>("invoices.subtotal_cents * plans.commission_rate_bps >= 5000"))
        .group_by(invoices::id)
        .having(count(earning_entries::id.nullable()).ne(1))
        // One subscription per invoice: MAX picks its freelancer.
        .select((invoices::id, sql::<Nullable<Text>>("MAX(subscriptions.freelancer_id)"), count(earning_entries::id.nullable())))
        .load(conn)?;
    Ok(counted
        .into_iter()
        .map(|(invoice, fl, n)| {
            let code = if n == 0 { ViolationCode::MissingCommission } else { ViolationCode::DuplicateCommission };
            violation(code, fl, None, format!("invoice {invoice} has {n} commissions, not one"))
        })
        .collect())
}

/// Reversals without their commission, and reversed commissions without their reversal.
fn reversals_in(conn: &mut DbConnection) -> AppResult<Vec<Violation>> {
    let (reversal, commission) = diesel::alias!(earning_entries as reversal, earning_entries as commission);
    let orphans: Vec<(String, String, Option<String>)> = reversal
        .left_join(
            commission.on(reversal
                .field(earning_entries::reverses_entry_id)
                .eq(commission.field(earning_entries::id).nullable())
                .and(commission.field(earning_entries::kind).eq(EarningKind::Commission))
                .and(commission.field(earning_entries::freelancer_id).eq(reversal.field(earning_entries::freelancer_id)))),
        )
        .filter(reversal.field(earning_entries::kind).eq(EarningKind::Reversal))
        .filter(commission.field(earning_entries::id).nullable().is_null())
        .select((
            reversal.field(earning_entries::id),
            reversal.field(earning_entries::freelancer_id),
            reversal.field(earning_entries::reverses_entry_id),
        ))
        .load(conn)?;
    let unreversed: Vec<(String, String)> = commission
        .left_join(
            reversal.on(reversal
                .field(earning_entries::reverses_entry_id)
                .eq(commission.field(earning_entries::id).nullable())
                .and(reversal.field(earning_entries::kind).eq(EarningKind::Reversal))),
        )
        .filter(commission.field(earning_entries::kind).eq(EarningKind::Commission))
        .filter(commission.field(earning_entries::status).eq(EarningStatus::Reversed))
        .filter(reversal.field(earning_entries::id).nullable().is_null())
        .select((commission.field(earning_entries::id), commission.field(earning_entries::freelancer_id)))
        .load(conn)?;
    let mut out: Vec<Violation> = orphans
        .into_iter()
        .map(|(id, fl, target)| {
            let detail =
                format!("reversal points at {}, which is no commission of this freelancer", target.as_deref().unwrap_or("nothing"));
            violation(ViolationCode::OrphanReversal, Some(fl), Some(id), detail)
        })
        .collect();
    out.extend(unreversed.into_iter().map(|(id, fl)| {
        violation(
            ViolationCode::ReversedWithoutReversal,
            Some(fl),
            Some(id),
            "the commission is reversed but no reversal entry says why".into(),
        )
    }));
    Ok(out)
}

/// Commissions that are available before their time.
fn too_early_in(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<Vec<Violation>> {
    let early: Vec<(String, String, Option<NaiveDateTime>)> = earning_entries::table
        .filter(earning_entries::kind.eq(EarningKind::Commission))
        .filter(earning_entries::status.eq(EarningStatus::Available))
        .filter(earning_entries::available_at.is_null().or(earning_entries::available_at.gt(now)))
        .select((earning_entries::id, earning_entries::freelancer_id, earning_entries::available_at))
        .load(conn)?;
    Ok(early
        .into_iter()
        .map(|(id, fl, at)| {
            let detail = match at {
                Some(at) => format!("available although its available_at {} is still to come", crate::clock::utc(at).to_rfc3339()),
                None => "available although it has no available_at".into(),
            };
            violation(ViolationCode::AvailableTooEarly, Some(fl), Some(id), detail)
        })
        .collect())
}
