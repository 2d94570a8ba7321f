//! What other slices may read of the catalogue, and support's edits to it. A plan's price
//! is per seat: monthly (billed each month) and yearly (billed once a year), the yearly
//! one below 12 × the monthly one so that a commitment pays. Plans are never deleted:
//! `active: false` retires one (it is no longer offered or sold, and subscriptions on it
//! keep renewing). Subscriptions store the unit price of their current term, so a price
//! change reaches each of them at its next renewal. Every edit is audited with the row
//! before and after.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use crate::audit::{AuditAction, AuditEntry};
use crate::catalog::model::*;
use crate::catalog::store;
use crate::clock::utc;
use crate::db::DbConnection;
use crate::domain::ids::random_token;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The highest price per seat a plan may have, in cents, for either term.
pub const MAX_PRICE_CENTS: i64 = 10_000_000;
/// The highest commission rate: 50 %.
pub const MAX_COMMISSION_BPS: i32 = 5_000;

/// The plans on sale, in the catalogue's order.
pub fn active_plans_in(conn: &mut DbConnection) -> AppResult<Vec<Plan>> {
    store::active_plans(conn)
}

/// The plan `id` when it is on sale (a retired or unknown plan is not sold).
pub fn plan_on_sale_in(conn: &mut DbConnection, id: &str) -> AppResult<Option<PlanRow>> {
    store::active_plan(conn, id)
}

/// The plan `id`, on sale or retired (earnings read the rate of a subscription's plan).
pub fn plan_in(conn: &mut DbConnection, id: &str) -> AppResult<Option<PlanRow>> {
    store::plan(conn, id)
}

/// One text on one line, inner whitespace collapsed.
fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn check_name(name: &str) -> AppResult<()> {
    if !(3..=80).contains(&chars(name)) {
        return Err(AppError::field("name", "Use 3 to 80 characters."));
    }
    Ok(())
}

fn check_description(description: &str) -> AppResult<()> {
    if chars(description) > 1000 {
        return Err(AppError::field("description", "Use at most 1000 characters."));
    }
    Ok(())
}

fn check_price(field: &str, cents: i64) -> AppResult<()> {
    if !(1..=MAX_PRICE_CENTS).contains(&cents) {
        return Err(AppError::field(field, "Enter a price from 1 to 10000000 cents."));
    }
    Ok(())
}

fn check_commission(bps: i32) -> AppResult<()> {
    if !(0..=MAX_COMMISSION_BPS).contains(&bps) {
        return Err(AppError::field("commission_rate_bps", "Enter a commission rate from 0 to 5000 basis points (0 to 50 %)."));
    }
    Ok(())
}

/// A yearly commitment must cost less per month than paying month by month.
fn check_yearly_below_monthly(monthly: i64, yearly: i64) -> AppResult<()> {
    let twelve_months = monthly.saturating_mul(12);
    if yearly >= twelve_months {
        return Err(AppError::field(
            "yearly_price_cents",
            format!("A yearly commitment costs less per month: enter less than 12 × the monthly price, below {twelve_months} cents."),
        ));
    }
    Ok(())
}

/// The rules every plan obeys, on the values it would have.
fn check_plan(name: &str, description: &str, monthly: i64, yearly: i64, commission: i32) -> AppResult<()> {
    let prices_valid = check_price("monthly_price_cents", monthly).is_ok() && check_price("yearly_price_cents", yearly).is_ok();
    AppError::all_of([
        check_name(name),
        check_description(description),
        check_price("monthly_price_cents", monthly),
        check_price("yearly_price_cents", yearly),
        if prices_valid { check_yearly_below_monthly(monthly, yearly) } else { Ok(()) },
        check_commission(commission),
    ])
}

/// `pln_microsoft_365_e3_k2x9qa`: the existing id style (a slug of the name) with a
/// random suffix, so two plans of the same name never collide.
fn new_id(prefix: &str, name: &str) -> String {
    let ascii: String = name.nfkd().filter(char::is_ascii).collect::<String>().to_ascii_lowercase();
    let words: Vec<&str> = ascii.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut slug = String::new();
    for w in words {
        if slug.len() + w.len() + 1 > 40 {
            break;
        }
        if !slug.is_empty() {
            slug.push('_');
        }
        slug.push_str(w);
    }
    let suffix = random_token(6).to_ascii_lowercase();
    if slug.is_empty() {
        format!("{prefix}_{suffix}")
    } else {
        format!("{prefix}_{slug}_{suffix}")
    }
}

fn snapshot(p: &PlanRow) -> serde_json::Value {
    serde_json::json!({
        "product_id": p.product_id,
        "name": p.name,
        "description": p.description,
        "currency": p.currency,
        "monthly_price_cents": p.monthly_price_cents,
        "yearly_price_cents": p.yearly_price_cents,
        "commission_rate_bps": p.commission_rate_bps,
        "active": p.active,
    })
}

fn admin_product(p: ProductRow, plans: Vec<AdminPlan>) -> AdminProduct {
    AdminProduct { id: p.id, name: p.name, vendor: p.vendor, description: p.description, created_at: utc(p.created_at), plans }
}

fn product_not_found() -> AppError {
    AppError::field("product_id", "Choose an existing product.")
}

fn plan_not_found() -> AppError {
    AppError::not_found("No such plan.")
}

/// Every product with every plan, retired ones included.
pub async fn catalog(state: &AppState) -> AppResult<AdminCatalog> {
    state
        .db
        .run(|conn| {
            let products = store::products(conn)?;
            let names: HashMap<String, String> = products.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
            let mut by_product: HashMap<String, Vec<AdminPlan>> = HashMap::new();
            for plan in store::plans(conn)? {
                let name = names.get(&plan.product_id).cloned().unwrap_or_default();
                by_product.entry(plan.product_id.clone()).or_default().push(AdminPlan::from_row(plan, name));
            }
            let products = products
                .into_iter()
                .map(|p| {
                    let plans = by_product.remove(&p.id).unwrap_or_default();
                    admin_product(p, plans)
                })
                .collect();
            Ok(AdminCatalog { products })
        })
        .await
}

pub async fn create_product(state: &AppState, actor_id: String, req: CreateProductRequest, ip: Option<String>) -> AppResult<AdminProduct> {
    let (name, vendor, description) = (one_line(&req.name), one_line(&req.vendor), req.description.trim().to_string());
    AppError::all_of([
        check_name(&name),
        if (1..=80).contains(&chars(&vendor)) { Ok(()) } else { Err(AppError::field("vendor", "Use 1 to 80 characters.")) },
        check_description(&description),
    ])?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let row = ProductRow { id: new_id("prd", &name), name, vendor, description, created_at: now };
            store::insert_product(conn, &row)?;
            AuditEntry::new(Some(&actor_id), AuditAction::CatalogProductCreated, "product", &row.id)
                .after(serde_json::json!({"name": row.name, "vendor": row.vendor, "description": row.description}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            Ok(admin_product(row, Vec::new()))
        })
        .await
}

pub async fn create_plan(state: &AppState, actor_id: String, req: CreatePlanRequest, ip: Option<String>) -> AppResult<AdminPlan> {
    let (name, description) = (one_line(&req.name), req.description.trim().to_string());
    check_plan(&name, &description, req.monthly_price_cents, req.yearly_price_cents, req.commission_rate_bps)?;
    // Products are never deleted: one that exists now still does when the plan is written.
    let product_id = req.product_id.clone();
    let product = state.db.run(move |conn| store::product(conn, &product_id)).await?.ok_or_else(product_not_found)?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let row = PlanRow {
                id: new_id("pln", &name),
                product_id: product.id,
                name,
                description,
                currency: "USD".into(),
                monthly_price_cents: req.monthly_price_cents,
                yearly_price_cents: req.yearly_price_cents,
                commission_rate_bps: req.commission_rate_bps,
                sort_order: store::next_sort_order(conn)?,
                active: true,
                created_at: now,
            };
            store::insert_plan(conn, &row)?;
            AuditEntry::new(Some(&actor_id), AuditAction::CatalogPlanCreated, "plan", &row.id)
                .after(snapshot(&row))
                .ip(ip.as_deref())
                .write(conn, now)?;
            Ok(AdminPlan::from_row(row, product.name))
        })
        .await
}

/// Applies the fields sent. The plan is locked first and the rules are checked on the
/// values it would have, so two changes at once (one to the monthly price, one to the
/// yearly) cannot together break the yearly < 12 × monthly rule.
pub async fn update_plan(
    state: &AppState,
    actor_id: String,
    id: String,
    req: UpdatePlanRequest,
    ip: Option<String>,
) -> AppResult<AdminPlan> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let before = store::plan_for_update(conn, &id)?.ok_or_else(plan_not_found)?;
            let change = PlanChange {
                name: req.name.as_deref().map(one_line).filter(|v| *v != before.name),
                description: req.description.as_deref().map(str::trim).map(str::to_string).filter(|v| *v != before.description),
                monthly_price_cents: req.monthly_price_cents.filter(|v| *v != before.monthly_price_cents),
                yearly_price_cents: req.yearly_price_cents.filter(|v| *v != before.yearly_price_cents),
                commission_rate_bps: req.commission_rate_bps.filter(|v| *v != before.commission_rate_bps),
                active: req.active.filter(|v| *v != before.active),
            };
            check_plan(
                change.name.as_deref().unwrap_or(&before.name),
                change.description.as_deref().unwrap_or(&before.description),
                change.monthly_price_cents.unwrap_or(before.monthly_price_cents),
                change.yearly_price_cents.unwrap_or(before.yearly_price_cents),
                change.commission_rate_bps.unwrap_or(before.commission_rate_bps),
            )?;
            let product_name = store::product(conn, &before.product_id)?.map(|p| p.name).unwrap_or_default();
            let unchanged = change.name.is_none()
                && change.description.is_none()
                && change.monthly_price_cents.is_none()
                && change.yearly_price_cents.is_none()
                && change.commission_rate_bps.is_none()
                && change.active.is_none();
            if unchanged {
                return Ok(AdminPlan::from_row(before, product_name));
            }
            let after = store::update_plan(conn, &id, &change)?;
            AuditEntry::new(Some(&actor_id), AuditAction::CatalogPlanUpdated, "plan", &id)
                .before(snapshot(&before))
                .after(snapshot(&after))
                .ip(ip.as_deref())
                .write(conn, st.clock.now_naive())?;
            Ok(AdminPlan::from_row(after, product_name))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_slugs_of_the_name_with_a_suffix() {
        let id = new_id("pln", "Microsoft 365 Business Größe (EU)");
        assert!(id.starts_with("pln_microsoft_365_business_groe_eu_"), "{id}");
        assert_eq!(id.len(), "pln_microsoft_365_business_groe_eu_".len() + 6);
        assert!(new_id("prd", "日本語").starts_with("prd_"));
        assert!(new_id("pln", &"word ".repeat(30)).len() <= 4 + 40 + 7);
    }

    #[test]
    fn yearly_must_cost_less_than_twelve_months() {
        assert!(check_plan("Plan A", "", 1000, 11_999, 0).is_ok());
        let e = check_plan("Plan A", "", 1000, 12_000, 0).unwrap_err();
        assert_eq!(e.errors[0].field, "yearly_price_cents");
        assert!(e.errors[0].message.contains("12 000") || e.errors[0].message.contains("12000"), "{}", e.errors[0].message);
    }

    #[test]
    fn every_broken_rule_is_reported_at_once() {
        let e = check_plan("ab", &"x".repeat(1001), 0, 10_000_001, 5001).unwrap_err();
        let fields: Vec<&str> = e.errors.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["name", "description", "monthly_price_cents", "yearly_price_cents", "commission_rate_bps"]);
    }
}
