//! Diesel queries for the catalogue.

use diesel::prelude::*;

use crate::catalog::model::{Plan, PlanChange, PlanRow, ProductRow};
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

/// Every product, oldest first.
pub fn products(conn: &mut DbConnection) -> AppResult<Vec<ProductRow>> {
    Ok(products::table.order((products::created_at.asc(), products::id.asc())).select(ProductRow::as_select()).load(conn)?)
}

pub fn product(conn: &mut DbConnection, id: &str) -> AppResult<Option<ProductRow>> {
    Ok(products::table.find(id).select(ProductRow::as_select()).first(conn).optional()?)
}

/// Every plan, retired ones included, in the catalogue's order.
pub fn plans(conn: &mut DbConnection) -> AppResult<Vec<PlanRow>> {
    Ok(plans::table.order((plans::sort_order.asc(), plans::id.asc())).select(PlanRow::as_select()).load(conn)?)
}

/// The plan, on sale or retired.
pub fn plan(conn: &mut DbConnection, id: &str) -> AppResult<Option<PlanRow>> {
    Ok(plans::table.find(id).select(PlanRow::as_select()).first(conn).optional()?)
}

/// The plan, when it is on sale.
pub fn active_plan(conn: &mut DbConnection, id: &str) -> AppResult<Option<PlanRow>> {
    Ok(plans::table.find(id).filter(plans::active.eq(true)).select(PlanRow::as_select()).first(conn).optional()?)
}

/// The plan with its row locked until the transaction ends on PostgreSQL (SQLite's
/// writer lock already covers it): a change is validated against the row it replaces.
pub fn plan_for_update(conn: &mut DbConnection, id: &str) -> AppResult<Option<PlanRow>> {
    let q = plans::table.find(id).select(plans::all_columns);
    Ok(match conn {
        DbConnection::Postgresql(pg) => q.for_update().first(pg).optional()?,
        DbConnection::Sqlite(lite) => q.first(lite).optional()?,
    })
}

/// One past the last place in the catalogue.
pub fn next_sort_order(conn: &mut DbConnection) -> AppResult<i32> {
    let max: Option<i32> = plans::table.select(diesel::dsl::max(plans::sort_order)).first(conn)?;
    Ok(max.unwrap_or(0) + 1)
}

pub fn insert_product(conn: &mut DbConnection, row: &ProductRow) -> AppResult<()> {
    diesel::insert_into(products::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_plan(conn: &mut DbConnection, row: &PlanRow) -> AppResult<()> {
    diesel::insert_into(plans::table).values(row).execute(conn)?;
    Ok(())
}

/// Writes the changed columns of a plan (`None` fields are left alone) and returns the row.
pub fn update_plan(conn: &mut DbConnection, id: &str, change: &PlanChange) -> AppResult<PlanRow> {
    Ok(diesel::update(plans::table.find(id)).set(change).returning(plans::all_columns).get_result(conn)?)
}
