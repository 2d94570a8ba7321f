//! Rows and DTOs of the programme terms.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::{terms_acceptances, terms_versions};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = terms_versions)]
pub struct TermsVersionRow {
    pub version: i32,
    pub title: String,
    pub body: String,
    pub published_by: Option<String>,
    pub published_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = terms_acceptances)]
pub struct AcceptanceRow {
    pub id: String,
    pub freelancer_id: String,
    pub version: i32,
    pub accepted_at: NaiveDateTime,
    pub ip: Option<String>,
}

/// The terms every freelancer must accept (the newest version).
#[derive(Debug, Serialize, ToSchema)]
pub struct TermsDocument {
    #[schema(example = 1)]
    pub version: i32,
    #[schema(example = "Partner Hub reseller programme terms")]
    pub title: String,
    /// Plain text; paragraphs are separated by blank lines.
    pub body: String,
    pub published_at: DateTime<Utc>,
}

/// A terms version as support sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermsVersion {
    #[schema(example = 2)]
    pub version: i32,
    pub title: String,
    pub body: String,
    pub published_at: DateTime<Utc>,
    /// The staff member who published it; null for the version shipped with the system.
    pub published_by: Option<String>,
    /// How many freelancers have accepted this version.
    pub acceptances: i64,
    /// True for the newest version, the one freelancers must accept.
    pub current: bool,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"version": 1}))]
pub struct AcceptTerms {
    /// The version being accepted: must be the current one.
    #[schema(minimum = 1)]
    #[validate(range(min = 1, message = "Enter a number of 1 or more."))]
    pub version: i32,
}

/// A freelancer's acceptance of one terms version.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermsAcceptance {
    #[schema(example = 1)]
    pub version: i32,
    pub accepted_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "title": "Partner Hub reseller programme terms (2027)",
    "body": "These terms govern your participation in the Partner Hub reseller programme..."
}))]
pub struct PublishTerms {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "Use 1 to 200 characters."))]
    pub title: String,
    /// Plain text, 20 to 100000 characters.
    #[schema(min_length = 20, max_length = 100000)]
    #[validate(length(min = 20, max = 100000, message = "Use 20 to 100000 characters."))]
    pub body: String,
}
