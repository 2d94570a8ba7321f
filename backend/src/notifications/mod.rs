//! Email: messages are written to an outbox table inside the transaction of the change
//! that causes them, and the `email` job delivers them (SMTP, or `.eml` files).

pub mod mail;
pub mod mails;
pub mod outbox;
pub mod routes;
pub mod sender;
pub mod templates;
