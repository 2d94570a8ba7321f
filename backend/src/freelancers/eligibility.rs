//! Eligibility: a freelancer may use the dashboard when the application is approved,
//! onboarding is complete (W-9 when US-based; existing freelancers skip onboarding) and
//! the current terms are accepted. `refresh` runs after every step that can complete
//! the list and hands out the unique referral code the first time it is complete.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::audit::AuditEntry;
use crate::auth::model::FreelancerRow;
use crate::auth::AuthUser;
use crate::db::schema::{applications, freelancer_profiles, freelancers, tax_forms, terms_acceptances, terms_versions};
use crate::db::DbConnection;
use crate::domain::ids::random_token;
use crate::error::{AppError, AppResult};
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
    let latest: Option<(String, String)> = applications::table
        .filter(applications::freelancer_id.eq(&fl.id))
        .order((applications::created_at.desc(), applications::id.desc()))
        .select((applications::status, applications::country))
        .first(conn)
        .optional()?;
    match latest.as_ref().map(|(s, _)| s.as_str()) {
        None => missing.extend(["application", "approval"]),
        Some("approved") => {}
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
        let country = profile_country.or(latest.map(|(_, c)| c));
        if country.as_deref() == Some("US") {
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

/// Re-evaluates and, the first time the freelancer is eligible, assigns the referral code.
pub fn refresh(conn: &mut DbConnection, freelancer_id: &str, now: NaiveDateTime) -> AppResult<Eligibility> {
    let fl = crate::freelancers::store::by_id(conn, freelancer_id)?;
    let result = evaluate(conn, &fl)?;
    if result.eligible && fl.referral_code.is_none() {
        let code = unique_referral_code(conn)?;
        diesel::update(freelancers::table.find(&fl.id))
            .set((freelancers::referral_code.eq(&code), freelancers::eligible_since.eq(now), freelancers::updated_at.eq(now)))
            .execute(conn)?;
        AuditEntry::new(None, "freelancer.became_eligible", "freelancer", &fl.id)
            .after(serde_json::json!({"referral_code": code}))
            .write(conn, now)?;
    }
    Ok(result)
}

fn unique_referral_code(conn: &mut DbConnection) -> AppResult<String> {
    for _ in 0..10 {
        let code = random_token(10).to_lowercase();
        let taken: i64 = freelancers::table.filter(freelancers::referral_code.eq(&code)).count().get_result(conn)?;
        if taken == 0 {
            return Ok(code);
        }
    }
    Err(AppError::internal("could not find a free referral code"))
}

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
    req.app_data::<actix_web::web::Data<AppState>>()
        .map(|d| d.get_ref().clone())
        .ok_or_else(|| AppError::internal("state missing"))
}

impl FromRequest for FreelancerCaller {
    type Error = AppError;
    type Future = BoxFut<Self>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let user = AuthUser::from_request(req, payload).into_inner();
        let state = state_of(req);
        Box::pin(async move {
            let user = user?;
            let state = state?;
            if !user.has(crate::domain::Role::Freelancer) {
                return Err(AppError::forbidden("forbidden", "Only freelancers can do this."));
            }
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
