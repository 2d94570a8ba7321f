//! What the Earnings page draws beside the ledger: earnings per calendar month (the chart)
//! and a forecast of the commission the next 90 days of renewals will earn.
//!
//! Monthly: each entry counts in the UTC calendar month it was posted (`created_at`), so a
//! month's figures never change once it is over, except by new entries in later months.
//! `commission_cents` is every commission posted that month, whatever became of it
//! (pending, available or reversed since); `reversed_cents` is what reversals and
//! clawbacks posted that month took back, as a positive amount; `net_cents` is the
//! difference. Over a freelancer's whole history the nets add up to "earned since
//! joining" (`ledger::balances_in`), because a reversal of a pending commission takes
//! back all of it and a clawback exactly its own amount. Adjustments and withdrawals are
//! not earnings and are not charted. One GROUP BY over the (freelancer_id, created_at)
//! index per request; the month bucket is the one expression that differs per engine.
//!
//! Forecast: the freelancer's active subscriptions with auto-renew on (not self-referred:
//! those earn nothing) whose term ends within 90 days. Each renewal in the window is one
//! item — a monthly plan renews up to three times — charged at the plan's price today for
//! the seats it will have (a scheduled decrease applies at the renewal) and earning the
//! plan's commission rate today, rounded half up as a posted commission is. It is a
//! forecast: a price or rate change, a cancellation or a failed payment changes it.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::clock::utc;
use crate::db::DbConnection;
use crate::domain::commerce::{bps_of, BillingTerm};
use crate::domain::earnings::EarningKind;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::subscriptions::referred;

pub const CURRENCY: &str = "USD";
/// How far the forecast looks ahead.
pub const FORECAST_DAYS: i64 = 90;
pub const DEFAULT_MONTHS: i64 = 12;
pub const MAX_MONTHS: i64 = 24;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonthsParam {
    /// How many calendar months to return, ending with the current one: 1 to 24 (default 12).
    #[param(minimum = 1, maximum = 24, example = 12)]
    pub months: Option<i64>,
}

impl MonthsParam {
    pub fn parse(&self) -> AppResult<u32> {
        let months = self.months.unwrap_or(DEFAULT_MONTHS);
        if !(1..=MAX_MONTHS).contains(&months) {
            return Err(AppError::field("months", "Enter a number of months from 1 to 24."));
        }
        Ok(months as u32)
    }
}

/// One calendar month (UTC) of earnings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct MonthEarnings {
    #[schema(example = "2026-12")]
    pub month: String,
    /// Commissions posted this month, whatever became of them since.
    #[schema(example = 4500)]
    pub commission_cents: i64,
    /// Taken back this month by reversals and clawbacks (a positive amount).
    #[schema(example = 1500)]
    pub reversed_cents: i64,
    /// `commission_cents − reversed_cents`.
    #[schema(example = 3000)]
    pub net_cents: i64,
}

/// Earnings per month, oldest first, every month present (zeros when nothing happened).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MonthlyEarnings {
    #[schema(example = "USD")]
    pub currency: String,
    pub months: Vec<MonthEarnings>,
}

/// One renewal expected in the forecast window.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ForecastItem {
    #[schema(example = "sub_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub subscription_id: String,
    #[schema(example = "Microsoft 365 Business Standard")]
    pub plan_name: String,
    /// The seats the renewal will charge (after a scheduled decrease).
    #[schema(example = 5)]
    pub seats: i32,
    pub billing_term: BillingTerm,
    /// When the renewal is due (the end of the term before it).
    pub renews_on: DateTime<Utc>,
    /// What the renewal will charge, net: seats × the plan's price today.
    #[schema(example = 75000)]
    pub renewal_total_cents: i64,
    /// The commission it will earn at the plan's rate today.
    #[schema(example = 7500)]
    pub commission_cents: i64,
}

/// The commission the next 90 days of renewals will earn, soonest renewal first.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Forecast {
    #[schema(example = "USD")]
    pub currency: String,
    /// The window, from now.
    #[schema(example = 90)]
    pub days: i64,
    /// The sum of the items' commissions.
    #[schema(example = 7500)]
    pub total_cents: i64,
    pub items: Vec<ForecastItem>,
}

/// The first instant of the month `months_back` months before `now`'s month.
fn month_start(now: NaiveDateTime, months_back: u32) -> NaiveDateTime {
    let first = NaiveDate::from_ymd_opt(now.year(), now.month(), 1).expect("day 1 of a valid month");
    first.checked_sub_months(Months::new(months_back)).expect("a month within range").and_time(chrono::NaiveTime::MIN)
}

fn label(start: NaiveDateTime) -> String {
    start.format("%Y-%m").to_string()
}

/// Fills every month of the window from the (month, kind, sum) rows of the query.
fn buckets(now: NaiveDateTime, months: u32, sums: &[(String, EarningKind, i64)]) -> Vec<MonthEarnings> {
    (0..months)
        .rev()
        .map(|back| {
            let month = label(month_start(now, back));
            let sum_of = |kind| sums.iter().filter(|(m, k, _)| *m == month && *k == kind).map(|(_, _, s)| s).sum::<i64>();
            let commission_cents = sum_of(EarningKind::Commission);
            let reversed_cents = -sum_of(EarningKind::Reversal);
            MonthEarnings { month, commission_cents, reversed_cents, net_cents: commission_cents - reversed_cents }
        })
        .collect()
}

/// The freelancer's earnings per month for the `months` months up to `now`'s.
pub fn monthly_in(conn: &mut DbConnection, freelancer_id: &str, months: u32, now: NaiveDateTime) -> AppResult<MonthlyEarnings> {
    let from = month_start(now, months - 1);
    let until = from.checked_add_months(Months::new(months)).expect("a month within range");
    let sums = queries::month_sums(conn, freelancer_id, from, until)?;
    Ok(MonthlyEarnings { currency: CURRENCY.into(), months: buckets(now, months, &sums) })
}

/// Renewal instants of a term ending at `term_end`, up to `until`.
fn renewals(term: BillingTerm, term_end: NaiveDateTime, until: NaiveDateTime) -> impl Iterator<Item = NaiveDateTime> {
    std::iter::successors(Some(term_end), move |at| Some(term.term_end(*at)).filter(|next| next > at)).take_while(move |at| *at <= until)
}

/// The renewals of the next [`FORECAST_DAYS`] days and the commission they will earn.
pub fn forecast_in(conn: &mut DbConnection, freelancer_id: &str, now: NaiveDateTime) -> AppResult<Forecast> {
    let until = now + Duration::days(FORECAST_DAYS);
    let mut items: Vec<ForecastItem> = referred::renewing_in(conn, freelancer_id, now, until)?
        .into_iter()
        .flat_map(|r| {
            renewals(r.billing_term, r.current_term_end, until)
                .map(|at| ForecastItem {
                    subscription_id: r.subscription_id.clone(),
                    plan_name: r.plan_name.clone(),
                    seats: r.seats,
                    billing_term: r.billing_term,
                    renews_on: utc(at),
                    renewal_total_cents: r.renewal_total_cents,
                    commission_cents: bps_of(r.renewal_total_cents, r.commission_rate_bps),
                })
                .collect::<Vec<_>>()
        })
        .collect();
    items.sort_by(|a, b| (a.renews_on, &a.subscription_id).cmp(&(b.renews_on, &b.subscription_id)));
    let total_cents = items.iter().map(|i| i.commission_cents).sum();
    Ok(Forecast { currency: CURRENCY.into(), days: FORECAST_DAYS, total_cents, items })
}

pub async fn monthly(state: &AppState, freelancer_id: String, months: u32) -> AppResult<MonthlyEarnings> {
    let now = state.clock.now_naive();
    state.db.run(move |conn| monthly_in(conn, &freelancer_id, months, now)).await
}

pub async fn forecast(state: &AppState, freelancer_id: String) -> AppResult<Forecast> {
    let now = state.clock.now_naive();
    state.db.run(move |conn| forecast_in(conn, &freelancer_id, now)).await
}

/// For the dashboard: the commission posted for each of `invoice_ids` (its cause key is
/// `commission:{invoice}`, a unique index), as (invoice id, amount).
pub fn commissions_of_invoices_in(conn: &mut DbConnection, invoice_ids: &[String]) -> AppResult<Vec<(String, i64)>> {
    queries::commissions_of_invoices(conn, invoice_ids)
}

/// The queries of this module: read-only, scoped by the freelancer, on the ledger's indexes.
mod queries {
    use chrono::NaiveDateTime;
    use diesel::prelude::*;
    use diesel::sql_types::{BigInt, Text, Timestamp};

    use crate::db::schema::earning_entries;
    use crate::db::DbConnection;
    use crate::domain::earnings::EarningKind;
    use crate::error::AppResult;

    #[derive(QueryableByName)]
    struct MonthSum {
        #[diesel(sql_type = Text)]
        month: String,
        #[diesel(sql_type = Text)]
        kind: EarningKind,
        #[diesel(sql_type = BigInt)]
        total: i64,
    }

    /// `SUM(amount)` of commissions and reversals per (UTC month, kind) posted in
    /// `[from, until)`. Timestamps are naive UTC on both engines: PostgreSQL formats
    /// them, SQLite stores them as `YYYY-MM-DD HH:MM:SS…` text whose first 7 characters
    /// are the month.
    pub fn month_sums(
        conn: &mut DbConnection,
        freelancer_id: &str,
        from: NaiveDateTime,
        until: NaiveDateTime,
    ) -> AppResult<Vec<(String, EarningKind, i64)>> {
        // One statement per engine: the month expression and the placeholders differ.
        macro_rules! load {
            ($c:expr, $month:expr, $p:expr) => {
                diesel::sql_query(format!(
                    "SELECT {} AS month, kind, CAST(SUM(amount_cents) AS BIGINT) AS total FROM earning_entries \
                     WHERE freelancer_id = {} AND created_at >= {} AND created_at < {} AND kind IN ({}, {}) GROUP BY 1, 2",
                    $month, $p[0], $p[1], $p[2], $p[3], $p[4]
                ))
                .bind::<Text, _>(freelancer_id)
                .bind::<Timestamp, _>(from)
                .bind::<Timestamp, _>(until)
                .bind::<Text, _>(EarningKind::Commission)
                .bind::<Text, _>(EarningKind::Reversal)
                .load($c)?
            };
        }
        let rows: Vec<MonthSum> = match conn {
            DbConnection::Postgresql(c) => load!(c, "to_char(created_at, 'YYYY-MM')", ["$1", "$2", "$3", "$4", "$5"]),
            DbConnection::Sqlite(c) => load!(c, "substr(created_at, 1, 7)", ["?"; 5]),
        };
        Ok(rows.into_iter().map(|r| (r.month, r.kind, r.total)).collect())
    }

    pub fn commissions_of_invoices(conn: &mut DbConnection, invoice_ids: &[String]) -> AppResult<Vec<(String, i64)>> {
        let keys: Vec<String> = invoice_ids.iter().map(|id| format!("commission:{id}")).collect();
        Ok(earning_entries::table
            .filter(earning_entries::cause_key.eq_any(keys))
            .filter(earning_entries::kind.eq(EarningKind::Commission))
            .filter(earning_entries::invoice_id.is_not_null())
            .select((earning_entries::invoice_id.assume_not_null(), earning_entries::amount_cents))
            .load(conn)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn months_run_oldest_first_across_a_year_with_zeros() {
        let sums = vec![("2026-01".to_string(), EarningKind::Commission, 1_000), ("2026-01".to_string(), EarningKind::Reversal, -400)];
        let m = buckets(at("2026-01-15 10:00:00"), 3, &sums);
        let labels: Vec<&str> = m.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(labels, ["2025-11", "2025-12", "2026-01"]);
        assert_eq!(m[2], MonthEarnings { month: "2026-01".into(), commission_cents: 1_000, reversed_cents: 400, net_cents: 600 });
        assert_eq!(m[0].net_cents, 0);
    }

    #[test]
    fn a_monthly_plan_renews_three_times_in_ninety_days_a_yearly_once() {
        let until = at("2026-03-31 12:00:00");
        let monthly: Vec<_> = renewals(BillingTerm::Monthly, at("2026-01-05 09:00:00"), until).collect();
        assert_eq!(monthly, [at("2026-01-05 09:00:00"), at("2026-02-05 09:00:00"), at("2026-03-05 09:00:00")]);
        assert_eq!(renewals(BillingTerm::Yearly, at("2026-02-01 00:00:00"), until).count(), 1);
        assert_eq!(renewals(BillingTerm::Monthly, at("2026-04-01 00:00:00"), until).count(), 0);
    }
}
