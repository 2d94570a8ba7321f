//! The auth rules: sign-up (throttled per address, verification link emailed), login
//! (throttled per account and address, audited), email verification, refresh-token
//! rotation with a grace period and reuse detection, logout, and the caller's `/me`
//! view. One transaction per operation; argon2 runs on the blocking pool, bounded
//! (`password::hash_async`).

use chrono::Utc;

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::model::*;
use crate::auth::{password, password_reset, rate_limit, store, tokens, verification};
use crate::clock::utc;
use crate::db::DbConnection;
use crate::domain::ids::{FreelancerId, UserId};
use crate::domain::locale::Locale;
use crate::domain::{Email, Role};
use crate::error::{AppError, AppResult};
use crate::notifications::{mail, mails, outbox};
use crate::state::AppState;

pub use crate::auth::verification::require_verified_in;

// Security lifetimes (refresh tokens, their grace period, throttling) run on the wall
// clock, not the business clock: moving business time in a demo must neither log
// everybody out nor open the throttle.
use crate::clock::wall_now;

pub fn user_dto(row: &UserRow, roles: Vec<Role>) -> User {
    User {
        id: row.id.clone(),
        email: row.email.clone(),
        full_name: row.full_name.clone(),
        roles,
        email_verified: row.email_verified_at.is_some(),
        locale: row.locale,
        created_at: utc(row.created_at),
    }
}

/// A new access token and `refresh` as the refresh token (a new random one when None).
fn issue_pair_with(
    state: &AppState,
    conn: &mut DbConnection,
    user: &UserRow,
    family: Option<&str>,
    refresh: Option<String>,
) -> AppResult<AuthResponse> {
    let roles = store::roles_of(conn, &user.id)?;
    let names: Vec<String> = roles.iter().map(|r| r.as_str().to_string()).collect();
    // The JWT library checks `exp` against the wall clock, so access tokens use it too.
    let access =
        state.jwt.issue(&user.id, &names, user.session_version, Utc::now().timestamp()).map_err(|e| AppError::internal(e.to_string()))?;
    let refresh = match refresh {
        Some(token) => token,
        None => tokens::issue(conn, &user.id, family, wall_now())?,
    };
    Ok(AuthResponse {
        user: user_dto(user, roles),
        access_token: access,
        refresh_token: refresh,
        token_type: "Bearer".into(),
        expires_in: crate::auth::jwt::ACCESS_TOKEN_SECONDS,
    })
}

fn issue_pair(state: &AppState, conn: &mut DbConnection, user: &UserRow, family: Option<&str>) -> AppResult<AuthResponse> {
    issue_pair_with(state, conn, user, family, None)
}

/// `accept_language` is the request's header: the language when the body names none.
pub async fn register(
    state: &AppState,
    req: RegisterRequest,
    ip: Option<String>,
    accept_language: Option<Locale>,
) -> AppResult<AuthResponse> {
    let locale = req.locale.or(accept_language).unwrap_or_default();
    let email = Email::parse(&req.email).map_err(|m| AppError::field("email", m))?;
    refuse_control("full_name", &req.full_name)?;
    let full_name = req.full_name.trim().to_string();
    if full_name.is_empty() {
        return Err(AppError::field("full_name", "This field must not be blank."));
    }
    let invitation = req.invitation_token.clone().filter(|t| !t.trim().is_empty());
    if invitation.is_some() && req.role != SignupRole::Freelancer {
        return Err(AppError::field("role", "The role must be freelancer when registering through an invitation."));
    }
    // Counted before the hash: the hash is what a flood of sign-ups would cost us.
    let key = rate_limit::register_ip_key(ip.as_deref());
    let policy = rate_limit::Policy { free: state.settings.signups_per_ip, ..rate_limit::REGISTER_IP };
    state.db.transaction(move |conn| rate_limit::reserve(conn, &[(key, policy)], wall_now())).await?;
    let hash = password::hash_async(req.password.clone()).await?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            if store::find_by_email(conn, email.as_str())?.is_some() {
                let mut e = AppError::conflict("email_taken", "An account with this email already exists.");
                e.errors =
                    vec![crate::error::FieldError { field: "email".into(), message: "This email address is already registered.".into() }];
                return Err(e);
            }
            let now = st.clock.now_naive();
            let id = UserId::generate();
            store::insert_user(
                conn,
                &NewUser {
                    id: id.as_str(),
                    email: email.as_str(),
                    password_hash: &hash,
                    full_name: &full_name,
                    created_at: now,
                    updated_at: now,
                    email_verified_at: None,
                    locale,
                },
            )?;
            let role = match req.role {
                SignupRole::Freelancer => Role::Freelancer,
                SignupRole::Customer => Role::Customer,
            };
            store::grant_role(conn, id.as_str(), role, now)?;
            if role == Role::Freelancer {
                store::insert_freelancer(conn, FreelancerId::generate().as_str(), id.as_str(), now)?;
            }
            AuditEntry::new(Some(id.as_str()), AuditAction::UserRegistered, "user", id.as_str())
                .after(serde_json::json!({"email": email.as_str(), "role": role.as_str()}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            let confirm = match &invitation {
                // The link reached this address and the address matches the invitation:
                // that is the proof a verification link would give.
                Some(token) => {
                    crate::invitations::service::attach(conn, &st, token, id.as_str(), email.as_str(), true, "invitation_token")?;
                    verification::mark_verified(conn, id.as_str(), now)?;
                    AuditEntry::new(Some(id.as_str()), AuditAction::UserEmailVerified, "user", id.as_str())
                        .after(serde_json::json!({"email": email.as_str(), "via": "invitation"}))
                        .ip(ip.as_deref())
                        .write(conn, now)?;
                    None
                }
                None => Some(verification::link(&st.settings.public_base_url, &verification::issue(conn, id.as_str(), now)?)),
            };
            let mail = mails::Welcome {
                name: full_name.clone(),
                role: role.as_str().into(),
                confirm_by: confirm.as_ref().map(|_| mail::when(now + chrono::Duration::hours(verification::VALID_HOURS))),
                url: confirm.unwrap_or_else(|| format!("{}/app", st.settings.public_base_url)),
            };
            outbox::send(conn, email.as_str(), locale, &mail, now)?;
            let user = store::find_by_id(conn, id.as_str())?.ok_or_else(|| AppError::internal("user vanished"))?;
            issue_pair(&st, conn, &user, None)
        })
        .await
}

/// NUL and other control characters never belong in these fields, and PostgreSQL
/// refuses NUL in text with an error that would otherwise surface as a 500.
fn refuse_control(field: &str, value: &str) -> AppResult<()> {
    if value.chars().any(char::is_control) {
        return Err(AppError::field(field, "Remove the control characters."));
    }
    Ok(())
}

pub async fn login(state: &AppState, req: LoginRequest, ip: Option<String>) -> AppResult<AuthResponse> {
    refuse_control("email", &req.email)?;
    let account = rate_limit::login_account_key(&req.email);
    let ip_key = rate_limit::login_ip_key(ip.as_deref());
    let keys = vec![(account.clone(), rate_limit::LOGIN_ACCOUNT), (ip_key.clone(), rate_limit::LOGIN_IP)];
    let remaining = state.db.transaction(move |conn| rate_limit::reserve(conn, &keys, wall_now())).await?;

    let email = rate_limit::canonical_email(&req.email);
    let user = state.db.run(move |conn| store::find_by_email(conn, &email)).await?;
    let ok = password::verify_async(req.password, user.as_ref().map(|u| u.password_hash.clone())).await?;

    let st = state.clone();
    match user.filter(|_| ok) {
        None => {
            // The email as typed (bounded by validation to 254 characters), never the password.
            let typed = req.email;
            state
                .db
                .transaction(move |conn| {
                    rate_limit::sweep(conn, wall_now())?;
                    AuditEntry::new(None, AuditAction::AuthLoginFailed, "account", &typed)
                        .after(serde_json::json!({"email": typed}))
                        .ip(ip.as_deref())
                        .write(conn, st.clock.now_naive())
                })
                .await?;
            Err(invalid_credentials(remaining))
        }
        Some(user) => {
            state
                .db
                .transaction(move |conn| {
                    rate_limit::forgive(conn, &account)?;
                    rate_limit::release(conn, &ip_key, rate_limit::LOGIN_IP)?;
                    AuditEntry::new(Some(&user.id), AuditAction::AuthLogin, "user", &user.id)
                        .ip(ip.as_deref())
                        .write(conn, st.clock.now_naive())?;
                    issue_pair(&st, conn, &user, None)
                })
                .await
        }
    }
}

/// 401 for a wrong email or password; when few attempts remain before the throttle's
/// delays start, it says how many (`remaining_attempts`, and in `detail`), so the
/// login form can warn before the wait comes.
fn invalid_credentials(remaining: i32) -> AppError {
    let mut e = match remaining {
        n if n > rate_limit::WARN_WHEN_REMAINING => {
            return AppError::unauthorized("invalid_credentials", "The email or password is not correct.");
        }
        0 => AppError::unauthorized(
            "invalid_credentials",
            "The email or password is not correct. From now on each attempt has to wait a while: try again later, or reset your password.",
        ),
        1 => AppError::unauthorized(
            "invalid_credentials",
            "The email or password is not correct. One more attempt, then attempts are delayed.",
        ),
        n => AppError::unauthorized(
            "invalid_credentials",
            format!("The email or password is not correct. {n} more attempts, then attempts are delayed."),
        ),
    };
    e.remaining_attempts = Some(remaining);
    e
}

pub async fn refresh(state: &AppState, req: RefreshRequest, ip: Option<String>) -> AppResult<AuthResponse> {
    let st = state.clone();
    let outcome = state
        .db
        .transaction(move |conn| {
            let invalid = || AppError::unauthorized("invalid_refresh_token", "The refresh token is not valid. Log in again.");
            let Some(row) = tokens::find(conn, &req.refresh_token)? else { return Ok(Err(invalid())) };
            let now = wall_now();
            if row.revoked_at.is_some() || row.expires_at <= now {
                return Ok(Err(invalid()));
            }
            let successor = tokens::successor_of(&st.settings.encryption_key, &req.refresh_token);
            let user = store::find_by_id(conn, &row.user_id)?.ok_or_else(invalid)?;
            if row.used_at.is_none() && tokens::mark_used(conn, &row.id, now)? {
                let token = tokens::issue_token(conn, successor, &row.user_id, Some(&row.family_id), now)?;
                return Ok(Ok(issue_pair_with(&st, conn, &user, Some(&row.family_id), Some(token))?));
            }
            // Spent already. Within the grace period (two tabs, a retry) the holder gets
            // the successor the first use created, as long as it is still alive. On
            // PostgreSQL `mark_used` waited for the first use to commit, so its successor
            // is visible here.
            let used_at = tokens::find(conn, &req.refresh_token)?.and_then(|r| r.used_at).unwrap_or(now);
            if (now - used_at).num_seconds() <= tokens::GRACE_SECONDS {
                if let Some(next) = tokens::find(conn, &successor)? {
                    if next.revoked_at.is_none() && next.expires_at > now {
                        return Ok(Ok(issue_pair_with(&st, conn, &user, Some(&row.family_id), Some(successor))?));
                    }
                }
            }
            // Reuse of a spent token: somebody else holds this family. End it.
            tokens::revoke_family(conn, &row.family_id, now)?;
            AuditEntry::new(Some(&row.user_id), AuditAction::SessionReuseDetected, "user", &row.user_id)
                .after(serde_json::json!({"family_id": row.family_id}))
                .ip(ip.as_deref())
                .write(conn, st.clock.now_naive())?;
            Ok(Err(invalid()))
        })
        .await?;
    // The family revocation above must commit even though the caller gets a 401.
    outcome
}

pub async fn logout(state: &AppState, req: RefreshRequest, ip: Option<String>) -> AppResult<()> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            if let Some(row) = tokens::find(conn, &req.refresh_token)? {
                if tokens::revoke_family(conn, &row.family_id, wall_now())? > 0 {
                    AuditEntry::new(Some(&row.user_id), AuditAction::AuthLogout, "user", &row.user_id)
                        .after(serde_json::json!({"family_id": row.family_id}))
                        .ip(ip.as_deref())
                        .write(conn, st.clock.now_naive())?;
                }
            }
            Ok(())
        })
        .await
}

/// Spends a verification token and marks the address verified.
pub async fn verify_email(state: &AppState, req: VerifyEmailRequest, ip: Option<String>) -> AppResult<EmailVerified> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let user_id = verification::consume(conn, req.token.trim(), now)?.ok_or_else(|| {
                AppError::bad_request(
                    "invalid_verification_token",
                    "This confirmation link is not valid: it was used already, replaced by a newer one, or has expired. Ask for a new one.",
                )
            })?;
            let user = store::find_by_id(conn, &user_id)?.ok_or_else(|| AppError::not_found("The account no longer exists."))?;
            if verification::mark_verified(conn, &user_id, now)? {
                AuditEntry::new(Some(&user_id), AuditAction::UserEmailVerified, "user", &user_id)
                    .after(serde_json::json!({"email": user.email, "via": "link"}))
                    .ip(ip.as_deref())
                    .write(conn, now)?;
            }
            let at = store::find_by_id(conn, &user_id)?.and_then(|u| u.email_verified_at).unwrap_or(now);
            Ok(EmailVerified { email: user.email, email_verified: true, email_verified_at: utc(at) })
        })
        .await
}

/// Emails a new verification link to the caller (throttled per account and address).
pub async fn resend_verification(state: &AppState, user_id: String, ip: Option<String>) -> AppResult<()> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let user = store::find_by_id(conn, &user_id)?
                .ok_or_else(|| AppError::unauthorized("unauthenticated", "The account no longer exists."))?;
            if user.email_verified_at.is_some() {
                return Err(AppError::conflict("already_verified", "This email address is confirmed already."));
            }
            rate_limit::reserve(
                conn,
                &[
                    (rate_limit::resend_account_key(&user.id), rate_limit::RESEND_ACCOUNT),
                    (rate_limit::resend_ip_key(ip.as_deref()), rate_limit::RESEND_IP),
                ],
                wall_now(),
            )?;
            let url = verification::link(&st.settings.public_base_url, &verification::issue(conn, &user.id, now)?);
            let expires_at = mail::when(now + chrono::Duration::hours(verification::VALID_HOURS));
            outbox::send(conn, &user.email, user.locale, &mails::EmailVerification { name: user.full_name.clone(), expires_at, url }, now)?;
            Ok(())
        })
        .await
}

/// Emails a password-reset link when `email` belongs to an account. The caller always
/// gets the same answer, so this cannot tell who has an account; the request is
/// throttled per typed address and per client address either way.
pub async fn request_password_reset(state: &AppState, req: PasswordResetRequest, ip: Option<String>) -> AppResult<()> {
    refuse_control("email", &req.email)?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            rate_limit::reserve(
                conn,
                &[
                    (rate_limit::reset_account_key(&req.email), rate_limit::RESET_ACCOUNT),
                    (rate_limit::reset_ip_key(ip.as_deref()), rate_limit::RESET_IP),
                ],
                wall_now(),
            )?;
            let Some(user) = store::find_by_email(conn, &rate_limit::canonical_email(&req.email))? else {
                return Ok(());
            };
            let now = st.clock.now_naive();
            let (token, expires_at) = password_reset::issue(conn, &user.id, now)?;
            let mail = mails::PasswordReset {
                name: user.full_name.clone(),
                expires_at: mail::when(expires_at),
                url: password_reset::link(&st.settings.public_base_url, &token),
            };
            outbox::send(conn, &user.email, user.locale, &mail, now)?;
            AuditEntry::new(Some(&user.id), AuditAction::AuthPasswordResetRequested, "user", &user.id)
                .after(serde_json::json!({"expires_at": utc(expires_at)}))
                .ip(ip.as_deref())
                .write(conn, now)
        })
        .await
}

/// Sets a new password with the token from a reset link, and ends every session of the
/// account (refresh tokens revoked, access tokens refused from the next request on).
pub async fn confirm_password_reset(state: &AppState, req: PasswordResetConfirm, ip: Option<String>) -> AppResult<()> {
    let token = req.token.trim().to_string();
    // A dead link is refused before the costly hash; spending it below decides.
    let (t, now) = (token.clone(), state.clock.now_naive());
    state.db.run(move |conn| password_reset::check(conn, &t, now)).await?;
    let hash = password::hash_async(req.password).await?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let Some(user_id) = password_reset::consume(conn, &token, now)? else {
                return Err(password_reset::refusal(conn, &token, now));
            };
            let user = store::find_by_id(conn, &user_id)?.ok_or_else(password_reset::invalid)?;
            password_reset::retire_open(conn, &user_id, now)?;
            let revoked = store::reset_password(conn, &user_id, &hash, now, wall_now())?;
            // The owner proved they read the mailbox: wrong guesses before do not delay them.
            rate_limit::forgive(conn, &rate_limit::login_account_key(&user.email))?;
            AuditEntry::new(Some(&user_id), AuditAction::AuthPasswordReset, "user", &user_id)
                .after(serde_json::json!({"refresh_tokens_revoked": revoked}))
                .ip(ip.as_deref())
                .write(conn, now)
        })
        .await
}

pub async fn me(state: &AppState, user_id: String) -> AppResult<Me> {
    state
        .db
        .run(move |conn| {
            let user = store::find_by_id(conn, &user_id)?
                .ok_or_else(|| AppError::unauthorized("unauthenticated", "The account no longer exists."))?;
            let roles = store::roles_of(conn, &user.id)?;
            let freelancer = match store::freelancer_of(conn, &user.id)? {
                Some(f) => {
                    let e = crate::freelancers::eligibility::evaluate(conn, &f)?;
                    Some(FreelancerSummary {
                        id: f.id,
                        status: f.status,
                        tier: f.tier,
                        eligible: e.eligible,
                        missing_steps: e.missing_steps,
                        referral_code: if e.eligible { f.referral_code } else { None },
                        onboarding_required: f.onboarding_required,
                    })
                }
                None => None,
            };
            Ok(Me {
                id: user.id,
                email: user.email,
                full_name: user.full_name,
                roles,
                email_verified: user.email_verified_at.is_some(),
                locale: user.locale,
                freelancer,
            })
        })
        .await
}

/// Changes the caller's language and/or name; audited with before and after.
pub async fn update_me(state: &AppState, user_id: String, req: UpdateMeRequest) -> AppResult<Me> {
    let full_name = match &req.full_name {
        Some(name) => {
            refuse_control("full_name", name)?;
            let name = name.trim().to_string();
            if name.is_empty() {
                return Err(AppError::field("full_name", "This field must not be blank."));
            }
            Some(name)
        }
        None => None,
    };
    if full_name.is_none() && req.locale.is_none() {
        return Err(AppError::bad_request("empty_update", "Send at least one of locale and full_name."));
    }
    let st = state.clone();
    let id = user_id.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let before =
                store::find_by_id(conn, &id)?.ok_or_else(|| AppError::unauthorized("unauthenticated", "The account no longer exists."))?;
            let after = store::update_account(conn, &id, req.locale, full_name.as_deref(), now)?;
            AuditEntry::new(Some(&id), AuditAction::UserUpdated, "user", &id)
                .before(serde_json::json!({"locale": before.locale, "full_name": before.full_name}))
                .after(serde_json::json!({"locale": after.locale, "full_name": after.full_name}))
                .write(conn, now)?;
            Ok(())
        })
        .await?;
    me(state, user_id).await
}

// What other slices may do with accounts, inside their own transaction. They reach the
// auth tables only through these, never through `auth::store`.

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> AppResult<Option<UserRow>> {
    store::find_by_email(conn, email)
}

pub fn find_by_id(conn: &mut DbConnection, id: &str) -> AppResult<Option<UserRow>> {
    store::find_by_id(conn, id)
}

pub fn freelancer_of(conn: &mut DbConnection, user_id: &str) -> AppResult<Option<FreelancerRow>> {
    store::freelancer_of(conn, user_id)
}

/// Grants `role`; false when the user had it already.
pub fn grant_role(conn: &mut DbConnection, user_id: &str, role: Role, at: chrono::NaiveDateTime) -> AppResult<bool> {
    store::grant_role(conn, user_id, role, at)
}

pub fn insert_freelancer(conn: &mut DbConnection, id: &str, user_id: &str, at: chrono::NaiveDateTime) -> AppResult<()> {
    store::insert_freelancer(conn, id, user_id, at)
}

/// Who an email goes to: the address, the name to greet and the language to write in.
#[derive(Debug, Clone)]
pub struct Recipient {
    pub email: String,
    pub name: String,
    pub locale: Locale,
}

impl From<&UserRow> for Recipient {
    fn from(u: &UserRow) -> Self {
        Recipient { email: u.email.clone(), name: u.full_name.clone(), locale: u.locale }
    }
}

pub fn recipient(conn: &mut DbConnection, user_id: &str) -> AppResult<Recipient> {
    let user = store::find_by_id(conn, user_id)?.ok_or(diesel::result::Error::NotFound)?;
    Ok(Recipient::from(&user))
}

pub fn recipient_of_freelancer(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Recipient> {
    let (email, name, locale) = store::recipient_of_freelancer(conn, freelancer_id)?;
    Ok(Recipient { email, name, locale })
}

/// The language a signed-in user reads (None when the account is gone).
pub async fn locale_of_user(state: &AppState, user_id: String) -> Option<Locale> {
    state.db.run(move |conn| Ok(store::find_by_id(conn, &user_id)?.map(|u| u.locale))).await.ok().flatten()
}
