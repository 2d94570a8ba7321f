//! The support rules: anyone signed in opens tickets and talks with support on them; only
//! the requester and staff see a ticket (anyone else gets 404, so ids do not leak). A
//! staff reply marks the ticket `answered` and emails the requester; the requester's
//! reply makes it `open` again; a closed ticket takes no more messages.

use crate::audit::AuditEntry;
use crate::auth::AuthUser;
use crate::clock::utc;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;
use crate::support::model::*;
use crate::support::store::{self, ListQuery, Scope};

fn scope_of(user: &AuthUser) -> Scope {
    if user.is_staff() {
        Scope::Any
    } else {
        Scope::OwnedBy(user.id.clone())
    }
}

fn not_found() -> AppError {
    AppError::not_found("No such support ticket.")
}

fn closed() -> AppError {
    AppError::conflict("ticket_closed", "The ticket is closed. Open a new ticket to contact support again.")
}

fn ticket_url(state: &AppState, id: &str) -> String {
    format!("{}/app/support/{}", state.settings.public_base_url, id)
}

/// A subject on one line, inner whitespace collapsed.
fn clean_subject(raw: &str) -> AppResult<String> {
    let subject = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if subject.chars().count() < 3 {
        return Err(AppError::field("subject", "must have at least 3 characters besides spaces"));
    }
    Ok(subject)
}

/// A message body without surrounding whitespace.
fn clean_body(field: &str, raw: &str, min: usize) -> AppResult<String> {
    let body = raw.trim();
    if body.is_empty() {
        return Err(AppError::field(field, "must not be blank"));
    }
    if body.chars().count() < min {
        return Err(AppError::field(field, format!("must have at least {min} characters besides spaces")));
    }
    Ok(body.to_string())
}

fn parse_row(row: TicketRow, requester: Requester, messages: Option<Vec<TicketMessage>>, count: i64) -> AppResult<Ticket> {
    Ok(Ticket {
        id: row.id,
        subject: row.subject,
        category: row.category,
        status: row.status,
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
        requester,
        messages,
        message_count: count,
    })
}

/// The ticket with every message, as `scope` may see it.
fn load_full(conn: &mut DbConnection, id: &str, scope: &Scope) -> AppResult<Ticket> {
    let (row, requester) = store::find(conn, id, scope)?.ok_or_else(not_found)?;
    let messages: Vec<TicketMessage> = store::messages_of(conn, id)?
        .into_iter()
        .map(|(m, author_name)| TicketMessage {
            id: m.id,
            body: m.body,
            from_staff: m.from_staff,
            author_name,
            created_at: utc(m.created_at),
        })
        .collect();
    let count = messages.len() as i64;
    parse_row(row, requester, Some(messages), count)
}

pub async fn create(state: &AppState, user: &AuthUser, req: CreateTicketRequest) -> AppResult<Ticket> {
    let subject = clean_subject(&req.subject)?;
    let message = clean_body("message", &req.message, 10)?;
    let user_id = user.id.clone();
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let requester = store::requester(conn, &user_id)?;
            let id = TicketId::generate();
            store::insert_ticket(
                conn,
                &TicketRow {
                    id: id.0.clone(),
                    user_id: user_id.clone(),
                    subject: subject.clone(),
                    category: req.category,
                    status: TicketStatus::Open,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            store::insert_message(
                conn,
                &MessageRow {
                    id: TicketMessageId::generate().0,
                    ticket_id: id.0.clone(),
                    author_id: user_id.clone(),
                    from_staff: false,
                    body: message.clone(),
                    created_at: now,
                },
            )?;
            let url = ticket_url(&st, id.as_str());
            let confirmation = mails::SupportTicketReceived {
                name: requester.full_name.clone(),
                subject: subject.clone(),
                reference: id.as_str().to_string(),
                url: url.clone(),
            };
            outbox::send(conn, &requester.email, requester.locale, &confirmation, now)?;
            let notice = mails::SupportTicketNew {
                name: requester.full_name.clone(),
                email: requester.email.clone(),
                category: req.category.as_str().into(),
                subject: subject.clone(),
                message: message.clone(),
                url,
            };
            outbox::send(conn, &st.settings.support_email, st.settings.support_locale, &notice, now)?;
            load_full(conn, id.as_str(), &Scope::OwnedBy(user_id))
        })
        .await
}

pub async fn get(state: &AppState, user: &AuthUser, id: TicketId) -> AppResult<Ticket> {
    let scope = scope_of(user);
    state.db.run(move |conn| load_full(conn, id.as_str(), &scope)).await
}

/// A reply by the requester or by staff. The ticket is looked up (and 404 given) before
/// the body is validated, so another user's id answers the same whatever is sent.
pub async fn reply(state: &AppState, user: &AuthUser, id: TicketId, req: ReplyRequest) -> AppResult<Ticket> {
    let scope = scope_of(user);
    let (user_id, is_staff) = (user.id.clone(), user.is_staff());
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let (row, requester) = store::find(conn, id.as_str(), &scope)?.ok_or_else(not_found)?;
            validator::Validate::validate(&req)?;
            let body = clean_body("body", &req.body, 1)?;
            // A staff member writing on a ticket of their own writes as its requester.
            let from_staff = is_staff && row.user_id != user_id;
            let now = st.clock.now_naive();
            // The status update comes first and is conditional: on PostgreSQL it also locks
            // the ticket, so a close cannot slip in between it and the message.
            if !store::transition(conn, id.as_str(), TicketStatus::ACTIVE, TicketStatus::after_reply(from_staff), now)? {
                return Err(closed());
            }
            store::insert_message(
                conn,
                &MessageRow {
                    id: TicketMessageId::generate().0,
                    ticket_id: id.0.clone(),
                    author_id: user_id,
                    from_staff,
                    body: body.clone(),
                    created_at: now,
                },
            )?;
            if from_staff {
                let url = ticket_url(&st, id.as_str());
                let mail =
                    mails::SupportTicketAnswered { name: requester.full_name.clone(), subject: row.subject.clone(), answer: body, url };
                outbox::send(conn, &requester.email, requester.locale, &mail, now)?;
            }
            load_full(conn, id.as_str(), &scope)
        })
        .await
}

/// Closes a ticket the caller may see (the requester, or staff); audited.
pub async fn close(state: &AppState, actor: &AuthUser, id: TicketId, ip: Option<String>) -> AppResult<Ticket> {
    let scope = scope_of(actor);
    let actor_id = actor.id.clone();
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            store::find(conn, id.as_str(), &scope)?.ok_or_else(not_found)?;
            let now = st.clock.now_naive();
            // Locked, so the state recorded as `before` is the one this close replaces.
            let before = store::status_for_update(conn, id.as_str())?.ok_or_else(not_found)?;
            if !store::transition(conn, id.as_str(), TicketStatus::ACTIVE, TicketStatus::Closed, now)? {
                return Err(closed());
            }
            AuditEntry::new(Some(&actor_id), "support_ticket.closed", "support_ticket", id.as_str())
                .before(serde_json::json!({"status": before}))
                .after(serde_json::json!({"status": TicketStatus::Closed}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            load_full(conn, id.as_str(), &scope)
        })
        .await
}

/// The caller's own tickets, newest first (staff too see only their own here).
pub async fn list_mine(state: &AppState, user: &AuthUser, status: Option<TicketStatus>, page: Page) -> AppResult<Paginated<Ticket>> {
    list(state, Scope::OwnedBy(user.id.clone()), status, None, page).await
}

/// Support's queue: every ticket, newest first. Callers are staff (`StaffUser`).
pub async fn queue(
    state: &AppState,
    status: Option<TicketStatus>,
    category: Option<TicketCategory>,
    page: Page,
) -> AppResult<Paginated<Ticket>> {
    list(state, Scope::Any, status, category, page).await
}

async fn list(
    state: &AppState,
    scope: Scope,
    status: Option<TicketStatus>,
    category: Option<TicketCategory>,
    page: Page,
) -> AppResult<Paginated<Ticket>> {
    let limit = page.limit;
    let tickets = state
        .db
        .run(move |conn| {
            let rows = store::list(conn, ListQuery { scope, status, category, after: page.after, limit })?;
            let ids: Vec<String> = rows.iter().map(|(r, _)| r.id.clone()).collect();
            let counts = store::message_counts(conn, &ids)?;
            rows.into_iter()
                .map(|(row, requester)| {
                    let count = counts.get(&row.id).copied().unwrap_or(0);
                    parse_row(row, requester, None, count)
                })
                .collect::<AppResult<Vec<Ticket>>>()
        })
        .await?;
    Ok(finish(tickets, limit, |t: &Ticket| (t.created_at.naive_utc(), t.id.clone()), |t| t))
}
