//! The ledger as the API shows it: `EarningEntry` (an entry with its cause), the
//! timeline of one entry ("why is this pending, when will it be available, why did it
//! change") and the balances. Built from rows the store loads in a fixed number of
//! batched queries per page (`store::Links`), never one query per entry.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::appeals::model::AppealStatus;
use crate::clock::utc;
use crate::domain::commerce::SubscriptionEventKind;
use crate::domain::earnings::{EarningKind, EarningStatus, WithdrawalStatus};
use crate::earnings::ledger::{Delta, EntryRow};
use crate::freelancers::tiers::Tier;
use crate::web::csv::Csv;

crate::text_enum! {
    /// What caused an entry: a paid invoice (commission), a credit note (reversal), a
    /// withdrawal, a support adjustment, or an upheld appeal (an adjustment citing it).
    pub enum CauseType {
        Invoice = "invoice",
        CreditNote = "credit_note",
        Withdrawal = "withdrawal",
        Adjustment = "adjustment",
        Appeal = "appeal",
    }
}

crate::text_enum! {
    /// One step in the life of an entry.
    pub enum TimelineEvent {
        Earned = "earned",
        WaitingForActivation = "waiting_for_activation",
        PendingUntil = "pending_until",
        Retimed = "retimed",
        Available = "available",
        Reversed = "reversed",
        ClawedBack = "clawed_back",
        Adjusted = "adjusted",
        Appealed = "appealed",
        AppealDecided = "appeal_decided",
        WithdrawalRequested = "withdrawal_requested",
        WithdrawalPaid = "withdrawal_paid",
        WithdrawalFailed = "withdrawal_failed",
    }
}

/// Where an entry comes from, with what support and the freelancer need to recognise it.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct EarningCause {
    #[serde(rename = "type")]
    pub type_: CauseType,
    pub subscription_id: Option<String>,
    pub invoice_id: Option<String>,
    /// The invoice's (or credit note's) number.
    #[schema(example = "PH-2026-000042")]
    pub invoice_number: Option<String>,
    #[schema(example = "Microsoft 365 Business Standard")]
    pub plan_name: Option<String>,
    /// Seats of the paid period (the event's, else the subscription's).
    pub seats: Option<i32>,
    /// The subscription event that caused it (purchase, seat increase, renewal, cancellation).
    pub event_kind: Option<SubscriptionEventKind>,
    pub withdrawal_id: Option<String>,
    pub appeal_id: Option<String>,
}

/// One ledger entry. Amounts are integer cents; negative for reversals, clawbacks and payouts.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct EarningEntry {
    #[schema(example = "ern_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub id: String,
    pub kind: EarningKind,
    pub status: EarningStatus,
    #[schema(example = 2250)]
    pub amount_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
    /// When it becomes (or became) available; null while the subscription waits for activation.
    pub available_at: Option<DateTime<Utc>>,
    pub cleared_at: Option<DateTime<Utc>>,
    pub reversed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// Why (adjustments, reversals, returned payouts).
    pub reason: Option<String>,
    /// The commission rate applied, in basis points (1500 = 15 %).
    pub rate_bps: Option<i32>,
    /// The net amount the rate applied to, in cents.
    pub base_cents: Option<i64>,
    /// The commission a reversal takes back.
    pub reverses_entry_id: Option<String>,
    /// A reversal of a commission that had already become available (it reduced available funds).
    pub clawback: bool,
    /// A reversal, clawback or negative adjustment with no open or upheld appeal: it can be appealed.
    pub appealable: bool,
    pub cause: EarningCause,
}

/// One step of an entry's timeline, oldest first. `pending_until` is dated at the future
/// moment the entry becomes available.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct EarningTimelineItem {
    pub at: DateTime<Utc>,
    pub event: TimelineEvent,
    pub available_at: Option<DateTime<Utc>>,
    pub amount_cents: Option<i64>,
    pub reason: Option<String>,
    /// The seller tier behind a clearing period (`pending_until`, `retimed`).
    pub tier: Option<Tier>,
    pub clearing_days: Option<i64>,
    /// The other entry this step concerns (the reversal, the commission it reverses, the adjustment of an upheld appeal).
    pub entry_id: Option<String>,
    pub appeal_id: Option<String>,
}

/// A freelancer's balances, kept beside the ledger and equal to its sums.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct Balances {
    /// Commissions still in clearing.
    pub pending_cents: i64,
    /// What can be withdrawn.
    pub available_cents: i64,
    /// Paid out so far.
    pub withdrawn_cents: i64,
    /// Commissions net of reversals, pending or available (provisional).
    pub since_joining_cents: i64,
    #[schema(example = "USD")]
    pub currency: String,
}

impl From<Delta> for Balances {
    fn from(d: Delta) -> Balances {
        Balances {
            pending_cents: d.pending,
            available_cents: d.available,
            withdrawn_cents: d.withdrawn,
            since_joining_cents: d.since_joining,
            currency: "USD".into(),
        }
    }
}

/// `GET /me/earnings`: the balances and one page of entries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct EarningsPage {
    pub balances: Balances,
    pub data: Vec<EarningEntry>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// `GET /admin/freelancers/{id}/earnings`: a freelancer's ledger for support.
#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerEarningsPage {
    #[schema(example = "fl_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub freelancer_id: String,
    pub balances: Balances,
    pub data: Vec<EarningEntry>,
    pub next_cursor: Option<String>,
}

/// One entry with its timeline and the entries related to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct EarningDetail {
    pub entry: EarningEntry,
    /// Oldest first.
    pub timeline: Vec<EarningTimelineItem>,
    /// Its reversals, the commission it reverses, the returned payout, adjustments of its upheld appeals.
    pub related: Vec<EarningEntry>,
}

/// The subscription side of a cause: plan name and seats.
#[derive(Debug, Clone)]
pub struct SubscriptionLink {
    pub plan_name: String,
    pub seats: i32,
}

/// An appeal on an entry, as far as the timeline and `appealable` need it.
#[derive(Debug, Clone)]
pub struct AppealLink {
    pub id: String,
    pub subject_id: String,
    pub status: AppealStatus,
    pub open: bool,
    pub explanation: String,
    pub reviewer_note: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

/// Everything one page of entries links to, each loaded in one query.
#[derive(Debug, Default)]
pub struct Links {
    pub invoice_numbers: HashMap<String, String>,
    pub subscriptions: HashMap<String, SubscriptionLink>,
    /// event id → (kind, seats).
    pub events: HashMap<String, (SubscriptionEventKind, i32)>,
    /// commission id → when it cleared (for telling a clawback from a reversal).
    pub cleared: HashMap<String, Option<NaiveDateTime>>,
    /// Appeals on the page's entries.
    pub appeals: Vec<AppealLink>,
}

/// Whether the freelancer may appeal this kind of entry at all: a reversal (full or a
/// clawback), or an adjustment that took money away. A commission reversed in full is
/// appealed through its reversal entry (listed as related on its timeline): one entry per
/// reversal can be appealed, so an upheld appeal cannot give the money back twice.
pub fn appealable_kind(row: &EntryRow) -> bool {
    match row.kind {
        EarningKind::Reversal => true,
        EarningKind::Adjustment => row.amount_cents < 0,
        EarningKind::Commission | EarningKind::Withdrawal => false,
    }
}

/// The most an upheld appeal on this entry can give back: what it took.
pub fn appeal_ceiling(row: &EntryRow) -> i64 {
    row.amount_cents.abs()
}

fn cause_type(row: &EntryRow) -> CauseType {
    match row.kind {
        EarningKind::Commission => CauseType::Invoice,
        EarningKind::Reversal => CauseType::CreditNote,
        EarningKind::Withdrawal => CauseType::Withdrawal,
        EarningKind::Adjustment if row.appeal_id.is_some() => CauseType::Appeal,
        EarningKind::Adjustment => CauseType::Adjustment,
    }
}

/// A reversal made after its commission had cleared: it came out of available funds.
fn is_clawback(row: &EntryRow, links: &Links) -> bool {
    row.kind == EarningKind::Reversal
        && row
            .reverses_entry_id
            .as_ref()
            .and_then(|c| links.cleared.get(c).copied().flatten())
            .is_some_and(|cleared| cleared <= row.created_at)
}

pub fn entry(row: &EntryRow, links: &Links) -> EarningEntry {
    let sub = row.subscription_id.as_ref().and_then(|s| links.subscriptions.get(s));
    let event = row.event_id.as_ref().and_then(|e| links.events.get(e));
    let blocked = links.appeals.iter().any(|a| a.subject_id == row.id && (a.open || a.status == AppealStatus::Upheld));
    EarningEntry {
        id: row.id.clone(),
        kind: row.kind,
        status: row.status,
        amount_cents: row.amount_cents,
        currency: row.currency.clone(),
        available_at: row.available_at.map(utc),
        cleared_at: row.cleared_at.map(utc),
        reversed_at: row.reversed_at.map(utc),
        created_at: utc(row.created_at),
        reason: row.reason.clone(),
        rate_bps: row.rate_bps,
        base_cents: row.base_cents,
        reverses_entry_id: row.reverses_entry_id.clone(),
        clawback: is_clawback(row, links),
        appealable: appealable_kind(row) && !blocked,
        cause: EarningCause {
            type_: cause_type(row),
            subscription_id: row.subscription_id.clone(),
            invoice_id: row.invoice_id.clone(),
            invoice_number: row.invoice_id.as_ref().and_then(|i| links.invoice_numbers.get(i).cloned()),
            plan_name: sub.map(|s| s.plan_name.clone()),
            seats: event.map(|(_, seats)| *seats).or(sub.map(|s| s.seats)),
            event_kind: event.map(|(kind, _)| *kind),
            withdrawal_id: row.withdrawal_id.clone(),
            appeal_id: row.appeal_id.clone(),
        },
    }
}

/// A retiming recorded in the audit log (`earning.retimed`, subject the entry).
#[derive(Debug, Clone)]
pub struct Retiming {
    pub at: NaiveDateTime,
    pub available_at: Option<NaiveDateTime>,
    pub tier: Option<Tier>,
}

/// The withdrawal behind a payout entry.
#[derive(Debug, Clone)]
pub struct WithdrawalLink {
    pub status: WithdrawalStatus,
    pub failure_reason: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
}

/// What the timeline of one entry is built from.
pub struct TimelineInput<'a> {
    pub row: &'a EntryRow,
    pub links: &'a Links,
    /// The freelancer's tier today: the clearing period a pending entry waits out.
    pub tier: Tier,
    pub retimings: Vec<Retiming>,
    pub withdrawal: Option<WithdrawalLink>,
    /// Entries related to it (reversals, the reversed commission, the returned payout,
    /// adjustments citing its appeals).
    pub related: &'a [EntryRow],
}

fn item(at: NaiveDateTime, event: TimelineEvent) -> EarningTimelineItem {
    EarningTimelineItem {
        at: utc(at),
        event,
        available_at: None,
        amount_cents: None,
        reason: None,
        tier: None,
        clearing_days: None,
        entry_id: None,
        appeal_id: None,
    }
}

pub fn timeline(t: TimelineInput) -> Vec<EarningTimelineItem> {
    let row = t.row;
    let mut out = Vec::new();
    let own =
        |event| EarningTimelineItem { amount_cents: Some(row.amount_cents), reason: row.reason.clone(), ..item(row.created_at, event) };
    match row.kind {
        EarningKind::Commission => out.push(EarningTimelineItem { available_at: row.available_at.map(utc), ..own(TimelineEvent::Earned) }),
        EarningKind::Reversal => {
            let event = if is_clawback(row, t.links) { TimelineEvent::ClawedBack } else { TimelineEvent::Reversed };
            out.push(EarningTimelineItem { entry_id: row.reverses_entry_id.clone(), ..own(event) });
        }
        EarningKind::Adjustment => out.push(EarningTimelineItem { appeal_id: row.appeal_id.clone(), ..own(TimelineEvent::Adjusted) }),
        EarningKind::Withdrawal if row.amount_cents < 0 => {
            out.push(EarningTimelineItem { entry_id: None, ..own(TimelineEvent::WithdrawalRequested) });
            if let Some(w) = &t.withdrawal {
                let at = w.decided_at.unwrap_or(row.created_at);
                match w.status {
                    WithdrawalStatus::Paid => out.push(item(at, TimelineEvent::WithdrawalPaid)),
                    WithdrawalStatus::Failed => {
                        let returned = t.related.iter().find(|r| r.kind == EarningKind::Withdrawal && r.amount_cents > 0);
                        out.push(EarningTimelineItem {
                            reason: w.failure_reason.clone(),
                            amount_cents: returned.map(|r| r.amount_cents),
                            entry_id: returned.map(|r| r.id.clone()),
                            ..item(at, TimelineEvent::WithdrawalFailed)
                        });
                    }
                    WithdrawalStatus::Requested => {}
                }
            }
        }
        // A failed payout's money coming back.
        EarningKind::Withdrawal => out.push(own(TimelineEvent::WithdrawalFailed)),
    }
    if row.status == EarningStatus::Pending && row.clearing_starts_at.is_none() {
        out.push(item(row.created_at, TimelineEvent::WaitingForActivation));
    }
    for r in &t.retimings {
        out.push(EarningTimelineItem {
            available_at: r.available_at.map(utc),
            tier: r.tier,
            clearing_days: r.tier.map(Tier::clearing_days),
            ..item(r.at, TimelineEvent::Retimed)
        });
    }
    if let Some(cleared) = row.cleared_at {
        out.push(EarningTimelineItem { available_at: row.available_at.map(utc), ..item(cleared, TimelineEvent::Available) });
    }
    // Reversals of this commission.
    let mut reversed_by_entry = false;
    for r in t.related.iter().filter(|r| r.kind == EarningKind::Reversal && r.reverses_entry_id.as_deref() == Some(row.id.as_str())) {
        reversed_by_entry = true;
        let event = if is_clawback(r, t.links) { TimelineEvent::ClawedBack } else { TimelineEvent::Reversed };
        out.push(EarningTimelineItem {
            amount_cents: Some(r.amount_cents),
            reason: r.reason.clone(),
            entry_id: Some(r.id.clone()),
            ..item(r.created_at, event)
        });
    }
    if let (Some(at), false) = (row.reversed_at, reversed_by_entry) {
        out.push(EarningTimelineItem {
            amount_cents: Some(-row.amount_cents),
            reason: row.reason.clone(),
            ..item(at, TimelineEvent::Reversed)
        });
    }
    for a in t.links.appeals.iter().filter(|a| a.subject_id == row.id) {
        out.push(EarningTimelineItem {
            reason: Some(a.explanation.clone()),
            appeal_id: Some(a.id.clone()),
            ..item(a.created_at, TimelineEvent::Appealed)
        });
        if let Some(decided) = a.decided_at {
            let adjustment = t.related.iter().find(|r| r.appeal_id.as_deref() == Some(a.id.as_str()));
            out.push(EarningTimelineItem {
                reason: a.reviewer_note.clone(),
                appeal_id: Some(a.id.clone()),
                amount_cents: adjustment.map(|r| r.amount_cents),
                entry_id: adjustment.map(|r| r.id.clone()),
                ..item(decided, TimelineEvent::AppealDecided)
            });
        }
    }
    out.sort_by_key(|i| i.at);
    // Last: the moment it will become available, in the future.
    if row.status == EarningStatus::Pending {
        if let Some(available_at) = row.available_at {
            out.push(EarningTimelineItem {
                available_at: Some(utc(available_at)),
                tier: Some(t.tier),
                clearing_days: Some(t.tier.clearing_days()),
                ..item(available_at, TimelineEvent::PendingUntil)
            });
        }
    }
    out
}

/// The columns of the entries CSV.
pub const CSV_HEADER: [&str; 10] =
    ["id", "created_at", "kind", "status", "amount", "currency", "available_at", "cause", "invoice_number", "reason"];

/// One CSV row of an entry (quoting and formula defusing: `web::csv`).
pub fn csv_row(csv: &mut Csv, e: &EarningEntry) {
    csv.text(&e.id)
        .time(e.created_at)
        .text(e.kind.as_str())
        .text(e.status.as_str())
        .money(e.amount_cents)
        .text(&e.currency)
        .opt_time(e.available_at)
        .text(&e.cause.type_.to_string())
        .opt_text(e.cause.invoice_number.as_deref())
        .opt_text(e.reason.as_deref());
    csv.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + h * 3600, 0).unwrap().naive_utc()
    }

    fn events(items: &[EarningTimelineItem]) -> Vec<TimelineEvent> {
        items.iter().map(|i| i.event).collect()
    }

    #[test]
    fn a_failed_payout_shows_the_money_coming_back() {
        let mut payout = EntryRow::new("fl_1", EarningKind::Withdrawal, EarningStatus::Available, -5_000, "withdrawal:wd_1".into(), at(0));
        payout.withdrawal_id = Some("wd_1".into());
        let mut back =
            EntryRow::new("fl_1", EarningKind::Withdrawal, EarningStatus::Available, 5_000, "withdrawal_returned:wd_1".into(), at(1));
        back.withdrawal_id = Some("wd_1".into());
        back.reason = Some("The bank refused the transfer.".into());
        let links = Links::default();
        let related = [back.clone()];
        let failed = WithdrawalLink { status: WithdrawalStatus::Failed, failure_reason: back.reason.clone(), decided_at: Some(at(1)) };
        let input = |withdrawal| TimelineInput {
            row: &payout,
            links: &links,
            tier: Tier::Standard,
            retimings: vec![],
            withdrawal,
            related: &related,
        };
        let t = timeline(input(Some(failed)));
        assert_eq!(events(&t), [TimelineEvent::WithdrawalRequested, TimelineEvent::WithdrawalFailed]);
        assert_eq!((t[1].amount_cents, t[1].entry_id.as_deref()), (Some(5_000), Some(back.id.as_str())));
        assert_eq!(t[1].reason.as_deref(), Some("The bank refused the transfer."));
        let paid = WithdrawalLink { status: WithdrawalStatus::Paid, failure_reason: None, decided_at: Some(at(2)) };
        assert_eq!(events(&timeline(input(Some(paid)))), [TimelineEvent::WithdrawalRequested, TimelineEvent::WithdrawalPaid]);
        assert_eq!(events(&timeline(input(None))), [TimelineEvent::WithdrawalRequested]);
        let returned =
            timeline(TimelineInput { row: &back, links: &links, tier: Tier::Standard, retimings: vec![], withdrawal: None, related: &[] });
        assert_eq!(events(&returned), [TimelineEvent::WithdrawalFailed]);
    }

    #[test]
    fn only_reversals_and_debits_can_be_appealed() {
        let row = |kind, status, amount| EntryRow::new("fl_1", kind, status, amount, "k".into(), at(0));
        assert!(appealable_kind(&row(EarningKind::Reversal, EarningStatus::Available, -700)));
        assert!(appealable_kind(&row(EarningKind::Adjustment, EarningStatus::Available, -700)));
        assert!(!appealable_kind(&row(EarningKind::Commission, EarningStatus::Reversed, 700)));
        assert!(!appealable_kind(&row(EarningKind::Adjustment, EarningStatus::Available, 700)));
        assert!(!appealable_kind(&row(EarningKind::Commission, EarningStatus::Pending, 700)));
        assert!(!appealable_kind(&row(EarningKind::Withdrawal, EarningStatus::Available, -700)));
        assert_eq!(appeal_ceiling(&row(EarningKind::Reversal, EarningStatus::Available, -700)), 700);
    }
}
