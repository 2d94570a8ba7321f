//! The referring freelancer's side of subscriptions: the list of every subscription bought
//! through their link (filters, pages, CSV export), and the figures the dashboard and the
//! earnings forecast read. Every query is scoped by the freelancer's id in its WHERE
//! clause (`Scope::Referrer`), and none loads a freelancer's whole history to count it:
//! counts are indexed aggregates, lists are keyset pages.

use chrono::{Days, NaiveDate, NaiveDateTime};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::clock::utc;
use crate::db::DbConnection;
use crate::domain::commerce::{BillingTerm, SubscriptionStatus};
use crate::error::{AppError, AppResult, FieldError};
use crate::pagination::{Page, Paginated};
use crate::state::AppState;
use crate::subscriptions::service::{list, subscriptions_only};
use crate::subscriptions::store::{self, ListQuery, Scope};
use crate::subscriptions::view::{price_for, views_in, Subscription};
use crate::web::csv::Csv;

/// `GET /me/subscriptions` and its CSV export: which of the caller's sales to show.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReferredFilter {
    /// Only subscriptions in this status.
    #[param(inline, value_type = Option<SubscriptionStatus>)]
    pub status: Option<String>,
    /// Only subscriptions of this plan.
    #[param(example = "pln_m365_business_standard")]
    pub plan_id: Option<String>,
    /// Bought on or after this day (UTC), `YYYY-MM-DD`.
    #[param(value_type = Option<String>, format = Date, example = "2026-01-01")]
    pub from: Option<String>,
    /// Bought on or before this day (UTC), `YYYY-MM-DD`.
    #[param(value_type = Option<String>, format = Date, example = "2026-12-31")]
    pub to: Option<String>,
}

/// A checked [`ReferredFilter`].
#[derive(Debug, Clone, Default)]
pub struct Referred {
    pub status: Option<SubscriptionStatus>,
    pub plan_id: Option<String>,
    /// `created_at` from (inclusive) and until (exclusive: the day after `to`).
    pub created_from: Option<NaiveDateTime>,
    pub created_until: Option<NaiveDateTime>,
}

fn day(field: &str, value: Option<&str>, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let value = value?;
    let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().filter(|_| value.len() == 10);
    if parsed.is_none() {
        errors.push(FieldError { field: field.into(), message: "Enter a date as YYYY-MM-DD.".into() });
    }
    parsed
}

impl ReferredFilter {
    /// 422 naming every bad field: an unknown status, a malformed date, `from` after `to`.
    pub fn parse(&self) -> AppResult<Referred> {
        let mut errors = Vec::new();
        let status = self.status.as_deref().and_then(|s| {
            let parsed = SubscriptionStatus::parse(s);
            if parsed.is_none() {
                let all = SubscriptionStatus::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
                errors.push(FieldError { field: "status".into(), message: format!("Choose one of these statuses: {all}.") });
            }
            parsed
        });
        let from = day("from", self.from.as_deref(), &mut errors);
        let to = day("to", self.to.as_deref(), &mut errors);
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                errors.push(FieldError { field: "to".into(), message: "The end date must be on or after the start date.".into() });
            }
        }
        if !errors.is_empty() {
            return Err(AppError::validation(errors));
        }
        Ok(Referred {
            status,
            plan_id: self.plan_id.clone().filter(|p| !p.is_empty()),
            created_from: from.map(|d| d.and_time(chrono::NaiveTime::MIN)),
            created_until: to.and_then(|d| d.checked_add_days(Days::new(1))).map(|d| d.and_time(chrono::NaiveTime::MIN)),
        })
    }
}

fn query(freelancer_id: String, f: Referred, after: Option<(NaiveDateTime, String)>, limit: i64) -> ListQuery {
    ListQuery {
        status: f.status,
        plan_id: f.plan_id,
        created_from: f.created_from,
        created_until: f.created_until,
        ..ListQuery::all(Scope::Referrer(freelancer_id), after, limit)
    }
}

/// One page of the subscriptions sold through the freelancer's link, newest first.
pub async fn list_referred(state: &AppState, freelancer_id: String, filter: Referred, page: Page) -> AppResult<Paginated<Subscription>> {
    Ok(subscriptions_only(list(state, query(freelancer_id, filter, page.after, page.limit)).await?))
}

/// Rows read per query while exporting: the export holds every matching row, but reads
/// them in keyset pages so no single statement is unbounded.
const EXPORT_BATCH: i64 = 500;

pub const CSV_HEADER: [&str; 16] = [
    "subscription_id",
    "created_at",
    "plan_id",
    "plan_name",
    "billing_term",
    "seats",
    "scheduled_seats",
    "status",
    "auto_renew",
    "activated_at",
    "current_term_end",
    "ended_at",
    "unit_price",
    "renewal_total",
    "currency",
    "self_referral",
];

fn csv_row(csv: &mut Csv, s: &Subscription) {
    csv.text(&s.id)
        .time(s.created_at)
        .text(&s.plan_id)
        .text(&s.plan_name)
        .text(s.billing_term.as_str())
        .int(s.seats as i64)
        .opt_int(s.scheduled_seats.map(i64::from))
        .text(s.status.as_str())
        .bool(s.auto_renew)
        .opt_time(s.activated_at)
        .time(s.current_term_end)
        .opt_time(s.ended_at)
        .money(s.unit_price_cents)
        .money(s.renewal_total_cents)
        .text(&s.currency)
        .bool(s.self_referral);
    csv.end_row();
}

/// Every subscription matching `filter`, newest first, as CSV: read in one snapshot (a
/// sale landing meanwhile cannot appear twice or shift a page), without a write lock.
pub async fn export_referred(state: &AppState, freelancer_id: String, filter: Referred) -> AppResult<Csv> {
    state
        .db
        .snapshot(move |conn| {
            let mut csv = Csv::new(&CSV_HEADER);
            let mut after = None;
            loop {
                let mut rows = store::list(conn, query(freelancer_id.clone(), filter.clone(), after.clone(), EXPORT_BATCH))?;
                let more = rows.len() as i64 > EXPORT_BATCH;
                rows.truncate(EXPORT_BATCH as usize);
                after = rows.last().map(|(r, _)| (r.created_at, r.id.clone()));
                for s in views_in(conn, rows.into_iter().map(|(r, _)| r).collect())? {
                    csv_row(&mut csv, &s);
                }
                if !more {
                    return Ok(csv);
                }
            }
        })
        .await
}

// ---- For other slices (the dashboard, the earnings forecast), inside their connection.

/// Subscriptions and seats in one status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCount {
    pub subscriptions: i64,
    pub seats: i64,
}

/// Counts and seats by status of everything sold through `freelancer_id`'s link (every
/// status present, zero when none): one indexed GROUP BY.
pub fn counts_by_status_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Vec<(SubscriptionStatus, StatusCount)>> {
    let rows = store::referred_by_status(conn, freelancer_id)?;
    Ok(SubscriptionStatus::ALL
        .iter()
        .map(|status| {
            let count = rows
                .iter()
                .find(|(s, _, _)| s == status)
                .map(|(_, n, seats)| StatusCount { subscriptions: *n, seats: seats.unwrap_or(0) })
                .unwrap_or_default();
            (*status, count)
        })
        .collect())
}

/// How many subscriptions `freelancer_id`'s link sold since `since`.
pub fn sold_since_in(conn: &mut DbConnection, freelancer_id: &str, since: NaiveDateTime) -> AppResult<i64> {
    store::referred_since(conn, freelancer_id, since)
}

/// One of the latest sales.
#[derive(Debug, Clone)]
pub struct Sale {
    pub subscription_id: String,
    pub plan_name: String,
    pub billing_term: BillingTerm,
    pub seats: i32,
    pub status: SubscriptionStatus,
    pub created_at: NaiveDateTime,
    /// The invoice of the purchase (the commission's cause), when there is one.
    pub purchase_invoice_id: Option<String>,
}

/// The newest `n` sales of `freelancer_id`'s link, newest first (two short indexed reads).
pub fn recent_sales_in(conn: &mut DbConnection, freelancer_id: &str, n: i64) -> AppResult<Vec<Sale>> {
    let rows = store::recent_referred(conn, freelancer_id, n)?;
    let ids: Vec<String> = rows.iter().map(|(r, _)| r.id.clone()).collect();
    let invoices = store::purchase_invoices(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(r, plan_name)| Sale {
            purchase_invoice_id: invoices.iter().find(|(sid, _)| sid == &r.id).map(|(_, inv)| inv.clone()),
            subscription_id: r.id,
            plan_name,
            billing_term: r.billing_term,
            seats: r.seats,
            status: r.status,
            created_at: r.created_at,
        })
        .collect())
}

/// An active, auto-renewing subscription whose term ends soon, with the plan's prices
/// today: what its renewals will charge and at which rate they earn commission.
#[derive(Debug, Clone)]
pub struct Renewing {
    pub subscription_id: String,
    pub plan_name: String,
    pub billing_term: BillingTerm,
    /// The seats the renewal charges: a scheduled decrease applies at the renewal.
    pub seats: i32,
    pub current_term_end: NaiveDateTime,
    /// Seats × the plan's price for the term today (net).
    pub renewal_total_cents: i64,
    pub commission_rate_bps: i32,
}

/// `freelancer_id`'s active, auto-renewing, commission-earning (not self-referred)
/// subscriptions whose current term ends in `(from, until]`, soonest first.
pub fn renewing_in(conn: &mut DbConnection, freelancer_id: &str, from: NaiveDateTime, until: NaiveDateTime) -> AppResult<Vec<Renewing>> {
    Ok(store::renewing_between(conn, freelancer_id, from, until)?
        .into_iter()
        .map(|(r, plan_name, monthly, yearly, rate)| {
            let seats = r.scheduled_seats.unwrap_or(r.seats);
            Renewing {
                renewal_total_cents: price_for(r.billing_term, monthly, yearly) * seats as i64,
                subscription_id: r.id,
                plan_name,
                billing_term: r.billing_term,
                seats,
                current_term_end: r.current_term_end,
                commission_rate_bps: rate,
            }
        })
        .collect())
}

/// The filename of an export made at `now`.
pub fn export_filename(now: NaiveDateTime) -> String {
    format!("subscriptions-{}.csv", utc(now).format("%Y-%m-%d"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(status: Option<&str>, from: Option<&str>, to: Option<&str>) -> ReferredFilter {
        ReferredFilter { status: status.map(Into::into), plan_id: None, from: from.map(Into::into), to: to.map(Into::into) }
    }

    #[test]
    fn dates_become_a_half_open_range_of_whole_days() {
        let f = filter(Some("active"), Some("2026-03-01"), Some("2026-03-31")).parse().unwrap();
        assert_eq!(f.status, Some(SubscriptionStatus::Active));
        assert_eq!(f.created_from.unwrap().to_string(), "2026-03-01 00:00:00");
        assert_eq!(f.created_until.unwrap().to_string(), "2026-04-01 00:00:00");
        let same_day = filter(None, Some("2026-03-01"), Some("2026-03-01")).parse().unwrap();
        assert!(same_day.created_from < same_day.created_until);
    }

    #[test]
    fn every_bad_field_is_named() {
        let e = filter(Some("paused"), Some("2026-3-1"), Some("tomorrow")).parse().unwrap_err();
        let fields: Vec<&str> = e.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["status", "from", "to"]);
        let e = filter(None, Some("2026-03-02"), Some("2026-03-01")).parse().unwrap_err();
        assert_eq!(e.errors[0].field, "to");
    }
}
