//! `GET /admin/audit-log`: who did what, newest first, filterable. Each entry names its
//! actor, and a subject that is a person (a user, a freelancer, a freelancer's W-9), by
//! email and name, joined in the same query.

use actix_web::{get, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::audit::AuditAction;
use crate::auth::StaffUser;
use crate::clock::utc;
use crate::db::schema::{audit_log, freelancers, users};
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
    action: AuditAction,
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
    /// The acting user's email and full name (null for the system).
    pub actor: Option<Person>,
    pub action: AuditAction,
    pub subject_type: String,
    pub subject_id: String,
    /// When the subject is a person (`user`; `freelancer` and `tax_form`, whose owner it
    /// names): their email and full name.
    pub subject_person: Option<Person>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// A user named in an audit entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct Person {
    pub email: String,
    pub name: String,
}

fn person(email: Option<String>, name: Option<String>) -> Option<Person> {
    Some(Person { email: email?, name: name? })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// Only this action.
    pub action: Option<AuditAction>,
    #[param(max_length = 100)]
    pub actor_id: Option<String>,
    #[param(max_length = 100)]
    pub subject_type: Option<String>,
    #[param(max_length = 100)]
    pub subject_id: Option<String>,
}

/// An entry with its actor's and its subject's (email, name), each pair null when absent.
type Joined = (AuditRow, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);

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
    for (name, v) in [("actor_id", &f.actor_id), ("subject_type", &f.subject_type), ("subject_id", &f.subject_id)] {
        if v.as_ref().is_some_and(|v| v.chars().count() > 100) {
            return Err(AppError::field(name, "Use at most 100 characters."));
        }
    }
    let limit = page.limit;
    let rows = state
        .db
        .run(move |conn| {
            let (subject_users, owners) = diesel::alias!(users as subject_users, users as owners);
            let mut q = audit_log::table
                .left_join(users::table.on(audit_log::actor_id.eq(users::id.nullable())))
                .left_join(
                    subject_users.on(audit_log::subject_type.eq("user").and(audit_log::subject_id.eq(subject_users.field(users::id)))),
                )
                .left_join(
                    freelancers::table
                        .on(audit_log::subject_type.eq_any(["freelancer", "tax_form"]).and(audit_log::subject_id.eq(freelancers::id))),
                )
                .left_join(owners.on(freelancers::user_id.eq(owners.field(users::id))))
                .select((
                    AuditRow::as_select(),
                    users::email.nullable(),
                    users::full_name.nullable(),
                    subject_users.field(users::email).nullable(),
                    subject_users.field(users::full_name).nullable(),
                    owners.field(users::email).nullable(),
                    owners.field(users::full_name).nullable(),
                ))
                .into_boxed();
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
        |(r, ..): &Joined| (r.created_at, r.id.clone()),
        |(r, actor_email, actor_name, user_email, user_name, owner_email, owner_name): Joined| AuditEntryDto {
            id: r.id,
            actor_id: r.actor_id,
            actor: person(actor_email, actor_name),
            action: r.action,
            subject_type: r.subject_type,
            subject_id: r.subject_id,
            subject_person: person(user_email, user_name).or_else(|| person(owner_email, owner_name)),
            before: json(r.before_json),
            after: json(r.after_json),
            ip: r.ip,
            created_at: utc(r.created_at),
        },
    )))
}
