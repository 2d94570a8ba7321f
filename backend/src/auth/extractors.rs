//! Extractors per audience. A handler states who may call it by the type it takes:
//! `AuthUser` (anyone signed in), `StaffUser` (support or admin), `AdminUser`. Every
//! request reads the account's session version (a password reset ends all sessions at
//! once), and staff roles are never taken from the access token alone: they are checked
//! in the database on every request, so revoking one takes effect at once.

use std::future::Future;
use std::pin::Pin;

use actix_web::{web, FromRequest, HttpRequest};

use crate::domain::Role;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: String,
    pub roles: Vec<Role>,
}

impl AuthUser {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn is_staff(&self) -> bool {
        self.roles.iter().any(|r| r.is_staff())
    }
}

/// The token's claims: who, with which roles, at which session version. Nothing is
/// trusted yet beyond the signature; `check_session` compares with the database.
fn authenticate(req: &HttpRequest) -> Result<(AuthUser, i32), AppError> {
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| AppError::internal("state missing"))?;
    let header = req.headers().get(actix_web::http::header::AUTHORIZATION).ok_or_else(unauthenticated)?;
    let value = header.to_str().map_err(|_| unauthenticated())?;
    let token = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")).map(str::trim).ok_or_else(unauthenticated)?;
    let claims = state.jwt.verify(token).ok_or_else(unauthenticated)?;
    let roles = claims.roles.iter().filter_map(|r| Role::parse(r)).collect();
    Ok((AuthUser { id: claims.sub, roles }, claims.ver))
}

/// The token's view, before the session check: for extractors that refuse on a non-staff
/// role at once (those roles are the token's anyway), before any database round trip,
/// so the refusal wins over a body extractor's error as it always did.
pub fn token_user(req: &HttpRequest) -> Result<AuthUser, AppError> {
    authenticate(req).map(|(user, _)| user)
}

/// The user a request's valid bearer token names, if any (nothing is refused here; the
/// session itself is not checked).
pub fn bearer_subject(req: &HttpRequest) -> Option<String> {
    authenticate(req).ok().map(|(u, _)| u.id)
}

fn unauthenticated() -> AppError {
    AppError::unauthorized("unauthenticated", "Send a valid access token as 'Authorization: Bearer <token>'.")
}

/// Access tokens are stateless, so one row read per request decides whether the session
/// still stands: the account must exist and its session version must be the token's (a
/// password reset raises it, ending every session at once, not when tokens expire). A
/// token that claims a staff role also gets its roles from the database, and no staff
/// role while the address is unverified, so a revoked role stops working on the next
/// request. Returns the user with the roles to trust, and for staff tokens the roles the
/// database holds and whether the address is verified.
async fn check_session(state: web::Data<AppState>, user: AuthUser, version: i32) -> Result<Checked, AppError> {
    let uid = user.id.clone();
    let staff = user.is_staff();
    let (session, roles) = state
        .db
        .run(move |conn| {
            let session = crate::auth::store::session_of(conn, &uid)?;
            let roles = if staff { Some(crate::auth::store::roles_of(conn, &uid)?) } else { None };
            Ok((session, roles))
        })
        .await?;
    let Some((current, verified)) = session else {
        return Err(AppError::unauthorized("unauthenticated", "The account no longer exists."));
    };
    if current != version {
        return Err(AppError::unauthorized("unauthenticated", "This session has ended because the password was changed. Log in again."));
    }
    let trusted = match &roles {
        Some(roles) => roles.iter().copied().filter(|r| verified || !r.is_staff()).collect(),
        None => user.roles,
    };
    Ok(Checked { user: AuthUser { id: user.id, roles: trusted }, verified, db_roles: roles })
}

struct Checked {
    user: AuthUser,
    verified: bool,
    db_roles: Option<Vec<Role>>,
}

fn from_token(req: &HttpRequest) -> BoxFut<Checked> {
    let token = authenticate(req);
    let state = req.app_data::<web::Data<AppState>>().cloned();
    Box::pin(async move {
        let (user, version) = token?;
        check_session(state.ok_or_else(|| AppError::internal("state missing"))?, user, version).await
    })
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = BoxFut<AuthUser>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let fut = from_token(req);
        Box::pin(async move { fut.await.map(|c| c.user) })
    }
}

/// Staff routes: the session check above, then the role the route needs, held in the
/// database by an account with a verified address.
fn staff_from_db(req: &HttpRequest, need: fn(&[Role]) -> bool, refusal: fn() -> AppError) -> BoxFut<AuthUser> {
    let claimed = authenticate(req).map(|(user, _)| need(&user.roles));
    let fut = from_token(req);
    Box::pin(async move {
        // A token without any staff role cannot become staff by asking the database.
        if !claimed? {
            return Err(refusal());
        }
        let Checked { mut user, verified, db_roles } = fut.await?;
        let roles = db_roles.unwrap_or_default();
        if !need(&roles) {
            return Err(refusal());
        }
        if !verified {
            return Err(crate::auth::verification::not_verified());
        }
        user.roles = roles;
        Ok(user)
    })
}

type BoxFut<T> = Pin<Box<dyn Future<Output = Result<T, AppError>>>>;

/// Support staff or an admin.
#[derive(Debug, Clone)]
pub struct StaffUser(pub AuthUser);

impl FromRequest for StaffUser {
    type Error = AppError;
    type Future = BoxFut<Self>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let fut = staff_from_db(
            req,
            |roles| roles.iter().any(|r| r.is_staff()),
            || AppError::forbidden("forbidden", "Only support staff can do this."),
        );
        Box::pin(async move { fut.await.map(StaffUser) })
    }
}

/// An admin.
#[derive(Debug, Clone)]
pub struct AdminUser(pub AuthUser);

impl FromRequest for AdminUser {
    type Error = AppError;
    type Future = BoxFut<Self>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let fut =
            staff_from_db(req, |roles| roles.contains(&Role::Admin), || AppError::forbidden("forbidden", "Only an admin can do this."));
        Box::pin(async move { fut.await.map(AdminUser) })
    }
}

/// The client's address: the TCP peer, or what a trusted proxy forwarded
/// (`TRUSTED_PROXIES`; see `web::client_ip`).
pub fn client_ip(req: &HttpRequest) -> Option<String> {
    let peer = req.peer_addr()?.ip();
    let trusted = req.app_data::<web::Data<AppState>>().map(|s| s.settings.trusted_proxies.as_slice()).unwrap_or_default();
    Some(crate::web::client_ip::resolve(peer, trusted, req.headers()).to_string())
}
