//! Newtypes that validate on construction: once built, a value is valid everywhere.

pub mod commerce;
pub mod country;
pub mod earnings;
pub mod email;
pub mod ids;
pub mod locale;
pub mod note;
pub mod role;
pub mod state;
pub mod text;

pub use email::Email;
pub use role::Role;
