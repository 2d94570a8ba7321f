//! The outbox table: enqueue inside business transactions; claim, deliver and retry in
//! the `email` job. Claims are conditional updates, so several instances can run the job
//! at once without sending a message twice.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::utc;
use crate::db::schema::email_outbox;
use crate::db::DbConnection;
use crate::domain::ids::EmailId;
use crate::error::AppResult;
use crate::notifications::templates::Rendered;

pub const MAX_ATTEMPTS: i32 = 8;
const CLAIM_SECONDS: i64 = 120;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_outbox)]
pub struct OutboxRow {
    pub id: String,
    pub to_address: String,
    pub subject: String,
    pub template: String,
    pub text_body: String,
    pub html_body: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub locked_by: Option<String>,
    pub locked_until: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// An outbox message as support sees it (bodies left out).
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxMessage {
    #[schema(example = "eml_4mN7pQ2rS9tU1vW3xY5z")]
    pub id: String,
    pub to: String,
    pub subject: String,
    pub template: String,
    /// `pending`, `sent` or `failed` (gave up after 8 attempts).
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: chrono::DateTime<chrono::Utc>,
    pub last_error: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<OutboxRow> for OutboxMessage {
    fn from(r: OutboxRow) -> Self {
        OutboxMessage {
            id: r.id,
            to: r.to_address,
            subject: r.subject,
            template: r.template,
            status: r.status,
            attempts: r.attempts,
            next_attempt_at: utc(r.next_attempt_at),
            last_error: r.last_error,
            created_at: utc(r.created_at),
            sent_at: r.sent_at.map(utc),
        }
    }
}

pub fn enqueue(conn: &mut DbConnection, to: &str, mail: &Rendered, now: NaiveDateTime) -> AppResult<String> {
    let id = EmailId::generate().0;
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::id.eq(&id),
            email_outbox::to_address.eq(to),
            email_outbox::subject.eq(&mail.subject),
            email_outbox::template.eq(mail.template),
            email_outbox::text_body.eq(&mail.text),
            email_outbox::html_body.eq(&mail.html),
            email_outbox::status.eq("pending"),
            email_outbox::attempts.eq(0),
            email_outbox::next_attempt_at.eq(now),
            email_outbox::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// Claims up to `limit` due messages for `worker`; returns the ones this worker won.
pub fn claim_due(conn: &mut DbConnection, worker: &str, now: NaiveDateTime, limit: i64) -> AppResult<Vec<OutboxRow>> {
    let candidates: Vec<String> = email_outbox::table
        .filter(email_outbox::status.eq("pending"))
        .filter(email_outbox::next_attempt_at.le(now))
        .filter(email_outbox::locked_until.is_null().or(email_outbox::locked_until.lt(now)))
        .order((email_outbox::next_attempt_at.asc(), email_outbox::id.asc()))
        .select(email_outbox::id)
        .limit(limit)
        .load(conn)?;
    let mut won = Vec::new();
    for id in candidates {
        let n = diesel::update(
            email_outbox::table
                .filter(email_outbox::id.eq(&id))
                .filter(email_outbox::status.eq("pending"))
                .filter(email_outbox::locked_until.is_null().or(email_outbox::locked_until.lt(now))),
        )
        .set((email_outbox::locked_by.eq(worker), email_outbox::locked_until.eq(now + Duration::seconds(CLAIM_SECONDS))))
        .execute(conn)?;
        if n == 1 {
            won.push(email_outbox::table.find(&id).select(OutboxRow::as_select()).first(conn)?);
        }
    }
    Ok(won)
}

pub fn mark_sent(conn: &mut DbConnection, id: &str, worker: &str, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(email_outbox::table.filter(email_outbox::id.eq(id)).filter(email_outbox::locked_by.eq(worker)))
        .set((
            email_outbox::status.eq("sent"),
            email_outbox::sent_at.eq(now),
            email_outbox::attempts.eq(email_outbox::attempts + 1),
            email_outbox::last_error.eq(None::<String>),
            email_outbox::locked_by.eq(None::<String>),
            email_outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records a failed attempt: retried with exponential backoff (1, 2, 4 … minutes),
/// given up as `failed` after `MAX_ATTEMPTS`.
pub fn mark_failed(conn: &mut DbConnection, row: &OutboxRow, worker: &str, error: &str, now: NaiveDateTime) -> AppResult<()> {
    let attempts = row.attempts + 1;
    let status = if attempts >= MAX_ATTEMPTS { "failed" } else { "pending" };
    let backoff = Duration::minutes(1i64 << (attempts - 1).clamp(0, 12));
    let error: String = error.chars().take(1000).collect();
    diesel::update(email_outbox::table.filter(email_outbox::id.eq(&row.id)).filter(email_outbox::locked_by.eq(worker)))
        .set((
            email_outbox::status.eq(status),
            email_outbox::attempts.eq(attempts),
            email_outbox::next_attempt_at.eq(now + backoff),
            email_outbox::last_error.eq(error),
            email_outbox::locked_by.eq(None::<String>),
            email_outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn list(
    conn: &mut DbConnection,
    status: Option<&str>,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<OutboxRow>> {
    let mut q = email_outbox::table.select(OutboxRow::as_select()).into_boxed();
    if let Some(s) = status {
        q = q.filter(email_outbox::status.eq(s.to_string()));
    }
    if let Some((at, id)) = after {
        q = q.filter(email_outbox::created_at.lt(at).or(email_outbox::created_at.eq(at).and(email_outbox::id.lt(id))));
    }
    Ok(q.order((email_outbox::created_at.desc(), email_outbox::id.desc())).limit(limit + 1).load(conn)?)
}
