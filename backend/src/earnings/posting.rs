//! Posting rules: which subscription events write which ledger entries. Called by
//! `subscriptions::events::append_in` for every event, in the transaction of the change
//! the event records, so a sale, its commission, its balance change and its email commit
//! together or not at all.
//!
//! Only a subscription with an attributed freelancer (`freelancer_id` set) that is not a
//! self-referral earns.
//!
//! - **A charge** (an event with `amount_cents > 0` and an invoice: `created`,
//!   `seats_increased`, `renewed`) posts one pending commission of
//!   round-half-up(invoice subtotal, net of tax, × the plan's current
//!   `commission_rate_bps` / 10 000), keyed `commission:{invoice}`: one commission per
//!   paid invoice, however often the event is seen. A commission of 0 (rate 0, or a
//!   prorated amount of a few cents) is not posted. The entry keeps the rate and the base.
//!   Timing: `window_ends_at` is the subscription's `cancellation_allowed_until` at that
//!   moment; clearing starts at the event when the subscription is active after it
//!   (a renewal, a seat change, the purchase of an active subscription), otherwise it
//!   waits for the activation (`clearing_starts_at` and `available_at` stay None).
//!   `available_at` = max(clearing start + the tier's clearing days, window end).
//! - **`activated`** starts the clearing of the subscription's pending commissions that
//!   were waiting for it (conditional on `clearing_starts_at IS NULL AND status =
//!   'pending'`).
//! - **A refund** (`cancelled` with a negative amount) reverses, for each credit note it
//!   issued, the commission of the invoice the note credits, keyed `reversal:{note}`:
//!   - a pending commission is reversed in full (a commission is earned only on a period
//!     the client keeps past the window): the commission moves `pending → reversed` and a
//!     reversal entry of −commission in status `reversed` records why;
//!   - an available commission is clawed back: a reversal entry of
//!     −round(commission × note subtotal / invoice subtotal) in status `available`
//!     reduces available funds.
//!
//!   Either way the freelancer gets `commission_reversed` and the audit log
//!   `earning.reversed` (subject: the commission).
//! - Every other event posts nothing.
//!
//! A tier change re-times the pending entries whose clearing has started
//! ([`retime_for_tier_in`], audited `earning.retimed` per entry). [`replay_in`] applies a
//! subscription's events again; since every step is keyed by its cause or conditional on
//! the state it changes, a replay writes nothing that is already there.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::audit::{AuditAction, AuditEntry};
use crate::clock::utc;
use crate::db::schema::earning_entries;
use crate::db::DbConnection;
use crate::domain::commerce::{InvoiceKind, SubscriptionEventKind, SubscriptionStatus};
use crate::domain::earnings::{EarningKind, EarningStatus};
use crate::earnings::ledger::{self, EntryRow};
use crate::error::AppResult;
use crate::freelancers::tiers::Tier;
use crate::invoices::model::InvoiceRow;
use crate::notifications::mail::when;
use crate::notifications::{mails, outbox};
use crate::state::AppState;
use crate::subscriptions::events::EventRow;
use crate::subscriptions::model::SubscriptionRow;

/// Why a pending commission is reversed (kept on the reversal entry, shown on the timeline).
pub const REVERSED_IN_WINDOW: &str = "cancelled within the cancellation window";
/// Why part of an available commission is taken back.
pub const CLAWED_BACK: &str = "refunded within the cancellation window after the commission became available";

/// round-half-up(base × rate / 10 000) for a non-negative base.
pub fn commission_of(base_cents: i64, rate_bps: i32) -> i64 {
    crate::domain::commerce::bps_of(base_cents, rate_bps)
}

/// round-half-up(commission × part / whole): the share of a commission a partial refund takes back.
pub fn prorated(commission_cents: i64, part_cents: i64, whole_cents: i64) -> i64 {
    if whole_cents <= 0 {
        return commission_cents;
    }
    let share = (2 * commission_cents as i128 * part_cents as i128 + whole_cents as i128).div_euclid(2 * whole_cents as i128) as i64;
    share.clamp(0, commission_cents)
}

/// When a commission whose clearing starts at `start` becomes available for a freelancer of `tier`.
pub fn available_at(start: NaiveDateTime, tier: Tier, window_ends_at: Option<NaiveDateTime>) -> NaiveDateTime {
    let cleared = start + Duration::days(tier.clearing_days());
    window_ends_at.map_or(cleared, |w| cleared.max(w))
}

fn earnings_url(st: &AppState) -> String {
    format!("{}/app/earnings", st.settings.public_base_url)
}

/// Applies the posting rules to one event (see the module doc).
pub fn on_event_in(conn: &mut DbConnection, st: &AppState, event: &EventRow, now: NaiveDateTime) -> AppResult<()> {
    let amount = event.amount_cents.unwrap_or(0);
    match event.kind {
        SubscriptionEventKind::Activated => start_clearing_in(conn, event),
        SubscriptionEventKind::Cancelled if amount < 0 => reverse_refunds_in(conn, st, event, now),
        _ if amount > 0 && event.invoice_id.is_some() => commission_in(conn, st, event).map(|_| ()),
        _ => Ok(()),
    }
}

/// Applies every event of a subscription again, oldest first (a replay must write nothing new).
pub fn replay_in(conn: &mut DbConnection, st: &AppState, subscription_id: &str, now: NaiveDateTime) -> AppResult<()> {
    for event in crate::subscriptions::events::of_subscription_in(conn, subscription_id)? {
        on_event_in(conn, st, &event, now)?;
    }
    Ok(())
}

/// The subscription and its freelancer, when it earns a commission.
fn earning_sale_in(conn: &mut DbConnection, subscription_id: &str) -> AppResult<Option<(SubscriptionRow, String)>> {
    let Some(sub) = crate::subscriptions::view::row_in(conn, subscription_id)? else { return Ok(None) };
    Ok(match (&sub.freelancer_id, sub.self_referral) {
        (Some(fl), false) => {
            let fl = fl.clone();
            Some((sub, fl))
        }
        _ => None,
    })
}

fn plan_name_in(conn: &mut DbConnection, plan_id: &str) -> AppResult<String> {
    Ok(crate::catalog::service::plan_in(conn, plan_id)?.map(|p| p.name).unwrap_or_else(|| plan_id.to_string()))
}

/// Posts the commission of a charge; returns it when it was written now.
fn commission_in(conn: &mut DbConnection, st: &AppState, event: &EventRow) -> AppResult<Option<EntryRow>> {
    let Some((sub, fl_id)) = earning_sale_in(conn, &event.subscription_id)? else { return Ok(None) };
    let invoice_id = event.invoice_id.as_deref().unwrap_or_default();
    let Some(invoice) = crate::invoices::view::row_in(conn, invoice_id)? else { return Ok(None) };
    let Some(plan) = crate::catalog::service::plan_in(conn, &sub.plan_id)? else { return Ok(None) };
    let amount = commission_of(invoice.subtotal_cents, plan.commission_rate_bps);
    if invoice.kind != InvoiceKind::Invoice || amount <= 0 {
        return Ok(None);
    }
    let cause = format!("commission:{}", invoice.id);
    if ledger::by_cause_in(conn, &cause)?.is_some() {
        return Ok(None);
    }
    // Locked: a tier change waits for this commission (and re-times it), or this one
    // waits for the tier change and uses the new tier.
    let freelancer = crate::freelancers::service::lock_in(conn, &fl_id)?;
    let start = (event.status_after == SubscriptionStatus::Active).then_some(event.created_at);
    let window = Some(sub.cancellation_allowed_until);
    let mut row = EntryRow::new(&fl_id, EarningKind::Commission, EarningStatus::Pending, amount, cause, event.created_at);
    row.currency = invoice.currency.clone();
    row.subscription_id = Some(sub.id.clone());
    row.invoice_id = Some(invoice.id.clone());
    row.event_id = Some(event.id.clone());
    row.rate_bps = Some(plan.commission_rate_bps);
    row.base_cents = Some(invoice.subtotal_cents);
    row.clearing_starts_at = start;
    row.window_ends_at = window;
    row.available_at = start.map(|s| available_at(s, freelancer.tier, window));
    let Some(entry) = ledger::post_in(conn, row)? else { return Ok(None) };
    let to = crate::auth::service::recipient_of_freelancer(conn, &fl_id)?;
    let mail = mails::CommissionEarned {
        name: to.name.clone(),
        plan: plan.name,
        seats: event.seats,
        amount_cents: entry.amount_cents,
        currency: entry.currency.clone(),
        available_at: entry.available_at.map(when),
        clearing_days: freelancer.tier.clearing_days(),
        url: earnings_url(st),
    };
    outbox::send(conn, &to.email, to.locale, &mail, event.created_at)?;
    Ok(Some(entry))
}

/// The activation starts the clearing of the subscription's waiting commissions.
fn start_clearing_in(conn: &mut DbConnection, event: &EventRow) -> AppResult<()> {
    let waiting: Vec<(String, String, Option<NaiveDateTime>)> = earning_entries::table
        .filter(earning_entries::subscription_id.eq(&event.subscription_id))
        .filter(earning_entries::status.eq(EarningStatus::Pending))
        .filter(earning_entries::clearing_starts_at.is_null())
        .select((earning_entries::id, earning_entries::freelancer_id, earning_entries::window_ends_at))
        .load(conn)?;
    let Some((_, fl_id, _)) = waiting.first() else { return Ok(()) };
    let tier = crate::freelancers::service::lock_in(conn, fl_id)?.tier;
    let start = event.created_at;
    for (id, _, window) in waiting {
        diesel::update(
            earning_entries::table
                .filter(earning_entries::id.eq(&id))
                .filter(earning_entries::status.eq(EarningStatus::Pending))
                .filter(earning_entries::clearing_starts_at.is_null()),
        )
        .set((earning_entries::clearing_starts_at.eq(start), earning_entries::available_at.eq(available_at(start, tier, window))))
        .execute(conn)?;
    }
    Ok(())
}

/// The credit notes a refunding cancellation issued (all of them are in its data; the
/// event's own invoice is the first).
fn credit_notes_of(event: &EventRow) -> Vec<String> {
    let data: serde_json::Value = serde_json::from_str(&event.data).unwrap_or_default();
    let mut notes: Vec<String> =
        data["credit_notes"].as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect()).unwrap_or_default();
    if let Some(first) = &event.invoice_id {
        if !notes.contains(first) {
            notes.insert(0, first.clone());
        }
    }
    notes
}

fn reverse_refunds_in(conn: &mut DbConnection, st: &AppState, event: &EventRow, now: NaiveDateTime) -> AppResult<()> {
    let Some((sub, fl_id)) = earning_sale_in(conn, &event.subscription_id)? else { return Ok(()) };
    for note_id in credit_notes_of(event) {
        let Some(note) = crate::invoices::view::row_in(conn, &note_id)? else { continue };
        let Some(charged_id) = note.credits_invoice_id.clone().filter(|_| note.kind == InvoiceKind::CreditNote) else { continue };
        let Some(charged) = crate::invoices::view::row_in(conn, &charged_id)? else { continue };
        reverse_in(conn, st, &sub, &fl_id, &note, &charged, now)?;
    }
    Ok(())
}

/// Reverses (pending) or claws back (available) the commission of `charged` for the
/// refund `note`; writes nothing when that was done already or there is no commission.
pub fn reverse_in(
    conn: &mut DbConnection,
    st: &AppState,
    sub: &SubscriptionRow,
    fl_id: &str,
    note: &InvoiceRow,
    charged: &InvoiceRow,
    now: NaiveDateTime,
) -> AppResult<Option<EntryRow>> {
    let cause = format!("reversal:{}", note.id);
    let Some(commission) = ledger::by_cause_in(conn, &format!("commission:{}", charged.id))? else { return Ok(None) };
    if commission.freelancer_id != fl_id || ledger::by_cause_in(conn, &cause)?.is_some() {
        return Ok(None);
    }
    // The conditional move decides: it wins only while the commission is pending (the
    // clearing job may have made it available a moment ago; then it is a clawback).
    let (status, amount, reason) =
        if ledger::transition_in(conn, &commission.id, EarningStatus::Pending, EarningStatus::Reversed, None, now)?.is_some() {
            (EarningStatus::Reversed, commission.amount_cents, REVERSED_IN_WINDOW)
        } else if ledger::by_id_in(conn, &commission.id)?.is_some_and(|c| c.status == EarningStatus::Available) {
            (EarningStatus::Available, prorated(commission.amount_cents, note.subtotal_cents, charged.subtotal_cents), CLAWED_BACK)
        } else {
            return Ok(None);
        };
    if amount <= 0 {
        return Ok(None);
    }
    let clawback = status == EarningStatus::Available;
    let mut row = EntryRow::new(fl_id, EarningKind::Reversal, status, -amount, cause, now);
    row.currency = commission.currency.clone();
    row.subscription_id = commission.subscription_id.clone();
    row.invoice_id = Some(note.id.clone());
    row.reverses_entry_id = Some(commission.id.clone());
    row.reason = Some(reason.to_string());
    if !clawback {
        row.reversed_at = Some(now);
    }
    let Some(reversal) = ledger::post_in(conn, row)? else { return Ok(None) };
    AuditEntry::new(None, AuditAction::EarningReversed, "earning_entry", &commission.id)
        .before(serde_json::json!({"status": commission.status, "amount_cents": commission.amount_cents}))
        .after(serde_json::json!({
            "reversal_entry_id": reversal.id,
            "amount_cents": reversal.amount_cents,
            "clawback": clawback,
            "credit_note_id": note.id,
            "reason": reason,
        }))
        .write(conn, now)?;
    let to = crate::auth::service::recipient_of_freelancer(conn, fl_id)?;
    let mail = mails::CommissionReversed {
        name: to.name.clone(),
        plan: plan_name_in(conn, &sub.plan_id)?,
        amount_cents: amount,
        commission_cents: commission.amount_cents,
        currency: commission.currency.clone(),
        clawback,
        invoice_number: charged.number.clone(),
        url: earnings_url(st),
    };
    outbox::send(conn, &to.email, to.locale, &mail, now)?;
    Ok(Some(reversal))
}

/// The email that follows a commission becoming available (`clearing` calls it in the
/// transaction that moved the entry). Other kinds send nothing.
pub fn on_cleared_in(conn: &mut DbConnection, st: &AppState, entry: &EntryRow) -> AppResult<()> {
    if entry.kind != EarningKind::Commission {
        return Ok(());
    }
    let plan = match &entry.subscription_id {
        Some(id) => match crate::subscriptions::view::row_in(conn, id)? {
            Some(sub) => plan_name_in(conn, &sub.plan_id)?,
            None => id.clone(),
        },
        None => String::new(),
    };
    let to = crate::auth::service::recipient_of_freelancer(conn, &entry.freelancer_id)?;
    let mail = mails::CommissionAvailable {
        name: to.name.clone(),
        plan,
        amount_cents: entry.amount_cents,
        currency: entry.currency.clone(),
        url: earnings_url(st),
    };
    outbox::send(conn, &to.email, to.locale, &mail, entry.cleared_at.unwrap_or(entry.created_at))?;
    Ok(())
}

/// After a tier change (inside its transaction, under the freelancer's row lock): every
/// pending entry of the freelancer whose clearing has started gets `available_at` =
/// max(start + the new tier's days, window end), conditional on still being pending;
/// each changed entry is audited `earning.retimed` with the times before and after.
/// Returns how many entries moved.
pub fn retime_for_tier_in(
    conn: &mut DbConnection,
    freelancer_id: &str,
    tier: Tier,
    actor_id: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<usize> {
    type Timing = (String, Option<NaiveDateTime>, Option<NaiveDateTime>, Option<NaiveDateTime>);
    let started: Vec<Timing> = earning_entries::table
        .filter(earning_entries::freelancer_id.eq(freelancer_id))
        .filter(earning_entries::status.eq(EarningStatus::Pending))
        .filter(earning_entries::clearing_starts_at.is_not_null())
        .select((earning_entries::id, earning_entries::clearing_starts_at, earning_entries::window_ends_at, earning_entries::available_at))
        .load(conn)?;
    let mut moved = 0;
    for (id, start, window, before) in started {
        let Some(start) = start else { continue };
        let after = available_at(start, tier, window);
        if before == Some(after) {
            continue;
        }
        let changed = diesel::update(
            earning_entries::table.filter(earning_entries::id.eq(&id)).filter(earning_entries::status.eq(EarningStatus::Pending)),
        )
        .set(earning_entries::available_at.eq(after))
        .execute(conn)?;
        if changed == 0 {
            continue;
        }
        moved += 1;
        AuditEntry::new(actor_id, AuditAction::EarningRetimed, "earning_entry", &id)
            .before(serde_json::json!({"available_at": before.map(utc)}))
            .after(serde_json::json!({
                "available_at": utc(after),
                "tier": tier,
                "clearing_days": tier.clearing_days(),
                "clearing_starts_at": utc(start),
                "window_ends_at": window.map(utc),
            }))
            .write(conn, now)?;
    }
    Ok(moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn commission_rounds_half_up_in_cents() {
        assert_eq!(commission_of(75_000, 1_500), 11_250);
        assert_eq!(commission_of(333, 1_500), 50); // 49.95 → 50
        assert_eq!(commission_of(3, 1_500), 0); // 0.45 → 0: not posted
        assert_eq!(commission_of(10, 500), 1); // 0.5 → 1
        assert_eq!(commission_of(1_000, 0), 0);
    }

    #[test]
    fn a_clawback_is_the_refunded_share_never_more_than_the_commission() {
        assert_eq!(prorated(11_250, 75_000, 75_000), 11_250);
        assert_eq!(prorated(11_250, 37_500, 75_000), 5_625);
        assert_eq!(prorated(1, 1, 2), 1); // half a cent rounds up
        assert_eq!(prorated(100, 500, 100), 100);
    }

    #[test]
    fn available_at_is_the_later_of_clearing_and_window_end() {
        let start = at("2026-12-01 10:00");
        assert_eq!(available_at(start, Tier::Standard, Some(at("2026-12-08 10:00"))), at("2026-12-15 10:00"));
        assert_eq!(available_at(start, Tier::TopRated, Some(at("2026-12-08 10:00"))), at("2026-12-08 10:00"));
        assert_eq!(available_at(start, Tier::Pro, Some(at("2026-12-10 00:00"))), at("2026-12-10 00:00"));
        assert_eq!(available_at(start, Tier::SellerPlusPremium, None), at("2026-12-08 10:00"));
    }
}
