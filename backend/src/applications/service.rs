//! Application rules: one open application per freelancer, none once approved; support
//! approves or rejects with a reason; every decision is audited and emailed to the
//! applicant.
//!
//! Each transition is one conditional statement (see `store`), so of concurrent
//! requests exactly one changes the row and sends the email; the others get 409. The
//! freelancer's status follows the application with its own conditional update. A new
//! application first moves the freelancer `registered|rejected → submitted`: that
//! update takes the freelancer's row lock on PostgreSQL, so concurrent submissions
//! queue there and all but one find nothing to move; the partial unique index
//! `applications_one_open` backs the rule in the database.

use chrono::NaiveDateTime;

use crate::applications::model::*;
use crate::applications::store::{self, Decided};
use crate::audit::{AuditAction, AuditEntry};
use crate::auth::model::FreelancerRow;
use crate::auth::service::recipient_of_freelancer;
use crate::db::DbConnection;
use crate::domain::ids::plain_id;
use crate::domain::note::DecisionNote;
use crate::error::{AppError, AppResult};
use crate::freelancers::model::FreelancerStatus;
use crate::freelancers::service as freelancers;
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

/// Why a freelancer in `status` cannot open an application now.
fn cannot_open(status: FreelancerStatus) -> AppError {
    match status {
        FreelancerStatus::Approved => AppError::conflict("already_approved", "Your application is already approved."),
        _ => store::application_open(),
    }
}

/// 404 when the application does not exist, else 409 `invalid_status` naming its status.
fn not_now(conn: &mut DbConnection, id: &str, verb: &str) -> AppError {
    match store::by_id(conn, id) {
        Ok(row) => AppError::conflict("invalid_status", format!("An application that is {} cannot be {verb}.", row.status)),
        Err(e) => e,
    }
}

/// The freelancer's status follows each application decision; a freelancer not in the
/// expected status means the rows disagree, so the whole decision is refused.
fn follow(conn: &mut DbConnection, freelancer_id: &str, to: FreelancerStatus, now: NaiveDateTime) -> AppResult<FreelancerRow> {
    freelancers::move_status_in(conn, freelancer_id, to, now)?
        .ok_or_else(|| AppError::conflict("invalid_status", format!("The applicant cannot move to {to} from their current status.")))
}

pub async fn submit(state: &AppState, fl: FreelancerRow, form: ApplicationForm, ip: Option<String>) -> AppResult<Application> {
    let us_clients_served = form.us_clients()?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            // Applying needs a confirmed address: support answers to it, payouts go to it.
            crate::auth::verification::require_verified_in(conn, &fl.user_id)?;
            let now = st.clock.now_naive();
            if freelancers::move_status_in(conn, &fl.id, FreelancerStatus::Submitted, now)?.is_none() {
                return Err(cannot_open(freelancers::by_id_in(conn, &fl.id)?.status));
            }
            let invitation_id = crate::invitations::service::accepted_by_in(conn, &fl.user_id)?;
            let row = ApplicationRow {
                id: plain_id("app"),
                freelancer_id: fl.id.clone(),
                invitation_id,
                status: ApplicationStatus::Submitted,
                m365_experience: form.m365_experience,
                us_clients_served,
                certifications: serde_json::to_string(&form.certifications.iter().map(|c| c.0.trim()).collect::<Vec<_>>())
                    .unwrap_or_default(),
                country: form.country.clone(),
                motivation: form.motivation.trim().to_string(),
                links: serde_json::to_string(&form.links.iter().map(|l| l.0.as_str()).collect::<Vec<_>>()).unwrap_or_default(),
                decision_reason: None,
                decision_note: None,
                decided_by: None,
                decided_at: None,
                created_at: now,
                updated_at: now,
                decided_via: None,
            };
            store::insert(conn, &row)?;
            AuditEntry::new(Some(&fl.user_id), AuditAction::ApplicationSubmitted, "application", &row.id)
                .after(serde_json::json!({"status": row.status, "country": row.country}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            let to = recipient_of_freelancer(conn, &fl.id)?;
            let mail =
                mails::ApplicationReceived { name: to.name.clone(), url: format!("{}/app/application", st.settings.public_base_url) };
            outbox::send(conn, &to.email, to.locale, &mail, now)?;
            Ok(Application::from_row(row, None))
        })
        .await
}

/// The latest application's answers that onboarding starts from, so a freelancer is not
/// asked again for what they told us when applying.
pub fn answers_in(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Option<Answers>> {
    Ok(store::latest_of(conn, freelancer_id)?
        .map(|r| Answers { country: r.country, certifications: serde_json::from_str(&r.certifications).unwrap_or_default() }))
}

pub async fn mine(state: &AppState, fl: FreelancerRow) -> AppResult<Application> {
    state
        .db
        .run(move |conn| {
            store::latest_of(conn, &fl.id)?
                .map(|r| Application::from_row(r, None))
                .ok_or_else(|| AppError::not_found("You have not applied yet."))
        })
        .await
}

pub async fn detail(state: &AppState, id: String) -> AppResult<Application> {
    state
        .db
        .run(move |conn| {
            let row = store::by_id(conn, &id)?;
            let applicant = store::applicant(conn, &row.freelancer_id)?;
            Ok(Application::from_row(row, Some(applicant)))
        })
        .await
}

pub async fn queue(state: &AppState, filter: QueueFilter, page: Page) -> AppResult<Paginated<Application>> {
    let limit = page.limit;
    let rows = state
        .db
        .run(move |conn| {
            store::queue(
                conn,
                store::Query {
                    status: filter.status,
                    invited: filter.invited,
                    after: filter.submitted_after.map(|t| t.naive_utc()),
                    before: filter.submitted_before.map(|t| t.naive_utc()),
                    q: filter.q.filter(|q| !q.trim().is_empty()),
                    cursor: page.after,
                    limit,
                },
            )
        })
        .await?;
    Ok(finish(
        rows,
        limit,
        |(r, _)| (r.created_at, r.id.clone()),
        |(r, (user_id, email, full_name))| Application::from_row(r, Some(Applicant { user_id, email, full_name })),
    ))
}

/// Approves inside an open transaction: support's review (`submitted → approved`) or an
/// upheld appeal (`appealed → approved`, called by `appeals::service`). The path is kept
/// as a fact (`decision.via`), never written into the note as words.
pub fn approve_in(
    conn: &mut DbConnection,
    state: &AppState,
    id: &str,
    actor: &str,
    note: Option<&DecisionNote>,
    path: ApprovalPath,
) -> AppResult<Application> {
    let now = state.clock.now_naive();
    let from = ApplicationStatus::approvable_from(path);
    let note = note.map(DecisionNote::as_str);
    let decided = Decided { status: ApplicationStatus::Approved, reason: None, note, via: path, by: actor, at: now };
    let Some(row) = store::decide(conn, id, &[from], decided)? else {
        return Err(not_now(conn, id, "approved here"));
    };
    let fl = follow(conn, &row.freelancer_id, FreelancerStatus::Approved, now)?;
    AuditEntry::new(Some(actor), AuditAction::ApplicationApproved, "application", id)
        .before(serde_json::json!({"status": from}))
        .after(serde_json::json!({"status": row.status, "note": note, "via": path.as_str()}))
        .write(conn, now)?;
    let applicant = store::applicant(conn, &row.freelancer_id)?;
    let to = recipient_of_freelancer(conn, &row.freelancer_id)?;
    let mail = mails::ApplicationApproved {
        name: to.name.clone(),
        note: note.map(str::to_string),
        onboarding_required: fl.onboarding_required,
        url: format!("{}/app/onboarding", state.settings.public_base_url),
    };
    outbox::send(conn, &to.email, to.locale, &mail, now)?;
    freelancers::refresh_eligibility_in(conn, &row.freelancer_id, now)?;
    Ok(Application::from_row(row, Some(applicant)))
}

/// Inside the appeal's transaction: the freelancer's rejected application moves to
/// `appealed` (the freelancer with it). 404 when it is not theirs; 409 `appeal_open` when
/// it is already under appeal, `not_appealable` when it is not a rejection, and
/// `application_open` when another application is open.
pub fn appeal_in(conn: &mut DbConnection, id: &str, fl: &FreelancerRow, now: NaiveDateTime) -> AppResult<ApplicationRow> {
    // The freelancer first, as `submit` does: both take the freelancer's row lock before
    // touching applications, so they cannot deadlock on each other.
    if freelancers::move_status_in(conn, &fl.id, FreelancerStatus::Appealed, now)?.is_none() {
        let app = store::owned(conn, id, &fl.id)?;
        return Err(match app.status {
            ApplicationStatus::Appealed => AppError::conflict("appeal_open", "This decision is already under appeal."),
            ApplicationStatus::Rejected => cannot_open(freelancers::by_id_in(conn, &fl.id)?.status),
            _ => AppError::conflict("not_appealable", "Only a rejected application can be appealed."),
        });
    }
    match store::move_status(conn, id, &fl.id, &[ApplicationStatus::appealable_from()], ApplicationStatus::Appealed, now)? {
        Some(row) => Ok(row),
        None => {
            let app = store::owned(conn, id, &fl.id)?;
            Err(match app.status {
                ApplicationStatus::Appealed => AppError::conflict("appeal_open", "This decision is already under appeal."),
                _ => AppError::conflict("not_appealable", "Only a rejected application can be appealed."),
            })
        }
    }
}

/// Inside the appeal's transaction: a denied appeal puts the application (and the
/// freelancer) back to `rejected`.
pub fn deny_appeal_in(conn: &mut DbConnection, id: &str, freelancer_id: &str, now: NaiveDateTime) -> AppResult<ApplicationRow> {
    let Some(row) =
        store::move_status(conn, id, freelancer_id, &[ApplicationStatus::appeal_deniable_from()], ApplicationStatus::Rejected, now)?
    else {
        return Err(not_now(conn, id, "moved back to rejected"));
    };
    follow(conn, freelancer_id, FreelancerStatus::Rejected, now)?;
    Ok(row)
}

pub async fn approve(state: &AppState, id: String, actor: String, form: ApproveForm) -> AppResult<Application> {
    let note = DecisionNote::optional(form.note.as_deref())?;
    let st = state.clone();
    state.db.transaction(move |conn| approve_in(conn, &st, &id, &actor, note.as_ref(), ApprovalPath::Review)).await
}

pub async fn reject(state: &AppState, id: String, actor: String, form: RejectForm) -> AppResult<Application> {
    let note = DecisionNote::optional(form.note.as_deref())?.map(|n| n.as_str().to_string());
    if form.reason == RejectionReason::Other && note.is_none() {
        return Err(AppError::field("note", "A note is required when the reason is other."));
    }
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let reason = form.reason;
            let from = ApplicationStatus::rejectable_from();
            let decided = Decided {
                status: ApplicationStatus::Rejected,
                reason: Some(reason),
                note: note.as_deref(),
                via: ApprovalPath::Review,
                by: &actor,
                at: now,
            };
            let Some(row) = store::decide(conn, &id, &[from], decided)? else {
                return Err(not_now(conn, &id, "rejected"));
            };
            follow(conn, &row.freelancer_id, FreelancerStatus::Rejected, now)?;
            AuditEntry::new(Some(&actor), AuditAction::ApplicationRejected, "application", &id)
                .before(serde_json::json!({"status": from}))
                .after(serde_json::json!({"status": row.status, "reason": reason, "note": note}))
                .write(conn, now)?;
            let applicant = store::applicant(conn, &row.freelancer_id)?;
            let to = recipient_of_freelancer(conn, &row.freelancer_id)?;
            let mail = mails::ApplicationRejected {
                name: to.name.clone(),
                reason: reason.as_str().into(),
                note: note.clone(),
                url: format!("{}/app/application", st.settings.public_base_url),
            };
            outbox::send(conn, &to.email, to.locale, &mail, now)?;
            Ok(Application::from_row(row, Some(applicant)))
        })
        .await
}
