//! The per-country tax table that `service::issue_in` charges from: empty by default (no
//! tax), edited by support. A rate is in basis points of the net amount (1900 = 19 %),
//! 0 to 5000, with a label printed on invoices ("USt.", "VAT"). Changes apply to invoices
//! issued afterwards; issued ones keep the rate they were issued at. Every change is
//! audited with the row before and after.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::audit::{AuditAction, AuditEntry};
use crate::clock::utc;
use crate::db::schema::tax_rates;
use crate::domain::country;
use crate::error::{AppError, AppResult};
use crate::invoices::store;
use crate::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tax_rates)]
pub struct TaxRateRow {
    pub country: String,
    pub rate_bps: i32,
    pub label: String,
    pub updated_by: String,
    pub updated_at: NaiveDateTime,
}

/// The tax charged on invoices to one country.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TaxRate {
    /// ISO 3166-1 alpha-2.
    #[schema(example = "DE")]
    pub country: String,
    /// Basis points of the net amount (1900 = 19 %).
    #[schema(example = 1900, minimum = 0, maximum = 5000)]
    pub rate_bps: i32,
    /// Printed on invoices beside the rate.
    #[schema(example = "USt.")]
    pub label: String,
    pub updated_at: DateTime<Utc>,
}

impl From<TaxRateRow> for TaxRate {
    fn from(r: TaxRateRow) -> TaxRate {
        TaxRate { country: r.country, rate_bps: r.rate_bps, label: r.label, updated_at: utc(r.updated_at) }
    }
}

/// The tax table, by country.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaxRateList {
    pub data: Vec<TaxRate>,
    /// Always null: the table fits in one page.
    pub next_cursor: Option<String>,
}

/// A country's rate, set or replaced.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"rate_bps": 1900, "label": "USt."}))]
pub struct SetTaxRateRequest {
    /// 0 to 5000 basis points (0 to 50 %).
    #[schema(minimum = 0, maximum = 5000)]
    pub rate_bps: i32,
    /// 1 to 40 characters, on one line.
    #[schema(min_length = 1, max_length = 40)]
    pub label: String,
}

fn check_country(code: &str) -> AppResult<()> {
    if !country::is_assigned(code) {
        return Err(AppError::field("country", "Enter an ISO 3166-1 alpha-2 country code in capitals, such as US."));
    }
    Ok(())
}

fn snapshot(r: &TaxRateRow) -> serde_json::Value {
    serde_json::json!({"country": r.country, "rate_bps": r.rate_bps, "label": r.label})
}

pub async fn list(state: &AppState) -> AppResult<TaxRateList> {
    let rows = state.db.run(store::tax_rates).await?;
    Ok(TaxRateList { data: rows.into_iter().map(TaxRate::from).collect(), next_cursor: None })
}

/// Sets `country`'s rate (creating or replacing it). Setting what is there already
/// changes nothing and writes no audit entry.
pub async fn set(state: &AppState, actor_id: String, country: String, req: SetTaxRateRequest, ip: Option<String>) -> AppResult<TaxRate> {
    check_country(&country)?;
    let label = req.label.split_whitespace().collect::<Vec<_>>().join(" ");
    AppError::all_of([
        if (0..=5000).contains(&req.rate_bps) {
            Ok(())
        } else {
            Err(AppError::field("rate_bps", "Enter a rate from 0 to 5000 basis points (0 to 50 %)."))
        },
        if (1..=40).contains(&label.chars().count()) { Ok(()) } else { Err(AppError::field("label", "Use 1 to 40 characters.")) },
    ])?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let row = TaxRateRow { country: country.clone(), rate_bps: req.rate_bps, label, updated_by: actor_id.clone(), updated_at: now };
            // Insert-or-lock, so that each change's `before` is the row it replaced: the
            // first writer creates the row; everyone else locks it and updates it in turn.
            // (A removal committed between the two statements sends us round once more.)
            let mut before = None;
            let mut inserted = false;
            for _ in 0..3 {
                inserted = store::insert_tax_rate_if_absent(conn, &row)?;
                if !inserted {
                    before = store::tax_rate_for_update(conn, &country)?;
                }
                if inserted || before.is_some() {
                    break;
                }
            }
            if !inserted && before.is_none() {
                return Err(AppError::internal("the tax rate kept being removed while it was set"));
            }
            let mut entry = AuditEntry::new(Some(&actor_id), AuditAction::TaxRateChanged, "tax_rate", &country);
            if let Some(before) = before {
                if before.rate_bps == row.rate_bps && before.label == row.label {
                    return Ok(TaxRate::from(before));
                }
                store::update_tax_rate(conn, &row)?;
                entry = entry.before(snapshot(&before));
            }
            entry.after(snapshot(&row)).ip(ip.as_deref()).write(conn, now)?;
            Ok(TaxRate::from(row))
        })
        .await
}

/// Removes `country`'s rate: invoices to it carry no tax from now on.
pub async fn remove(state: &AppState, actor_id: String, country: String, ip: Option<String>) -> AppResult<()> {
    check_country(&country)?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let before =
                store::delete_tax_rate(conn, &country)?.ok_or_else(|| AppError::not_found("There is no tax rate for this country."))?;
            AuditEntry::new(Some(&actor_id), AuditAction::TaxRateRemoved, "tax_rate", &country)
                .before(snapshot(&before))
                .ip(ip.as_deref())
                .write(conn, st.clock.now_naive())?;
            Ok(())
        })
        .await
}
