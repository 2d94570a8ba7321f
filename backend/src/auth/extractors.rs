//! Extractors per audience. A handler states who may call it by the type it takes:
//! `AuthUser` (anyone signed in), `StaffUser` (support or admin), `AdminUser`. Staff
//! roles are never taken from the access token alone: they are checked in the database
//! on every request, so revoking one takes effect at once.

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

fn authenticate(req: &HttpRequest) -> Result<AuthUser, AppError> {
    let unauthenticated = || AppError::unauthorized("unauthenticated", "Send a valid access token as 'Authorization: Bearer <token>'.");
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| AppError::internal("state missing"))?;
    let header = req.headers().get(actix_web::http::header::AUTHORIZATION).ok_or_else(unauthenticated)?;
    let value = header.to_str().map_err(|_| unauthenticated())?;
    let token = value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")).map(str::trim).ok_or_else(unauthenticated)?;
    let claims = state.jwt.verify(token).ok_or_else(unauthenticated)?;
    let roles = claims.roles.iter().filter_map(|r| Role::parse(r)).collect();
    Ok(AuthUser { id: claims.sub, roles })
}

/// The user a request's valid bearer token names, if any (nothing is refused here).
pub fn bearer_subject(req: &HttpRequest) -> Option<String> {
    authenticate(req).ok().map(|u| u.id)
}

/// The roles a staff member really holds: the database's, and no staff role at all
/// while the address is unverified.
async fn roles_in_db(state: web::Data<AppState>, user_id: String) -> Result<Vec<Role>, AppError> {
    let (roles, verified) = state
        .db
        .run(move |conn| Ok((crate::auth::store::roles_of(conn, &user_id)?, crate::auth::verification::is_verified(conn, &user_id)?)))
        .await?;
    Ok(roles.into_iter().filter(|r| verified || !r.is_staff()).collect())
}

/// `AuthUser`'s extraction. A token that claims a staff role is checked against the
/// database before the handler runs (handlers widen what staff may see with
/// `is_staff()`), so a revoked role stops working on the next request; other tokens
/// cost no query. `into_inner` gives the token's view at once, for extractors that
/// decide on non-staff roles themselves (`FreelancerCaller`).
pub struct AuthUserFuture {
    token: Option<Result<AuthUser, AppError>>,
    state: Option<web::Data<AppState>>,
    check: Option<BoxFut<Vec<Role>>>,
}

impl AuthUserFuture {
    pub fn into_inner(mut self) -> Result<AuthUser, AppError> {
        self.token.take().unwrap_or_else(|| Err(AppError::internal("auth future polled and then unwrapped")))
    }
}

impl Future for AuthUserFuture {
    type Output = Result<AuthUser, AppError>;

    fn poll(self: Pin<&mut Self>, cx: &mut std::task::Context<'_>) -> std::task::Poll<Self::Output> {
        use std::task::Poll;
        let this = self.get_mut();
        if this.check.is_none() {
            match this.token.as_ref() {
                Some(Ok(user)) if user.is_staff() => {
                    let Some(state) = this.state.clone() else {
                        return Poll::Ready(Err(AppError::internal("state missing")));
                    };
                    this.check = Some(Box::pin(roles_in_db(state, user.id.clone())));
                }
                _ => return Poll::Ready(this.token.take().unwrap_or_else(|| Err(AppError::internal("auth future polled twice")))),
            }
        }
        let check = this.check.as_mut().expect("set above");
        match check.as_mut().poll(cx) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(roles) => {
                let user = this.token.take().expect("checked above").expect("checked above");
                Poll::Ready(roles.map(|roles| AuthUser { id: user.id, roles }))
            }
        }
    }
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = AuthUserFuture;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        AuthUserFuture { token: Some(authenticate(req)), state: req.app_data::<web::Data<AppState>>().cloned(), check: None }
    }
}

/// Staff routes do not trust the roles in the access token: a role revoked a minute ago
/// must stop working on the next request, not when the token expires. They read the
/// roles (and whether the address is verified, which every staff role needs) from the
/// database.
fn staff_from_db(req: &HttpRequest, need: fn(&[Role]) -> bool, refusal: fn() -> AppError) -> BoxFut<AuthUser> {
    let user = authenticate(req);
    let state = req.app_data::<web::Data<AppState>>().cloned();
    Box::pin(async move {
        let mut user = user?;
        // A token without any staff role cannot become staff by asking the database.
        if !need(&user.roles) {
            return Err(refusal());
        }
        let state = state.ok_or_else(|| AppError::internal("state missing"))?;
        let uid = user.id.clone();
        let (roles, verified) = state
            .db
            .run(move |conn| Ok((crate::auth::store::roles_of(conn, &uid)?, crate::auth::verification::is_verified(conn, &uid)?)))
            .await?;
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
