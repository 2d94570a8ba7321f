//! What every handler can reach: the database, the clock, settings, signing keys.

use std::sync::Arc;

use crate::auth::jwt::JwtKeys;
use crate::clock::Clock;
use crate::config::Settings;
use crate::db::Db;
use crate::providers::microsoft::MicrosoftCommerce;
use crate::providers::payments::PaymentProvider;
use crate::providers::payouts::PayoutProvider;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
    pub settings: Arc<Settings>,
    pub jwt: Arc<JwtKeys>,
    pub payments: Arc<dyn PaymentProvider>,
    /// Microsoft commerce (`MICROSOFT_PROVIDER`): tenants, the reseller relationship, orders.
    pub microsoft: Arc<dyn MicrosoftCommerce>,
    /// Paying freelancers out (`PAYOUTS_PROVIDER`).
    pub payouts: Arc<dyn PayoutProvider>,
}
