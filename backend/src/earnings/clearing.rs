//! The `clearing` job: pending entries whose `available_at` has come become available.
//!
//! It works in batches, one transaction each. On PostgreSQL a batch locks its entries with
//! `FOR UPDATE SKIP LOCKED`, so several instances running at once take different entries;
//! on SQLite the write lock serialises them. Each move is the conditional
//! `UPDATE … WHERE status = 'pending' AND available_at <= now` of `ledger::transition_in`,
//! so an entry is moved (and its balance change and email written) exactly once however
//! many workers see it. Running it again finds nothing to do: it is idempotent.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::earning_entries;
use crate::db::DbConnection;
use crate::domain::earnings::EarningStatus;
use crate::earnings::ledger::{self, EntryRow};
use crate::error::AppResult;
use crate::jobs::Tally;
use crate::state::AppState;

/// Entries moved per transaction.
pub const BATCH: i64 = 200;

pub async fn run(state: &AppState) -> AppResult<Tally> {
    let mut tally = Tally::default();
    loop {
        let now = state.clock.now_naive();
        let st = state.clone();
        let moved = state.db.transaction(move |conn| clear_batch_in(conn, &st, now, BATCH)).await?;
        tally.processed += moved.len() as i32;
        if (moved.len() as i64) < BATCH {
            break;
        }
    }
    Ok(tally)
}

/// Moves up to `limit` due entries; returns the ones this call moved.
pub fn clear_batch_in(conn: &mut DbConnection, state: &AppState, now: NaiveDateTime, limit: i64) -> AppResult<Vec<EntryRow>> {
    let mut due = due_ids_in(conn, now, limit)?;
    // Each move updates its freelancer's balances row, which stays locked until the batch
    // commits. Batches of concurrent workers share freelancers, so every batch takes those
    // row locks in the same order (by freelancer), or two workers could each hold one the
    // other waits for (PostgreSQL then aborts one of them as a deadlock).
    due.sort();
    let mut moved = Vec::with_capacity(due.len());
    for (_, id) in due {
        if let Some(entry) = ledger::transition_in(conn, &id, EarningStatus::Pending, EarningStatus::Available, Some(now), now)? {
            on_cleared_in(conn, state, &entry, now)?;
            moved.push(entry);
        }
    }
    Ok(moved)
}

/// What follows a commission becoming available (the email), in the same transaction.
fn on_cleared_in(conn: &mut DbConnection, state: &AppState, entry: &EntryRow, _now: NaiveDateTime) -> AppResult<()> {
    crate::earnings::posting::on_cleared_in(conn, state, entry)
}

/// (freelancer, entry) of up to `limit` due entries, the oldest due first.
fn due_ids_in(conn: &mut DbConnection, now: NaiveDateTime, limit: i64) -> AppResult<Vec<(String, String)>> {
    macro_rules! due {
        () => {
            earning_entries::table
                .filter(earning_entries::status.eq(EarningStatus::Pending))
                .filter(earning_entries::available_at.le(now))
                .order((earning_entries::available_at.asc(), earning_entries::id.asc()))
                .select((earning_entries::freelancer_id, earning_entries::id))
                .limit(limit)
        };
    }
    Ok(match conn {
        DbConnection::Postgresql(pg) => due!().for_update().skip_locked().load(pg)?,
        DbConnection::Sqlite(c) => due!().load(c)?,
    })
}
