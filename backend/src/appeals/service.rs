//! Appeal rules and their queries. The open-appeal rule is enforced by a unique
//! `open_key` (`subject_type:subject_id`), cleared when the appeal is decided.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::appeals::model::*;
use crate::audit::AuditEntry;
use crate::auth::model::FreelancerRow;
use crate::db::schema::{appeals, freelancers, users};
use crate::db::DbConnection;
use crate::domain::ids::plain_id;
use crate::error::{AppError, AppResult};
use crate::notifications::{outbox, templates};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

fn by_id(conn: &mut DbConnection, id: &str) -> AppResult<AppealRow> {
    appeals::table
        .find(id)
        .select(AppealRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("There is no appeal with this id."))
}

fn appellant(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<(String, String)> {
    Ok(freelancers::table
        .inner_join(users::table)
        .filter(freelancers::id.eq(freelancer_id))
        .select((users::email, users::full_name))
        .first(conn)?)
}

pub async fn submit(state: &AppState, fl: FreelancerRow, form: NewAppeal) -> AppResult<Appeal> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            match form.subject_type {
                SubjectType::Application => {
                    let app = crate::applications::store::owned(conn, &form.subject_id, &fl.id)?;
                    if app.status == "appealed" {
                        return Err(AppError::conflict("appeal_open", "This decision is already under appeal."));
                    }
                    if app.status != "rejected" {
                        return Err(AppError::conflict("not_appealable", "Only a rejected application can be appealed."));
                    }
                    crate::applications::store::set_status(conn, &app.id, "appealed", now)?;
                    crate::freelancers::store::set_status(conn, &fl.id, "appealed", now)?;
                }
            }
            let open_key = format!("{}:{}", form.subject_type.as_str(), form.subject_id);
            let taken: i64 = appeals::table.filter(appeals::open_key.eq(&open_key)).count().get_result(conn)?;
            if taken > 0 {
                return Err(AppError::conflict("appeal_open", "This decision is already under appeal."));
            }
            let id = plain_id("apl");
            diesel::insert_into(appeals::table)
                .values((
                    appeals::id.eq(&id),
                    appeals::freelancer_id.eq(&fl.id),
                    appeals::subject_type.eq(form.subject_type.as_str()),
                    appeals::subject_id.eq(&form.subject_id),
                    appeals::explanation.eq(form.explanation.trim()),
                    appeals::status.eq("submitted"),
                    appeals::open_key.eq(&open_key),
                    appeals::created_at.eq(now),
                    appeals::updated_at.eq(now),
                ))
                .execute(conn)?;
            AuditEntry::new(Some(&fl.user_id), "appeal.submitted", "appeal", &id)
                .after(serde_json::json!({"subject_type": form.subject_type.as_str(), "subject_id": form.subject_id}))
                .write(conn, now)?;
            let (email, name) = appellant(conn, &fl.id)?;
            let base = &st.settings.public_base_url;
            outbox::enqueue(conn, &email, &templates::simple(
                "appeal_received",
                "We received your appeal",
                vec![format!("Hello {name},"), "Your appeal is with our support team. We will email you as soon as it is decided.".into()],
                Some(("See your appeals", &format!("{base}/app/appeals"))),
            ), now)?;
            outbox::enqueue(conn, &st.settings.support_email, &templates::simple(
                "appeal_submitted_staff",
                format!("New appeal from {name}"),
                vec![format!("{name} ({email}) appealed a {} decision.", form.subject_type.as_str()), format!("Explanation: {}", form.explanation.trim())],
                Some(("Review the appeal", &format!("{base}/admin/appeals/{id}"))),
            ), now)?;
            Ok(Appeal::from_row(by_id(conn, &id)?, None))
        })
        .await
}

pub async fn mine(state: &AppState, fl: FreelancerRow, filter: AppealFilter, page: Page) -> AppResult<Paginated<Appeal>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| list_rows(conn, Some(&fl.id), filter.status, page.after, limit)).await?;
    Ok(finish(rows, limit, |(r, _, _)| (r.created_at, r.id.clone()), |(r, _, _)| Appeal::from_row(r, None)))
}

pub async fn queue(state: &AppState, filter: AppealFilter, page: Page) -> AppResult<Paginated<Appeal>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| list_rows(conn, None, filter.status, page.after, limit)).await?;
    Ok(finish(rows, limit, |(r, _, _)| (r.created_at, r.id.clone()), |(r, e, n)| Appeal::from_row(r, Some((e, n)))))
}

fn list_rows(
    conn: &mut DbConnection,
    freelancer_id: Option<&str>,
    status: Option<AppealStatus>,
    cursor: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<(AppealRow, String, String)>> {
    let mut q = appeals::table
        .inner_join(freelancers::table.inner_join(users::table))
        .select((AppealRow::as_select(), users::email, users::full_name))
        .into_boxed();
    if let Some(f) = freelancer_id {
        q = q.filter(appeals::freelancer_id.eq(f.to_string()));
    }
    if let Some(s) = status {
        q = q.filter(appeals::status.eq(s.as_str()));
    }
    if let Some((at, id)) = cursor {
        q = q.filter(appeals::created_at.lt(at).or(appeals::created_at.eq(at).and(appeals::id.lt(id))));
    }
    Ok(q.order((appeals::created_at.desc(), appeals::id.desc())).limit(limit + 1).load(conn)?)
}

pub async fn detail(state: &AppState, id: String) -> AppResult<Appeal> {
    state
        .db
        .run(move |conn| {
            let r = by_id(conn, &id)?;
            let who = appellant(conn, &r.freelancer_id)?;
            Ok(Appeal::from_row(r, Some(who)))
        })
        .await
}

pub async fn start_review(state: &AppState, actor: String, id: String) -> AppResult<Appeal> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let r = by_id(conn, &id)?;
            if r.status != "submitted" {
                return Err(AppError::conflict("invalid_status", format!("An appeal that is {} cannot move to review.", r.status)));
            }
            let now = st.clock.now_naive();
            diesel::update(appeals::table.find(&id))
                .set((appeals::status.eq("in_review"), appeals::reviewer_id.eq(&actor), appeals::updated_at.eq(now)))
                .execute(conn)?;
            AuditEntry::new(Some(&actor), "appeal.in_review", "appeal", &id)
                .before(serde_json::json!({"status": r.status}))
                .after(serde_json::json!({"status": "in_review"}))
                .write(conn, now)?;
            let who = appellant(conn, &r.freelancer_id)?;
            Ok(Appeal::from_row(by_id(conn, &id)?, Some(who)))
        })
        .await
}

pub async fn decide(state: &AppState, actor: String, id: String, form: Decide) -> AppResult<Appeal> {
    let note = form.note.trim().to_string();
    if note.is_empty() {
        return Err(AppError::field("note", "must not be blank"));
    }
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let r = by_id(conn, &id)?;
            if r.status != "submitted" && r.status != "in_review" {
                return Err(AppError::conflict("invalid_status", format!("This appeal is already {}.", r.status)));
            }
            let now = st.clock.now_naive();
            let status = match form.decision {
                Verdict::Upheld => "upheld",
                Verdict::Denied => "denied",
            };
            diesel::update(appeals::table.find(&id))
                .set((
                    appeals::status.eq(status),
                    appeals::open_key.eq(None::<String>),
                    appeals::reviewer_id.eq(&actor),
                    appeals::reviewer_note.eq(&note),
                    appeals::decided_at.eq(now),
                    appeals::updated_at.eq(now),
                ))
                .execute(conn)?;
            AuditEntry::new(Some(&actor), &format!("appeal.{status}"), "appeal", &id)
                .before(serde_json::json!({"status": r.status}))
                .after(serde_json::json!({"status": status, "note": note}))
                .write(conn, now)?;
            if r.subject_type == "application" {
                match form.decision {
                    Verdict::Upheld => {
                        crate::applications::service::approve_in(conn, &st, &r.subject_id, &actor, Some("Approved on appeal."), "appeal")?;
                    }
                    Verdict::Denied => {
                        crate::applications::store::set_status(conn, &r.subject_id, "rejected", now)?;
                        crate::freelancers::store::set_status(conn, &r.freelancer_id, "rejected", now)?;
                    }
                }
            }
            let (email, name) = appellant(conn, &r.freelancer_id)?;
            let outcome = match form.decision {
                Verdict::Upheld => "Good news: your appeal is upheld and the decision has been changed in your favour.",
                Verdict::Denied => "We reviewed your appeal carefully and the original decision stands.",
            };
            outbox::enqueue(conn, &email, &templates::simple(
                "appeal_decided",
                format!("Your appeal was {status}"),
                vec![format!("Hello {name},"), outcome.into(), format!("Note from our team: {note}")],
                Some(("See your appeals", &format!("{}/app/appeals", st.settings.public_base_url))),
            ), now)?;
            Ok(Appeal::from_row(by_id(conn, &id)?, Some((email, name))))
        })
        .await
}
