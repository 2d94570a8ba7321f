//! Application rules: one open application per freelancer; support approves or rejects
//! with a reason; every decision is audited and emailed to the applicant.

use crate::applications::model::*;
use crate::applications::store;
use crate::audit::AuditEntry;
use crate::auth::model::FreelancerRow;
use crate::db::DbConnection;
use crate::domain::ids::plain_id;
use crate::error::{AppError, AppResult};
use crate::freelancers::eligibility;
use crate::notifications::{outbox, templates};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

pub async fn submit(state: &AppState, fl: FreelancerRow, form: ApplicationForm, ip: Option<String>) -> AppResult<Application> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            if let Some(open) = store::latest_of(conn, &fl.id)? {
                match open.status.as_str() {
                    "submitted" | "appealed" => {
                        return Err(AppError::conflict("application_open", "You already have an application under review."))
                    }
                    "approved" => return Err(AppError::conflict("already_approved", "Your application is already approved.")),
                    _ => {}
                }
            }
            let now = st.clock.now_naive();
            let invitation_id = crate::invitations::store::accepted_by(conn, &fl.user_id)?;
            let row = ApplicationRow {
                id: plain_id("app"),
                freelancer_id: fl.id.clone(),
                invitation_id,
                status: "submitted".into(),
                m365_experience: form.m365_experience.as_str().into(),
                us_clients_served: form.us_clients_served,
                certifications: serde_json::to_string(&form.certifications.iter().map(|c| c.0.trim()).collect::<Vec<_>>()).unwrap_or_default(),
                country: form.country.clone(),
                motivation: form.motivation.trim().to_string(),
                links: serde_json::to_string(&form.links.iter().map(|l| l.0.as_str()).collect::<Vec<_>>()).unwrap_or_default(),
                decision_reason: None,
                decision_note: None,
                decided_by: None,
                decided_at: None,
                created_at: now,
                updated_at: now,
            };
            store::insert(conn, &row)?;
            crate::freelancers::store::set_status(conn, &fl.id, "submitted", now)?;
            AuditEntry::new(Some(&fl.user_id), "application.submitted", "application", &row.id)
                .after(serde_json::json!({"status": "submitted", "country": row.country}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            let applicant = store::applicant(conn, &fl.id)?;
            let mail = templates::simple(
                "application_received",
                "We received your application",
                vec![
                    format!("Hello {},", applicant.full_name),
                    "Thank you for applying to the Partner Hub reseller programme. Our support team reviews every application and usually answers within two business days.".into(),
                ],
                Some(("See your application", &format!("{}/app/application", st.settings.public_base_url))),
            );
            outbox::enqueue(conn, &applicant.email, &mail, now)?;
            Ok(Application::from_row(row, None))
        })
        .await
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
            store::queue(conn, store::Query {
                status: filter.status.map(|s| s.as_str()),
                invited: filter.invited,
                after: filter.submitted_after.map(|t| t.naive_utc()),
                before: filter.submitted_before.map(|t| t.naive_utc()),
                q: filter.q.filter(|q| !q.trim().is_empty()),
                cursor: page.after,
                limit,
            })
        })
        .await?;
    Ok(finish(rows, limit, |(r, _)| (r.created_at, r.id.clone()), |(r, (user_id, email, full_name))| {
        Application::from_row(r, Some(Applicant { user_id, email, full_name }))
    }))
}

/// Approves inside an open transaction (also used when an appeal is upheld).
pub fn approve_in(conn: &mut DbConnection, state: &AppState, id: &str, actor: &str, note: Option<&str>, via: &str) -> AppResult<Application> {
    let row = store::by_id(conn, id)?;
    let allowed = match via {
        "appeal" => row.status == "appealed",
        _ => row.status == "submitted",
    };
    if !allowed {
        return Err(AppError::conflict("invalid_status", format!("An application that is {} cannot be approved here.", row.status)));
    }
    let now = state.clock.now_naive();
    store::decide(conn, id, store::Decided { status: "approved", reason: None, note, by: actor, at: now })?;
    crate::freelancers::store::set_status(conn, &row.freelancer_id, "approved", now)?;
    AuditEntry::new(Some(actor), "application.approved", "application", id)
        .before(serde_json::json!({"status": row.status}))
        .after(serde_json::json!({"status": "approved", "note": note, "via": via}))
        .write(conn, now)?;
    let fl = crate::freelancers::store::by_id(conn, &row.freelancer_id)?;
    let next = if fl.onboarding_required {
        "Next, complete your onboarding: personal and business information, the W-9 form if you are based in the US, and the programme terms."
    } else {
        "As an existing freelancer you only need to accept the programme terms to open your dashboard."
    };
    let applicant = store::applicant(conn, &row.freelancer_id)?;
    let mut paragraphs = vec![format!("Hello {},", applicant.full_name), "Your application to the Partner Hub reseller programme is approved. Welcome aboard!".to_string()];
    if let Some(n) = note {
        paragraphs.push(format!("Note from our team: {n}"));
    }
    paragraphs.push(next.into());
    let mail = templates::simple("application_approved", "Your application is approved", paragraphs, Some(("Continue", &format!("{}/app/onboarding", state.settings.public_base_url))));
    outbox::enqueue(conn, &applicant.email, &mail, now)?;
    eligibility::refresh(conn, &row.freelancer_id, now)?;
    let applicant = store::applicant(conn, &row.freelancer_id)?;
    Ok(Application::from_row(store::by_id(conn, id)?, Some(applicant)))
}

pub async fn approve(state: &AppState, id: String, actor: String, form: ApproveForm) -> AppResult<Application> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| approve_in(conn, &st, &id, &actor, form.note.as_deref().map(str::trim).filter(|n| !n.is_empty()), "review"))
        .await
}

pub async fn reject(state: &AppState, id: String, actor: String, form: RejectForm) -> AppResult<Application> {
    let note = form.note.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    if form.reason == RejectionReason::Other && note.is_none() {
        return Err(AppError::field("note", "is required when the reason is other"));
    }
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let row = store::by_id(conn, &id)?;
            if row.status != "submitted" {
                return Err(AppError::conflict("invalid_status", format!("An application that is {} cannot be rejected.", row.status)));
            }
            let now = st.clock.now_naive();
            let reason = form.reason.as_str();
            store::decide(conn, &id, store::Decided { status: "rejected", reason: Some(reason), note: note.as_deref(), by: &actor, at: now })?;
            crate::freelancers::store::set_status(conn, &row.freelancer_id, "rejected", now)?;
            AuditEntry::new(Some(&actor), "application.rejected", "application", &id)
                .before(serde_json::json!({"status": row.status}))
                .after(serde_json::json!({"status": "rejected", "reason": reason, "note": note}))
                .write(conn, now)?;
            let applicant = store::applicant(conn, &row.freelancer_id)?;
            let mut paragraphs = vec![
                format!("Hello {},", applicant.full_name),
                "We reviewed your application to the Partner Hub reseller programme and cannot approve it at this time.".to_string(),
                format!("Reason: {}", RejectionReason::label(reason)),
            ];
            if let Some(n) = &note {
                paragraphs.push(format!("Note from our team: {n}"));
            }
            paragraphs.push("If you believe this decision is wrong, you can appeal it right away with an explanation.".into());
            let mail = templates::simple("application_rejected", "About your application", paragraphs, Some(("See the decision and appeal", &format!("{}/app/application", st.settings.public_base_url))));
            outbox::enqueue(conn, &applicant.email, &mail, now)?;
            Ok(Application::from_row(store::by_id(conn, &id)?, Some(applicant)))
        })
        .await
}
