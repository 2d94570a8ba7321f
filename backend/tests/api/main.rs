//! Black-box HTTP tests: each test spawns the real app on port 0 with a fresh database
//! (a temp SQLite file, or a fresh PostgreSQL database when TEST_DATABASE_URL is set).

// See the note on `result_large_err` in the crate root.
#![allow(clippy::result_large_err)]

mod helpers;

mod appeals;
mod applications;
mod auth;
mod authz_matrix;
mod catalog_admin;
mod checkout;
mod cli;
mod clock_and_jobs;
mod commerce_journey;
mod customers;
mod dashboard;
mod earnings_clearing_pg;
mod earnings_insights;
mod earnings_journey;
mod earnings_ledger;
mod earnings_property;
mod earnings_read;
mod earnings_support;
mod edge;
mod eligibility;
mod email;
mod errors;
mod invitations;
mod invoices;
mod languages;
mod onboarding;
mod ops;
mod partnership;
mod password_reset;
mod payments_stripe;
mod programme;
mod providers_microsoft;
mod races;
mod referrals;
mod renewals;
mod server_messages;
mod spec;
mod statements;
mod subscriptions;
mod support;
mod terms;
mod withdrawals;
