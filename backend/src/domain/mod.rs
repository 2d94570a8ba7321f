//! Newtypes that validate on construction: once built, a value is valid everywhere.

pub mod email;
pub mod ids;
pub mod role;

pub use email::Email;
pub use role::Role;
