//! Subscriptions: what a client bought, its seats, term, price and state, and the
//! append-only event history that earnings, notifications and webhooks consume.

pub mod events;
pub mod model;
pub mod view;
