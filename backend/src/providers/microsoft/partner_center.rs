//! The Partner Center REST client (`MICROSOFT_PROVIDER=partner-center`), speaking the
//! documented v1 shapes:
//!
//! - token: `POST {token_url}` (form: `grant_type=client_credentials`, `client_id`,
//!   `client_secret`, `resource=https://api.partnercenter.microsoft.com`) → `access_token`,
//!   `expires_in`; kept until a minute before it expires and shared by every call;
//! - domain check: `HEAD /v1/domains/{domain}`: 200 = taken, 404 = available;
//! - create customer: `POST /v1/customers` with `companyProfile.domain` and
//!   `billingProfile` (email, culture, language, companyName, defaultAddress);
//! - relationship: `GET /v1/customers?filter={"Field":"Domain","Value":…,"Operator":"starts_with"}`
//!   lists our customers only: the domain appearing there means we are its reseller;
//! - order: `POST /v1/customers/{id}/orders` with one line item (offer, quantity,
//!   `termDuration`, and our reference as `friendlyName`);
//! - seats, cancel, auto-renew: `GET` the subscription, then `PATCH` it whole with
//!   `quantity`, `status: "deleted"` or `autoRenewEnabled` changed.
//!
//! Every call carries `MS-RequestId` and `MS-CorrelationId`. Partner Center uses the
//! request id for idempotency ("if there's a timeout, the retry call should include the
//! same value"), so the order's request id is derived from our reference and a retry
//! sends the same one; and before ordering, the client looks the reference up among the
//! customer's subscriptions, so even a retry that Partner Center no longer recognises
//! finds the first order instead of buying twice.

use std::time::{Duration, Instant};

use futures_util::future::BoxFuture;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::sandbox::TermDuration;
use super::{
    random_guid, stable_guid, CommerceError, CommerceResult, MicrosoftCommerce, NewCustomer, OrderRequest, PartnerCenterSettings,
    PermanentError, PlacedOrder, Relationship, TenantId,
};
use crate::domain::commerce::BillingTerm;

/// The audience of Partner Center tokens (the `resource` of the v1 token endpoint).
pub const RESOURCE: &str = "https://api.partnercenter.microsoft.com";
/// A token is renewed this long before Microsoft says it expires.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);

struct CachedToken {
    value: String,
    renew_at: Instant,
}

pub struct PartnerCenter {
    http: reqwest::Client,
    settings: PartnerCenterSettings,
    // An async mutex: while one call fetches a token, the others wait for it instead of
    // fetching their own.
    token: tokio::sync::Mutex<Option<CachedToken>>,
}

/// A response: status and JSON body (`Null` when empty or not JSON).
struct Reply {
    status: StatusCode,
    body: Value,
}

fn transport_error(what: &str, e: reqwest::Error) -> CommerceError {
    let kind = if e.is_timeout() { "timed out" } else { "failed" };
    CommerceError::Retryable(format!("Partner Center {what} {kind}: {e}"))
}

/// Partner Center's error body: `{code, description, data, source}`.
fn describe(reply: &Reply) -> String {
    let code = reply.body.get("code").map(|c| c.to_string()).unwrap_or_default();
    let text = reply.body.get("description").and_then(Value::as_str).unwrap_or("");
    format!("HTTP {} {code} {text}", reply.status.as_u16()).trim().to_string()
}

/// The usual sorting of an unexpected answer: worth a retry (429, 408, 5xx) or not.
fn failure(what: &str, reply: &Reply) -> CommerceError {
    let s = reply.status;
    let why = format!("Partner Center {what}: {}", describe(reply));
    if s == StatusCode::TOO_MANY_REQUESTS || s == StatusCode::REQUEST_TIMEOUT || s == StatusCode::UNAUTHORIZED || s.is_server_error() {
        CommerceError::Retryable(why)
    } else if s == StatusCode::NOT_FOUND {
        CommerceError::Permanent(PermanentError::NotFound(why))
    } else {
        CommerceError::invalid(why)
    }
}

fn billing_cycle(term: BillingTerm) -> &'static str {
    match term {
        BillingTerm::Monthly => "monthly",
        BillingTerm::Yearly => "annual",
    }
}

/// Partner Center spells keys in camelCase in answers and accepts either case in requests;
/// a key is looked up case-insensitively so both spellings of an answer are understood.
fn field<'v>(v: &'v Value, key: &str) -> Option<&'v Value> {
    v.as_object()?.iter().find(|(k, _)| k.eq_ignore_ascii_case(key)).map(|(_, v)| v)
}

fn text<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    field(v, key).and_then(Value::as_str)
}

/// Sets `key` on an object, replacing any spelling of it already there.
fn set(v: &mut Value, key: &str, value: Value) {
    if let Some(obj) = v.as_object_mut() {
        let existing: Vec<String> = obj.keys().filter(|k| k.eq_ignore_ascii_case(key)).cloned().collect();
        for k in existing {
            obj.remove(&k);
        }
        obj.insert(key.to_string(), value);
    }
}

/// Splits a contact's full name into Partner Center's first and last name.
pub fn first_and_last(full: &str) -> (String, String) {
    let full = full.trim();
    match full.rsplit_once(' ') {
        Some((first, last)) => (first.trim().to_string(), last.trim().to_string()),
        None => (full.to_string(), full.to_string()),
    }
}

impl PartnerCenter {
    pub fn new(settings: PartnerCenterSettings) -> anyhow::Result<PartnerCenter> {
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|e| anyhow::anyhow!("cannot build the Partner Center HTTP client: {e}"))?;
        Ok(PartnerCenter { http, settings, token: tokio::sync::Mutex::new(None) })
    }

    /// A live access token: the cached one, or a new one from the token endpoint.
    async fn token(&self) -> CommerceResult<String> {
        let mut cached = self.token.lock().await;
        if let Some(t) = cached.as_ref().filter(|t| Instant::now() < t.renew_at) {
            return Ok(t.value.clone());
        }
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "client_credentials")
            .append_pair("client_id", &self.settings.client_id)
            .append_pair("client_secret", &self.settings.client_secret)
            .append_pair("resource", RESOURCE)
            .finish();
        let res = self
            .http
            .post(&self.settings.token_url)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form)
            .send()
            .await
            .map_err(|e| transport_error("token request", e))?;
        let status = res.status();
        let body: Value = res.json().await.unwrap_or(Value::Null);
        if !status.is_success() {
            let why = format!(
                "Partner Center token request: HTTP {} {}",
                status.as_u16(),
                body.get("error_description").or_else(|| body.get("error")).and_then(Value::as_str).unwrap_or("")
            );
            // Wrong credentials stay wrong; an outage of the token service passes.
            return Err(if status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS {
                CommerceError::Retryable(why)
            } else {
                CommerceError::invalid(why)
            });
        }
        let value = body
            .get("access_token")
            .and_then(Value::as_str)
            .ok_or_else(|| CommerceError::Retryable("Partner Center token response has no access_token".into()))?
            .to_string();
        // The v1 endpoint sends `expires_in` as a string ("3600"), v2 as a number.
        let lifetime = body
            .get("expires_in")
            .and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.parse().ok())))
            .map(Duration::from_secs)
            .unwrap_or(Duration::from_secs(300));
        let renew_at = Instant::now() + lifetime.saturating_sub(TOKEN_MARGIN);
        *cached = Some(CachedToken { value: value.clone(), renew_at });
        Ok(value)
    }

    /// One call to `path` under the base URL. `request_id` is the idempotency key of the
    /// call: stable for a call that must not act twice, random otherwise.
    async fn send(&self, method: Method, path: &str, body: Option<&Value>, request_id: Option<String>) -> CommerceResult<Reply> {
        let token = self.token().await?;
        let url = format!("{}{}", self.settings.base_url, path);
        let mut req = self
            .http
            .request(method.clone(), &url)
            .bearer_auth(&token)
            .header("Accept", "application/json")
            .header("MS-RequestId", request_id.unwrap_or_else(random_guid))
            .header("MS-CorrelationId", random_guid())
            .header("MS-Contract-Version", "v1")
            .header("X-Locale", "en-US");
        if let Some(b) = body {
            req = req.json(b);
        }
        let what = format!("{method} {path}");
        let res = req.send().await.map_err(|e| transport_error(&what, e))?;
        let status = res.status();
        if status == StatusCode::UNAUTHORIZED {
            // The token was revoked or expired early: the next call fetches a new one.
            *self.token.lock().await = None;
        }
        let bytes = res.bytes().await.map_err(|e| transport_error(&what, e))?;
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok(Reply { status, body })
    }

    fn offer_of(&self, plan_id: &str) -> CommerceResult<&str> {
        self.settings.offers.get(plan_id).map(String::as_str).ok_or_else(|| {
            CommerceError::invalid(format!("no Partner Center offer is configured for plan {plan_id} (PARTNER_CENTER_OFFERS)"))
        })
    }

    /// The customer's subscription whose friendly name is our `reference`, if any.
    async fn find_by_reference(&self, tenant: &TenantId, reference: &str) -> CommerceResult<Option<String>> {
        let path = format!("/v1/customers/{}/subscriptions", tenant.0);
        let reply = self.send(Method::GET, &path, None, None).await?;
        if !reply.status.is_success() {
            return Err(failure("list subscriptions", &reply));
        }
        let items = field(&reply.body, "items").and_then(Value::as_array).cloned().unwrap_or_default();
        Ok(items.iter().find(|s| text(s, "friendlyName") == Some(reference)).and_then(|s| text(s, "id")).map(str::to_string))
    }

    /// Reads the subscription, changes it with `change`, and PATCHes it back whole (the
    /// documented way to change quantity, status or auto-renewal). `done` says whether the
    /// subscription already is as wanted, so a repeated call does nothing.
    async fn patch_subscription(
        &self,
        what: &str,
        tenant: &TenantId,
        id: &str,
        done: impl Fn(&Value) -> bool,
        change: impl FnOnce(&mut Value),
    ) -> CommerceResult<()> {
        let path = format!("/v1/customers/{}/subscriptions/{}", tenant.0, id);
        let current = self.send(Method::GET, &path, None, None).await?;
        if !current.status.is_success() {
            return Err(failure(what, &current));
        }
        if done(&current.body) {
            return Ok(());
        }
        let mut body = current.body;
        change(&mut body);
        let reply = self.send(Method::PATCH, &path, Some(&body), None).await?;
        // 202: Partner Center accepted the change and applies it shortly.
        if reply.status.is_success() {
            Ok(())
        } else {
            Err(failure(what, &reply))
        }
    }
}

impl MicrosoftCommerce for PartnerCenter {
    fn name(&self) -> &'static str {
        "partner-center"
    }

    fn check_domain_availability<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<bool>> {
        Box::pin(async move {
            let reply = self.send(Method::HEAD, &format!("/v1/domains/{domain}"), None, None).await?;
            match reply.status {
                // The domain exists: it is not available.
                s if s.is_success() => Ok(false),
                StatusCode::NOT_FOUND => Ok(true),
                _ => Err(failure("domain check", &reply)),
            }
        })
    }

    fn create_customer<'a>(&'a self, c: &'a NewCustomer) -> BoxFuture<'a, CommerceResult<TenantId>> {
        Box::pin(async move {
            let culture = if c.language == "de" { "de-DE" } else { "en-US" };
            let body = json!({
                "companyProfile": {"domain": c.domain},
                "billingProfile": {
                    "email": c.email,
                    "culture": culture,
                    "language": c.language,
                    "companyName": c.company_name,
                    "defaultAddress": {
                        "country": c.country,
                        "region": c.region,
                        "city": c.city,
                        "state": c.region,
                        "addressLine1": c.address_line1,
                        "addressLine2": c.address_line2,
                        "postalCode": c.postal_code,
                        "firstName": c.first_name,
                        "lastName": c.last_name,
                        "phoneNumber": c.phone,
                    }
                }
            });
            let request_id = stable_guid(&format!("create_customer:{}", c.domain));
            let reply = self.send(Method::POST, "/v1/customers", Some(&body), Some(request_id)).await?;
            match reply.status {
                s if s.is_success() => {
                    let id = text(&reply.body, "id")
                        .or_else(|| field(&reply.body, "companyProfile").and_then(|p| text(p, "tenantId")))
                        .ok_or_else(|| CommerceError::Retryable("Partner Center created a customer without an id".into()))?;
                    Ok(TenantId(id.to_string()))
                }
                StatusCode::CONFLICT => Err(CommerceError::Permanent(PermanentError::DomainTaken)),
                _ => Err(failure("create customer", &reply)),
            }
        })
    }

    fn reseller_relationship<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<Relationship>> {
        Box::pin(async move {
            let filter = json!({"Field": "Domain", "Value": domain, "Operator": "starts_with"}).to_string();
            let query: String =
                url::form_urlencoded::Serializer::new(String::new()).append_pair("size", "10").append_pair("filter", &filter).finish();
            let reply = self.send(Method::GET, &format!("/v1/customers?{query}"), None, None).await?;
            if !reply.status.is_success() {
                return Err(failure("customer search", &reply));
            }
            let items = field(&reply.body, "items").and_then(Value::as_array).cloned().unwrap_or_default();
            // The list holds only our own customers, matched by prefix: take the exact domain.
            let found = items
                .iter()
                .find(|c| field(c, "companyProfile").and_then(|p| text(p, "domain")).is_some_and(|d| d.eq_ignore_ascii_case(domain)));
            Ok(match found.and_then(|c| text(c, "id")) {
                Some(id) => Relationship::Reseller(TenantId(id.to_string())),
                None => Relationship::None,
            })
        })
    }

    fn accept_reseller_relationship<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<TenantId>> {
        Box::pin(async move {
            // The customer accepts in the Microsoft 365 admin center; Partner Center offers
            // no call to accept on their behalf, so this waits until it shows the customer.
            match self.reseller_relationship(domain).await? {
                Relationship::Reseller(t) => Ok(t),
                _ => Err(CommerceError::Retryable(format!(
                    "{domain} has not accepted the reseller relationship in the Microsoft 365 admin center yet"
                ))),
            }
        })
    }

    fn create_order<'a>(&'a self, order: &'a OrderRequest) -> BoxFuture<'a, CommerceResult<PlacedOrder>> {
        Box::pin(async move {
            let offer = self.offer_of(&order.plan_id)?.to_string();
            if let Some(id) = self.find_by_reference(&order.tenant, &order.reference).await? {
                return Ok(PlacedOrder { subscription_id: id });
            }
            let term = TermDuration::of(order.term).as_str();
            let body = json!({
                "referenceCustomerId": order.tenant.0,
                "billingCycle": billing_cycle(order.term),
                "lineItems": [{
                    "lineItemNumber": 0,
                    "offerId": offer,
                    "friendlyName": order.reference,
                    "quantity": order.seats,
                    "termDuration": term,
                }]
            });
            let path = format!("/v1/customers/{}/orders", order.tenant.0);
            let request_id = stable_guid(&format!("create_order:{}", order.reference));
            let reply = self.send(Method::POST, &path, Some(&body), Some(request_id)).await?;
            if !reply.status.is_success() {
                return Err(failure("create order", &reply));
            }
            let line = field(&reply.body, "lineItems").and_then(Value::as_array).and_then(|l| l.first()).cloned().unwrap_or(Value::Null);
            if let Some(id) = text(&line, "subscriptionId") {
                return Ok(PlacedOrder { subscription_id: id.to_string() });
            }
            // Accepted but still provisioning: the subscription appears under our reference.
            match self.find_by_reference(&order.tenant, &order.reference).await? {
                Some(id) => Ok(PlacedOrder { subscription_id: id }),
                None => Err(CommerceError::Retryable("Partner Center accepted the order; its subscription is still provisioning".into())),
            }
        })
    }

    fn update_seats<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str, seats: i32) -> BoxFuture<'a, CommerceResult<()>> {
        Box::pin(self.patch_subscription(
            "change seats",
            tenant,
            subscription_id,
            move |s| field(s, "quantity").and_then(Value::as_i64) == Some(seats as i64),
            move |s| set(s, "quantity", json!(seats)),
        ))
    }

    fn cancel_subscription<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str) -> BoxFuture<'a, CommerceResult<()>> {
        Box::pin(self.patch_subscription(
            "cancel subscription",
            tenant,
            subscription_id,
            |s| text(s, "status").is_some_and(|st| st.eq_ignore_ascii_case("deleted")),
            |s| set(s, "status", json!("deleted")),
        ))
    }

    fn set_auto_renew<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str, on: bool) -> BoxFuture<'a, CommerceResult<()>> {
        Box::pin(self.patch_subscription(
            "set auto-renew",
            tenant,
            subscription_id,
            move |s| field(s, "autoRenewEnabled").and_then(Value::as_bool) == Some(on),
            move |s| set(s, "autoRenewEnabled", json!(on)),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_the_last_space() {
        assert_eq!(first_and_last("Ana Maria Lima"), ("Ana Maria".into(), "Lima".into()));
        assert_eq!(first_and_last("Cher"), ("Cher".into(), "Cher".into()));
    }

    #[test]
    fn fields_are_found_in_either_case_and_replaced_whole() {
        let mut v = json!({"Quantity": 2, "status": "active"});
        assert_eq!(field(&v, "quantity"), Some(&json!(2)));
        set(&mut v, "quantity", json!(5));
        assert_eq!(v, json!({"quantity": 5, "status": "active"}));
    }

    #[test]
    fn failures_sort_into_retryable_and_permanent() {
        let reply = |status: u16| Reply { status: StatusCode::from_u16(status).unwrap(), body: json!({"code": 1, "description": "x"}) };
        assert!(failure("x", &reply(429)).is_retryable());
        assert!(failure("x", &reply(503)).is_retryable());
        assert!(failure("x", &reply(500)).is_retryable());
        assert!(!failure("x", &reply(400)).is_retryable());
        assert!(matches!(failure("x", &reply(404)), CommerceError::Permanent(PermanentError::NotFound(_))));
    }
}
