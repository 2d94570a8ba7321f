//! Rows and DTOs of support tickets. Category and status are closed sets (`text_enum!`,
//! with CHECKs in the migrations): an unknown value is refused at the edge and never
//! reaches the database, and the rows carry the enums themselves.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::db::schema::{support_tickets, ticket_messages};
use crate::domain::ids::plain_id;

/// `tkt_…`: a support ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketId(pub String);

impl TicketId {
    pub fn generate() -> TicketId {
        TicketId(plain_id("tkt"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `msg_…`: one message of a ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketMessageId(pub String);

impl TicketMessageId {
    pub fn generate() -> TicketMessageId {
        TicketMessageId(plain_id("msg"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

crate::text_enum! {
    /// What a ticket is about.
    pub enum TicketCategory {
        Account = "account",
        Application = "application",
        Onboarding = "onboarding",
        Payments = "payments",
        Technical = "technical",
        Other = "other",
    }
}

crate::text_enum! {
    /// `open` (waiting for support), `answered` (waiting for the requester) or `closed`.
    pub enum TicketStatus {
        Open = "open",
        Answered = "answered",
        Closed = "closed",
    }
}

impl TicketStatus {
    /// The states a ticket can be replied to or closed from: any but `closed`.
    pub const ACTIVE: &'static [TicketStatus] = &[TicketStatus::Open, TicketStatus::Answered];

    /// Where a reply moves an active ticket: staff answered it, or the requester is
    /// waiting again.
    pub fn after_reply(from_staff: bool) -> TicketStatus {
        if from_staff {
            TicketStatus::Answered
        } else {
            TicketStatus::Open
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = support_tickets)]
pub struct TicketRow {
    pub id: String,
    pub user_id: String,
    pub subject: String,
    pub category: TicketCategory,
    pub status: TicketStatus,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ticket_messages)]
pub struct MessageRow {
    pub id: String,
    pub ticket_id: String,
    pub author_id: String,
    pub from_staff: bool,
    pub body: String,
    pub created_at: NaiveDateTime,
}

/// The person who opened a ticket, as stored on their account.
#[derive(Debug, Clone, Queryable, Serialize, ToSchema)]
pub struct Requester {
    #[schema(example = "usr_8fK2mQ0pLw3xZb7TnR1c")]
    pub user_id: String,
    pub email: String,
    pub full_name: String,
    /// The language they read: emails about the ticket go out in it.
    pub locale: crate::domain::locale::Locale,
}

/// Opening a ticket.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "subject": "My W-9 upload keeps failing",
    "category": "onboarding",
    "message": "When I sign the W-9 form the page says the TIN is invalid, but it is my EIN."
}))]
pub struct CreateTicketRequest {
    /// 3 to 200 characters, not only spaces.
    #[schema(min_length = 3, max_length = 200)]
    #[validate(length(min = 3, max = 200, message = "must be 3 to 200 characters"))]
    pub subject: String,
    pub category: TicketCategory,
    /// The first message: 10 to 5000 characters, not only spaces.
    #[schema(min_length = 10, max_length = 5000)]
    #[validate(length(min = 10, max = 5000, message = "must be 10 to 5000 characters"))]
    pub message: String,
}

/// A reply on a ticket.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"body": "Thanks, that fixed it."}))]
pub struct ReplyRequest {
    /// 1 to 5000 characters, not only spaces.
    // Defaulted so that a body-less request still reaches the ownership check: another
    // user's ticket id answers 404 whatever the body; a missing `body` is then a 422.
    #[serde(default)]
    #[schema(required = true, min_length = 1, max_length = 5000)]
    #[validate(length(min = 1, max = 5000, message = "must be 1 to 5000 characters"))]
    pub body: String,
}

/// One message of a ticket.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TicketMessage {
    #[schema(example = "msg_Yb3kP9sQ2wE5rT7uI1oA")]
    pub id: String,
    pub body: String,
    /// True when support wrote it.
    pub from_staff: bool,
    /// The author's name as on their account.
    pub author_name: String,
    pub created_at: DateTime<Utc>,
}

/// A support ticket.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Ticket {
    #[schema(example = "tkt_Q1w2E3r4T5y6U7i8O9p0")]
    pub id: String,
    pub subject: String,
    pub category: TicketCategory,
    pub status: TicketStatus,
    pub created_at: DateTime<Utc>,
    /// The time of the last message or status change.
    pub updated_at: DateTime<Utc>,
    pub requester: Requester,
    /// Every message, oldest first; present on a single ticket, absent in lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub messages: Option<Vec<TicketMessage>>,
    pub message_count: i64,
}

/// Filters of the caller's own tickets.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MyTicketsFilter {
    #[param(inline)]
    pub status: Option<TicketStatus>,
}

/// Filters of support's queue.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueFilter {
    #[param(inline)]
    pub status: Option<TicketStatus>,
    #[param(inline)]
    pub category: Option<TicketCategory>,
}
