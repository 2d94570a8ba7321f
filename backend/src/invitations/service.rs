//! Invitation rules. Tokens are stored only as SHA-256 hashes; re-sending issues a new
//! token (the old link stops working) and a fresh 14-day expiry.
//!
//! Who may use an invitation: only the account whose email is the invited one, and only
//! once that address is proven. A link is not proof on its own (it can be forwarded or
//! leak), so:
//! - `POST /invitations/{token}/accept` needs a signed-in account whose email equals the
//!   invited one (else 403 `invitation_email_mismatch`) and is verified (else 403
//!   `email_not_verified`).
//! - Registering with `invitation_token` needs the registering email to equal the
//!   invited one (else 403 `invitation_email_mismatch`). Then the registration itself
//!   counts as proof of the address and the invitation is accepted at once: the token
//!   was emailed to that address alone, is single use and stored hashed, and the email
//!   match means a forwarded link cannot be used for another account. The new account
//!   is marked verified.
//!
//! Every transition (accept, revoke, re-send) is one conditional UPDATE in `store`; one
//! pending invitation per email is the partial unique index `invitations_one_pending`.

use chrono::{Duration, NaiveDateTime};

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::service as users;
use crate::auth::tokens::hash_token;
use crate::db::DbConnection;
use crate::domain::ids::{plain_id, random_token};
use crate::domain::locale::Locale;
use crate::domain::{Email, Role};
use crate::error::{AppError, AppResult};
use crate::invitations::model::*;
use crate::invitations::store;
use crate::notifications::{mail, mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;

fn invite_url(state: &AppState, token: &str) -> String {
    format!("{}/invitations/{token}", state.settings.public_base_url)
}

fn invitation_mail(state: &AppState, kind: InvitationKind, token: &str, expires_at: NaiveDateTime) -> mails::Invitation {
    mails::Invitation { kind: kind.as_str().into(), expires_at: mail::when(expires_at), url: invite_url(state, token) }
}

/// `request_locale`: the language of the staff member's request, for an invitee without
/// an account when the form names none.
pub async fn create(state: &AppState, actor: String, form: NewInvitation, request_locale: Locale) -> AppResult<IssuedInvitation> {
    let email = Email::parse(&form.email).map_err(|m| AppError::field("email", m))?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let existing = users::find_by_email(conn, email.as_str())?;
            match (form.kind, &existing) {
                (InvitationKind::Internal, None) => {
                    return Err(AppError::field("email", "This address has no account here; send an external invitation instead."))
                }
                (InvitationKind::External, Some(_)) => {
                    return Err(AppError::field("email", "This address already has an account; send an internal invitation instead."))
                }
                _ => {}
            }
            if let Some(user) = &existing {
                if users::freelancer_of(conn, &user.id)?
                    .is_some_and(|f| f.status != crate::freelancers::model::FreelancerStatus::Registered)
                {
                    return Err(AppError::conflict("already_in_programme", "This person has already applied to the programme."));
                }
            }
            store::expire_stale_for(conn, email.as_str(), now)?;
            let token = random_token(40);
            let row = InvitationRow {
                id: plain_id("inv"),
                email: email.as_str().to_string(),
                kind: form.kind,
                token_hash: hash_token(&token),
                status: InvitationStatus::Sent,
                invited_by: actor.clone(),
                accepted_by: None,
                accepted_at: None,
                revoked_at: None,
                expires_at: now + Duration::days(VALID_DAYS),
                send_count: 1,
                last_sent_at: now,
                created_at: now,
                locale: form.locale.or(existing.as_ref().map(|u| u.locale)).unwrap_or(request_locale),
            };
            // A second pending invitation for this email fails here, on the unique index.
            store::insert(conn, &row)?;
            AuditEntry::new(Some(&actor), AuditAction::InvitationCreated, "invitation", &row.id)
                .after(serde_json::json!({"email": row.email, "kind": row.kind, "expires_at": crate::clock::utc(row.expires_at)}))
                .write(conn, now)?;
            outbox::send(conn, &row.email, row.locale, &invitation_mail(&st, row.kind, &token, row.expires_at), now)?;
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
    let rows = state.db.run(move |conn| store::list(conn, filter.status, filter.kind, now, page.after, limit)).await?;
    Ok(finish(rows, limit, |r| (r.created_at, r.id.clone()), |r| Invitation::from_row(r, now)))
}

fn cannot(action: &str, row: &InvitationRow, now: NaiveDateTime) -> AppError {
    AppError::conflict("invalid_status", format!("An invitation that is {} cannot be {action}.", row.status_at(now)))
}

pub async fn revoke(state: &AppState, actor: String, id: String) -> AppResult<Invitation> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let before = store::by_id(conn, &id)?;
            let Some(row) = store::mark_revoked(conn, &id, now)? else {
                return Err(cannot("revoked", &store::by_id(conn, &id)?, now));
            };
            AuditEntry::new(Some(&actor), AuditAction::InvitationRevoked, "invitation", &id)
                .before(serde_json::json!({"status": before.status_at(now)}))
                .after(serde_json::json!({"status": row.status}))
                .write(conn, now)?;
            Ok(Invitation::from_row(row, now))
        })
        .await
}

pub async fn resend(state: &AppState, actor: String, id: String) -> AppResult<IssuedInvitation> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let before = store::by_id(conn, &id)?;
            let token = random_token(40);
            let expires_at = now + Duration::days(VALID_DAYS);
            let Some(row) = store::renew(conn, &id, &hash_token(&token), expires_at, now)? else {
                return Err(cannot("re-sent", &store::by_id(conn, &id)?, now));
            };
            AuditEntry::new(Some(&actor), AuditAction::InvitationResent, "invitation", &id)
                .before(serde_json::json!({"expires_at": crate::clock::utc(before.expires_at)}))
                .after(serde_json::json!({"expires_at": crate::clock::utc(expires_at)}))
                .write(conn, now)?;
            outbox::send(conn, &row.email, row.locale, &invitation_mail(&st, row.kind, &token, expires_at), now)?;
            Ok(IssuedInvitation {
                id: id.clone(),
                expires_at: crate::clock::utc(expires_at),
                invite_url: invite_url(&st, &token),
                token,
                invitation: Invitation::from_row(row, now),
            })
        })
        .await
}

pub async fn check(state: &AppState, token: String) -> AppResult<InvitationCheck> {
    let now = state.clock.now_naive();
    state
        .db
        .run(move |conn| {
            let row = store::by_token_hash(conn, &hash_token(&token))?
                .ok_or_else(|| AppError::not_found("This invitation link is not valid."))?;
            Ok(InvitationCheck {
                status: row.link_status_at(now),
                email: row.email,
                kind: row.kind,
                expires_at: crate::clock::utc(row.expires_at),
            })
        })
        .await
}

fn unusable(field: &str, link: InvitationLinkStatus) -> AppError {
    match link {
        InvitationLinkStatus::Valid | InvitationLinkStatus::Used => AppError::field(field, "This invitation has already been used."),
        InvitationLinkStatus::Revoked => AppError::field(field, "This invitation has been revoked."),
        InvitationLinkStatus::Expired => AppError::field(field, "This invitation has expired; ask support to re-send it."),
    }
}

fn mismatch() -> AppError {
    AppError::forbidden(
        "invitation_email_mismatch",
        "This invitation was sent to another email address. Sign in (or register) with the address the invitation was sent to.",
    )
}

/// Accepts a valid invitation for `user_id` (whose email is `user_email`) inside the
/// caller's transaction: makes the user a freelancer if needed and, for internal
/// invitations of existing accounts, skips onboarding. The caller has established that
/// `user_email` is proven. `field` names the request field errors point at.
pub fn attach(
    conn: &mut DbConnection,
    state: &AppState,
    token: &str,
    user_id: &str,
    user_email: &str,
    new_account: bool,
    field: &str,
) -> AppResult<InvitationRow> {
    let now = state.clock.now_naive();
    let found = store::by_token_hash(conn, &hash_token(token))?.ok_or_else(|| AppError::field(field, "This is not a valid invitation."))?;
    let link = found.link_status_at(now);
    if link != InvitationLinkStatus::Valid {
        return Err(unusable(field, link));
    }
    if found.email != user_email {
        return Err(mismatch());
    }
    // The one statement that decides: of concurrent accepts, one moves the row.
    let Some(row) = store::mark_accepted(conn, &found.id, user_id, now)? else {
        let link = store::by_id(conn, &found.id)?.link_status_at(now);
        return Err(unusable(field, link));
    };
    let freelancer = match users::freelancer_of(conn, user_id)? {
        Some(f) => f.id,
        None => {
            users::grant_role(conn, user_id, Role::Freelancer, now)?;
            let id = crate::domain::ids::FreelancerId::generate().0;
            users::insert_freelancer(conn, &id, user_id, now)?;
            id
        }
    };
    if row.kind == InvitationKind::Internal && !new_account {
        diesel::update(crate::db::schema::freelancers::table.find(&freelancer))
            .set(crate::db::schema::freelancers::onboarding_required.eq(false))
            .execute(conn)?;
        // Skipping onboarding can complete eligibility (an approved freelancer who had
        // accepted the terms): the referral code is issued here, in this transaction,
        // never on a later read of the dashboard.
        crate::freelancers::service::refresh_eligibility_in(conn, &freelancer, now)?;
    }
    AuditEntry::new(Some(user_id), AuditAction::InvitationAccepted, "invitation", &row.id)
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
            let Some(found) = store::by_token_hash(conn, &hash_token(&token))? else {
                return Err(AppError::not_found("This invitation link is not valid."));
            };
            let user = users::find_by_id(conn, &user_id)?
                .ok_or_else(|| AppError::unauthorized("unauthenticated", "The account no longer exists."))?;
            if found.email != user.email {
                return Err(mismatch());
            }
            if user.email_verified_at.is_none() {
                return Err(crate::auth::verification::not_verified());
            }
            let row = attach(conn, &st, &token, &user_id, &user.email, false, "token").map_err(|e| {
                if e.code == "validation_failed" {
                    let mut c = AppError::conflict("invitation_unusable", e.errors.first().map(|f| f.message.clone()).unwrap_or_default());
                    c.errors = e.errors;
                    c
                } else {
                    e
                }
            })?;
            Ok(InvitationCheck {
                status: InvitationLinkStatus::Used,
                email: row.email,
                kind: row.kind,
                expires_at: crate::clock::utc(row.expires_at),
            })
        })
        .await
}

/// The invitation `user_id` accepted most recently, if any (for other slices, inside
/// their transaction).
pub fn accepted_by_in(conn: &mut DbConnection, user_id: &str) -> AppResult<Option<String>> {
    store::accepted_by(conn, user_id)
}
