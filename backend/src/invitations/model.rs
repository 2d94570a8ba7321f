//! Invitation rows and DTOs.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::clock::utc;
use crate::db::schema::invitations;

pub const VALID_DAYS: i64 = 14;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
pub struct InvitationRow {
    pub id: String,
    pub email: String,
    pub kind: String,
    pub token_hash: String,
    pub status: String,
    pub invited_by: String,
    pub accepted_by: Option<String>,
    pub accepted_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub expires_at: NaiveDateTime,
    pub send_count: i32,
    pub last_sent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
}

impl InvitationRow {
    /// `sent`, `accepted`, `expired` or `revoked` as of `now`.
    pub fn status_at(&self, now: NaiveDateTime) -> &str {
        if self.status == "sent" && self.expires_at <= now {
            "expired"
        } else {
            &self.status
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum InvitationKind {
    /// Someone who already has an account here.
    Internal,
    /// An email address; they are invited to create an account.
    External,
}

impl InvitationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationKind::Internal => "internal",
            InvitationKind::External => "external",
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"email": "new.expert@example.com", "kind": "external"}))]
pub struct NewInvitation {
    #[schema(format = Email, max_length = 254)]
    #[validate(email(message = "must be a valid email address"), length(max = 254, message = "must be at most 254 characters"))]
    pub email: String,
    pub kind: InvitationKind,
}

/// An invitation as support sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    #[schema(example = "inv_9aB8cD7eF6gH5iJ4kL3m")]
    pub id: String,
    pub email: String,
    /// `internal` or `external`.
    pub kind: String,
    /// `sent`, `accepted`, `expired` or `revoked`.
    pub status: String,
    pub expires_at: DateTime<Utc>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub accepted_by: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub send_count: i32,
    pub last_sent_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

impl Invitation {
    pub fn from_row(r: InvitationRow, now: NaiveDateTime) -> Invitation {
        Invitation {
            status: r.status_at(now).to_string(),
            id: r.id,
            email: r.email,
            kind: r.kind,
            expires_at: utc(r.expires_at),
            accepted_at: r.accepted_at.map(utc),
            accepted_by: r.accepted_by,
            revoked_at: r.revoked_at.map(utc),
            send_count: r.send_count,
            last_sent_at: utc(r.last_sent_at),
            created_at: utc(r.created_at),
        }
    }
}

/// A freshly created or re-sent invitation: the token is shown only here.
#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedInvitation {
    pub id: String,
    /// The single-use token (also in the emailed link).
    pub token: String,
    pub expires_at: DateTime<Utc>,
    /// The link the invitee opens.
    pub invite_url: String,
    pub invitation: Invitation,
}

/// What the invitee's link shows before signing in.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationCheck {
    /// `valid`, `expired`, `used` or `revoked`.
    pub status: String,
    pub email: String,
    pub kind: String,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    Sent,
    Accepted,
    Expired,
    Revoked,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvitationFilter {
    #[param(inline)]
    pub status: Option<StatusFilter>,
    #[param(inline)]
    pub kind: Option<InvitationKind>,
}
