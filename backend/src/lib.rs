//! Partner Hub: a reseller-programme platform for IT freelancers who resell Microsoft 365.

// `AppError` carries the whole problem document (detail, field errors, missing steps)
// by value; errors are the cold path, and boxing it would make every `?` site noisier.
#![allow(clippy::result_large_err)]

pub mod admin;
pub mod appeals;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod catalog;
pub mod checkout;
pub mod cli;
pub mod clock;
pub mod config;
pub mod customers;
pub mod db;
pub mod docs;
pub mod domain;
pub mod earnings;
pub mod error;
pub mod fallback;
pub mod freelancers;
pub mod i18n;
pub mod invitations;
pub mod invoices;
pub mod jobs;
pub mod notifications;
pub mod onboarding;
pub mod openapi;
pub mod ops;
pub mod pagination;
pub mod pdf;
pub mod programme;
pub mod providers;
pub mod provisioning;
pub mod referrals;
pub mod startup;
pub mod state;
pub mod subscriptions;
pub mod support;
pub mod terms;
pub mod web;
