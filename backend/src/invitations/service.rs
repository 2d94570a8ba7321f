//! Invitation rules. Tokens are stored only as SHA-256 hashes; re-sending issues a new
//! token (the old link stops working) and a fresh 14-day expiry.

use chrono::{Duration, NaiveDateTime};

use crate::audit::AuditEntry;
use crate::auth::store as users;
use crate::auth::tokens::hash_token;
use crate::db::DbConnection;
use crate::domain::ids::{plain_id, random_token};
use crate::domain::{Email, Role};
use crate::error::{AppError, AppResult};
use crate::invitations::model::*;
use crate::invitations::store;
use crate::notifications::{outbox, templates};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

fn invite_url(state: &AppState, token: &str) -> String {
    format!("{}/invitations/{token}", state.settings.public_base_url)
}

fn invitation_mail(state: &AppState, kind: &str, token: &str, expires_at: NaiveDateTime) -> templates::Rendered {
    let url = invite_url(state, token);
    let first = if kind == "internal" {
        "You are invited to the Partner Hub reseller programme. Sign in with your existing account through the link below to accept."
    } else {
        "You are invited to join Partner Hub and its reseller programme. Create your account through the link below to accept."
    };
    templates::simple(
        "invitation",
        "You're invited to the Partner Hub reseller programme",
        vec![
            "Hello,".into(),
            first.into(),
            "As a member you resell Microsoft 365 to your clients through your own referral link, earn a commission on every sale, manage your clients' subscriptions with delegated access, and get free Microsoft support.".into(),
            format!("The invitation is valid until {} UTC and can be used once.", expires_at.format("%B %-d, %Y %H:%M")),
        ],
        Some(("Accept the invitation", &url)),
    )
}

pub async fn create(state: &AppState, actor: String, form: NewInvitation) -> AppResult<IssuedInvitation> {
    let email = Email::parse(&form.email).map_err(|m| AppError::field("email", m))?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let existing = users::find_by_email(conn, email.as_str())?;
            match (form.kind, &existing) {
                (InvitationKind::Internal, None) => {
                    return Err(AppError::field("email", "has no account here; send an external invitation instead"))
                }
                (InvitationKind::External, Some(_)) => {
                    return Err(AppError::field("email", "already has an account; send an internal invitation instead"))
                }
                _ => {}
            }
            if let Some(user) = &existing {
                if users::freelancer_of(conn, &user.id)?.is_some_and(|f| f.status != crate::freelancers::model::FreelancerStatus::Registered) {
                    return Err(AppError::conflict("already_in_programme", "This person has already applied to the programme."));
                }
            }
            if store::pending_for(conn, email.as_str(), now)?.is_some() {
                return Err(AppError::conflict("invitation_pending", "A valid invitation for this email exists already; re-send it instead."));
            }
            let token = random_token(40);
            let row = InvitationRow {
                id: plain_id("inv"),
                email: email.as_str().to_string(),
                kind: form.kind.as_str().to_string(),
                token_hash: hash_token(&token),
                status: "sent".into(),
                invited_by: actor.clone(),
                accepted_by: None,
                accepted_at: None,
                revoked_at: None,
                expires_at: now + Duration::days(VALID_DAYS),
                send_count: 1,
                last_sent_at: now,
                created_at: now,
            };
            store::insert(conn, &row)?;
            AuditEntry::new(Some(&actor), "invitation.created", "invitation", &row.id)
                .after(serde_json::json!({"email": row.email, "kind": row.kind, "expires_at": crate::clock::utc(row.expires_at)}))
                .write(conn, now)?;
            outbox::enqueue(conn, &row.email, &invitation_mail(&st, &row.kind, &token, row.expires_at), now)?;
            Ok(IssuedInvitation {
                id: row.id.clone(),
                expires_at: crate::clock::utc(row.expires_at),
                invite_url: invite_url(&st, &token),
                token,
                invitation: Invitation::from_row(row, now),
            })
        })
        .await
}

pub async fn list(state: &AppState, filter: InvitationFilter, page: Page) -> AppResult<Paginated<Invitation>> {
    let now = state.clock.now_naive();
    let limit = page.limit;
    let rows = state
        .db
        .run(move |conn| store::list(conn, filter.status, filter.kind.map(|k| k.as_str()), now, page.after, limit))
        .await?;
    Ok(finish(rows, limit, |r| (r.created_at, r.id.clone()), |r| Invitation::from_row(r, now)))
}

pub async fn revoke(state: &AppState, actor: String, id: String) -> AppResult<Invitation> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let row = store::by_id(conn, &id)?;
            let now = st.clock.now_naive();
            if row.status != "sent" {
                return Err(AppError::conflict("invalid_status", format!("An invitation that is {} cannot be revoked.", row.status_at(now))));
            }
            store::mark_revoked(conn, &id, now)?;
            AuditEntry::new(Some(&actor), "invitation.revoked", "invitation", &id)
                .before(serde_json::json!({"status": row.status_at(now)}))
                .after(serde_json::json!({"status": "revoked"}))
                .write(conn, now)?;
            Ok(Invitation::from_row(store::by_id(conn, &id)?, now))
        })
        .await
}

pub async fn resend(state: &AppState, actor: String, id: String) -> AppResult<IssuedInvitation> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let row = store::by_id(conn, &id)?;
            let now = st.clock.now_naive();
            if row.status != "sent" {
                return Err(AppError::conflict("invalid_status", format!("An invitation that is {} cannot be re-sent.", row.status)));
            }
            let token = random_token(40);
            let expires_at = now + Duration::days(VALID_DAYS);
            store::renew(conn, &id, &hash_token(&token), expires_at, now)?;
            AuditEntry::new(Some(&actor), "invitation.resent", "invitation", &id)
                .before(serde_json::json!({"expires_at": crate::clock::utc(row.expires_at)}))
                .after(serde_json::json!({"expires_at": crate::clock::utc(expires_at)}))
                .write(conn, now)?;
            outbox::enqueue(conn, &row.email, &invitation_mail(&st, &row.kind, &token, expires_at), now)?;
            Ok(IssuedInvitation {
                id: id.clone(),
                expires_at: crate::clock::utc(expires_at),
                invite_url: invite_url(&st, &token),
                token,
                invitation: Invitation::from_row(store::by_id(conn, &id)?, now),
            })
        })
        .await
}

fn check_status(row: &InvitationRow, now: NaiveDateTime) -> &'static str {
    match row.status_at(now) {
        "sent" => "valid",
        "accepted" => "used",
        "revoked" => "revoked",
        _ => "expired",
    }
}

pub async fn check(state: &AppState, token: String) -> AppResult<InvitationCheck> {
    let now = state.clock.now_naive();
    state
        .db
        .run(move |conn| {
            let row = store::by_token_hash(conn, &hash_token(&token))?.ok_or_else(|| AppError::not_found("This invitation link is not valid."))?;
            Ok(InvitationCheck { status: check_status(&row, now).into(), email: row.email, kind: row.kind, expires_at: crate::clock::utc(row.expires_at) })
        })
        .await
}

/// Attaches a valid invitation to `user_id` inside the caller's transaction: makes the
/// user a freelancer if needed and, for internal invitations of existing accounts,
/// skips onboarding. `field` names the request field errors point at.
pub fn attach(conn: &mut DbConnection, state: &AppState, token: &str, user_id: &str, new_account: bool, field: &str) -> AppResult<InvitationRow> {
    let now = state.clock.now_naive();
    let row = store::by_token_hash(conn, &hash_token(token))?.ok_or_else(|| AppError::field(field, "is not a valid invitation"))?;
    match check_status(&row, now) {
        "valid" => {}
        "used" => return Err(AppError::field(field, "has already been used")),
        "revoked" => return Err(AppError::field(field, "has been revoked")),
        _ => return Err(AppError::field(field, "has expired; ask support to re-send it")),
    }
    if !store::mark_accepted(conn, &row.id, user_id, now)? {
        return Err(AppError::field(field, "has already been used"));
    }
    let freelancer = match users::freelancer_of(conn, user_id)? {
        Some(f) => f.id,
        None => {
            users::grant_role(conn, user_id, Role::Freelancer.as_str(), now)?;
            let id = crate::domain::ids::FreelancerId::generate().0;
            users::insert_freelancer(conn, &id, user_id, now)?;
            id
        }
    };
    if row.kind == "internal" && !new_account {
        diesel::update(crate::db::schema::freelancers::table.find(&freelancer))
            .set(crate::db::schema::freelancers::onboarding_required.eq(false))
            .execute(conn)?;
    }
    AuditEntry::new(Some(user_id), "invitation.accepted", "invitation", &row.id)
        .after(serde_json::json!({"user_id": user_id, "kind": row.kind, "freelancer_id": freelancer}))
        .write(conn, now)?;
    Ok(row)
}

use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};

pub async fn accept(state: &AppState, token: String, user_id: String) -> AppResult<InvitationCheck> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            if store::by_token_hash(conn, &hash_token(&token))?.is_none() {
                return Err(AppError::not_found("This invitation link is not valid."));
            }
            let row = attach(conn, &st, &token, &user_id, false, "token").map_err(|e| {
                if e.code == "validation_failed" {
                    let mut c = AppError::conflict("invitation_unusable", e.errors.first().map(|f| format!("The invitation {}.", f.message)).unwrap_or_default());
                    c.errors = e.errors;
                    c
                } else {
                    e
                }
            })?;
            Ok(InvitationCheck { status: "used".into(), email: row.email, kind: row.kind, expires_at: crate::clock::utc(row.expires_at) })
        })
        .await
}
