//! The subscription event history: one row per transition, inserted in the transaction of
//! the change it records and never updated. Consumers (earnings, notifications, webhooks)
//! read it in (created_at, id) order and key their own work by the event id.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::subscription_events;
use crate::db::DbConnection;
use crate::domain::commerce::{SubscriptionEventKind, SubscriptionStatus};
use crate::domain::ids::SubscriptionEventId;
use crate::error::AppResult;
use crate::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subscription_events)]
pub struct EventRow {
    pub id: String,
    pub subscription_id: String,
    pub kind: SubscriptionEventKind,
    pub status_before: Option<SubscriptionStatus>,
    pub status_after: SubscriptionStatus,
    /// Seats after the event.
    pub seats: i32,
    /// Money that moved with it: a charge is positive, a refund negative.
    pub amount_cents: Option<i64>,
    /// The invoice or credit note issued with it.
    pub invoice_id: Option<String>,
    pub actor_id: Option<String>,
    /// Details as a JSON object (period, previous seats, reason…).
    pub data: String,
    pub created_at: NaiveDateTime,
}

/// What happened, for `append_in`.
pub struct NewEvent<'a> {
    pub subscription_id: &'a str,
    pub kind: SubscriptionEventKind,
    pub status_before: Option<SubscriptionStatus>,
    pub status_after: SubscriptionStatus,
    pub seats: i32,
    pub amount_cents: Option<i64>,
    pub invoice_id: Option<&'a str>,
    pub actor_id: Option<&'a str>,
    pub data: serde_json::Value,
}

/// Appends one event and posts what it earns (`earnings::posting`, same transaction;
/// `st` for the links in the emails that follow); returns its id.
pub fn append_in(conn: &mut DbConnection, st: &AppState, e: NewEvent<'_>, now: NaiveDateTime) -> AppResult<String> {
    let row = EventRow {
        id: SubscriptionEventId::generate().0,
        subscription_id: e.subscription_id.to_string(),
        kind: e.kind,
        status_before: e.status_before,
        status_after: e.status_after,
        seats: e.seats,
        amount_cents: e.amount_cents,
        invoice_id: e.invoice_id.map(str::to_string),
        actor_id: e.actor_id.map(str::to_string),
        data: e.data.to_string(),
        created_at: now,
    };
    diesel::insert_into(subscription_events::table).values(&row).execute(conn)?;
    crate::earnings::posting::on_event_in(conn, st, &row, now)?;
    Ok(row.id)
}

/// Every event of one subscription, oldest first.
pub fn of_subscription_in(conn: &mut DbConnection, subscription_id: &str) -> AppResult<Vec<EventRow>> {
    Ok(subscription_events::table
        .filter(subscription_events::subscription_id.eq(subscription_id))
        .order((subscription_events::created_at.asc(), subscription_events::id.asc()))
        .select(EventRow::as_select())
        .load(conn)?)
}
