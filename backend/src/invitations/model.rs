//! Invitation rows and DTOs.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::clock::utc;
use crate::db::schema::invitations;
use crate::domain::locale::Locale;

pub const VALID_DAYS: i64 = 14;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = invitations)]
pub struct InvitationRow {
    pub id: String,
    pub email: String,
    pub kind: InvitationKind,
    pub token_hash: String,
    pub status: InvitationStatus,
    pub invited_by: String,
    pub accepted_by: Option<String>,
    pub accepted_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
    pub expires_at: NaiveDateTime,
    pub send_count: i32,
    pub last_sent_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    /// The language the invitation is written in.
    pub locale: Locale,
}

impl InvitationRow {
    /// The status as of `now`: a `sent` invitation past its expiry is `expired` even
    /// before anything wrote that down.
    pub fn status_at(&self, now: NaiveDateTime) -> InvitationStatus {
        if self.status == InvitationStatus::Sent && self.expires_at <= now {
            InvitationStatus::Expired
        } else {
            self.status
        }
    }

    /// What the invitee's link shows.
    pub fn link_status_at(&self, now: NaiveDateTime) -> InvitationLinkStatus {
        match self.status_at(now) {
            InvitationStatus::Sent => InvitationLinkStatus::Valid,
            InvitationStatus::Accepted => InvitationLinkStatus::Used,
            InvitationStatus::Revoked => InvitationLinkStatus::Revoked,
            InvitationStatus::Expired => InvitationLinkStatus::Expired,
        }
    }
}

crate::text_enum! {
    /// Who is invited.
    pub enum InvitationKind {
        /// Someone who already has an account here.
        Internal = "internal",
        /// An email address; they are invited to create an account.
        External = "external",
    }
}

crate::text_enum! {
    /// An invitation's life: `sent` (pending) until accepted, revoked or expired. At
    /// most one `sent` invitation per email (a partial unique index).
    pub enum InvitationStatus {
        Sent = "sent",
        Accepted = "accepted",
        Revoked = "revoked",
        /// Written when a newer invitation for the same email is created; a `sent` row
        /// past its expiry also reads as expired.
        Expired = "expired",
    }
}

impl InvitationStatus {
    /// Only a pending invitation (and not past its expiry, checked beside it) is accepted.
    pub fn acceptable_from() -> Vec<InvitationStatus> {
        vec![InvitationStatus::Sent]
    }

    /// Revoking works on pending and expired invitations, never on used ones.
    pub fn revocable_from() -> Vec<InvitationStatus> {
        vec![InvitationStatus::Sent, InvitationStatus::Expired]
    }

    /// Re-sending renews a pending or expired invitation with a new token.
    pub fn resendable_from() -> Vec<InvitationStatus> {
        vec![InvitationStatus::Sent, InvitationStatus::Expired]
    }
}

crate::text_enum! {
    /// What an invitation link is, as the invitee sees it.
    pub enum InvitationLinkStatus {
        Valid = "valid",
        Expired = "expired",
        Used = "used",
        Revoked = "revoked",
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"email": "new.expert@example.com", "kind": "external"}))]
pub struct NewInvitation {
    #[schema(format = Email, max_length = 254)]
    #[validate(email(message = "must be a valid email address"), length(max = 254, message = "must be at most 254 characters"))]
    pub email: String,
    pub kind: InvitationKind,
    /// The language of the invitation email. Without it: the invitee's own language when
    /// they have an account, else the language of the request (`Accept-Language`).
    pub locale: Option<Locale>,
}

/// An invitation as support sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invitation {
    #[schema(example = "inv_9aB8cD7eF6gH5iJ4kL3m")]
    pub id: String,
    pub email: String,
    pub kind: InvitationKind,
    pub status: InvitationStatus,
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
            status: r.status_at(now),
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
    pub status: InvitationLinkStatus,
    pub email: String,
    pub kind: InvitationKind,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvitationFilter {
    #[param(inline)]
    pub status: Option<InvitationStatus>,
    #[param(inline)]
    pub kind: Option<InvitationKind>,
}
