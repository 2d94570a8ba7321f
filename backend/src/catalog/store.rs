//! Diesel queries for the catalogue.

use diesel::prelude::*;

use crate::catalog::model::{Plan, PlanRow};
use crate::db::schema::{plans, products};
use crate::db::DbConnection;
use crate::error::AppResult;

pub fn active_plans(conn: &mut DbConnection) -> AppResult<Vec<Plan>> {
    let rows: Vec<(PlanRow, String)> = plans::table
        .inner_join(products::table)
        .filter(plans::active.eq(true))
        .order((plans::sort_order.asc(), plans::id.asc()))
        .select((PlanRow::as_select(), products::name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(r, p)| Plan::from_row(r, p)).collect())
}
