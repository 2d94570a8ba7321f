//! Diesel queries for referral clicks. A click is one row per (freelancer, day, visitor);
//! the insert ignores a second one, per engine (`MultiConnection` has no ON CONFLICT).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::referral_clicks;
use crate::db::DbConnection;
use crate::error::AppResult;

/// Records a click unless this visitor already clicked today; whether it was new.
pub fn insert_click(conn: &mut DbConnection, freelancer_id: &str, day: &str, visitor_hash: &str, now: NaiveDateTime) -> AppResult<bool> {
    let row = (
        referral_clicks::freelancer_id.eq(freelancer_id),
        referral_clicks::day.eq(day),
        referral_clicks::visitor_hash.eq(visitor_hash),
        referral_clicks::created_at.eq(now),
    );
    let n = match conn {
        DbConnection::Postgresql(c) => diesel::insert_into(referral_clicks::table).values(row).on_conflict_do_nothing().execute(c)?,
        DbConnection::Sqlite(c) => diesel::insert_into(referral_clicks::table).values(row).on_conflict_do_nothing().execute(c)?,
    };
    Ok(n == 1)
}

/// Every counted click of one freelancer's link.
pub fn count(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<i64> {
    Ok(referral_clicks::table.filter(referral_clicks::freelancer_id.eq(freelancer_id)).count().get_result(conn)?)
}

/// The counted clicks of one freelancer's link on `first_day` (`YYYY-MM-DD`) or later: a
/// range on the primary key (freelancer_id, day, visitor_hash).
pub fn count_since(conn: &mut DbConnection, freelancer_id: &str, first_day: &str) -> AppResult<i64> {
    Ok(referral_clicks::table
        .filter(referral_clicks::freelancer_id.eq(freelancer_id).and(referral_clicks::day.ge(first_day)))
        .count()
        .get_result(conn)?)
}
