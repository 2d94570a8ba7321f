//! Diesel writes of checkout: the payment attempt, the order and the subscription.

use diesel::prelude::*;

use crate::checkout::model::{OrderRow, PaymentRow};
use crate::db::schema::{orders, payments, subscriptions};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::subscriptions::model::SubscriptionRow;

pub fn insert_payment(conn: &mut DbConnection, row: &PaymentRow) -> AppResult<()> {
    diesel::insert_into(payments::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_order(conn: &mut DbConnection, row: &OrderRow) -> AppResult<()> {
    diesel::insert_into(orders::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_subscription(conn: &mut DbConnection, row: &SubscriptionRow) -> AppResult<()> {
    diesel::insert_into(subscriptions::table).values(row).execute(conn)?;
    Ok(())
}
