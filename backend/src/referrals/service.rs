//! Referral rules. A code resolves only to a freelancer who may sell right now (the
//! freelancers slice decides); anything else is `referral_not_found`, and checkout treats
//! it as a sale without a referrer.
//!
//! A visit counts once per visitor and day. The visitor is `SHA-256(secret ‖ day ‖ IP ‖
//! User-Agent)`, where the secret is derived from the server's signing key: the hash
//! cannot be reversed or linked across days (the day is part of it), and neither the
//! address nor the browser is stored.

use actix_web::http::StatusCode;
use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};

use crate::auth::model::FreelancerRow;
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::referrals::model::{ReferralFreelancer, ReferralLanding};
use crate::referrals::store;
use crate::state::AppState;

/// Codes are handed out as 10 lower-case characters; anything much longer is no code.
const MAX_CODE_LENGTH: usize = 64;

fn not_found() -> AppError {
    AppError::new(StatusCode::NOT_FOUND, "referral_not_found", "This referral link is not valid. You can still buy without a referrer.")
}

/// A code as typed or linked, in the form codes are stored (None: cannot be a code).
pub fn normalise(code: &str) -> Option<String> {
    let code = code.trim().to_lowercase();
    (!code.is_empty() && code.len() <= MAX_CODE_LENGTH && code.chars().all(|c| c.is_ascii_alphanumeric())).then_some(code)
}

/// For checkout: the eligible freelancer behind `code`, if any.
pub fn resolve_in(conn: &mut DbConnection, code: &str) -> AppResult<Option<FreelancerRow>> {
    match normalise(code) {
        Some(code) => crate::freelancers::service::eligible_by_referral_code_in(conn, &code),
        None => Ok(None),
    }
}

/// For the dashboard: how many visits (one per visitor and day) the freelancer's link had.
pub fn clicks_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<i64> {
    store::count(conn, freelancer_id)
}

/// For the dashboard: the visits of the freelancer's link on `first_day` (UTC,
/// `YYYY-MM-DD`, as clicks are recorded) or later.
pub fn clicks_since_in(conn: &mut DbConnection, freelancer_id: &str, first_day: chrono::NaiveDate) -> AppResult<i64> {
    store::count_since(conn, freelancer_id, &first_day.to_string())
}

/// The day's pseudonym of a visitor.
pub fn visitor_hash(signing_secret: &str, day: &str, ip: &str, user_agent: &str) -> String {
    let secret: [u8; 32] =
        Sha256::new().chain_update(b"partner-hub referral clicks\0").chain_update(signing_secret.as_bytes()).finalize().into();
    let mut h = Sha256::new();
    for part in [&secret[..], day.as_bytes(), ip.as_bytes(), user_agent.as_bytes()] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    hex::encode(h.finalize())
}

/// Who is visiting, as far as a click needs to know.
pub struct Visitor {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
}

/// The landing page of `code`; counts the visit.
pub async fn landing(state: &AppState, code: String, visitor: Visitor) -> AppResult<ReferralLanding> {
    let code = normalise(&code).ok_or_else(not_found)?;
    let lookup = code.clone();
    let (fl, (display_name, photo_url), plans) = state
        .db
        .run(move |conn| {
            let fl = crate::freelancers::service::eligible_by_referral_code_in(conn, &lookup)?.ok_or_else(not_found)?;
            let card = crate::onboarding::service::public_card_in(conn, &fl.id, &fl.user_id)?;
            let plans = crate::catalog::service::active_plans_in(conn)?;
            Ok((fl, card, plans))
        })
        .await?;
    count_click(state, &fl.id, &visitor, state.clock.now_naive()).await?;
    Ok(ReferralLanding { code, freelancer: ReferralFreelancer { display_name, photo_url }, plans })
}

/// One statement of its own (no transaction to hold): the insert that a second visit the
/// same day turns into a no-op.
async fn count_click(state: &AppState, freelancer_id: &str, visitor: &Visitor, now: NaiveDateTime) -> AppResult<bool> {
    let day = now.date().to_string();
    let hash =
        visitor_hash(&state.settings.jwt_secret, &day, visitor.ip.as_deref().unwrap_or(""), visitor.user_agent.as_deref().unwrap_or(""));
    let fid = freelancer_id.to_string();
    state.db.run(move |conn| store::insert_click(conn, &fid, &day, &hash, now)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visitors_are_pseudonyms_per_day() {
        let a = visitor_hash("s", "2026-12-06", "203.0.113.9", "Firefox");
        assert_eq!(a, visitor_hash("s", "2026-12-06", "203.0.113.9", "Firefox"));
        assert_ne!(a, visitor_hash("s", "2026-12-07", "203.0.113.9", "Firefox"), "a new day, a new pseudonym");
        assert_ne!(a, visitor_hash("s", "2026-12-06", "203.0.113.10", "Firefox"));
        assert_ne!(a, visitor_hash("s", "2026-12-06", "203.0.113.9", "Chromium"));
        assert_ne!(a, visitor_hash("t", "2026-12-06", "203.0.113.9", "Firefox"), "keyed by the server's secret");
        assert!(!a.contains("203"));
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(normalise(" K3x9M2p7qa "), Some("k3x9m2p7qa".into()));
        assert_eq!(normalise(""), None);
        assert_eq!(normalise("a/b"), None);
        assert_eq!(normalise(&"a".repeat(65)), None);
    }
}
