//! Eligibility: a freelancer may use the dashboard when the application is approved,
//! onboarding is complete (W-9 when the application or the profile says US; existing
//! freelancers skip onboarding) and the current terms are accepted. `refresh` runs after
//! every step that can change the list and hands out the unique referral code the first
//! time it is complete.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::applications::model::ApplicationStatus;
use crate::audit::{AuditAction, AuditEntry};
use crate::auth::model::FreelancerRow;
use crate::auth::AuthUser;
use crate::db::constraint::is_unique_violation;
use crate::db::schema::{applications, freelancer_profiles, tax_forms, terms_acceptances, terms_versions};
use crate::db::DbConnection;
use crate::domain::ids::random_token;
use crate::error::{AppError, AppResult};
use crate::freelancers::store;
use crate::state::AppState;

/// The steps, in the order the SPA walks them.
pub const STEPS: [&str; 6] = ["application", "approval", "personal_info", "business_info", "tax_form", "terms"];

#[derive(Debug, Clone)]
pub struct Eligibility {
    pub eligible: bool,
    pub missing_steps: Vec<String>,
}

pub fn current_terms_version(conn: &mut DbConnection) -> AppResult<i32> {
    Ok(terms_versions::table.select(diesel::dsl::max(terms_versions::version)).first::<Option<i32>>(conn)?.unwrap_or(0))
}

pub fn evaluate(conn: &mut DbConnection, fl: &FreelancerRow) -> AppResult<Eligibility> {
    let mut missing = Vec::new();
    let latest: Option<(ApplicationStatus, String)> = applications::table
        .filter(applications::freelancer_id.eq(&fl.id))
        .order((applications::created_at.desc(), applications::id.desc()))
        .select((applications::status, applications::country))
        .first(conn)
        .optional()?;
    match latest.as_ref().map(|(s, _)| *s) {
        None => missing.extend(["application", "approval"]),
        Some(ApplicationStatus::Approved) => {}
        Some(_) => missing.push("approval"),
    }
    if fl.onboarding_required {
        let profile: Option<(Option<NaiveDateTime>, Option<NaiveDateTime>, Option<String>)> = freelancer_profiles::table
            .find(&fl.id)
            .select((freelancer_profiles::personal_completed_at, freelancer_profiles::business_completed_at, freelancer_profiles::country))
            .first(conn)
            .optional()?;
        let (personal, business, profile_country) = profile.unwrap_or((None, None, None));
        if personal.is_none() {
            missing.push("personal_info");
        }
        if business.is_none() {
            missing.push("business_info");
        }
        let application_country = latest.map(|(_, c)| c);
        if needs_w9(application_country.as_deref(), profile_country.as_deref()) {
            let has_w9: i64 = tax_forms::table.filter(tax_forms::freelancer_id.eq(&fl.id)).count().get_result(conn)?;
            if has_w9 == 0 {
                missing.push("tax_form");
            }
        }
    }
    let current = current_terms_version(conn)?;
    let accepted: i64 = terms_acceptances::table
        .filter(terms_acceptances::freelancer_id.eq(&fl.id).and(terms_acceptances::version.eq(current)))
        .count()
        .get_result(conn)?;
    if accepted == 0 {
        missing.push("terms");
    }
    Ok(Eligibility { eligible: missing.is_empty(), missing_steps: missing.into_iter().map(String::from).collect() })
}

/// The W-9 is owed when either the application or the profile says US: letting the
/// profile override the application let a US applicant drop the W-9 by editing a field.
/// Profile saves call [`refresh`], so a change of country is re-evaluated at once (and
/// `evaluate` runs on every gated request, so the dashboard closes until the W-9 is in).
pub fn needs_w9(application_country: Option<&str>, profile_country: Option<&str>) -> bool {
    application_country == Some("US") || profile_country == Some("US")
}

/// Re-evaluates and, the first time the freelancer is eligible, assigns the referral code.
///
/// The code is written by one conditional statement (`… WHERE referral_code IS NULL`):
/// of concurrent refreshes exactly one issues a code and writes the audit entry; the
/// others find the row already done. A random code that collides with another
/// freelancer's hits the unique index inside a savepoint (PostgreSQL aborts the whole
/// transaction on an error outside one) and is retried with a fresh code.
pub fn refresh(conn: &mut DbConnection, freelancer_id: &str, now: NaiveDateTime) -> AppResult<Eligibility> {
    let fl = crate::freelancers::store::by_id(conn, freelancer_id)?;
    let result = evaluate(conn, &fl)?;
    if result.eligible && fl.referral_code.is_none() {
        for _ in 0..REFERRAL_CODE_ATTEMPTS {
            let code = random_token(10).to_lowercase();
            let attempt = conn.transaction(|c| store::issue_referral_code(c, &fl.id, &code, now));
            match attempt {
                Ok(Some(_)) => {
                    AuditEntry::new(None, AuditAction::FreelancerBecameEligible, "freelancer", &fl.id)
                        .after(serde_json::json!({"referral_code": code}))
                        .write(conn, now)?;
                    return Ok(result);
                }
                Ok(None) => return Ok(result),
                Err(e) if is_unique_violation(&e, &store::REFERRAL_CODE_KEY) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        return Err(AppError::internal("no free referral code after several attempts"));
    }
    Ok(result)
}

/// Ten random characters practically never collide; a few attempts cover the
/// theoretical case without looping forever on a broken index.
const REFERRAL_CODE_ATTEMPTS: usize = 5;

/// A signed-in freelancer (any programme status).
#[derive(Debug, Clone)]
pub struct FreelancerCaller {
    pub user: AuthUser,
    pub freelancer: FreelancerRow,
}

/// A freelancer whose dashboard is open. Anyone else gets 403 `not_eligible` listing the
/// missing steps (or 403 `forbidden` when not a freelancer at all).
#[derive(Debug, Clone)]
pub struct EligibleFreelancer {
    pub user: AuthUser,
    pub freelancer: FreelancerRow,
}

type BoxFut<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

fn state_of(req: &HttpRequest) -> Result<AppState, AppError> {
    req.app_data::<actix_web::web::Data<AppState>>().map(|d| d.get_ref().clone()).ok_or_else(|| AppError::internal("state missing"))
}

impl FromRequest for FreelancerCaller {
    type Error = AppError;
    type Future = BoxFut<Self>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let claimed = crate::auth::extractors::token_user(req);
        let user = AuthUser::from_request(req, payload);
        let state = state_of(req);
        Box::pin(async move {
            if !claimed?.has(crate::domain::Role::Freelancer) {
                return Err(AppError::forbidden("forbidden", "Only freelancers can do this."));
            }
            let user = user.await?;
            let state = state?;
            let uid = user.id.clone();
            let freelancer = state.db.run(move |conn| crate::freelancers::store::of_user(conn, &uid)).await?;
            Ok(FreelancerCaller { user, freelancer })
        })
    }
}

impl FromRequest for EligibleFreelancer {
    type Error = AppError;
    type Future = BoxFut<Self>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let caller = FreelancerCaller::from_request(req, payload);
        let state = state_of(req);
        Box::pin(async move {
            let FreelancerCaller { user, freelancer } = caller.await?;
            let state = state?;
            let fl = freelancer.clone();
            let result = state.db.run(move |conn| evaluate(conn, &fl)).await?;
            if !result.eligible {
                return Err(AppError::forbidden(
                    "not_eligible",
                    "The dashboard opens once your application is approved, onboarding is complete and the current terms are accepted.",
                )
                .with_missing_steps(result.missing_steps));
            }
            Ok(EligibleFreelancer { user, freelancer })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::needs_w9;

    #[test]
    fn either_the_application_or_the_profile_saying_us_asks_for_the_w9() {
        assert!(needs_w9(Some("US"), Some("DE")));
        assert!(needs_w9(Some("DE"), Some("US")));
        assert!(needs_w9(Some("US"), None));
        assert!(!needs_w9(Some("DE"), Some("GB")));
        assert!(!needs_w9(None, None));
    }
}
