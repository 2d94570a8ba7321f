//! Diesel queries of provisioning tasks: enqueue (once per dedupe key), claim, renew and
//! finish. The claim protocol is the outbox's (see `notifications::outbox`): a claim
//! writes a fresh token and a wall-clock lease into pending, due rows that no live lease
//! holds (`FOR UPDATE SKIP LOCKED` on PostgreSQL, one conditional UPDATE under SQLite's
//! writer lock); the worker renews the lease right before calling the provider; every
//! finish is an UPDATE keyed by the token, so a late worker never overwrites a newer claim.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{plans, provisioning_tasks, subscriptions};
use crate::db::DbConnection;
use crate::domain::commerce::{ProvisioningStatus, ProvisioningTaskKind, SubscriptionStatus};
use crate::domain::ids::{random_token, ProvisioningTaskId};
use crate::error::AppResult;
use crate::provisioning::model::TaskRow;
use crate::subscriptions::model::SubscriptionRow;

/// Calls made before a task that keeps failing with retryable errors is given up.
pub const MAX_ATTEMPTS: i32 = 12;
/// The longest wait between two attempts.
pub const MAX_BACKOFF_MINUTES: i64 = 6 * 60;
/// How long a claim (or its renewal) keeps other workers away from a task.
pub const LEASE: std::time::Duration = std::time::Duration::from_secs(180);
/// The longest one task may run (provider calls included) before it is abandoned as a
/// retryable failure; well inside the lease.
pub const RUN_DEADLINE: std::time::Duration = std::time::Duration::from_secs(90);
const _: () = assert!(LEASE.as_secs() > RUN_DEADLINE.as_secs() + 60);

/// The wait after the `attempts`-th failed call: 1, 2, 4 … minutes, at most 6 hours.
pub fn backoff(attempts: i32) -> Duration {
    let minutes = 1i64 << (attempts - 1).clamp(0, 20);
    Duration::minutes(minutes.min(MAX_BACKOFF_MINUTES))
}

/// The state after a failed call that brought the count to `attempts`.
pub fn status_after_failure(attempts: i32, permanent: bool) -> ProvisioningStatus {
    if permanent || attempts >= MAX_ATTEMPTS {
        ProvisioningStatus::Failed
    } else {
        ProvisioningStatus::Pending
    }
}

pub struct NewTask<'a> {
    pub kind: ProvisioningTaskKind,
    pub dedupe_key: &'a str,
    pub account_id: Option<&'a str>,
    pub subscription_id: Option<&'a str>,
    pub payload: serde_json::Value,
}

/// Inserts the task unless one with its dedupe key exists; the new id, or None.
/// `ON CONFLICT DO NOTHING` on either engine: a duplicate neither fails nor aborts the
/// caller's transaction.
pub fn insert_once(conn: &mut DbConnection, t: NewTask<'_>, now: NaiveDateTime) -> AppResult<Option<String>> {
    let id = ProvisioningTaskId::generate().0;
    let payload = t.payload.to_string();
    let values = (
        provisioning_tasks::id.eq(&id),
        provisioning_tasks::kind.eq(t.kind),
        provisioning_tasks::dedupe_key.eq(t.dedupe_key),
        provisioning_tasks::account_id.eq(t.account_id),
        provisioning_tasks::subscription_id.eq(t.subscription_id),
        provisioning_tasks::payload.eq(&payload),
        provisioning_tasks::status.eq(ProvisioningStatus::Pending),
        provisioning_tasks::attempts.eq(0),
        provisioning_tasks::next_attempt_at.eq(now),
        provisioning_tasks::created_at.eq(now),
        provisioning_tasks::updated_at.eq(now),
    );
    let inserted = match conn {
        DbConnection::Postgresql(pg) => diesel::insert_into(provisioning_tasks::table)
            .values(values)
            .on_conflict(provisioning_tasks::dedupe_key)
            .do_nothing()
            .execute(pg)?,
        DbConnection::Sqlite(lite) => diesel::insert_into(provisioning_tasks::table)
            .values(values)
            .on_conflict(provisioning_tasks::dedupe_key)
            .do_nothing()
            .execute(lite)?,
    };
    Ok((inserted == 1).then_some(id))
}

/// The task `$id` while the claim `$token` still holds it (and it is pending).
macro_rules! held {
    ($id:expr, $token:expr) => {
        provisioning_tasks::table
            .filter(provisioning_tasks::id.eq($id))
            .filter(provisioning_tasks::claim_token.eq(&$token.0))
            .filter(provisioning_tasks::status.eq_any(ProvisioningStatus::WORKABLE))
    };
}

/// The columns that let a task go: no claim, no lease, touched `$now`.
macro_rules! released {
    ($now:expr) => {
        (
            provisioning_tasks::claim_token.eq(None::<String>),
            provisioning_tasks::claimed_until.eq(None::<NaiveDateTime>),
            provisioning_tasks::updated_at.eq($now),
        )
    };
}

/// The token of one claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimToken(pub String);

fn lease_end(wall: NaiveDateTime) -> NaiveDateTime {
    wall + Duration::from_std(LEASE).expect("a small duration")
}

/// Claims up to `limit` pending tasks due by business time `now` and not under a live
/// lease at wall time `wall`; only the tasks in `only` when given.
pub fn claim(
    conn: &mut DbConnection,
    only: Option<&[String]>,
    now: NaiveDateTime,
    wall: NaiveDateTime,
    limit: i64,
) -> AppResult<(ClaimToken, Vec<TaskRow>)> {
    let token = ClaimToken(format!("clm_{}", random_token(24)));
    let until = lease_end(wall);
    let (restrict, ids_only): (bool, Vec<String>) = match only {
        Some(ids) => (true, ids.to_vec()),
        None => (false, Vec::new()),
    };
    macro_rules! claimable {
        () => {
            provisioning_tasks::status
                .eq_any(ProvisioningStatus::WORKABLE)
                .and(provisioning_tasks::next_attempt_at.le(now))
                .and(provisioning_tasks::claimed_until.is_null().or(provisioning_tasks::claimed_until.lt(wall)))
        };
    }
    let order = (provisioning_tasks::next_attempt_at.asc(), provisioning_tasks::id.asc());
    let rows = match conn {
        DbConnection::Postgresql(pg) => pg.transaction::<_, diesel::result::Error, _>(|pg| {
            // A locking query cannot be boxed: the restriction is a condition that is
            // true for every row when there is none.
            let ids: Vec<String> = provisioning_tasks::table
                .filter(claimable!())
                .filter(provisioning_tasks::id.eq_any(&ids_only).or(diesel::dsl::not(restrict.into_sql::<diesel::sql_types::Bool>())))
                .order(order)
                .select(provisioning_tasks::id)
                .limit(limit)
                .for_update()
                .skip_locked()
                .load(pg)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            diesel::update(provisioning_tasks::table.filter(provisioning_tasks::id.eq_any(&ids)).filter(claimable!()))
                .set((provisioning_tasks::claim_token.eq(&token.0), provisioning_tasks::claimed_until.eq(until)))
                .returning(provisioning_tasks::all_columns)
                .get_results::<TaskRow>(pg)
        })?,
        DbConnection::Sqlite(lite) => lite.immediate_transaction::<_, diesel::result::Error, _>(|lite| {
            // Under the write lock: the read and the update see the same rows.
            let mut q =
                provisioning_tasks::table.filter(claimable!()).order(order).select(provisioning_tasks::id).limit(limit).into_boxed();
            if restrict {
                q = q.filter(provisioning_tasks::id.eq_any(&ids_only));
            }
            let ids: Vec<String> = q.load(lite)?;
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            diesel::update(provisioning_tasks::table.filter(provisioning_tasks::id.eq_any(&ids)).filter(claimable!()))
                .set((provisioning_tasks::claim_token.eq(&token.0), provisioning_tasks::claimed_until.eq(until)))
                .returning(provisioning_tasks::all_columns)
                .get_results::<TaskRow>(lite)
        })?,
    };
    let mut rows = rows;
    rows.sort_by(|a, b| (a.next_attempt_at, &a.id).cmp(&(b.next_attempt_at, &b.id)));
    Ok((token, rows))
}

/// Extends the lease of a task this claim still holds, right before working on it.
/// `false`: another claim took it over, so this worker must leave it alone.
pub fn renew(conn: &mut DbConnection, id: &str, token: &ClaimToken, wall: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(held!(id, token)).set(provisioning_tasks::claimed_until.eq(lease_end(wall))).execute(conn)?;
    Ok(n == 1)
}

/// Records success; `false` when this claim no longer held the task.
pub fn mark_done(conn: &mut DbConnection, row: &TaskRow, token: &ClaimToken, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(held!(&row.id, token))
        .set((
            provisioning_tasks::status.eq(ProvisioningStatus::Done),
            provisioning_tasks::attempts.eq(row.attempts + 1),
            provisioning_tasks::last_error.eq(None::<String>),
            released!(now),
        ))
        .execute(conn)?;
    Ok(n == 1)
}

/// Records a failed call: retried after [`backoff`], or `failed` when `permanent` or out
/// of attempts. The new status, or None when this claim no longer held the task.
pub fn mark_failed(
    conn: &mut DbConnection,
    row: &TaskRow,
    token: &ClaimToken,
    error: &str,
    permanent: bool,
    now: NaiveDateTime,
) -> AppResult<Option<ProvisioningStatus>> {
    let attempts = row.attempts + 1;
    let status = status_after_failure(attempts, permanent);
    let error: String = error.chars().take(1000).collect();
    let n = diesel::update(held!(&row.id, token))
        .set((
            provisioning_tasks::status.eq(status),
            provisioning_tasks::attempts.eq(attempts),
            provisioning_tasks::next_attempt_at.eq(now + backoff(attempts)),
            provisioning_tasks::last_error.eq(error),
            released!(now),
        ))
        .execute(conn)?;
    Ok((n == 1).then_some(status))
}

/// Puts a task back without counting an attempt: it waits for something else first.
pub fn postpone(
    conn: &mut DbConnection,
    row: &TaskRow,
    token: &ClaimToken,
    why: &str,
    until: NaiveDateTime,
    now: NaiveDateTime,
) -> AppResult<bool> {
    let n = diesel::update(held!(&row.id, token))
        .set((provisioning_tasks::next_attempt_at.eq(until), provisioning_tasks::last_error.eq(why), released!(now)))
        .execute(conn)?;
    Ok(n == 1)
}

/// Whether the subscription's `place_order` task is still to be done.
pub fn order_pending_in(conn: &mut DbConnection, subscription_id: &str) -> AppResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(
        provisioning_tasks::table
            .filter(provisioning_tasks::subscription_id.eq(subscription_id))
            .filter(provisioning_tasks::kind.eq(ProvisioningTaskKind::PlaceOrder))
            .filter(provisioning_tasks::status.eq_any(ProvisioningStatus::WORKABLE)),
    ))
    .get_result(conn)?)
}

/// Makes the subscription's other pending tasks due now (its order was just handled).
pub fn wake_waiting_in(conn: &mut DbConnection, subscription_id: &str, now: NaiveDateTime) -> AppResult<usize> {
    Ok(diesel::update(
        provisioning_tasks::table
            .filter(provisioning_tasks::subscription_id.eq(subscription_id))
            .filter(provisioning_tasks::kind.ne(ProvisioningTaskKind::PlaceOrder))
            .filter(provisioning_tasks::status.eq_any(ProvisioningStatus::WORKABLE))
            .filter(provisioning_tasks::next_attempt_at.gt(now)),
    )
    .set(provisioning_tasks::next_attempt_at.eq(now))
    .execute(conn)?)
}

pub fn list(
    conn: &mut DbConnection,
    status: Option<ProvisioningStatus>,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<TaskRow>> {
    let mut q = provisioning_tasks::table.select(TaskRow::as_select()).into_boxed();
    if let Some(s) = status {
        q = q.filter(provisioning_tasks::status.eq(s));
    }
    Ok(crate::newest_first!(q, provisioning_tasks::created_at, provisioning_tasks::id, after, limit).load(conn)?)
}

/// The subscription a task works on.
pub fn subscription_in(conn: &mut DbConnection, id: &str) -> AppResult<SubscriptionRow> {
    Ok(subscriptions::table.find(id).select(SubscriptionRow::as_select()).first(conn)?)
}

/// `pending → active` with Microsoft's subscription id, in one conditional statement:
/// the row when this call activated it, None when it was not pending.
pub fn activate_in(conn: &mut DbConnection, id: &str, provider_id: &str, now: NaiveDateTime) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(subscriptions::table.filter(subscriptions::id.eq(id)).filter(subscriptions::status.eq(SubscriptionStatus::Pending)))
        .set((
            subscriptions::status.eq(SubscriptionStatus::Active),
            subscriptions::activated_at.eq(now),
            subscriptions::provider_subscription_id.eq(provider_id),
            subscriptions::updated_at.eq(now),
        ))
        .returning(subscriptions::all_columns)
        .get_result::<SubscriptionRow>(conn)
        .optional()?)
}

/// Remembers Microsoft's subscription id on a subscription that has none yet (one that
/// left `pending` while its order was placed); returns the subscription as it is now.
pub fn record_order_in(conn: &mut DbConnection, id: &str, provider_id: &str, now: NaiveDateTime) -> AppResult<SubscriptionRow> {
    diesel::update(subscriptions::table.filter(subscriptions::id.eq(id)).filter(subscriptions::provider_subscription_id.is_null()))
        .set((subscriptions::provider_subscription_id.eq(provider_id), subscriptions::updated_at.eq(now)))
        .execute(conn)?;
    subscription_in(conn, id)
}

pub fn plan_name_in(conn: &mut DbConnection, plan_id: &str) -> AppResult<String> {
    Ok(plans::table.find(plan_id).select(plans::name).first(conn)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_cap() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(5), Duration::minutes(16));
        assert_eq!(backoff(9), Duration::minutes(256));
        assert_eq!(backoff(10), Duration::minutes(MAX_BACKOFF_MINUTES));
        assert_eq!(backoff(40), Duration::minutes(MAX_BACKOFF_MINUTES));
    }

    #[test]
    fn a_task_gives_up_when_permanent_or_out_of_attempts() {
        assert_eq!(status_after_failure(1, false), ProvisioningStatus::Pending);
        assert_eq!(status_after_failure(1, true), ProvisioningStatus::Failed);
        assert_eq!(status_after_failure(MAX_ATTEMPTS, false), ProvisioningStatus::Failed);
    }
}
