//! Cursor pagination: `?limit=&cursor=` → `{data, next_cursor}`. A cursor is the opaque,
//! base64url form of the last row's (timestamp, id) sort key.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{AppError, AppResult};

pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Page size, 1 to 100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub limit: i64,
    pub after: Option<(NaiveDateTime, String)>,
}

impl PageParams {
    pub fn parse(&self) -> AppResult<Page> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(AppError::field("limit", "Enter a number from 1 to 100."));
        }
        let after = match &self.cursor {
            None => None,
            Some(c) => Some(decode_cursor(c).ok_or_else(|| AppError::field("cursor", "This is not a cursor from this API."))?),
        };
        Ok(Page { limit, after })
    }
}

pub fn encode_cursor(at: NaiveDateTime, id: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{}|{}", at.and_utc().timestamp_micros(), id))
}

fn decode_cursor(c: &str) -> Option<(NaiveDateTime, String)> {
    let raw = String::from_utf8(URL_SAFE_NO_PAD.decode(c).ok()?).ok()?;
    let (micros, id) = raw.split_once('|')?;
    let at = chrono::DateTime::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
    Some((at, id.to_string()))
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Paginated<T: ToSchema> {
    pub data: Vec<T>,
    /// Pass as `cursor` to get the next page; null on the last page.
    pub next_cursor: Option<String>,
}

/// Cuts a `limit + 1` fetch to `limit` rows and computes the next cursor.
pub fn finish<R, T: ToSchema>(
    mut rows: Vec<R>,
    limit: i64,
    key: impl Fn(&R) -> (NaiveDateTime, String),
    map: impl Fn(R) -> T,
) -> Paginated<T> {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next_cursor = if more {
        rows.last().map(|r| {
            let (at, id) = key(r);
            encode_cursor(at, &id)
        })
    } else {
        None
    };
    Paginated { data: rows.into_iter().map(map).collect(), next_cursor }
}

/// Keyset pagination of a boxed diesel query, newest first: rows strictly after the
/// cursor's `(at, id)` key, ordered by `(at DESC, id DESC)`, `limit + 1` of them so that
/// `finish` can tell whether there is a next page. One definition for every list:
///
/// ```ignore
/// let rows = newest_first!(query, appeals::created_at, appeals::id, page.after, page.limit).load(conn)?;
/// ```
#[macro_export]
macro_rules! newest_first {
    ($query:expr, $at:expr, $id:expr, $after:expr, $limit:expr) => {{
        let mut query = $query;
        if let Some((at, id)) = $after {
            query = query.filter($at.lt(at).or($at.eq(at).and($id.lt(id))));
        }
        query.order(($at.desc(), $id.desc())).limit($limit + 1)
    }};
}
