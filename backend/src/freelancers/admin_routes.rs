//! Support's view of freelancers: list, detail with eligibility, and the seller tier.

use crate::web::json::Json;
use actix_web::{get, put, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::audit::AuditEntry;
use crate::auth::model::FreelancerRow;
use crate::auth::StaffUser;
use crate::clock::utc;
use crate::db::schema::{freelancers, users};
use crate::docs::*;
use crate::error::AppResult;
use crate::freelancers::tiers::Tier;
use crate::freelancers::{eligibility, store};
use crate::notifications::{outbox, templates};
use crate::pagination::{finish, PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list).service(detail).service(set_tier);
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerAdminView {
    #[schema(example = "fl_Q1w2E3r4T5y6U7i8O9p0")]
    pub id: String,
    pub user_id: String,
    pub email: String,
    pub full_name: String,
    /// `registered`, `submitted`, `approved`, `rejected` or `appealed`.
    pub status: String,
    pub tier: String,
    pub onboarding_required: bool,
    pub referral_code: Option<String>,
    pub eligible_since: Option<DateTime<Utc>>,
    /// Present on the detail view.
    pub eligible: Option<bool>,
    /// Present on the detail view.
    pub missing_steps: Option<Vec<String>>,
    pub created_at: DateTime<Utc>,
}

fn view(f: FreelancerRow, email: String, full_name: String) -> FreelancerAdminView {
    FreelancerAdminView {
        id: f.id,
        user_id: f.user_id,
        email,
        full_name,
        status: f.status,
        tier: f.tier,
        onboarding_required: f.onboarding_required,
        referral_code: f.referral_code,
        eligible_since: f.eligible_since.map(utc),
        eligible: None,
        missing_steps: None,
        created_at: utc(f.created_at),
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FreelancerStatus {
    Registered,
    Submitted,
    Approved,
    Rejected,
    Appealed,
}

impl FreelancerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            FreelancerStatus::Registered => "registered",
            FreelancerStatus::Submitted => "submitted",
            FreelancerStatus::Approved => "approved",
            FreelancerStatus::Rejected => "rejected",
            FreelancerStatus::Appealed => "appealed",
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FreelancerFilter {
    #[param(inline)]
    pub status: Option<FreelancerStatus>,
    #[param(inline)]
    pub tier: Option<Tier>,
}

/// Freelancers, newest first.
#[utoipa::path(
    operation_id = "list_freelancers",
    tag = "freelancers",
    params(FreelancerFilter, PageParams),
    responses((status = 200, body = Paginated<FreelancerAdminView>), (status = 400, response = BadRequest), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 422, response = Unprocessable)),
    security(("bearer" = []))
)]
#[get("/admin/freelancers")]
async fn list(state: web::Data<AppState>, _staff: StaffUser, filter: web::Query<FreelancerFilter>, page: web::Query<PageParams>) -> AppResult<web::Json<Paginated<FreelancerAdminView>>> {
    let page = page.parse()?;
    let limit = page.limit;
    let status = filter.status.map(FreelancerStatus::as_str);
    let tier = filter.tier.map(|t| t.as_str().to_string());
    let rows = state
        .db
        .run(move |conn| {
            let mut q = freelancers::table
                .inner_join(users::table)
                .select((FreelancerRow::as_select(), users::email, users::full_name))
                .into_boxed();
            if let Some(s) = status {
                q = q.filter(freelancers::status.eq(s));
            }
            if let Some(t) = tier {
                q = q.filter(freelancers::tier.eq(t));
            }
            if let Some((at, id)) = page.after {
                q = q.filter(freelancers::created_at.lt(at).or(freelancers::created_at.eq(at).and(freelancers::id.lt(id))));
            }
            Ok(q.order((freelancers::created_at.desc(), freelancers::id.desc())).limit(limit + 1).load::<(FreelancerRow, String, String)>(conn)?)
        })
        .await?;
    Ok(web::Json(finish(rows, limit, |(f, _, _)| (f.created_at, f.id.clone()), |(f, e, n)| view(f, e, n))))
}

fn load_view(conn: &mut crate::db::DbConnection, id: &str) -> AppResult<FreelancerAdminView> {
    let f = store::by_id(conn, id)?;
    let (email, full_name) = users::table.find(&f.user_id).select((users::email, users::full_name)).first::<(String, String)>(conn)?;
    let e = eligibility::evaluate(conn, &f)?;
    let mut v = view(f, email, full_name);
    v.eligible = Some(e.eligible);
    v.missing_steps = Some(e.missing_steps);
    Ok(v)
}

/// One freelancer with eligibility.
#[utoipa::path(
    operation_id = "get_freelancer",
    tag = "freelancers",
    params(("id" = String, Path, description = "Freelancer id (`fl_…`)")),
    responses((status = 200, body = FreelancerAdminView), (status = 401, response = Unauthorized), (status = 403, response = Forbidden), (status = 404, response = NotFound)),
    security(("bearer" = []))
)]
#[get("/admin/freelancers/{id}")]
async fn detail(state: web::Data<AppState>, _staff: StaffUser, id: web::Path<String>) -> AppResult<web::Json<FreelancerAdminView>> {
    let id = id.into_inner();
    Ok(web::Json(state.db.run(move |conn| load_view(conn, &id)).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TierChange {
    pub tier: Tier,
}

/// Set the seller tier (decides the clearing period). Audited; the freelancer is emailed.
#[utoipa::path(
    operation_id = "set_freelancer_tier",
    tag = "freelancers",
    params(("id" = String, Path, description = "Freelancer id (`fl_…`)")),
    request_body = TierChange,
    responses(
        (status = 200, body = FreelancerAdminView),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 413, response = PayloadTooLarge),
        (status = 415, response = UnsupportedMediaType),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[put("/admin/freelancers/{id}/tier")]
async fn set_tier(state: web::Data<AppState>, staff: StaffUser, id: web::Path<String>, body: Json<TierChange>) -> AppResult<web::Json<FreelancerAdminView>> {
    let id = id.into_inner();
    let tier = body.tier;
    let st = state.clone();
    let view = state
        .db
        .transaction(move |conn| {
            let f = store::by_id(conn, &id)?;
            let now = st.clock.now_naive();
            if f.tier != tier.as_str() {
                store::set_tier(conn, &id, tier.as_str(), now)?;
                AuditEntry::new(Some(&staff.0.id), "freelancer.tier_changed", "freelancer", &id)
                    .before(serde_json::json!({"tier": f.tier}))
                    .after(serde_json::json!({"tier": tier.as_str()}))
                    .write(conn, now)?;
                let (email, name) = users::table.find(&f.user_id).select((users::email, users::full_name)).first::<(String, String)>(conn)?;
                let mail = templates::simple(
                    "tier_changed",
                    format!("Your seller tier is now {}", tier.label()),
                    vec![
                        format!("Hello {name},"),
                        format!("Your seller tier in the Partner Hub programme is now {}.", tier.label()),
                        format!("Commissions now become available {} days after a subscription is activated.", tier.clearing_days()),
                    ],
                    Some(("Open your dashboard", &format!("{}/app/dashboard", st.settings.public_base_url))),
                );
                outbox::enqueue(conn, &email, &mail, now)?;
            }
            load_view(conn, &id)
        })
        .await?;
    Ok(web::Json(view))
}
