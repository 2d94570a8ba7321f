//! Email: every message is a typed struct (`mails`) rendered from template files in the
//! recipient's language (`mail`), written to an outbox table inside the transaction of
//! the change that causes them (`outbox::send`), and delivered by the `email` job (SMTP,
//! or `.eml` files).

pub mod mail;
pub mod mails;
pub mod outbox;
pub mod routes;
pub mod sender;
