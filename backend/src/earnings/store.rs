//! Read queries of the earnings pages. Every query of entries is scoped by the
//! freelancer in its WHERE clause; the links of a page (invoice numbers, plans, seats,
//! events, cleared commissions, appeals) are loaded in one query each for the whole page.
//! Money never moves here: writes go through `earnings::ledger`.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::appeals::model::{AppealStatus, SubjectType};
use crate::db::schema::{
    appeals, audit_log, earning_balances, earning_entries, invoices, plans, subscription_events, subscriptions, withdrawals,
};
use crate::db::DbConnection;
use crate::domain::commerce::SubscriptionEventKind;
use crate::domain::earnings::{EarningKind, EarningStatus, WithdrawalStatus};
use crate::earnings::ledger::EntryRow;
use crate::earnings::view::{AppealLink, Links, Retiming, SubscriptionLink, WithdrawalLink};
use crate::error::AppResult;
use crate::freelancers::tiers::Tier;

/// Filters of a freelancer's entries.
#[derive(Debug, Clone, Copy, Default)]
pub struct EntryFilter {
    pub kind: Option<EarningKind>,
    pub status: Option<EarningStatus>,
}

/// One page (plus one row) of a freelancer's entries, newest first.
pub fn list(
    conn: &mut DbConnection,
    freelancer_id: &str,
    filter: EntryFilter,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<EntryRow>> {
    let mut q = earning_entries::table
        .filter(earning_entries::freelancer_id.eq(freelancer_id.to_string()))
        .select(EntryRow::as_select())
        .into_boxed();
    if let Some(k) = filter.kind {
        q = q.filter(earning_entries::kind.eq(k));
    }
    if let Some(s) = filter.status {
        q = q.filter(earning_entries::status.eq(s));
    }
    Ok(crate::newest_first!(q, earning_entries::created_at, earning_entries::id, after, limit).load(conn)?)
}

/// The entry, when it is this freelancer's.
pub fn find(conn: &mut DbConnection, freelancer_id: &str, id: &str) -> AppResult<Option<EntryRow>> {
    Ok(earning_entries::table
        .filter(earning_entries::id.eq(id).and(earning_entries::freelancer_id.eq(freelancer_id)))
        .select(EntryRow::as_select())
        .first(conn)
        .optional()?)
}

/// The entry, locked until the transaction ends on PostgreSQL (SQLite's writer lock
/// already covers it), when it is this freelancer's.
pub fn find_for_update(conn: &mut DbConnection, freelancer_id: &str, id: &str) -> AppResult<Option<EntryRow>> {
    macro_rules! q {
        () => {
            earning_entries::table
                .filter(earning_entries::id.eq(id).and(earning_entries::freelancer_id.eq(freelancer_id)))
                .select(EntryRow::as_select())
        };
    }
    Ok(match conn {
        DbConnection::Postgresql(pg) => q!().for_update().first(pg).optional()?,
        DbConnection::Sqlite(c) => q!().first(c).optional()?,
    })
}

/// The available funds of a freelancer, with the balances row locked until the
/// transaction ends on PostgreSQL, so that a decision on them holds until it commits.
/// The row must exist (`ledger::apply_in` with an empty delta creates it).
pub fn available_for_update(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<i64> {
    let q = earning_balances::table.find(freelancer_id).select(earning_balances::available_cents);
    Ok(match conn {
        DbConnection::Postgresql(pg) => q.for_update().first(pg)?,
        DbConnection::Sqlite(c) => q.first(c)?,
    })
}

/// Entries related to `row`: its reversals, the commission it reverses, the other side
/// of its payout, and the adjustments of upheld appeals on it. Oldest first.
pub fn related(conn: &mut DbConnection, row: &EntryRow, appeal_ids: &[String]) -> AppResult<Vec<EntryRow>> {
    let mut keys: Vec<String> = appeal_ids.iter().map(|a| format!("appeal:{a}")).collect();
    if let Some(wd) = &row.withdrawal_id {
        keys.push(format!("withdrawal:{wd}"));
        keys.push(format!("withdrawal_returned:{wd}"));
    }
    let mut ids: Vec<String> = Vec::new();
    if let Some(c) = &row.reverses_entry_id {
        ids.push(c.clone());
    }
    let rows: Vec<EntryRow> = earning_entries::table
        .filter(earning_entries::freelancer_id.eq(&row.freelancer_id))
        .filter(
            earning_entries::reverses_entry_id
                .eq(&row.id)
                .or(earning_entries::id.eq_any(&ids))
                .or(earning_entries::cause_key.eq_any(&keys)),
        )
        .filter(earning_entries::id.ne(&row.id))
        .order((earning_entries::created_at.asc(), earning_entries::id.asc()))
        .select(EntryRow::as_select())
        .load(conn)?;
    Ok(rows)
}

/// The links of `rows` (see `view::Links`): five queries, whatever the number of rows.
pub fn links(conn: &mut DbConnection, rows: &[EntryRow]) -> AppResult<Links> {
    let collect = |f: fn(&EntryRow) -> Option<&String>| -> Vec<String> {
        let mut v: Vec<String> = rows.iter().filter_map(|r| f(r).cloned()).collect();
        v.sort();
        v.dedup();
        v
    };
    let invoice_ids = collect(|r| r.invoice_id.as_ref());
    let subscription_ids = collect(|r| r.subscription_id.as_ref());
    let event_ids = collect(|r| r.event_id.as_ref());
    let reversed_ids = collect(|r| r.reverses_entry_id.as_ref());
    let entry_ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
    let mut links = Links::default();
    if !invoice_ids.is_empty() {
        links.invoice_numbers = invoices::table
            .filter(invoices::id.eq_any(&invoice_ids))
            .select((invoices::id, invoices::number))
            .load::<(String, String)>(conn)?
            .into_iter()
            .collect();
    }
    if !subscription_ids.is_empty() {
        links.subscriptions = subscriptions::table
            .inner_join(plans::table)
            .filter(subscriptions::id.eq_any(&subscription_ids))
            .select((subscriptions::id, plans::name, subscriptions::seats))
            .load::<(String, String, i32)>(conn)?
            .into_iter()
            .map(|(id, plan_name, seats)| (id, SubscriptionLink { plan_name, seats }))
            .collect();
    }
    if !event_ids.is_empty() {
        links.events = subscription_events::table
            .filter(subscription_events::id.eq_any(&event_ids))
            .select((subscription_events::id, subscription_events::kind, subscription_events::seats))
            .load::<(String, String, i32)>(conn)?
            .into_iter()
            .filter_map(|(id, kind, seats)| SubscriptionEventKind::parse(&kind).map(|k| (id, (k, seats))))
            .collect();
    }
    if !reversed_ids.is_empty() {
        links.cleared = earning_entries::table
            .filter(earning_entries::id.eq_any(&reversed_ids))
            .select((earning_entries::id, earning_entries::cleared_at))
            .load::<(String, Option<NaiveDateTime>)>(conn)?
            .into_iter()
            .collect();
    }
    links.appeals = appeals_on(conn, &entry_ids)?;
    Ok(links)
}

/// Appeals on these entries, oldest first.
pub fn appeals_on(conn: &mut DbConnection, entry_ids: &[String]) -> AppResult<Vec<AppealLink>> {
    if entry_ids.is_empty() {
        return Ok(Vec::new());
    }
    type Row = (String, String, AppealStatus, Option<String>, String, Option<String>, Option<NaiveDateTime>, NaiveDateTime);
    let rows: Vec<Row> = appeals::table
        .filter(appeals::subject_type.eq(SubjectType::Earning))
        .filter(appeals::subject_id.eq_any(entry_ids))
        .order((appeals::created_at.asc(), appeals::id.asc()))
        .select((
            appeals::id,
            appeals::subject_id,
            appeals::status,
            appeals::open_key,
            appeals::explanation,
            appeals::reviewer_note,
            appeals::decided_at,
            appeals::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, subject_id, status, open_key, explanation, reviewer_note, decided_at, created_at)| AppealLink {
            id,
            subject_id,
            status,
            open: open_key.is_some(),
            explanation,
            reviewer_note,
            decided_at,
            created_at,
        })
        .collect())
}

/// The tier changes that moved this entry's `available_at` (`earning.retimed` in the
/// audit log, subject the entry), oldest first. Read leniently: `after` carries the new
/// `available_at` and the `tier`.
pub fn retimings(conn: &mut DbConnection, entry_id: &str) -> AppResult<Vec<Retiming>> {
    let rows: Vec<(Option<String>, NaiveDateTime)> = audit_log::table
        .filter(audit_log::subject_type.eq(SUBJECT_TYPE))
        .filter(audit_log::subject_id.eq(entry_id))
        .filter(audit_log::action.eq(RETIMED))
        .order((audit_log::created_at.asc(), audit_log::id.asc()))
        .select((audit_log::after_json, audit_log::created_at))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(after, at)| {
            let v: serde_json::Value = after.and_then(|a| serde_json::from_str(&a).ok()).unwrap_or_default();
            let available_at = v["available_at"].as_str().and_then(parse_time);
            let tier = v["tier"].as_str().and_then(Tier::parse);
            Retiming { at, available_at, tier }
        })
        .collect())
}

/// The audit subject type of a ledger entry.
pub const SUBJECT_TYPE: &str = "earning_entry";
/// `earning.retimed`, written by the tier change (see `AuditAction`), read here by name so
/// the timeline does not depend on when that action joins the enum.
const RETIMED: &str = "earning.retimed";

fn parse_time(s: &str) -> Option<NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.naive_utc())
        .ok()
        .or_else(|| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").ok())
}

/// The withdrawal behind a payout entry.
pub fn withdrawal(conn: &mut DbConnection, id: &str) -> AppResult<Option<WithdrawalLink>> {
    let row: Option<(WithdrawalStatus, Option<String>, Option<NaiveDateTime>)> = withdrawals::table
        .find(id)
        .select((withdrawals::status, withdrawals::failure_reason, withdrawals::decided_at))
        .first(conn)
        .optional()?;
    Ok(row.map(|(status, failure_reason, decided_at)| WithdrawalLink { status, failure_reason, decided_at }))
}

/// The adjustment an upheld appeal wrote, if any.
pub fn appeal_adjustment(conn: &mut DbConnection, appeal_id: &str) -> AppResult<Option<EntryRow>> {
    crate::earnings::ledger::by_cause_in(conn, &format!("appeal:{appeal_id}"))
}

/// Entries per freelancer id for a set of ids (used by appeal views).
pub fn by_ids(conn: &mut DbConnection, ids: &[String]) -> AppResult<HashMap<String, EntryRow>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(earning_entries::table
        .filter(earning_entries::id.eq_any(ids))
        .select(EntryRow::as_select())
        .load::<EntryRow>(conn)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect())
}
