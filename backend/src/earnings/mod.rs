//! Earnings: the commission ledger, clearing, balances and withdrawals of a freelancer.

pub mod clearing;
pub mod ledger;
