//! Outside systems behind traits, each with a local sandbox (the default) and a real
//! client over reqwest that is tested against a local mock server.

pub mod microsoft;
pub mod payments;
pub mod payouts;
