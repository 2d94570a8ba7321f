//! Partner Hub: a reseller-programme platform for IT freelancers who resell Microsoft 365.

pub mod admin;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod docs;
pub mod domain;
pub mod error;
pub mod jobs;
pub mod notifications;
pub mod openapi;
pub mod ops;
pub mod pagination;
pub mod startup;
pub mod state;
pub mod web;
