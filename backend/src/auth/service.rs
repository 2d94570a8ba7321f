//! The auth rules: sign-up, login (throttled), refresh-token rotation with reuse
//! detection, logout, and the caller's `/me` view. One transaction per operation.

use chrono::Utc;

use crate::audit::AuditEntry;
use crate::auth::model::*;
use crate::auth::{password, rate_limit, store, tokens};
use crate::clock::{truncate_micros, utc};
use crate::domain::ids::{FreelancerId, UserId};
use crate::domain::{Email, Role};
use crate::error::{AppError, AppResult};
use crate::notifications::{outbox, templates};
use crate::state::AppState;

fn wall_now() -> chrono::NaiveDateTime {
    truncate_micros(Utc::now().naive_utc())
}

pub fn user_dto(row: &UserRow, roles: Vec<String>) -> User {
    User { id: row.id.clone(), email: row.email.clone(), full_name: row.full_name.clone(), roles, created_at: utc(row.created_at) }
}

fn issue_pair(state: &AppState, conn: &mut crate::db::DbConnection, user: &UserRow, family: Option<&str>) -> AppResult<AuthResponse> {
    let roles = store::roles_of(conn, &user.id)?;
    let access = state.jwt.issue(&user.id, &roles, Utc::now().timestamp()).map_err(|e| AppError::internal(e.to_string()))?;
    let refresh = tokens::issue(conn, &user.id, family, wall_now())?;
    Ok(AuthResponse {
        user: user_dto(user, roles),
        access_token: access,
        refresh_token: refresh,
        token_type: "Bearer".into(),
        expires_in: crate::auth::jwt::ACCESS_TOKEN_SECONDS,
    })
}

pub async fn register(state: &AppState, req: RegisterRequest, ip: Option<String>) -> AppResult<AuthResponse> {
    let email = Email::parse(&req.email).map_err(|m| AppError::field("email", m))?;
    let full_name = req.full_name.trim().to_string();
    if full_name.is_empty() {
        return Err(AppError::field("full_name", "must not be blank"));
    }
    let invitation = req.invitation_token.clone().filter(|t| !t.trim().is_empty());
    if invitation.is_some() && req.role != SignupRole::Freelancer {
        return Err(AppError::field("role", "must be freelancer when registering through an invitation"));
    }
    let hash = password::hash(&req.password).map_err(|e| AppError::internal(e.to_string()))?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            if store::find_by_email(conn, email.as_str())?.is_some() {
                let mut e = AppError::conflict("email_taken", "An account with this email already exists.");
                e.errors = vec![crate::error::FieldError { field: "email".into(), message: "is already registered".into() }];
                return Err(e);
            }
            let now = st.clock.now_naive();
            let id = UserId::generate();
            store::insert_user(conn, &NewUser {
                id: id.as_str(),
                email: email.as_str(),
                password_hash: &hash,
                full_name: &full_name,
                created_at: now,
                updated_at: now,
            })?;
            let role = match req.role {
                SignupRole::Freelancer => Role::Freelancer,
                SignupRole::Customer => Role::Customer,
            };
            store::grant_role(conn, id.as_str(), role.as_str(), now)?;
            if role == Role::Freelancer {
                store::insert_freelancer(conn, FreelancerId::generate().as_str(), id.as_str(), now)?;
            }
            if let Some(token) = &invitation {
                crate::invitations::service::attach(conn, &st, token, id.as_str(), true, "invitation_token")?;
            }
            AuditEntry::new(Some(id.as_str()), "user.registered", "user", id.as_str())
                .after(serde_json::json!({"email": email.as_str(), "role": role.as_str()}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            let mail = templates::welcome(&full_name, role, &st.settings.public_base_url);
            outbox::enqueue(conn, email.as_str(), &mail, now)?;
            let user = store::find_by_id(conn, id.as_str())?.ok_or_else(|| AppError::internal("user vanished"))?;
            issue_pair(&st, conn, &user, None)
        })
        .await
}

pub async fn login(state: &AppState, req: LoginRequest, ip: Option<String>) -> AppResult<AuthResponse> {
    let account = rate_limit::account_key(&req.email);
    let ip_key = rate_limit::ip_key(ip.as_deref().unwrap_or("unknown"));
    let keys = vec![(account.clone(), rate_limit::MAX_PER_ACCOUNT), (ip_key.clone(), rate_limit::MAX_PER_IP)];
    state.db.run(move |conn| rate_limit::check(conn, &keys, wall_now())).await?;

    let email = req.email.trim().to_lowercase();
    let user = state.db.run(move |conn| store::find_by_email(conn, &email)).await?;
    let password = req.password;
    let verified = actix_web::web::block(move || match user {
        Some(u) if password::verify(&password, &u.password_hash) => Some(u),
        Some(_) => None,
        None => {
            password::verify_dummy(&password);
            None
        }
    })
    .await
    .map_err(|e| AppError::internal(e.to_string()))?;

    let st = state.clone();
    match verified {
        None => {
            state.db.run(move |conn| rate_limit::record_failure(conn, &[account, ip_key], wall_now())).await?;
            Err(AppError::unauthorized("invalid_credentials", "The email or password is not correct."))
        }
        Some(user) => {
            state
                .db
                .transaction(move |conn| {
                    rate_limit::clear(conn, &account)?;
                    issue_pair(&st, conn, &user, None)
                })
                .await
        }
    }
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
            if row.used_at.is_some() || !tokens::mark_used(conn, &row.id, now)? {
                // Reuse of a spent token: somebody else holds this family. End it.
                tokens::revoke_family(conn, &row.family_id, now)?;
                AuditEntry::new(Some(&row.user_id), "session.reuse_detected", "user", &row.user_id)
                    .after(serde_json::json!({"family_id": row.family_id}))
                    .ip(ip.as_deref())
                    .write(conn, st.clock.now_naive())?;
                return Ok(Err(invalid()));
            }
            let user = store::find_by_id(conn, &row.user_id)?.ok_or_else(invalid)?;
            Ok(Ok(issue_pair(&st, conn, &user, Some(&row.family_id))?))
        })
        .await?;
    // The family revocation above must commit even though the caller gets a 401.
    outcome
}

pub async fn logout(state: &AppState, req: RefreshRequest) -> AppResult<()> {
    state
        .db
        .transaction(move |conn| {
            if let Some(row) = tokens::find(conn, &req.refresh_token)? {
                tokens::revoke_family(conn, &row.family_id, wall_now())?;
            }
            Ok(())
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
            Ok(Me { id: user.id, email: user.email, full_name: user.full_name, roles, freelancer })
        })
        .await
}
