//! Plan rows and DTOs.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::schema::plans;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = plans)]
pub struct PlanRow {
    pub id: String,
    pub product_id: String,
    pub name: String,
    pub description: String,
    pub currency: String,
    pub monthly_price_cents: i64,
    pub yearly_price_cents: i64,
    pub commission_rate_bps: i32,
    pub sort_order: i32,
    pub active: bool,
    pub created_at: NaiveDateTime,
}

/// A plan of the catalogue, priced per seat.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Plan {
    #[schema(example = "pln_m365_business_basic")]
    pub id: String,
    pub product_id: String,
    pub product_name: String,
    #[schema(example = "Microsoft 365 Business Basic")]
    pub name: String,
    pub description: String,
    #[schema(example = "USD")]
    pub currency: String,
    /// Price per seat per month, billed monthly, in minor units (cents).
    #[schema(example = 720)]
    pub monthly_price_cents: i64,
    /// Price per seat per year, billed yearly, in minor units (cents).
    #[schema(example = 7200)]
    pub yearly_price_cents: i64,
    /// The freelancer's commission, in basis points of the net price (2000 = 20 %).
    #[schema(example = 2000)]
    pub commission_rate_bps: i32,
}

impl Plan {
    pub fn from_row(r: PlanRow, product_name: String) -> Plan {
        Plan {
            id: r.id,
            product_id: r.product_id,
            product_name,
            name: r.name,
            description: r.description,
            currency: r.currency,
            monthly_price_cents: r.monthly_price_cents,
            yearly_price_cents: r.yearly_price_cents,
            commission_rate_bps: r.commission_rate_bps,
        }
    }
}

/// The catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanList {
    pub data: Vec<Plan>,
    /// Always null: the catalogue fits in one page.
    pub next_cursor: Option<String>,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = crate::db::schema::products)]
pub struct ProductRow {
    pub id: String,
    pub name: String,
    pub vendor: String,
    pub description: String,
    pub created_at: NaiveDateTime,
}

/// A plan as support sees it: the public fields, whether it is on sale, and its place in
/// the catalogue.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AdminPlan {
    #[serde(flatten)]
    pub plan: Plan,
    /// False: retired. It is not offered or sold; existing subscriptions keep renewing.
    pub active: bool,
    /// Position in the catalogue (ascending).
    pub sort_order: i32,
    pub created_at: DateTime<Utc>,
}

impl AdminPlan {
    pub fn from_row(r: PlanRow, product_name: String) -> AdminPlan {
        let (active, sort_order, created_at) = (r.active, r.sort_order, crate::clock::utc(r.created_at));
        AdminPlan { plan: Plan::from_row(r, product_name), active, sort_order, created_at }
    }
}

/// A product with every plan, retired ones included.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AdminProduct {
    #[schema(example = "prd_microsoft_365")]
    pub id: String,
    #[schema(example = "Microsoft 365")]
    pub name: String,
    #[schema(example = "Microsoft")]
    pub vendor: String,
    pub description: String,
    pub created_at: DateTime<Utc>,
    pub plans: Vec<AdminPlan>,
}

/// The whole catalogue, for editing.
#[derive(Debug, Serialize, ToSchema)]
pub struct AdminCatalog {
    pub products: Vec<AdminProduct>,
}

/// A new product (plans are added to it one by one).
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"name": "Dynamics 365", "vendor": "Microsoft", "description": "Business applications for sales and service."}))]
pub struct CreateProductRequest {
    /// 3 to 80 characters.
    #[schema(min_length = 3, max_length = 80)]
    pub name: String,
    /// 1 to 80 characters.
    #[schema(min_length = 1, max_length = 80)]
    pub vendor: String,
    /// At most 1000 characters.
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub description: String,
}

/// A new plan of an existing product, on sale at once.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({
    "product_id": "prd_microsoft_365",
    "name": "Microsoft 365 E3",
    "description": "Enterprise productivity and security.",
    "monthly_price_cents": 4320,
    "yearly_price_cents": 43200,
    "commission_rate_bps": 1000
}))]
pub struct CreatePlanRequest {
    pub product_id: String,
    /// 3 to 80 characters.
    #[schema(min_length = 3, max_length = 80)]
    pub name: String,
    /// At most 1000 characters.
    #[serde(default)]
    #[schema(max_length = 1000)]
    pub description: String,
    /// Per seat per month, billed monthly: 1 to 10 000 000 cents.
    #[schema(minimum = 1, maximum = 10_000_000)]
    pub monthly_price_cents: i64,
    /// Per seat per year, billed yearly: 1 to 10 000 000 cents, and less than 12 × the
    /// monthly price (a yearly commitment costs less per month).
    #[schema(minimum = 1, maximum = 10_000_000)]
    pub yearly_price_cents: i64,
    /// 0 to 5000 basis points (0 to 50 %).
    #[schema(minimum = 0, maximum = 5000)]
    pub commission_rate_bps: i32,
}

/// A change to a plan: only the fields sent change, under the rules of a new plan.
/// `active: false` retires the plan (no longer offered or sold); `true` puts it back on
/// sale. A price change applies to subscriptions from their next renewal.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[schema(example = json!({"monthly_price_cents": 780, "yearly_price_cents": 7800}))]
pub struct UpdatePlanRequest {
    #[schema(min_length = 3, max_length = 80)]
    pub name: Option<String>,
    #[schema(max_length = 1000)]
    pub description: Option<String>,
    #[schema(minimum = 1, maximum = 10_000_000)]
    pub monthly_price_cents: Option<i64>,
    #[schema(minimum = 1, maximum = 10_000_000)]
    pub yearly_price_cents: Option<i64>,
    #[schema(minimum = 0, maximum = 5000)]
    pub commission_rate_bps: Option<i32>,
    pub active: Option<bool>,
}

/// The columns a plan change writes; `None` leaves a column as it is.
#[derive(Debug, Default, Clone, AsChangeset)]
#[diesel(table_name = plans)]
pub struct PlanChange {
    pub name: Option<String>,
    pub description: Option<String>,
    pub monthly_price_cents: Option<i64>,
    pub yearly_price_cents: Option<i64>,
    pub commission_rate_bps: Option<i32>,
    pub active: Option<bool>,
}
