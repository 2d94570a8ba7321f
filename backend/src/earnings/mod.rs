//! Earnings: the commission ledger, clearing, balances and withdrawals of a freelancer.

pub mod clearing;
pub mod ledger;
pub mod statements;
pub mod withdrawals;
