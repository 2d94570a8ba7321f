//! Diesel queries for tickets and their messages. Every read of a ticket takes a `Scope`,
//! so that who may see it is decided in the WHERE clause.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{support_tickets, ticket_messages, users};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::support::model::{MessageRow, Requester, TicketCategory, TicketRow, TicketStatus};

/// Whose tickets a query may return.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Support staff: every ticket.
    Any,
    /// Only the tickets this user opened.
    OwnedBy(String),
}

pub struct ListQuery {
    pub scope: Scope,
    pub status: Option<TicketStatus>,
    pub category: Option<TicketCategory>,
    pub after: Option<(NaiveDateTime, String)>,
    pub limit: i64,
}

type RequesterColumns = (users::id, users::email, users::full_name, users::locale);
const REQUESTER: RequesterColumns = (users::id, users::email, users::full_name, users::locale);

pub fn insert_ticket(conn: &mut DbConnection, row: &TicketRow) -> AppResult<()> {
    diesel::insert_into(support_tickets::table).values(row).execute(conn)?;
    Ok(())
}

pub fn insert_message(conn: &mut DbConnection, row: &MessageRow) -> AppResult<()> {
    diesel::insert_into(ticket_messages::table).values(row).execute(conn)?;
    Ok(())
}

pub fn requester(conn: &mut DbConnection, user_id: &str) -> AppResult<Requester> {
    Ok(users::table.find(user_id).select(REQUESTER).first(conn)?)
}

/// The ticket with its requester, when `scope` may see it.
pub fn find(conn: &mut DbConnection, id: &str, scope: &Scope) -> AppResult<Option<(TicketRow, Requester)>> {
    let mut q = support_tickets::table
        .inner_join(users::table)
        .filter(support_tickets::id.eq(id))
        .select((TicketRow::as_select(), REQUESTER))
        .into_boxed();
    if let Scope::OwnedBy(user_id) = scope {
        q = q.filter(support_tickets::user_id.eq(user_id.clone()));
    }
    Ok(q.first(conn).optional()?)
}

/// Messages oldest first, each with its author's name.
pub fn messages_of(conn: &mut DbConnection, ticket_id: &str) -> AppResult<Vec<(MessageRow, String)>> {
    Ok(ticket_messages::table
        .inner_join(users::table.on(users::id.eq(ticket_messages::author_id)))
        .filter(ticket_messages::ticket_id.eq(ticket_id))
        .order((ticket_messages::created_at.asc(), ticket_messages::id.asc()))
        .select((MessageRow::as_select(), users::full_name))
        .load(conn)?)
}

/// Moves the ticket from one of `from` to `to` in one conditional statement; whether it
/// did (a concurrent close or reply that got there first makes it a no-op).
pub fn transition(conn: &mut DbConnection, id: &str, from: &[TicketStatus], to: TicketStatus, at: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(support_tickets::table.filter(support_tickets::id.eq(id)).filter(support_tickets::status.eq_any(from)))
        .set((support_tickets::status.eq(to), support_tickets::updated_at.eq(at)))
        .execute(conn)?;
    Ok(n == 1)
}

/// The ticket's status, with the row locked until the transaction ends on PostgreSQL
/// (SQLite's writer lock already covers it), for a caller that must know the state it
/// changes.
pub fn status_for_update(conn: &mut DbConnection, id: &str) -> AppResult<Option<TicketStatus>> {
    let q = support_tickets::table.find(id).select(support_tickets::status);
    Ok(match conn {
        DbConnection::Postgresql(pg) => q.for_update().first(pg).optional()?,
        DbConnection::Sqlite(lite) => q.first(lite).optional()?,
    })
}

/// One page (plus one row) of tickets, newest first.
pub fn list(conn: &mut DbConnection, q: ListQuery) -> AppResult<Vec<(TicketRow, Requester)>> {
    let mut query = support_tickets::table.inner_join(users::table).select((TicketRow::as_select(), REQUESTER)).into_boxed();
    if let Scope::OwnedBy(user_id) = q.scope {
        query = query.filter(support_tickets::user_id.eq(user_id));
    }
    if let Some(s) = q.status {
        query = query.filter(support_tickets::status.eq(s));
    }
    if let Some(c) = q.category {
        query = query.filter(support_tickets::category.eq(c));
    }
    Ok(crate::newest_first!(query, support_tickets::created_at, support_tickets::id, q.after, q.limit).load(conn)?)
}

/// Message counts of the given tickets (tickets without messages are absent).
pub fn message_counts(conn: &mut DbConnection, ticket_ids: &[String]) -> AppResult<HashMap<String, i64>> {
    if ticket_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(String, i64)> = ticket_messages::table
        .filter(ticket_messages::ticket_id.eq_any(ticket_ids))
        .group_by(ticket_messages::ticket_id)
        .select((ticket_messages::ticket_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}
