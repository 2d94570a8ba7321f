//! The outbox table: messages are enqueued inside the business transaction that causes
//! them, and the `email` job claims, delivers and retries them. Several instances may run
//! the job at once; each message is delivered once. The argument:
//!
//! 1. **A claim is exclusive.** A claim writes a fresh random token (`claim_token`,
//!    one per claim, never reused) and a lease end (`locked_until`) into rows that are
//!    `pending`, due, and not under a live lease. On PostgreSQL the candidates are picked
//!    with `SELECT … FOR UPDATE SKIP LOCKED`, so two claimers never even wait on the same
//!    row, and the `UPDATE` repeats the same conditions, so a row whose lease was taken
//!    between the two statements is left out. On SQLite one conditional `UPDATE …
//!    RETURNING` over the candidates read just before does it; SQLite runs one writer
//!    at a time, and the update's own conditions leave out rows claimed in between.
//! 2. **A worker sends only while its lease is live.** Right before each send the
//!    worker renews the lease with an update keyed by its token ([`renew`]); if that
//!    updates nothing, another claim has replaced the token and the message is skipped.
//!    The send itself is cut off after [`SEND_DEADLINE`], and the lease runs [`LEASE`],
//!    well beyond it (`LEASE > SEND_DEADLINE + LEASE_MARGIN`). So while the first worker
//!    is still sending, the lease it renewed has not run out and no other claim can take
//!    the row; once the lease runs out, the first worker has already stopped sending.
//! 3. **Finishing is keyed by the claim.** [`mark_sent`] and [`mark_failed`] update only
//!    the row still holding the worker's token and report whether they won, so a late
//!    worker can never overwrite the outcome of a newer claim.
//!
//! Leases are measured in wall-clock time ([`lease_now`]), not business time: moving the
//! manual test clock forward must not expire a lease under a worker that is sending.
//! The margin absorbs clock drift between instances (NTP keeps it far below a minute)
//! and a stalled process. What no scheme can rule out is the SMTP server accepting a
//! message whose reply never reaches us (crash or timeout after DATA): the message is
//! retried, and the stable `Message-ID` lets the receiving side drop the copy.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::utc;
use crate::db::schema::email_outbox;
use crate::db::DbConnection;
use crate::domain::ids::{random_token, EmailId};
use crate::domain::locale::Locale;
use crate::error::AppError;
use crate::error::AppResult;
use crate::notifications::mail::{render, Mail, Rendered};

pub const MAX_ATTEMPTS: i32 = 8;
/// How long a claim (or its renewal) keeps other workers away from a message.
pub const LEASE: std::time::Duration = std::time::Duration::from_secs(120);
/// The longest one delivery may take before the job abandons it (the SMTP transport's
/// own per-operation timeout is shorter still).
pub const SEND_DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);
/// What the lease keeps in reserve beyond a send: database round trips, clock drift
/// between instances, a stalled process.
pub const LEASE_MARGIN: std::time::Duration = std::time::Duration::from_secs(60);
const _: () = assert!(LEASE.as_secs() > SEND_DEADLINE.as_secs() + LEASE_MARGIN.as_secs());

crate::text_enum! {
    /// Where an outbox message stands.
    pub enum OutboxStatus {
        /// Waiting for its first or next attempt.
        Pending = "pending",
        /// Delivered (accepted by the SMTP server or written to the file outbox).
        Sent = "sent",
        /// Given up after 8 attempts.
        Failed = "failed",
    }
}

impl OutboxStatus {
    /// Only a pending message may be claimed, sent or retried.
    pub const DELIVERABLE: &'static [OutboxStatus] = &[OutboxStatus::Pending];

    /// The state after a failed attempt that brought the count to `attempts`.
    pub fn after_failed_attempt(attempts: i32) -> OutboxStatus {
        if attempts >= MAX_ATTEMPTS {
            OutboxStatus::Failed
        } else {
            OutboxStatus::Pending
        }
    }
}

/// The time leases are measured in: the wall clock, whatever the business clock says.
pub fn lease_now() -> NaiveDateTime {
    crate::clock::wall_now()
}

fn lease_end(wall: NaiveDateTime) -> NaiveDateTime {
    wall + Duration::from_std(LEASE).expect("a small duration")
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = email_outbox)]
pub struct OutboxRow {
    pub id: String,
    pub to_address: String,
    pub subject: String,
    pub template: String,
    pub text_body: String,
    pub html_body: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub claim_token: Option<String>,
    pub locked_until: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub locale: Locale,
    pub params_json: String,
}

/// An outbox message as support sees it (bodies left out).
#[derive(Debug, Serialize, ToSchema)]
pub struct OutboxMessage {
    #[schema(example = "eml_4mN7pQ2rS9tU1vW3xY5z")]
    pub id: String,
    pub to: String,
    pub subject: String,
    pub template: String,
    /// The language the message was written in (the recipient's at the time).
    pub locale: Locale,
    pub status: OutboxStatus,
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
            locale: r.locale,
            status: r.status,
            attempts: r.attempts,
            next_attempt_at: utc(r.next_attempt_at),
            last_error: r.last_error,
            created_at: utc(r.created_at),
            sent_at: r.sent_at.map(utc),
        }
    }
}

/// Renders `mail` in the recipient's `locale` and enqueues it. Call it inside the
/// transaction of the change the message reports, so both happen or neither does.
pub fn send<M: Mail>(conn: &mut DbConnection, to: &str, locale: Locale, mail: &M, now: NaiveDateTime) -> AppResult<String> {
    let rendered = render(mail, locale).map_err(|e| AppError::internal(format!("email template {}: {e:#}", M::KEY)))?;
    enqueue(conn, to, &rendered, now)
}

/// Enqueues an already rendered message, with the language and parameters it was made from.
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
            email_outbox::locale.eq(mail.locale),
            email_outbox::params_json.eq(mail.params.to_string()),
            email_outbox::status.eq(OutboxStatus::Pending),
            email_outbox::attempts.eq(0),
            email_outbox::next_attempt_at.eq(now),
            email_outbox::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// The token of one claim: only the holder may renew, finish or fail its messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimToken(pub String);

impl ClaimToken {
    fn generate() -> ClaimToken {
        ClaimToken(format!("clm_{}", random_token(24)))
    }
}

/// Claims up to `limit` messages that are pending, due by business time `now` and not
/// under a live lease at wall time `wall`; returns the token and the rows it won.
pub fn claim_due(conn: &mut DbConnection, now: NaiveDateTime, wall: NaiveDateTime, limit: i64) -> AppResult<(ClaimToken, Vec<OutboxRow>)> {
    let token = ClaimToken::generate();
    let until = lease_end(wall);
    macro_rules! claimable {
        () => {
            email_outbox::status
                .eq_any(OutboxStatus::DELIVERABLE)
                .and(email_outbox::next_attempt_at.le(now))
                .and(email_outbox::locked_until.is_null().or(email_outbox::locked_until.lt(wall)))
        };
    }
    let order = (email_outbox::next_attempt_at.asc(), email_outbox::id.asc());
    let rows = match conn {
        DbConnection::Postgresql(pg) => pg.transaction::<_, diesel::result::Error, _>(|pg| {
            let ids: Vec<String> = email_outbox::table
                .filter(claimable!())
                .order(order)
                .select(email_outbox::id)
                .limit(limit)
                .for_update()
                .skip_locked()
                .load(pg)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            diesel::update(email_outbox::table.filter(email_outbox::id.eq_any(&ids)).filter(claimable!()))
                .set((email_outbox::claim_token.eq(&token.0), email_outbox::locked_until.eq(until)))
                .returning(email_outbox::all_columns)
                .get_results::<OutboxRow>(pg)
        })?,
        DbConnection::Sqlite(lite) => lite.immediate_transaction::<_, diesel::result::Error, _>(|lite| {
            // Under the write lock, so the read and the update see the same rows. Without
            // it, a worker whose ten ids were all just taken by another updated nothing,
            // read that as "nothing due" and stopped while twenty messages were waiting.
            let ids: Vec<String> =
                email_outbox::table.filter(claimable!()).order(order).select(email_outbox::id).limit(limit).load(lite)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            diesel::update(email_outbox::table.filter(email_outbox::id.eq_any(&ids)).filter(claimable!()))
                .set((email_outbox::claim_token.eq(&token.0), email_outbox::locked_until.eq(until)))
                .returning(email_outbox::all_columns)
                .get_results::<OutboxRow>(lite)
        })?,
    };
    let mut rows = rows;
    rows.sort_by(|a, b| (a.next_attempt_at, &a.id).cmp(&(b.next_attempt_at, &b.id)));
    Ok((token, rows))
}

/// Extends the lease of a message this claim still holds, right before sending it.
/// `false`: another claim has taken it over, so this worker must not send it.
pub fn renew(conn: &mut DbConnection, id: &str, token: &ClaimToken, wall: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(email_outbox::table)
        .filter(email_outbox::id.eq(id))
        .filter(email_outbox::claim_token.eq(&token.0))
        .filter(email_outbox::status.eq_any(OutboxStatus::DELIVERABLE))
        .set(email_outbox::locked_until.eq(lease_end(wall)))
        .execute(conn)?;
    Ok(n == 1)
}

/// Records a delivery; `false` when this claim no longer held the message.
pub fn mark_sent(conn: &mut DbConnection, id: &str, token: &ClaimToken, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(email_outbox::table)
        .filter(email_outbox::id.eq(id))
        .filter(email_outbox::claim_token.eq(&token.0))
        .filter(email_outbox::status.eq_any(OutboxStatus::DELIVERABLE))
        .set((
            email_outbox::status.eq(OutboxStatus::Sent),
            email_outbox::sent_at.eq(now),
            email_outbox::attempts.eq(email_outbox::attempts + 1),
            email_outbox::last_error.eq(None::<String>),
            email_outbox::claim_token.eq(None::<String>),
            email_outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Records a failed attempt: retried with exponential backoff (1, 2, 4 … minutes),
/// given up as `failed` after `MAX_ATTEMPTS`. `false` when this claim no longer held the
/// message. `row.attempts` is the count this claim read, and no other worker can have
/// changed it without first replacing the token.
pub fn mark_failed(conn: &mut DbConnection, row: &OutboxRow, token: &ClaimToken, error: &str, now: NaiveDateTime) -> AppResult<bool> {
    let attempts = row.attempts + 1;
    let backoff = Duration::minutes(1i64 << (attempts - 1).clamp(0, 12));
    let error: String = error.chars().take(1000).collect();
    let n = diesel::update(email_outbox::table)
        .filter(email_outbox::id.eq(&row.id))
        .filter(email_outbox::claim_token.eq(&token.0))
        .filter(email_outbox::status.eq_any(OutboxStatus::DELIVERABLE))
        .set((
            email_outbox::status.eq(OutboxStatus::after_failed_attempt(attempts)),
            email_outbox::attempts.eq(attempts),
            email_outbox::next_attempt_at.eq(now + backoff),
            email_outbox::last_error.eq(error),
            email_outbox::claim_token.eq(None::<String>),
            email_outbox::locked_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn list(
    conn: &mut DbConnection,
    status: Option<OutboxStatus>,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<OutboxRow>> {
    let mut q = email_outbox::table.select(OutboxRow::as_select()).into_boxed();
    if let Some(s) = status {
        q = q.filter(email_outbox::status.eq(s));
    }
    Ok(crate::newest_first!(q, email_outbox::created_at, email_outbox::id, after, limit).load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_spells_the_status_as_the_column_does() {
        // Guards `text_enum!`: utoipa must see the serde renames, or the TS client gets
        // `Pending` where the API sends `pending`.
        let schema = serde_json::to_value(<OutboxStatus as utoipa::PartialSchema>::schema()).unwrap();
        let spelled: Vec<&str> = OutboxStatus::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(schema["enum"], serde_json::json!(spelled));
    }

    #[test]
    fn a_failed_attempt_gives_up_only_at_the_limit() {
        assert_eq!(OutboxStatus::after_failed_attempt(1), OutboxStatus::Pending);
        assert_eq!(OutboxStatus::after_failed_attempt(MAX_ATTEMPTS - 1), OutboxStatus::Pending);
        assert_eq!(OutboxStatus::after_failed_attempt(MAX_ATTEMPTS), OutboxStatus::Failed);
    }
}
