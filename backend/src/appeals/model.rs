//! Appeal rows and DTOs.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::clock::utc;
use crate::db::schema::appeals;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = appeals)]
pub struct AppealRow {
    pub id: String,
    pub freelancer_id: String,
    pub subject_type: String,
    pub subject_id: String,
    pub explanation: String,
    pub status: String,
    pub open_key: Option<String>,
    pub reviewer_id: Option<String>,
    pub reviewer_note: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What can be appealed. Earnings and other decisions join this list with their features.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SubjectType {
    Application,
}

impl SubjectType {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectType::Application => "application",
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"subject_type": "application", "subject_id": "app_3kT9wQ1zX5cV7bN2mL4p", "explanation": "I serve 12 US clients; my certifications were not attached. Here they are: MS-102, MD-102."}))]
pub struct NewAppeal {
    pub subject_type: SubjectType,
    #[schema(min_length = 1, max_length = 100)]
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters"))]
    pub subject_id: String,
    /// Why the decision should change, 20 to 5000 characters.
    #[schema(min_length = 20, max_length = 5000)]
    #[validate(length(min = 20, max = 5000, message = "must be 20 to 5000 characters"))]
    pub explanation: String,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Upheld,
    Denied,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct Decide {
    /// `upheld` changes the decision in the freelancer's favour; `denied` keeps it.
    pub decision: Verdict,
    /// Sent to the freelancer, 1 to 2000 characters.
    #[schema(min_length = 1, max_length = 2000)]
    #[validate(length(min = 1, max = 2000, message = "must be 1 to 2000 characters"))]
    pub note: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Appeal {
    #[schema(example = "apl_7hJ6kL5mN4bV3cX2zQ1w")]
    pub id: String,
    pub freelancer_id: String,
    pub subject_type: String,
    pub subject_id: String,
    pub explanation: String,
    /// `submitted`, `in_review`, `upheld` or `denied`.
    pub status: String,
    pub reviewer_note: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The appellant, in support's views.
    pub freelancer_email: Option<String>,
    pub freelancer_name: Option<String>,
}

impl Appeal {
    pub fn from_row(r: AppealRow, who: Option<(String, String)>) -> Appeal {
        let (email, name) = who.map(|(e, n)| (Some(e), Some(n))).unwrap_or((None, None));
        Appeal {
            id: r.id,
            freelancer_id: r.freelancer_id,
            subject_type: r.subject_type,
            subject_id: r.subject_id,
            explanation: r.explanation,
            status: r.status,
            reviewer_note: r.reviewer_note,
            decided_at: r.decided_at.map(utc),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
            freelancer_email: email,
            freelancer_name: name,
        }
    }
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AppealStatus {
    Submitted,
    InReview,
    Upheld,
    Denied,
}

impl AppealStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AppealStatus::Submitted => "submitted",
            AppealStatus::InReview => "in_review",
            AppealStatus::Upheld => "upheld",
            AppealStatus::Denied => "denied",
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AppealFilter {
    #[param(inline)]
    pub status: Option<AppealStatus>,
}
