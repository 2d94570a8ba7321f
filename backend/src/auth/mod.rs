//! Who is calling: passwords (argon2id), JWT access tokens, rotating refresh tokens,
//! email verification, password reset, throttling, the per-audience extractors, and the auth routes.

pub mod extractors;
pub mod jwt;
pub mod model;
pub mod password;
pub mod password_reset;
pub mod rate_limit;
pub mod routes;
pub mod service;
pub mod store;
pub mod tokens;
pub mod verification;

pub use extractors::{AdminUser, AuthUser, StaffUser};
