//! `Idempotency-Key` for POSTs that create money-moving things, with Stripe's semantics.
//! A key belongs to the caller (`UNIQUE (user_id, idem_key)`) and is bound to the first
//! request made with it: the operation and a SHA-256 of its body in canonical JSON.
//!
//! - The same key with the same request replays the stored first response (status and
//!   body, byte for byte) with `Idempotent-Replayed: true`.
//! - The same key with another request is 422 `idempotency_key_reused`.
//! - The same key while the first request is still running is 409 `idempotency_key_in_use`.
//!
//! **Reserving** is one INSERT that relies on the unique key, outside any transaction:
//! of concurrent requests with one key exactly one inserts, the others read the row it
//! wrote. The row carries a lease (`locked_until`, wall-clock time, [`LEASE`]): when the
//! process that reserved a key dies, the lease runs out and the next request with that
//! key takes it over with one conditional UPDATE (again exactly one winner).
//!
//! **Completing** is written by the operation inside its own business transaction
//! ([`complete_in`]), so the stored response and the rows it describes commit together: a
//! crash can never leave an order without its stored response, nor a stored response
//! without its order. The completion is fenced by the lease value the reservation wrote
//! (a lease taken over has another value), so a request that outlived its lease can no
//! longer commit: its transaction fails and rolls back.
//!
//! **Releasing**: an operation that fails before anything ran (a validation error, a plan
//! that is not on sale, an unreachable payment provider) deletes its reservation (fenced
//! the same way), so the key can be used again. A decline ran — a payment was attempted
//! and recorded — and is stored and replayed like a success.
//!
//! Keys are kept at least [`RETENTION_HOURS`] (business time); older ones are purged when
//! a key is reserved.

use actix_web::http::header::{HeaderValue, CONTENT_TYPE};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse};
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::constraint::{is_unique_violation, UniqueKey};
use crate::db::schema::idempotency_keys;
use crate::db::{Db, DbConnection};
use crate::domain::commerce::IdempotencyStatus;
use crate::domain::ids::IdempotencyKeyId;
use crate::error::{AppError, AppResult, FieldError};

pub const HEADER: &str = "Idempotency-Key";
/// Set on a replayed response.
pub const REPLAYED_HEADER: &str = "Idempotent-Replayed";
/// How long a key and its stored response are kept, at least.
pub const RETENTION_HOURS: i64 = 24;
/// How long a reservation keeps other requests with the key away. It must outlast the
/// slowest operation: a payment call with its retries (about a minute at worst) and the
/// transaction after it.
pub const LEASE: std::time::Duration = std::time::Duration::from_secs(180);
pub const MAX_KEY_LENGTH: usize = 255;

/// The unique key of `(user_id, idem_key)` (migration 000010).
const USER_KEY: UniqueKey =
    UniqueKey { index: "idempotency_keys_user_id_idem_key_key", columns: "idempotency_keys.user_id, idempotency_keys.idem_key" };

/// A valid `Idempotency-Key` header value: 1 to 255 printable ASCII characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    pub fn parse(value: &str) -> AppResult<IdempotencyKey> {
        let ok = !value.is_empty() && value.len() <= MAX_KEY_LENGTH && value.bytes().all(|b| (0x20..=0x7e).contains(&b));
        if !ok {
            let mut e = AppError::bad_request("invalid_idempotency_key", "The Idempotency-Key header is not valid.");
            e.errors =
                vec![FieldError { field: HEADER.into(), message: "Use 1 to 255 printable ASCII characters, such as a UUID.".into() }];
            return Err(e);
        }
        Ok(IdempotencyKey(value.to_string()))
    }

    /// The request's key, if it sent one (400 when it is not valid).
    pub fn from_request(req: &HttpRequest) -> AppResult<Option<IdempotencyKey>> {
        match req.headers().get(HEADER) {
            None => Ok(None),
            Some(v) => IdempotencyKey::parse(v.to_str().unwrap_or("\u{7f}")).map(Some),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `value` as canonical JSON: object keys sorted, no whitespace.
pub fn canonical_json(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            let inner: Vec<String> =
                entries.into_iter().map(|(k, v)| format!("{}:{}", Value::String(k.clone()), canonical_json(v))).collect();
            format!("{{{}}}", inner.join(","))
        }
        Value::Array(items) => format!("[{}]", items.iter().map(canonical_json).collect::<Vec<_>>().join(",")),
        other => other.to_string(),
    }
}

/// What binds a key to its first request: the operation and the body.
pub fn fingerprint(operation: &str, body: &serde_json::Value) -> String {
    let mut h = Sha256::new();
    h.update(operation.as_bytes());
    h.update([0u8]);
    h.update(canonical_json(body).as_bytes());
    hex::encode(h.finalize())
}

/// A response as stored with its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredResponse {
    pub status: u16,
    pub body: String,
}

impl StoredResponse {
    /// JSON on success, a problem document otherwise.
    pub fn into_response(self, replayed: bool) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let content_type = if status.is_success() { "application/json" } else { "application/problem+json" };
        let mut res = HttpResponse::build(status);
        res.insert_header((CONTENT_TYPE, HeaderValue::from_static(content_type)));
        if replayed {
            res.insert_header((REPLAYED_HEADER, "true"));
        }
        res.body(self.body)
    }
}

/// A key this request holds until it completes or releases it.
#[derive(Clone, Debug)]
pub struct Reservation {
    id: String,
    fingerprint: String,
    user_id: String,
    key: String,
    /// The lease this reservation wrote: the fence of completion and release.
    lease: NaiveDateTime,
}

impl Reservation {
    /// A key for an outside provider (a payment), stable across retries of this same
    /// request and different for any other request or caller.
    pub fn derived_key(&self, purpose: &str) -> String {
        let mut h = Sha256::new();
        for part in [purpose, &self.user_id, &self.key, &self.fingerprint] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        format!("ph_{}", &hex::encode(h.finalize())[..40])
    }
}

/// What `begin` found.
#[derive(Debug)]
pub enum Begin {
    /// The key is this request's: run the operation, then `complete_in` or `release`.
    Proceed(Reservation),
    /// The first request with this key finished: answer with its response.
    Replay(StoredResponse),
}

fn in_use() -> AppError {
    AppError::conflict("idempotency_key_in_use", "A request with this Idempotency-Key is still being processed. Try again in a moment.")
}

fn reused() -> AppError {
    AppError::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
        "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
    )
}

// Leases are wall-clock time: moving the manual test clock must not end one.
use crate::clock::wall_now as lease_now;

fn lease_end(wall: NaiveDateTime) -> NaiveDateTime {
    wall + Duration::from_std(LEASE).expect("a small duration")
}

type Held<'a> = diesel::dsl::Filter<
    idempotency_keys::table,
    diesel::dsl::And<
        diesel::dsl::And<diesel::dsl::Eq<idempotency_keys::id, &'a str>, diesel::dsl::Eq<idempotency_keys::status, IdempotencyStatus>>,
        diesel::dsl::Eq<idempotency_keys::locked_until, NaiveDateTime>,
    >,
>;

/// The key's row while it is still in progress under the lease `lease`: the fence of
/// every write after the reservation (takeover, completion, release).
fn held(id: &str, lease: NaiveDateTime) -> Held<'_> {
    idempotency_keys::table.filter(
        idempotency_keys::id
            .eq(id)
            .and(idempotency_keys::status.eq(IdempotencyStatus::InProgress))
            .and(idempotency_keys::locked_until.eq(lease)),
    )
}

#[derive(Debug, Queryable)]
struct KeyRow {
    id: String,
    request_hash: String,
    status: IdempotencyStatus,
    response_status: Option<i32>,
    response_body: Option<String>,
    locked_until: NaiveDateTime,
}

fn find(conn: &mut DbConnection, user_id: &str, key: &str) -> AppResult<Option<KeyRow>> {
    Ok(idempotency_keys::table
        .filter(idempotency_keys::user_id.eq(user_id).and(idempotency_keys::idem_key.eq(key)))
        .select((
            idempotency_keys::id,
            idempotency_keys::request_hash,
            idempotency_keys::status,
            idempotency_keys::response_status,
            idempotency_keys::response_body,
            idempotency_keys::locked_until,
        ))
        .first(conn)
        .optional()?)
}

/// A request that came with a key: who sent it, the key, and what it asked for.
#[derive(Clone, Debug)]
pub struct KeyedRequest {
    pub user_id: String,
    pub key: IdempotencyKey,
    pub operation: &'static str,
    /// [`fingerprint`] of the operation and the body.
    pub fingerprint: String,
}

impl KeyedRequest {
    pub fn new(user_id: &str, key: IdempotencyKey, operation: &'static str, body: &serde_json::Value) -> KeyedRequest {
        KeyedRequest { user_id: user_id.to_string(), key, operation, fingerprint: fingerprint(operation, body) }
    }
}

/// Reserves the key for this request or says why not. `now` is business time (retention);
/// leases use the wall clock, like every lease here.
pub fn begin_in(conn: &mut DbConnection, req: &KeyedRequest, now: NaiveDateTime) -> AppResult<Begin> {
    let (user_id, key, operation, fingerprint) = (req.user_id.as_str(), &req.key, req.operation, req.fingerprint.as_str());
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(now - Duration::hours(RETENTION_HOURS))))
        .execute(conn)?;
    // A row can vanish between a failed insert and the read (released, purged): try again.
    for _ in 0..3 {
        let wall = lease_now();
        let id = IdempotencyKeyId::generate().0;
        let lease = lease_end(wall);
        let inserted = diesel::insert_into(idempotency_keys::table)
            .values((
                idempotency_keys::id.eq(&id),
                idempotency_keys::user_id.eq(user_id),
                idempotency_keys::idem_key.eq(key.as_str()),
                idempotency_keys::operation.eq(operation),
                idempotency_keys::request_hash.eq(fingerprint),
                idempotency_keys::status.eq(IdempotencyStatus::InProgress),
                idempotency_keys::locked_until.eq(lease),
                idempotency_keys::created_at.eq(now),
            ))
            .execute(conn);
        let reservation = |id: String, lease| Reservation {
            id,
            fingerprint: fingerprint.to_string(),
            user_id: user_id.to_string(),
            key: key.as_str().to_string(),
            lease,
        };
        match inserted {
            Ok(_) => return Ok(Begin::Proceed(reservation(id, lease))),
            Err(e) if is_unique_violation(&e, &USER_KEY) => {}
            Err(e) => return Err(e.into()),
        }
        let Some(row) = find(conn, user_id, key.as_str())? else { continue };
        if row.request_hash != fingerprint {
            return Err(reused());
        }
        if row.status == IdempotencyStatus::Completed {
            return Ok(Begin::Replay(StoredResponse {
                status: row.response_status.unwrap_or(500) as u16,
                body: row.response_body.unwrap_or_default(),
            }));
        }
        if row.locked_until > wall {
            return Err(in_use());
        }
        // The first request's lease ran out (it crashed or hung): take the key over.
        let taken = diesel::update(held(&row.id, row.locked_until)).set(idempotency_keys::locked_until.eq(lease)).execute(conn)?;
        return if taken == 1 { Ok(Begin::Proceed(reservation(row.id, lease))) } else { Err(in_use()) };
    }
    Err(in_use())
}

/// `begin_in` on its own connection, outside any transaction (each statement commits at
/// once, so concurrent requests see the reservation immediately).
pub async fn begin(db: &Db, req: KeyedRequest, now: NaiveDateTime) -> AppResult<Begin> {
    db.run(move |conn| begin_in(conn, &req, now)).await
}

/// Stores the response of a reserved request, inside the operation's transaction (no-op
/// without a key). Fails — and so rolls the operation back — when the reservation lost
/// its lease to another request with the key.
pub fn complete_in(
    conn: &mut DbConnection,
    reservation: Option<&Reservation>,
    response: &StoredResponse,
    now: NaiveDateTime,
) -> AppResult<()> {
    let Some(r) = reservation else { return Ok(()) };
    let n = diesel::update(held(&r.id, r.lease))
        .set((
            idempotency_keys::status.eq(IdempotencyStatus::Completed),
            idempotency_keys::response_status.eq(response.status as i32),
            idempotency_keys::response_body.eq(&response.body),
            idempotency_keys::completed_at.eq(now),
        ))
        .execute(conn)?;
    if n == 1 {
        Ok(())
    } else {
        Err(in_use())
    }
}

/// Gives the key back after a failure before anything ran (fenced: a key taken over or
/// completed meanwhile is left alone). Errors are logged: the lease frees the key anyway.
pub async fn release(db: &Db, reservation: Option<&Reservation>) {
    let Some(r) = reservation.cloned() else { return };
    let result = db
        .run(move |conn| {
            diesel::delete(held(&r.id, r.lease)).execute(conn)?;
            Ok(())
        })
        .await;
    if let Err(e) = result {
        log::warn!("releasing an idempotency key failed (its lease will free it): {e}");
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn canonical_json_ignores_key_order_and_whitespace() {
        let a: serde_json::Value = serde_json::from_str(r#"{"b": [1, {"y": 2, "x": "é"}], "a": null}"#).unwrap();
        let b: serde_json::Value = serde_json::from_str(r#"{"a":null,"b":[1,{"x":"é","y":2}]}"#).unwrap();
        assert_eq!(canonical_json(&a), r#"{"a":null,"b":[1,{"x":"é","y":2}]}"#);
        assert_eq!(fingerprint("checkout", &a), fingerprint("checkout", &b));
        assert_ne!(fingerprint("checkout", &a), fingerprint("seat_change", &a), "the operation is part of it");
        assert_ne!(fingerprint("checkout", &json!({"seats": 5})), fingerprint("checkout", &json!({"seats": 6})));
    }

    #[test]
    fn keys_are_printable_ascii_up_to_255() {
        assert!(IdempotencyKey::parse("9b2f6a4e-3c1d-4e5f-8a7b-0c9d8e7f6a5b").is_ok());
        assert!(IdempotencyKey::parse(&"k".repeat(255)).is_ok());
        for bad in ["", &"k".repeat(256), "tab\there", "ümlaut"] {
            let e = IdempotencyKey::parse(bad).unwrap_err();
            assert_eq!((e.status.as_u16(), e.errors[0].field.as_str()), (400, HEADER), "{bad:?}");
        }
    }

    #[test]
    fn derived_keys_are_stable_per_request_and_distinct_otherwise() {
        let r = |user: &str, key: &str, fp: &str| Reservation {
            id: "idk_1".into(),
            fingerprint: fp.into(),
            user_id: user.into(),
            key: key.into(),
            lease: NaiveDateTime::default(),
        };
        let a = r("usr_a", "k", "f").derived_key("charge");
        assert_eq!(a, r("usr_a", "k", "f").derived_key("charge"));
        assert!(a.starts_with("ph_") && a.len() == 43);
        for other in [r("usr_b", "k", "f"), r("usr_a", "k2", "f"), r("usr_a", "k", "g")] {
            assert_ne!(a, other.derived_key("charge"));
        }
        assert_ne!(a, r("usr_a", "k", "f").derived_key("refund"));
    }
}
