//! Appeal rules: a freelancer appeals a decision about them once at a time (a unique
//! `open_key`, `subject_type:subject_id`, cleared when the appeal is decided); support
//! takes it into review and decides it. Every step is audited and emailed.
//!
//! Appeals on money (`subject_type: earning`) concern the caller's reversal, clawback or
//! debit adjustment; upholding one takes `amount_cents` and writes an adjustment citing
//! the appeal (`earnings::adjustments`), in the decision's transaction.
//!
//! Concurrency: submitting moves the subject (the application, through its service)
//! with a conditional update, or for an entry relies on the unique open key, so of
//! concurrent appeals one wins and the rest get 409; review and decision are
//! compare-and-set updates on the appeal row, so of two decisions fired together exactly
//! one changes the appeal, approves or re-rejects the application (or writes the
//! adjustment), and sends the email.

use crate::appeals::model::*;
use crate::appeals::store::{self, Decision, NewAppealRow};
use crate::applications::model::ApprovalPath;
use crate::applications::service as applications;
use crate::audit::{AuditAction, AuditEntry};
use crate::auth::model::FreelancerRow;
use crate::auth::service::recipient_of_freelancer;
use crate::db::DbConnection;
use crate::domain::ids::plain_id;
use crate::domain::note::DecisionNote;
use crate::earnings::adjustments;
use crate::earnings::service as earnings_service;
use crate::earnings::store as earnings_store;
use crate::earnings::view::EarningEntry;
use crate::error::{AppError, AppResult};
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

pub async fn submit(state: &AppState, fl: FreelancerRow, form: NewAppeal) -> AppResult<Appeal> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            match form.subject_type {
                SubjectType::Application => {
                    applications::appeal_in(conn, &form.subject_id, &fl, now)?;
                }
                SubjectType::Earning => {
                    adjustments::check_appealable_in(conn, &fl.id, &form.subject_id)?;
                }
            }
            let id = plain_id("apl");
            let explanation = form.explanation.trim();
            store::insert(
                conn,
                NewAppealRow {
                    id: &id,
                    freelancer_id: &fl.id,
                    subject_type: form.subject_type,
                    subject_id: &form.subject_id,
                    explanation,
                    at: now,
                },
            )?;
            AuditEntry::new(Some(&fl.user_id), AuditAction::AppealSubmitted, "appeal", &id)
                .after(serde_json::json!({"subject_type": form.subject_type, "subject_id": form.subject_id}))
                .write(conn, now)?;
            let to = recipient_of_freelancer(conn, &fl.id)?;
            let base = &st.settings.public_base_url;
            outbox::send(
                conn,
                &to.email,
                to.locale,
                &mails::AppealReceived { name: to.name.clone(), url: format!("{base}/app/appeals") },
                now,
            )?;
            let staff = mails::AppealSubmittedStaff {
                name: to.name.clone(),
                email: to.email.clone(),
                subject_type: form.subject_type.as_str().into(),
                explanation: explanation.to_string(),
                url: format!("{base}/admin/appeals/{id}"),
            };
            outbox::send(conn, &st.settings.support_email, st.settings.support_locale, &staff, now)?;
            Ok(Appeal::from_row(store::by_id(conn, &id)?, None))
        })
        .await
}

pub async fn mine(state: &AppState, fl: FreelancerRow, filter: AppealFilter, page: Page) -> AppResult<Paginated<Appeal>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::list(conn, Some(&fl.id), filter.status, page.after, limit)).await?;
    Ok(finish(rows, limit, |(r, _, _)| (r.created_at, r.id.clone()), |(r, _, _)| Appeal::from_row(r, None)))
}

pub async fn queue(state: &AppState, filter: AppealFilter, page: Page) -> AppResult<Paginated<Appeal>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::list(conn, None, filter.status, page.after, limit)).await?;
    Ok(finish(rows, limit, |(r, _, _)| (r.created_at, r.id.clone()), |(r, e, n)| Appeal::from_row(r, Some((e, n)))))
}

pub async fn detail(state: &AppState, id: String) -> AppResult<Appeal> {
    state
        .db
        .run(move |conn| {
            let r = store::by_id(conn, &id)?;
            let who = store::appellant(conn, &r.freelancer_id)?;
            let earning = appealed_entry(conn, &r)?;
            Ok(Appeal { earning, ..Appeal::from_row(r, Some(who)) })
        })
        .await
}

/// The ledger entry an appeal on earnings is about, as the API shows it.
fn appealed_entry(conn: &mut DbConnection, r: &AppealRow) -> AppResult<Option<EarningEntry>> {
    if r.subject_type != SubjectType::Earning {
        return Ok(None);
    }
    match earnings_store::find(conn, &r.freelancer_id, &r.subject_id)? {
        Some(row) => Ok(Some(earnings_service::entry_in(conn, &row)?)),
        None => Ok(None),
    }
}

/// The amount an upheld appeal on earnings gives back (checked against the appealed
/// entry); no amount for anything else.
fn amount_for(conn: &mut DbConnection, r: &AppealRow, form: &Decide) -> AppResult<Option<i64>> {
    match (r.subject_type, form.decision) {
        (SubjectType::Earning, Verdict::Upheld) => {
            let entry = earnings_store::find(conn, &r.freelancer_id, &r.subject_id)?
                .ok_or_else(|| AppError::not_found("There is no earnings entry with this id."))?;
            adjustments::check_appeal_amount(&entry, form.amount_cents).map(Some)
        }
        _ if form.amount_cents.is_some() => {
            Err(AppError::field("amount_cents", "Send an amount only when upholding an appeal on earnings."))
        }
        _ => Ok(None),
    }
}

fn moved_meanwhile() -> AppError {
    AppError::conflict("invalid_status", "This appeal changed while you were deciding; reload it.")
}

pub async fn start_review(state: &AppState, actor: String, id: String) -> AppResult<Appeal> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let seen = store::by_id(conn, &id)?.status;
            if !seen.can_start_review() {
                return Err(AppError::conflict("invalid_status", format!("An appeal that is {seen} cannot move to review.")));
            }
            let now = st.clock.now_naive();
            let r = store::start_review(conn, &id, seen, &actor, now)?.ok_or_else(moved_meanwhile)?;
            AuditEntry::new(Some(&actor), AuditAction::AppealInReview, "appeal", &id)
                .before(serde_json::json!({"status": seen}))
                .after(serde_json::json!({"status": r.status}))
                .write(conn, now)?;
            let who = store::appellant(conn, &r.freelancer_id)?;
            Ok(Appeal::from_row(r, Some(who)))
        })
        .await
}

/// The decision's effect on the appealed subject, through that subject's service.
fn apply_to_subject(
    conn: &mut DbConnection,
    state: &AppState,
    r: &AppealRow,
    verdict: Verdict,
    actor: &str,
    amount: Option<i64>,
) -> AppResult<()> {
    match r.subject_type {
        // An upheld appeal on money becomes an adjustment citing it (`appeal:{id}`: once).
        SubjectType::Earning => {
            if let (Verdict::Upheld, Some(amount)) = (verdict, amount) {
                let note = r.reviewer_note.as_deref().unwrap_or_default();
                adjustments::from_appeal_in(conn, r, amount, actor, note, state.clock.now_naive())?;
            }
        }
        SubjectType::Application => match verdict {
            Verdict::Upheld => {
                // The appeal's own note reaches the freelancer with the appeal; the application
                // records only that an appeal approved it (`decision.via`).
                applications::approve_in(conn, state, &r.subject_id, actor, None, ApprovalPath::Appeal)?;
            }
            Verdict::Denied => {
                applications::deny_appeal_in(conn, &r.subject_id, &r.freelancer_id, state.clock.now_naive())?;
            }
        },
    }
    Ok(())
}

pub async fn decide(state: &AppState, actor: String, id: String, form: Decide) -> AppResult<Appeal> {
    let note = DecisionNote::required(&form.note)?.as_str().to_string();
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let current = store::by_id(conn, &id)?;
            let seen = current.status;
            if !seen.can_decide() {
                return Err(AppError::conflict("invalid_status", format!("This appeal is already {seen}.")));
            }
            let amount = amount_for(conn, &current, &form)?;
            let now = st.clock.now_naive();
            let status = form.decision.status();
            let r =
                store::decide(conn, &id, seen, Decision { status, reviewer: &actor, note: &note, at: now })?.ok_or_else(moved_meanwhile)?;
            let action = match form.decision {
                Verdict::Upheld => AuditAction::AppealUpheld,
                Verdict::Denied => AuditAction::AppealDenied,
            };
            AuditEntry::new(Some(&actor), action, "appeal", &id)
                .before(serde_json::json!({"status": seen}))
                .after(serde_json::json!({"status": status, "note": note}))
                .write(conn, now)?;
            apply_to_subject(conn, &st, &r, form.decision, &actor, amount)?;
            let to = recipient_of_freelancer(conn, &r.freelancer_id)?;
            let mail = mails::AppealDecided {
                name: to.name.clone(),
                upheld: form.decision == Verdict::Upheld,
                note: note.clone(),
                url: format!("{}/app/appeals", st.settings.public_base_url),
            };
            outbox::send(conn, &to.email, to.locale, &mail, now)?;
            let (email, name) = (to.email, to.name);
            let earning = appealed_entry(conn, &r)?;
            Ok(Appeal { earning, ..Appeal::from_row(r, Some((email, name))) })
        })
        .await
}
