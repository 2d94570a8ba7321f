//! Business time. Nothing calls `Utc::now()` directly for business rules: services take a
//! `Clock`. In `manual` mode (tests and demos only) the clock runs at wall-clock speed
//! plus an offset that `POST /admin/clock/advance` moves forward; the offset is kept in
//! the database so every instance and the `jobs run` CLI see the same time.
//!
//! Security lifetimes (JWT expiry, refresh tokens, login throttling) deliberately use
//! wall-clock time: moving business time must not log everybody out.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::app_clock;
use crate::db::DbConnection;
use crate::error::AppResult;

#[derive(Clone, Debug)]
pub struct Clock {
    manual_offset: Option<Arc<AtomicI64>>,
}

impl Clock {
    pub fn system() -> Clock {
        Clock { manual_offset: None }
    }

    pub fn manual(offset_seconds: i64) -> Clock {
        Clock { manual_offset: Some(Arc::new(AtomicI64::new(offset_seconds))) }
    }

    pub fn is_manual(&self) -> bool {
        self.manual_offset.is_some()
    }

    pub fn now(&self) -> DateTime<Utc> {
        let offset = self.offset_seconds();
        Utc::now() + Duration::seconds(offset)
    }

    /// `now()` as stored in the database: naive UTC, microsecond precision.
    pub fn now_naive(&self) -> NaiveDateTime {
        truncate_micros(self.now().naive_utc())
    }

    pub fn offset_seconds(&self) -> i64 {
        self.manual_offset.as_ref().map(|o| o.load(Ordering::SeqCst)).unwrap_or(0)
    }

    /// Re-reads the shared offset (the scheduler calls this so that an advance made by
    /// another instance is seen here too).
    pub fn refresh(&self, conn: &mut DbConnection) -> AppResult<()> {
        if let Some(offset) = &self.manual_offset {
            offset.store(load_offset(conn)?, Ordering::SeqCst);
        }
        Ok(())
    }

    /// Moves manual time forward by `seconds`, for every instance; returns the new offset.
    pub fn advance(&self, conn: &mut DbConnection, seconds: i64) -> AppResult<i64> {
        let Some(offset) = &self.manual_offset else {
            return Err(crate::error::AppError::not_found("The test clock is not enabled."));
        };
        let now = truncate_micros(Utc::now().naive_utc());
        let updated = diesel::update(app_clock::table.filter(app_clock::id.eq(1)))
            .set((app_clock::offset_seconds.eq(app_clock::offset_seconds + seconds), app_clock::updated_at.eq(now)))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(app_clock::table)
                .values((app_clock::id.eq(1), app_clock::offset_seconds.eq(seconds), app_clock::updated_at.eq(now)))
                .execute(conn)?;
        }
        let new_offset = load_offset(conn)?;
        offset.store(new_offset, Ordering::SeqCst);
        Ok(new_offset)
    }
}

fn load_offset(conn: &mut DbConnection) -> AppResult<i64> {
    Ok(app_clock::table.filter(app_clock::id.eq(1)).select(app_clock::offset_seconds).first::<i64>(conn).optional()?.unwrap_or(0))
}

/// Wall-clock time, for what the business clock must not move: leases of claimed work
/// (a job's claim, an in-flight idempotent request) and security lifetimes (refresh tokens,
/// throttling). Moving the manual test clock must neither end a lease nor log people out.
pub fn wall_now() -> NaiveDateTime {
    truncate_micros(chrono::Utc::now().naive_utc())
}

pub fn truncate_micros(t: NaiveDateTime) -> NaiveDateTime {
    use chrono::Timelike;
    let micros = t.nanosecond() / 1_000 * 1_000;
    t.with_nanosecond(micros).unwrap_or(t)
}

/// Database time → RFC 3339 UTC for the API.
pub fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    DateTime::from_naive_utc_and_offset(t, Utc)
}
