//! Support's work on freelancers: the list, the detail with eligibility, and the seller
//! tier. A tier change runs under a row lock on the freelancer, so of concurrent changes
//! each sees the tier the previous one left: the audit trail is a chain (each entry's
//! `before` is the previous entry's `after`) with exactly one entry, and one email, per
//! effective change. In the same transaction the freelancer's pending commissions get the
//! new clearing period (`earnings::posting::retime_for_tier_in`).

use chrono::NaiveDateTime;

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::model::FreelancerRow;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::freelancers::model::{FreelancerAdminView, FreelancerFilter, FreelancerStatus};
use crate::freelancers::tiers::Tier;
use crate::freelancers::{eligibility, store};
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

pub async fn list(state: &AppState, filter: FreelancerFilter, page: Page) -> AppResult<Paginated<FreelancerAdminView>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::list(conn, filter.status, filter.tier, page.after, limit)).await?;
    Ok(finish(rows, limit, |(f, _, _)| (f.created_at, f.id.clone()), |(f, e, n)| FreelancerAdminView::from_row(f, e, n)))
}

fn load_view(conn: &mut DbConnection, id: &str) -> AppResult<FreelancerAdminView> {
    let f = store::by_id(conn, id)?;
    let (email, full_name) = store::contact(conn, &f.user_id)?;
    let e = eligibility::evaluate(conn, &f)?;
    let mut v = FreelancerAdminView::from_row(f, email, full_name);
    v.eligible = Some(e.eligible);
    v.missing_steps = Some(e.missing_steps);
    Ok(v)
}

pub async fn detail(state: &AppState, id: String) -> AppResult<FreelancerAdminView> {
    state.db.run(move |conn| load_view(conn, &id)).await
}

pub async fn set_tier(state: &AppState, actor: String, id: String, tier: Tier) -> AppResult<FreelancerAdminView> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let f = store::lock(conn, &id)?;
            if f.tier != tier {
                let now = st.clock.now_naive();
                store::set_tier(conn, &id, tier, now)?;
                // Pending commissions follow the new clearing period at once (audited per entry).
                crate::earnings::posting::retime_for_tier_in(conn, &id, tier, Some(&actor), now)?;
                AuditEntry::new(Some(&actor), AuditAction::FreelancerTierChanged, "freelancer", &id)
                    .before(serde_json::json!({"tier": f.tier}))
                    .after(serde_json::json!({"tier": tier}))
                    .write(conn, now)?;
                let to = crate::auth::service::recipient(conn, &f.user_id)?;
                let mail = mails::TierChanged {
                    name: to.name.clone(),
                    tier: tier.as_str().into(),
                    clearing_days: tier.clearing_days(),
                    url: format!("{}/app/dashboard", st.settings.public_base_url),
                };
                outbox::send(conn, &to.email, to.locale, &mail, now)?;
            }
            load_view(conn, &id)
        })
        .await
}

/// For other slices, inside their transaction: moves the freelancer to `to` only from a
/// status `to` allows (`FreelancerStatus::allowed_before`). On PostgreSQL the update
/// takes the row lock, so it is also the point where concurrent requests for one
/// freelancer queue. `None`: the freelancer was in another status.
pub fn move_status_in(conn: &mut DbConnection, id: &str, to: FreelancerStatus, now: NaiveDateTime) -> AppResult<Option<FreelancerRow>> {
    store::move_status(conn, id, to, now)
}

/// For other slices, inside their transaction: the freelancer's record with its row
/// locked on PostgreSQL (SQLite's writer lock covers it), so a tier change and a
/// commission posted at the same time queue instead of using a tier the other replaces.
pub fn lock_in(conn: &mut DbConnection, id: &str) -> AppResult<FreelancerRow> {
    store::lock(conn, id)
}

/// For other slices: the freelancer's current record.
pub fn by_id_in(conn: &mut DbConnection, id: &str) -> AppResult<FreelancerRow> {
    store::by_id(conn, id)
}

/// For other slices, after any change that can open or close the dashboard (a decision,
/// a profile or W-9 save, a terms acceptance): re-evaluates eligibility and issues the
/// referral code the first time it is complete.
pub fn refresh_eligibility_in(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> AppResult<eligibility::Eligibility> {
    eligibility::refresh(conn, id, now)
}

/// For other slices (the referral link, checkout): the freelancer whose referral code is
/// `code`, only while they may sell (eligible now: approved, onboarded, current terms
/// accepted). `None` for an unknown code or a freelancer who is not eligible (any more).
pub fn eligible_by_referral_code_in(conn: &mut DbConnection, code: &str) -> AppResult<Option<FreelancerRow>> {
    let Some(fl) = store::by_referral_code(conn, code)? else { return Ok(None) };
    Ok(eligibility::evaluate(conn, &fl)?.eligible.then_some(fl))
}
