//! `GET /admin/audit-log`: who did what, newest first, filterable.

use actix_web::{get, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::StaffUser;
use crate::clock::utc;
use crate::db::schema::audit_log;
use crate::docs::*;
use crate::error::{AppError, AppResult};
use crate::pagination::{finish, PageParams, Paginated};
use crate::state::AppState;

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(list);
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct AuditRow {
    id: String,
    actor_id: Option<String>,
    action: String,
    subject_type: String,
    subject_id: String,
    before_json: Option<String>,
    after_json: Option<String>,
    ip: Option<String>,
    created_at: NaiveDateTime,
}

/// One audit entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntryDto {
    pub id: String,
    /// The user who acted; null for the system.
    pub actor_id: Option<String>,
    #[schema(example = "user.registered")]
    pub action: String,
    pub subject_type: String,
    pub subject_id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// Only this action, e.g. `user.registered`.
    #[param(max_length = 100)]
    pub action: Option<String>,
    #[param(max_length = 100)]
    pub actor_id: Option<String>,
    #[param(max_length = 100)]
    pub subject_type: Option<String>,
    #[param(max_length = 100)]
    pub subject_id: Option<String>,
}

fn json(s: Option<String>) -> Option<serde_json::Value> {
    s.and_then(|s| serde_json::from_str(&s).ok())
}

/// The audit log, newest first.
#[utoipa::path(operation_id = "list_audit_log", 
    tag = "admin",
    params(AuditFilter, PageParams),
    responses(
        (status = 200, body = Paginated<AuditEntryDto>),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 422, response = Unprocessable),
    ),
    security(("bearer" = []))
)]
#[get("/admin/audit-log")]
async fn list(
    state: web::Data<AppState>,
    _staff: StaffUser,
    filter: web::Query<AuditFilter>,
    page: web::Query<PageParams>,
) -> AppResult<web::Json<Paginated<AuditEntryDto>>> {
    let page = page.parse()?;
    let f = filter.into_inner();
    for (name, v) in [("action", &f.action), ("actor_id", &f.actor_id), ("subject_type", &f.subject_type), ("subject_id", &f.subject_id)] {
        if v.as_ref().is_some_and(|v| v.chars().count() > 100) {
            return Err(AppError::field(name, "Use at most 100 characters."));
        }
    }
    let limit = page.limit;
    let rows = state
        .db
        .run(move |conn| {
            let mut q = audit_log::table.select(AuditRow::as_select()).into_boxed();
            if let Some(v) = f.action {
                q = q.filter(audit_log::action.eq(v));
            }
            if let Some(v) = f.actor_id {
                q = q.filter(audit_log::actor_id.eq(v));
            }
            if let Some(v) = f.subject_type {
                q = q.filter(audit_log::subject_type.eq(v));
            }
            if let Some(v) = f.subject_id {
                q = q.filter(audit_log::subject_id.eq(v));
            }
            Ok(crate::newest_first!(q, audit_log::created_at, audit_log::id, page.after, limit).load(conn)?)
        })
        .await?;
    Ok(web::Json(finish(
        rows,
        limit,
        |r: &AuditRow| (r.created_at, r.id.clone()),
        |r| AuditEntryDto {
            id: r.id,
            actor_id: r.actor_id,
            action: r.action,
            subject_type: r.subject_type,
            subject_id: r.subject_id,
            before: json(r.before_json),
            after: json(r.after_json),
            ip: r.ip,
            created_at: utc(r.created_at),
        },
    )))
}
