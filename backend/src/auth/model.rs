//! Rows and DTOs of the auth area.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::{freelancers, users};
use crate::domain::locale::Locale;
use crate::domain::Role;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub password_hash: String,
    pub full_name: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub email_verified_at: Option<NaiveDateTime>,
    /// The language of their emails and of the server's messages to them.
    pub locale: Locale,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users)]
pub struct NewUser<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub password_hash: &'a str,
    pub full_name: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Set when the address is proven at creation (operator-made staff, invitation link).
    pub email_verified_at: Option<NaiveDateTime>,
    pub locale: Locale,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = freelancers)]
pub struct FreelancerRow {
    pub id: String,
    pub user_id: String,
    pub status: crate::freelancers::model::FreelancerStatus,
    pub tier: crate::freelancers::tiers::Tier,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// False for freelancers who were on the marketplace before the programme: once
    /// approved they only sign the terms.
    pub onboarding_required: bool,
    pub referral_code: Option<String>,
    pub eligible_since: Option<NaiveDateTime>,
}

/// The roles a person may choose when signing up; staff roles are granted by an admin.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SignupRole {
    Freelancer,
    Customer,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "email": "ana@example.com",
    "password": "correct horse battery",
    "full_name": "Ana Lima",
    "role": "freelancer"
}))]
pub struct RegisterRequest {
    #[schema(format = Email, max_length = 254)]
    #[validate(email(message = "must be a valid email address"), length(max = 254, message = "must be at most 254 characters"))]
    pub email: String,
    /// 10 to 128 characters.
    #[schema(min_length = 10, max_length = 128, format = Password)]
    #[validate(length(min = 10, max = 128, message = "must be 10 to 128 characters"))]
    pub password: String,
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    pub full_name: String,
    pub role: SignupRole,
    /// The token from an invitation link, when registering through one.
    #[schema(max_length = 200)]
    #[validate(length(max = 200, message = "must be at most 200 characters"))]
    pub invitation_token: Option<String>,
    /// The language of emails and server messages; without it, `Accept-Language` decides
    /// (default `en`). Changeable later with `PATCH /me`.
    pub locale: Option<Locale>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"email": "ana@example.com", "password": "correct horse battery"}))]
pub struct LoginRequest {
    #[schema(min_length = 1, max_length = 254)]
    #[validate(length(min = 1, max = 254, message = "must be 1 to 254 characters"))]
    pub email: String,
    #[schema(format = Password, min_length = 1, max_length = 1024)]
    #[validate(length(min = 1, max = 1024, message = "must be 1 to 1024 characters"))]
    pub password: String,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct RefreshRequest {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    pub refresh_token: String,
}

/// A person's account.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct User {
    #[schema(example = "usr_8fK2mQ0pLw3xZb7TnR1c")]
    pub id: String,
    pub email: String,
    pub full_name: String,
    pub roles: Vec<Role>,
    /// True once the address is confirmed (the emailed link, or an invitation link).
    pub email_verified: bool,
    /// The language of emails and of the server's messages.
    pub locale: Locale,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuthResponse {
    pub user: User,
    /// JWT for the `Authorization: Bearer` header; valid for `expires_in` seconds.
    pub access_token: String,
    /// Opaque, single-use: exchange it at `/auth/refresh` for a new pair.
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    #[schema(example = 900)]
    pub expires_in: i64,
}

/// The caller's freelancer record, when they are a freelancer.
#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerSummary {
    /// The id `freelancer_id` fields and `/admin/freelancers/{id}` use.
    #[schema(example = "fl_Q1w2E3r4T5y6U7i8O9p0")]
    pub id: String,
    /// Programme status: `registered`, then the application's status (`submitted`,
    /// `approved`, `rejected`, `appealed`).
    pub status: crate::freelancers::model::FreelancerStatus,
    pub tier: crate::freelancers::tiers::Tier,
    /// True when the dashboard is open to this freelancer.
    pub eligible: bool,
    /// What is still needed before the dashboard opens, in order: `application`,
    /// `approval`, `personal_info`, `business_info`, `tax_form`, `terms`.
    pub missing_steps: Vec<String>,
    /// The referral code, once eligible.
    pub referral_code: Option<String>,
    /// False for freelancers who were on the marketplace before the programme (invited as
    /// `internal`): once approved they only accept the terms.
    pub onboarding_required: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    pub email: String,
    pub full_name: String,
    pub roles: Vec<Role>,
    /// Applying, accepting an invitation and staff roles need a confirmed address.
    pub email_verified: bool,
    /// The language of emails and of the server's messages (`PATCH /me` changes it).
    pub locale: Locale,
    pub freelancer: Option<FreelancerSummary>,
}

/// What a person may change about their own account. At least one field.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"locale": "de"}))]
pub struct UpdateMeRequest {
    /// The language of emails and of server messages.
    pub locale: Option<Locale>,
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "Must be 1 to 200 characters."))]
    pub full_name: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"token": "phv_8fK2mQ0pLw3xZb7TnR1c8fK2mQ0pLw3xZb7TnR1c"}))]
pub struct VerifyEmailRequest {
    /// The token from the emailed link (`/verify-email?token=…`).
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "must be 1 to 200 characters"))]
    pub token: String,
}

/// The address is confirmed.
#[derive(Debug, Serialize, ToSchema)]
pub struct EmailVerified {
    pub email: String,
    pub email_verified: bool,
    pub email_verified_at: DateTime<Utc>,
}
