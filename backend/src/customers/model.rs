//! Rows and DTOs of customer accounts (the client's Microsoft account set-up), the
//! partnership invitations that follow an approval, and the commerce settings.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::clock::utc;
use crate::db::schema::{customer_accounts, partnership_invitations};
use crate::domain::commerce::{CustomerAccountStatus, PartnershipStatus};

/// How long a partnership link works.
pub const INVITATION_DAYS: i64 = 30;

impl CustomerAccountStatus {
    /// Support decides only on a submitted account.
    pub const REVIEWABLE: &'static [CustomerAccountStatus] = &[CustomerAccountStatus::Submitted];
    /// The client corrects and resubmits only a rejected account.
    pub const RESUBMITTABLE: &'static [CustomerAccountStatus] = &[CustomerAccountStatus::Rejected];
    /// Accepting the partnership activates an approved account.
    pub const ACTIVATABLE: &'static [CustomerAccountStatus] = &[CustomerAccountStatus::Approved];
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = customer_accounts)]
pub struct AccountRow {
    pub id: String,
    pub owner_user_id: Option<String>,
    pub created_by_freelancer_id: Option<String>,
    pub status: CustomerAccountStatus,
    pub account_name: String,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: String,
    pub country: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub existing_customer: bool,
    pub domain: String,
    pub rejection_reason: Option<String>,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub provider_tenant_id: Option<String>,
    pub partnership_accepted_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = partnership_invitations)]
pub struct InvitationRow {
    pub id: String,
    pub account_id: String,
    pub token_hash: String,
    pub status: PartnershipStatus,
    pub expires_at: NaiveDateTime,
    pub accepted_at: Option<NaiveDateTime>,
    pub accepted_by: Option<String>,
    pub created_at: NaiveDateTime,
}

/// A postal address.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"line1": "Torstraße 1", "line2": null, "city": "Berlin", "region": null, "postal_code": "10119", "country": "DE"}))]
pub struct Address {
    /// 1 to 200 characters.
    #[schema(min_length = 1, max_length = 200)]
    pub line1: String,
    /// Up to 200 characters.
    #[schema(max_length = 200)]
    #[serde(default)]
    pub line2: Option<String>,
    /// 1 to 100 characters.
    #[schema(min_length = 1, max_length = 100)]
    pub city: String,
    /// State, province or region, up to 100 characters.
    #[schema(max_length = 100)]
    #[serde(default)]
    pub region: Option<String>,
    /// 2 to 12 letters, digits, spaces or hyphens.
    #[schema(min_length = 2, max_length = 12)]
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 (`DE`, `US`).
    #[schema(min_length = 2, max_length = 2, example = "DE")]
    pub country: String,
}

/// The person Microsoft and we talk to about the account.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({"name": "Ana Lima", "email": "ana@lima-consulting.example", "phone": "+49 30 1234567"}))]
pub struct Contact {
    /// 2 to 200 characters.
    #[schema(min_length = 2, max_length = 200)]
    pub name: String,
    #[schema(max_length = 254)]
    pub email: String,
    /// 6 to 15 digits; spaces, `+`, `-`, `(`, `)` and `.` may separate them.
    #[schema(min_length = 6, max_length = 30)]
    pub phone: String,
}

/// A Microsoft account set-up as the client submits it (and resubmits it after a rejection).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[schema(example = json!({
    "account_name": "Lima Consulting GmbH",
    "address": {"line1": "Torstraße 1", "line2": null, "city": "Berlin", "region": null, "postal_code": "10119", "country": "DE"},
    "primary_contact": {"name": "Ana Lima", "email": "ana@lima-consulting.example", "phone": "+49 30 1234567"},
    "existing_customer": false,
    "domain": "limaconsulting"
}))]
pub struct AccountRequest {
    /// The organisation's name, 2 to 200 characters.
    #[schema(min_length = 2, max_length = 200)]
    pub account_name: String,
    pub address: Address,
    pub primary_contact: Contact,
    /// True for an organisation that already has a Microsoft account (tenant).
    pub existing_customer: bool,
    /// New customers: the `name` of `name.onmicrosoft.com` (3 to 27 lowercase letters and
    /// digits), or the whole domain. Existing customers: their own domain (`example.com`).
    #[schema(min_length = 3, max_length = 253, example = "limaconsulting")]
    pub domain: String,
}

/// A client's Microsoft account set-up.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerAccount {
    #[schema(example = "acct_8fK2mQ0pLw3xZb7TnR1c")]
    pub id: String,
    pub status: CustomerAccountStatus,
    pub account_name: String,
    pub address: Address,
    pub primary_contact: Contact,
    pub existing_customer: bool,
    /// `name.onmicrosoft.com` for a new customer; the existing domain otherwise.
    #[schema(example = "limaconsulting.onmicrosoft.com")]
    pub domain: String,
    /// Why support rejected it (shown until the client resubmits).
    pub rejection_reason: Option<String>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub partnership_accepted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<AccountRow> for CustomerAccount {
    fn from(r: AccountRow) -> Self {
        CustomerAccount {
            id: r.id,
            status: r.status,
            account_name: r.account_name,
            address: Address {
                line1: r.address_line1,
                line2: r.address_line2,
                city: r.city,
                region: r.region,
                postal_code: r.postal_code,
                country: r.country,
            },
            primary_contact: Contact { name: r.contact_name, email: r.contact_email, phone: r.contact_phone },
            existing_customer: r.existing_customer,
            domain: r.domain,
            rejection_reason: r.rejection_reason,
            reviewed_at: r.reviewed_at.map(utc),
            partnership_accepted_at: r.partnership_accepted_at.map(utc),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

/// The account's owner, as on their user account.
#[derive(Debug, Clone, Queryable, Serialize, ToSchema)]
pub struct AccountOwner {
    #[schema(example = "usr_8fK2mQ0pLw3xZb7TnR1c")]
    pub id: String,
    pub email: String,
    pub full_name: String,
}

/// A customer account in support's queue: the account and its owner.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AdminCustomerAccount {
    #[serde(flatten)]
    pub account: CustomerAccount,
    pub owner: Option<AccountOwner>,
}

/// `GET /customer/domain-availability?name=`.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DomainQuery {
    /// The `name` of `name.onmicrosoft.com`, or the whole domain.
    #[param(example = "limaconsulting")]
    pub name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DomainAvailability {
    #[schema(example = "limaconsulting.onmicrosoft.com")]
    pub domain: String,
    pub available: bool,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueFilter {
    #[param(inline)]
    pub status: Option<CustomerAccountStatus>,
}

/// Rejecting an account: the reason the client reads and fixes.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(example = json!({"reason": "The postal code does not match the city. Please check the address."}))]
pub struct RejectRequest {
    /// At least 10 characters; emailed to the client.
    #[serde(default)]
    #[schema(required = true, min_length = 10, max_length = 2000)]
    pub reason: String,
}

/// Settings support changes at run time.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct CommerceSettings {
    /// Approve every submitted customer account at once, without review.
    pub auto_approve_accounts: bool,
}

/// What the partnership link shows before it is accepted.
#[derive(Debug, Serialize, ToSchema)]
pub struct PartnershipInvitation {
    pub account_name: String,
    /// `pending` until accepted; `superseded` when a newer link replaced it.
    pub status: PartnershipStatus,
    pub expires_at: DateTime<Utc>,
    /// True once `expires_at` has passed (a pending link then no longer works).
    pub expired: bool,
}

/// The answer to accepting the partnership.
#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedPartnership {
    pub account: CustomerAccount,
    /// The subscriptions the acceptance linked and ordered.
    pub subscriptions: Vec<crate::subscriptions::view::Subscription>,
}
