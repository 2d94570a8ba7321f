//! Plan rows and DTOs.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::schema::plans;

#[derive(Debug, Clone, Queryable, Selectable)]
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
#[derive(Debug, Serialize, ToSchema)]
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
