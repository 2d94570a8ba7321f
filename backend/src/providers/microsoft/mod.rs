//! Microsoft commerce: customer tenants, domain checks, the reseller relationship, and
//! the orders and subscriptions placed for a customer. `MicrosoftCommerce` is what the
//! customer-account and provisioning slices call; `MICROSOFT_PROVIDER` picks the
//! implementation: `sandbox` (default; keeps Microsoft's side in our own database and
//! answers like the real service) or `partner-center` (the Partner Center REST API over
//! reqwest, with OAuth 2.0 client credentials).
//!
//! Every call may fail in one of two ways, and the difference drives the `provisioning`
//! job: a [`CommerceError::Retryable`] (timeout, 5xx, 429, connection refused) is tried
//! again later with backoff; a [`CommerceError::Permanent`] (domain taken, invalid
//! request) will fail the same way again, so the task gives up and support sees it.
//!
//! Placing an order is idempotent on our client reference (the subscription id): a retry
//! after a timeout — when we cannot know whether the first call got through — finds the
//! order the first call created instead of buying a second one.

pub mod partner_center;
pub mod sandbox;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use sha2::{Digest, Sha256};

use crate::clock::Clock;
use crate::db::Db;
use crate::domain::commerce::BillingTerm;

/// Which Microsoft commerce implementation the app talks to.
#[derive(Clone, Debug, Default)]
pub enum MicrosoftSettings {
    /// Microsoft's side simulated in our own database; nothing leaves the machine.
    #[default]
    Sandbox,
    PartnerCenter(PartnerCenterSettings),
}

/// `PARTNER_CENTER_*`: where the API and the token endpoint are, the app registration's
/// credentials, and which Partner Center catalogue item each of our plans is.
#[derive(Clone)]
pub struct PartnerCenterSettings {
    /// `PARTNER_CENTER_BASE_URL`, default `https://api.partnercenter.microsoft.com`.
    pub base_url: String,
    /// `PARTNER_CENTER_TOKEN_URL`, default `https://login.microsoftonline.com/{tenant}/oauth2/token`.
    pub token_url: String,
    pub client_id: String,
    pub client_secret: String,
    /// The partner's own Microsoft Entra tenant (`PARTNER_CENTER_TENANT_ID`).
    pub tenant_id: String,
    /// How long one HTTP call may take before it counts as a (retryable) timeout.
    pub timeout: Duration,
    /// Our plan id → Partner Center catalogue item id (`product:sku:availability`), from
    /// `PARTNER_CENTER_OFFERS=pln_a=CFQ…:0001:CFQ…,pln_b=…`.
    pub offers: BTreeMap<String, String>,
}

// Hand-written so that the secret never reaches a log line through `{:?}`.
impl std::fmt::Debug for PartnerCenterSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PartnerCenterSettings")
            .field("base_url", &self.base_url)
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"***")
            .field("tenant_id", &self.tenant_id)
            .field("timeout", &self.timeout)
            .field("offers", &self.offers)
            .finish()
    }
}

impl MicrosoftSettings {
    /// Reads `MICROSOFT_PROVIDER` and, for `partner-center`, the `PARTNER_CENTER_*` variables.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<MicrosoftSettings> {
        match var("MICROSOFT_PROVIDER").as_deref() {
            None | Some("sandbox") => Ok(MicrosoftSettings::Sandbox),
            Some("partner-center") => {
                let required =
                    |name: &str| var(name).ok_or_else(|| anyhow::anyhow!("{name} is required when MICROSOFT_PROVIDER=partner-center"));
                let tenant_id = required("PARTNER_CENTER_TENANT_ID")?;
                let offers = parse_offers(&required("PARTNER_CENTER_OFFERS")?)?;
                let timeout = match var("PARTNER_CENTER_TIMEOUT_SECS") {
                    None => Duration::from_secs(30),
                    Some(v) => Duration::from_secs(
                        v.parse()
                            .ok()
                            .filter(|n| *n > 0)
                            .ok_or_else(|| anyhow::anyhow!("PARTNER_CENTER_TIMEOUT_SECS must be a positive number"))?,
                    ),
                };
                Ok(MicrosoftSettings::PartnerCenter(PartnerCenterSettings {
                    base_url: var("PARTNER_CENTER_BASE_URL")
                        .unwrap_or_else(|| "https://api.partnercenter.microsoft.com".into())
                        .trim_end_matches('/')
                        .to_string(),
                    token_url: var("PARTNER_CENTER_TOKEN_URL")
                        .unwrap_or_else(|| format!("https://login.microsoftonline.com/{tenant_id}/oauth2/token")),
                    client_id: required("PARTNER_CENTER_CLIENT_ID")?,
                    client_secret: required("PARTNER_CENTER_CLIENT_SECRET")?,
                    tenant_id,
                    timeout,
                    offers,
                }))
            }
            Some(other) => anyhow::bail!("MICROSOFT_PROVIDER must be 'sandbox' or 'partner-center', not '{other}'"),
        }
    }
}

/// `pln_a=OFFER_A, pln_b=OFFER_B` → a map; each entry needs both sides.
pub fn parse_offers(text: &str) -> anyhow::Result<BTreeMap<String, String>> {
    let mut offers = BTreeMap::new();
    for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (plan, offer) = entry
            .split_once('=')
            .map(|(p, o)| (p.trim(), o.trim()))
            .filter(|(p, o)| !p.is_empty() && !o.is_empty())
            .ok_or_else(|| anyhow::anyhow!("PARTNER_CENTER_OFFERS: '{entry}' is not plan_id=offer_id"))?;
        offers.insert(plan.to_string(), offer.to_string());
    }
    if offers.is_empty() {
        anyhow::bail!("PARTNER_CENTER_OFFERS names no plan");
    }
    Ok(offers)
}

/// How a call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommerceError {
    /// Timeout, 5xx, 429, connection failure: the same call may succeed later.
    Retryable(String),
    /// The same call will fail again.
    Permanent(PermanentError),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PermanentError {
    /// The domain belongs to another Microsoft tenant.
    DomainTaken,
    /// The service refused the request as invalid (the text says why).
    Invalid(String),
    /// The customer or subscription does not exist at Microsoft.
    NotFound(String),
}

impl CommerceError {
    pub fn is_retryable(&self) -> bool {
        matches!(self, CommerceError::Retryable(_))
    }

    pub fn invalid(why: impl Into<String>) -> CommerceError {
        CommerceError::Permanent(PermanentError::Invalid(why.into()))
    }
}

impl std::fmt::Display for CommerceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CommerceError::Retryable(why) => write!(f, "retryable: {why}"),
            CommerceError::Permanent(PermanentError::DomainTaken) => f.write_str("permanent: the domain is taken"),
            CommerceError::Permanent(PermanentError::Invalid(why)) => write!(f, "permanent: invalid request: {why}"),
            CommerceError::Permanent(PermanentError::NotFound(what)) => write!(f, "permanent: not found: {what}"),
        }
    }
}

pub type CommerceResult<T> = Result<T, CommerceError>;

/// A customer's tenant id at Microsoft (a GUID; Partner Center's customer id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenantId(pub String);

/// What Microsoft needs to create a customer tenant: the company and its billing contact.
#[derive(Clone, Debug)]
pub struct NewCustomer {
    /// The full domain, `name.onmicrosoft.com`.
    pub domain: String,
    pub company_name: String,
    pub email: String,
    pub phone: String,
    pub first_name: String,
    pub last_name: String,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// `en` or `de`: the tenant's default language.
    pub language: String,
}

/// Where a domain stands with us as its reseller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relationship {
    /// No tenant with this domain is known (to us).
    None,
    /// The tenant exists but has not (yet) accepted us as its reseller.
    Pending,
    /// We are the tenant's reseller: orders may be placed for it.
    Reseller(TenantId),
}

/// One purchase: `seats` licences of `plan_id` for `term`, for `tenant`.
#[derive(Clone, Debug)]
pub struct OrderRequest {
    pub tenant: TenantId,
    /// Our plan id; each implementation maps it to its own catalogue item.
    pub plan_id: String,
    pub term: BillingTerm,
    pub seats: i32,
    /// Our subscription id: the order is placed at most once per reference.
    pub reference: String,
}

/// The subscription an order created at Microsoft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedOrder {
    pub subscription_id: String,
}

/// Microsoft commerce, as the rest of the app sees it. Every method may be called again
/// with the same arguments after a failure (the provisioning job does exactly that), and
/// must then neither fail because the first call got through nor act twice.
pub trait MicrosoftCommerce: Send + Sync {
    /// `sandbox` or `partner-center`.
    fn name(&self) -> &'static str;

    /// Whether `domain` (`name.onmicrosoft.com`) is free for a new tenant.
    fn check_domain_availability<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<bool>>;

    /// Creates the customer's tenant with us as its reseller; `DomainTaken` when the
    /// domain already belongs to a tenant (a retry after our own successful call included:
    /// callers then ask [`MicrosoftCommerce::reseller_relationship`]).
    fn create_customer<'a>(&'a self, customer: &'a NewCustomer) -> BoxFuture<'a, CommerceResult<TenantId>>;

    /// Whether we are the reseller of the tenant that owns `domain`.
    fn reseller_relationship<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<Relationship>>;

    /// An existing Microsoft customer accepted the reseller relationship: the tenant id
    /// once Microsoft shows the relationship, `Retryable` while it does not yet.
    fn accept_reseller_relationship<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<TenantId>>;

    /// Places the order, at most once per `order.reference`.
    fn create_order<'a>(&'a self, order: &'a OrderRequest) -> BoxFuture<'a, CommerceResult<PlacedOrder>>;

    fn update_seats<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str, seats: i32) -> BoxFuture<'a, CommerceResult<()>>;

    fn cancel_subscription<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str) -> BoxFuture<'a, CommerceResult<()>>;

    fn set_auto_renew<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str, on: bool) -> BoxFuture<'a, CommerceResult<()>>;
}

/// The implementation `settings` names. The sandbox keeps its state in `db`.
pub fn build(settings: &MicrosoftSettings, db: Db, clock: Clock) -> anyhow::Result<Arc<dyn MicrosoftCommerce>> {
    Ok(match settings {
        MicrosoftSettings::Sandbox => Arc::new(sandbox::SandboxCommerce::new(db, clock)),
        MicrosoftSettings::PartnerCenter(pc) => Arc::new(partner_center::PartnerCenter::new(pc.clone())?),
    })
}

/// A GUID-shaped id derived from `seed`: the same seed always gives the same id (used as
/// Partner Center's `MS-RequestId`, which makes a retried call idempotent).
pub fn stable_guid(seed: &str) -> String {
    let digest = Sha256::digest(seed.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    // RFC 9562 version 8 (custom), variant 10.
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    format_guid(&bytes)
}

/// A random GUID (version 4).
pub fn random_guid() -> String {
    let mut bytes = [0u8; 16];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    format_guid(&bytes)
}

fn format_guid(b: &[u8; 16]) -> String {
    let h = hex::encode(b);
    format!("{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_guids_repeat_and_differ_by_seed() {
        let a = stable_guid("create_order:sub_1");
        assert_eq!(a, stable_guid("create_order:sub_1"));
        assert_ne!(a, stable_guid("create_order:sub_2"));
        assert_eq!(a.len(), 36);
        assert_eq!(a.matches('-').count(), 4);
        assert_ne!(random_guid(), random_guid());
    }

    #[test]
    fn offers_parse_and_refuse_half_entries() {
        let offers = parse_offers(" pln_a = CFQ1:0001:X , pln_b=CFQ2:0002:Y").unwrap();
        assert_eq!(offers["pln_a"], "CFQ1:0001:X");
        assert_eq!(offers.len(), 2);
        assert!(parse_offers("pln_a").is_err());
        assert!(parse_offers("pln_a=").is_err());
        assert!(parse_offers(" , ").is_err());
    }

    #[test]
    fn the_secret_stays_out_of_debug_output() {
        let vars = |name: &str| {
            Some(
                match name {
                    "MICROSOFT_PROVIDER" => "partner-center",
                    "PARTNER_CENTER_CLIENT_SECRET" => "s3cr3t-value",
                    "PARTNER_CENTER_OFFERS" => "pln_a=X",
                    "PARTNER_CENTER_TIMEOUT_SECS" | "PARTNER_CENTER_TOKEN_URL" => return None,
                    "PARTNER_CENTER_BASE_URL" => "http://127.0.0.1:9/",
                    _ => "value",
                }
                .to_string(),
            )
        };
        let settings = MicrosoftSettings::from_env(vars).unwrap();
        let shown = format!("{settings:?}");
        assert!(!shown.contains("s3cr3t-value"), "{shown}");
        let MicrosoftSettings::PartnerCenter(pc) = settings else { panic!("partner-center") };
        assert_eq!(pc.base_url, "http://127.0.0.1:9");
        assert_eq!(pc.token_url, "https://login.microsoftonline.com/value/oauth2/token");
        assert!(MicrosoftSettings::from_env(|_| None).is_ok_and(|s| matches!(s, MicrosoftSettings::Sandbox)));
        assert!(MicrosoftSettings::from_env(|n| (n == "MICROSOFT_PROVIDER").then(|| "azure".to_string())).is_err());
    }
}
