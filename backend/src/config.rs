//! Typed settings, read once from the environment. Defaults work on a laptop; production
//! mode refuses development secrets and the manual clock.

use std::path::PathBuf;

use anyhow::{bail, Context};
use base64::Engine;
use rand::RngCore;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppEnv {
    Development,
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClockMode {
    System,
    Manual,
}

#[derive(Clone, Debug)]
pub struct Settings {
    pub database_url: String,
    pub host: String,
    pub port: u16,
    pub app_env: AppEnv,
    pub jwt_secret: String,
    pub jwt_previous_secrets: Vec<String>,
    pub encryption_key: [u8; 32],
    pub public_base_url: String,
    pub clock: ClockMode,
    pub smtp_url: Option<String>,
    pub email_from: String,
    /// Where notifications for support staff go (new appeals, new tickets).
    pub support_email: String,
    /// The language of those notifications (`SUPPORT_LOCALE`, `en` or `de`; default `en`).
    pub support_locale: crate::domain::locale::Locale,
    pub email_outbox_dir: PathBuf,
    pub data_dir: PathBuf,
    pub static_dir: PathBuf,
    pub scheduler: bool,
    /// Peers (load balancers, reverse proxies) whose `Forwarded` / `X-Forwarded-For`
    /// headers are believed; empty: the TCP peer is the client.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// When set, `/metrics` answers only to `Authorization: Bearer <token>`.
    pub metrics_token: Option<String>,
    /// Sign-ups one client address may make before each further one waits (growing
    /// delays). Raise it for a population behind one NAT.
    pub signups_per_ip: i32,
    /// `PAYMENTS_PROVIDER`: `sandbox` (default) or `stripe` (with `STRIPE_SECRET_KEY`,
    /// and `STRIPE_API_BASE` when not `https://api.stripe.com`).
    pub payments: crate::providers::payments::PaymentsSettings,
    /// `MICROSOFT_PROVIDER`: `sandbox` (default) or `partner-center` with `PARTNER_CENTER_*`.
    pub microsoft: crate::providers::microsoft::MicrosoftSettings,
    /// `PAYOUTS_PROVIDER`: `sandbox` (default; the only one so far).
    pub payouts: crate::providers::payouts::PayoutsSettings,
    /// The seller printed on invoices (`SELLER_NAME`, `SELLER_ADDRESS`, `SELLER_TAX_ID`).
    pub seller: SellerSettings,
}

/// Who issues the invoices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SellerSettings {
    pub name: String,
    /// Postal address lines (`SELLER_ADDRESS`, lines separated by `;` or line breaks).
    pub address: Vec<String>,
    /// VAT or tax number; printed when set.
    pub tax_id: Option<String>,
}

impl Default for SellerSettings {
    fn default() -> Self {
        SellerSettings {
            name: "Partner Hub".into(),
            address: vec!["Example Street 1".into(), "10115 Berlin".into(), "Germany".into()],
            tax_id: None,
        }
    }
}

impl SellerSettings {
    fn from_env() -> SellerSettings {
        let default = SellerSettings::default();
        SellerSettings {
            name: var("SELLER_NAME").map(|n| n.trim().to_string()).unwrap_or(default.name),
            address: var("SELLER_ADDRESS")
                .map(|a| a.split([';', '\n']).map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
                .unwrap_or(default.address),
            tax_id: var("SELLER_TAX_ID").map(|t| t.trim().to_string()),
        }
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

impl Settings {
    /// Reads every setting from the environment and checks the production rules.
    pub fn from_env() -> anyhow::Result<Settings> {
        let app_env = match var("APP_ENV").as_deref() {
            None | Some("development") => AppEnv::Development,
            Some("production") => AppEnv::Production,
            Some(other) => bail!("APP_ENV must be 'development' or 'production', not '{other}'"),
        };
        let clock = match var("APP_CLOCK").as_deref() {
            None | Some("system") => ClockMode::System,
            Some("manual") => ClockMode::Manual,
            Some(other) => bail!("APP_CLOCK must be 'system' or 'manual', not '{other}'"),
        };
        let data_dir = PathBuf::from(var("DATA_DIR").unwrap_or_else(|| "./data".into()));
        let host = var("HOST").unwrap_or_else(|| "127.0.0.1".into());
        let port: u16 = match var("PORT") {
            None => 8080,
            Some(p) => p.parse().with_context(|| format!("PORT must be a port number, not '{p}'"))?,
        };
        let database_url = var("DATABASE_URL").unwrap_or_else(|| format!("sqlite://{}/partner-hub.db", data_dir.display()));
        let production = app_env == AppEnv::Production;
        if production && clock == ClockMode::Manual {
            bail!("APP_CLOCK=manual is refused in production mode");
        }
        let jwt_secret = match var("JWT_SECRET") {
            Some(s) if s.len() >= 32 => s,
            Some(_) => bail!("JWT_SECRET must be at least 32 characters"),
            None if production => bail!("JWT_SECRET is required in production mode"),
            None => dev_secret(&data_dir, "jwt-secret")?,
        };
        let jwt_previous_secrets = var("JWT_PREVIOUS_SECRETS")
            .map(|s| s.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect())
            .unwrap_or_default();
        let key_text = match var("APP_ENCRYPTION_KEY") {
            Some(k) => k,
            None if production => bail!("APP_ENCRYPTION_KEY is required in production mode"),
            None => dev_secret(&data_dir, "encryption-key")?,
        };
        let encryption_key = decode_key(&key_text)?;
        let public_base_url = var("PUBLIC_BASE_URL").unwrap_or_else(|| format!("http://{host}:{port}")).trim_end_matches('/').to_string();
        Ok(Settings {
            database_url,
            host,
            port,
            app_env,
            jwt_secret,
            jwt_previous_secrets,
            encryption_key,
            public_base_url,
            clock,
            smtp_url: var("SMTP_URL"),
            email_from: var("EMAIL_FROM").unwrap_or_else(|| "Partner Hub <no-reply@partner-hub.local>".into()),
            support_email: var("SUPPORT_EMAIL").unwrap_or_else(|| "support@partner-hub.local".into()),
            support_locale: match var("SUPPORT_LOCALE") {
                None => Default::default(),
                Some(v) => {
                    crate::domain::locale::Locale::parse(v.trim()).ok_or_else(|| anyhow::anyhow!("SUPPORT_LOCALE must be en or de"))?
                }
            },
            email_outbox_dir: PathBuf::from(var("EMAIL_OUTBOX_DIR").unwrap_or_else(|| format!("{}/outbox", data_dir.display()))),
            static_dir: PathBuf::from(var("STATIC_DIR").unwrap_or_else(|| "./frontend/dist".into())),
            scheduler: var("SCHEDULER").as_deref() != Some("off"),
            data_dir,
            trusted_proxies: parse_cidrs(&var("TRUSTED_PROXIES").unwrap_or_default())?,
            metrics_token: var("METRICS_TOKEN"),
            signups_per_ip: match var("SIGNUPS_PER_IP") {
                None => crate::auth::rate_limit::REGISTER_IP.free,
                Some(v) => v.parse().ok().filter(|n| *n > 0).ok_or_else(|| anyhow::anyhow!("SIGNUPS_PER_IP must be a positive number"))?,
            },
            payments: payments_from_env()?,
            microsoft: crate::providers::microsoft::MicrosoftSettings::from_env(var)?,
            payouts: crate::providers::payouts::PayoutsSettings::parse(var("PAYOUTS_PROVIDER").as_deref())?,
            seller: SellerSettings::from_env(),
        })
    }
}

fn payments_from_env() -> anyhow::Result<crate::providers::payments::PaymentsSettings> {
    use crate::providers::payments::{stripe::SecretKey, PaymentsSettings};
    Ok(match var("PAYMENTS_PROVIDER").as_deref() {
        None | Some("sandbox") => PaymentsSettings::Sandbox,
        Some("stripe") => {
            let Some(key) = var("STRIPE_SECRET_KEY") else { bail!("PAYMENTS_PROVIDER=stripe needs STRIPE_SECRET_KEY") };
            let api_base = var("STRIPE_API_BASE").unwrap_or_else(|| "https://api.stripe.com".into());
            url::Url::parse(&api_base).with_context(|| format!("STRIPE_API_BASE must be a URL, not '{api_base}'"))?;
            PaymentsSettings::Stripe { secret_key: SecretKey::new(key.trim()), api_base: api_base.trim_end_matches('/').to_string() }
        }
        Some(other) => bail!("PAYMENTS_PROVIDER must be 'sandbox' or 'stripe', not '{other}'"),
    })
}

/// `10.0.0.0/8, 192.168.1.7` → networks; a bare address is a /32 (or /128).
pub fn parse_cidrs(text: &str) -> anyhow::Result<Vec<ipnet::IpNet>> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<ipnet::IpNet>()
                .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .with_context(|| format!("TRUSTED_PROXIES: '{p}' is not a CIDR (like 10.0.0.0/8) or an IP address"))
        })
        .collect()
}

fn decode_key(text: &str) -> anyhow::Result<[u8; 32]> {
    let bytes = base64::engine::general_purpose::STANDARD.decode(text.trim()).context("APP_ENCRYPTION_KEY must be base64")?;
    bytes.try_into().map_err(|_| anyhow::anyhow!("APP_ENCRYPTION_KEY must decode to exactly 32 bytes"))
}

/// Development secrets are generated once and kept under DATA_DIR so that tokens and
/// encrypted fields survive a restart.
fn dev_secret(data_dir: &std::path::Path, name: &str) -> anyhow::Result<String> {
    let path = data_dir.join(name);
    if let Ok(existing) = std::fs::read_to_string(&path) {
        if !existing.trim().is_empty() {
            return Ok(existing.trim().to_string());
        }
    }
    std::fs::create_dir_all(data_dir).with_context(|| format!("cannot create DATA_DIR {}", data_dir.display()))?;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::STANDARD.encode(bytes);
    std::fs::write(&path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
    }
    Ok(secret)
}
