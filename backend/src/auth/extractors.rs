//! Extractors per audience. A handler states who may call it by the type it takes:
//! `AuthUser` (anyone signed in), `StaffUser` (support or admin), `AdminUser`.

use std::future::{ready, Ready};

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
    let token = value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
        .map(str::trim)
        .ok_or_else(unauthenticated)?;
    let claims = state.jwt.verify(token).ok_or_else(unauthenticated)?;
    let roles = claims.roles.iter().filter_map(|r| Role::parse(r)).collect();
    Ok(AuthUser { id: claims.sub, roles })
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(authenticate(req))
    }
}

/// Support staff or an admin.
#[derive(Debug, Clone)]
pub struct StaffUser(pub AuthUser);

impl FromRequest for StaffUser {
    type Error = AppError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(authenticate(req).and_then(|u| {
            if u.is_staff() {
                Ok(StaffUser(u))
            } else {
                Err(AppError::forbidden("forbidden", "Only support staff can do this."))
            }
        }))
    }
}

/// An admin.
#[derive(Debug, Clone)]
pub struct AdminUser(pub AuthUser);

impl FromRequest for AdminUser {
    type Error = AppError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        ready(authenticate(req).and_then(|u| {
            if u.has(Role::Admin) {
                Ok(AdminUser(u))
            } else {
                Err(AppError::forbidden("forbidden", "Only an admin can do this."))
            }
        }))
    }
}

/// The client's address: the TCP peer, or what a trusted proxy forwarded
/// (`TRUSTED_PROXIES`; see `web::client_ip`).
pub fn client_ip(req: &HttpRequest) -> Option<String> {
    let peer = req.peer_addr()?.ip();
    let trusted = req.app_data::<web::Data<AppState>>().map(|s| s.settings.trusted_proxies.as_slice()).unwrap_or_default();
    Some(crate::web::client_ip::resolve(peer, trusted, req.headers()).to_string())
}
