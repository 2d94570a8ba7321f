//! The sandbox (`MICROSOFT_PROVIDER=sandbox`, the default): Microsoft's side kept in our
//! own database (migration 000012), answering like Partner Center does. A domain belongs
//! to one tenant (a few are taken from the start: contoso, fabrikam, northwindtraders
//! and wingtiptoys `.onmicrosoft.com`); a tenant we create has us as its reseller, an
//! existing one only once its owner accepts; a subscription is `active`, `suspended` or
//! `deleted`; an order is placed once per client reference, whatever the retries.
//!
//! Outages can be rehearsed with rows in `ms_sandbox_faults` (see the migration): the
//! next N calls of an operation fail with a retryable error, or do their work and lose
//! the reply, the way a timeout after Microsoft created an order does.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use futures_util::future::BoxFuture;

use super::{
    random_guid, CommerceError, CommerceResult, MicrosoftCommerce, NewCustomer, OrderRequest, PermanentError, PlacedOrder, Relationship,
    TenantId,
};
use crate::clock::Clock;
use crate::db::constraint::{is_unique_violation, UniqueKey};
use crate::db::schema::{ms_sandbox_faults, ms_sandbox_subscriptions, ms_sandbox_tenants};
use crate::db::{Db, DbConnection};
use crate::domain::commerce::BillingTerm;
use crate::error::AppError;

crate::text_enum! {
    /// Whether a tenant has accepted us as its reseller.
    pub enum SandboxRelationship {
        None = "none",
        Reseller = "reseller",
    }
}

crate::text_enum! {
    /// Partner Center's subscription states that the sandbox models.
    pub enum SandboxSubscriptionStatus {
        Active = "active",
        Suspended = "suspended",
        /// Cancelled.
        Deleted = "deleted",
    }
}

crate::text_enum! {
    /// ISO 8601 term durations, as Partner Center spells them.
    pub enum TermDuration {
        OneMonth = "P1M",
        OneYear = "P1Y",
    }
}

impl TermDuration {
    pub fn of(term: BillingTerm) -> TermDuration {
        match term {
            BillingTerm::Monthly => TermDuration::OneMonth,
            BillingTerm::Yearly => TermDuration::OneYear,
        }
    }
}

crate::text_enum! {
    /// The calls an outage can be rehearsed on.
    pub enum SandboxOperation {
        CheckDomainAvailability = "check_domain_availability",
        CreateCustomer = "create_customer",
        ResellerRelationship = "reseller_relationship",
        AcceptResellerRelationship = "accept_reseller_relationship",
        CreateOrder = "create_order",
        UpdateSeats = "update_seats",
        CancelSubscription = "cancel_subscription",
        SetAutoRenew = "set_auto_renew",
    }
}

crate::text_enum! {
    /// How a rehearsed outage shows.
    pub enum FaultMode {
        /// The call fails before doing anything.
        Fail = "fail",
        /// The call does its work, then the reply is lost.
        LoseReply = "lose_reply",
    }
}

const TENANT_DOMAIN: UniqueKey = UniqueKey { index: "ms_sandbox_tenants_domain_key", columns: "ms_sandbox_tenants.domain" };
const CLIENT_REFERENCE: UniqueKey =
    UniqueKey { index: "ms_sandbox_subscriptions_client_reference_key", columns: "ms_sandbox_subscriptions.client_reference" };

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ms_sandbox_tenants)]
struct TenantRow {
    id: String,
    relationship: SandboxRelationship,
}

/// One subscription at the sandbox's "Microsoft", as tests and support may inspect it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ms_sandbox_subscriptions)]
pub struct SandboxSubscription {
    pub id: String,
    pub tenant_id: String,
    pub client_reference: String,
    pub offer_id: String,
    pub term_duration: TermDuration,
    pub quantity: i32,
    pub status: SandboxSubscriptionStatus,
    pub auto_renew: bool,
}

pub struct SandboxCommerce {
    db: Db,
    clock: Clock,
}

/// What a sandbox call does inside the database: its answer, or a database failure
/// (which the caller sees as a retryable outage, as it would a 5xx).
type Step<T> = Result<CommerceResult<T>, AppError>;

impl SandboxCommerce {
    pub fn new(db: Db, clock: Clock) -> SandboxCommerce {
        SandboxCommerce { db, clock }
    }

    /// Runs `work` as `op`, honouring a rehearsed outage of `op`.
    async fn call<T, F>(&self, op: SandboxOperation, work: F) -> CommerceResult<T>
    where
        F: FnOnce(&mut DbConnection, NaiveDateTime) -> Step<T> + Send + 'static,
        T: Send + 'static,
    {
        let now = self.clock.now_naive();
        let outcome = self
            .db
            .transaction(move |conn| {
                let fault = take_fault(conn, op)?;
                if fault == Some(FaultMode::Fail) {
                    return Ok((fault, Err(CommerceError::Retryable(format!("sandbox: {op} is unavailable (rehearsed outage)")))));
                }
                Ok((fault, work(conn, now)?))
            })
            .await
            .map_err(|e| CommerceError::Retryable(format!("sandbox: {e}")))?;
        match outcome {
            (Some(FaultMode::LoseReply), _) => Err(CommerceError::Retryable(format!("sandbox: {op} timed out (rehearsed lost reply)"))),
            (_, result) => result,
        }
    }

    /// Every subscription the sandbox holds for `reference` (0 or 1), for tests and support.
    pub async fn subscriptions_for(&self, reference: &str) -> Result<Vec<SandboxSubscription>, AppError> {
        let reference = reference.to_string();
        self.db
            .run(move |conn| {
                Ok(ms_sandbox_subscriptions::table
                    .filter(ms_sandbox_subscriptions::client_reference.eq(reference))
                    .select(SandboxSubscription::as_select())
                    .load(conn)?)
            })
            .await
    }

    /// Makes the next `times` calls of `op` fail as `mode` (an operator's or a test's rehearsal).
    pub async fn rehearse_outage(&self, op: SandboxOperation, mode: FaultMode, times: i32) -> Result<(), AppError> {
        self.db
            .transaction(move |conn| {
                diesel::delete(ms_sandbox_faults::table.filter(ms_sandbox_faults::operation.eq(op))).execute(conn)?;
                diesel::insert_into(ms_sandbox_faults::table)
                    .values((ms_sandbox_faults::operation.eq(op), ms_sandbox_faults::mode.eq(mode), ms_sandbox_faults::remaining.eq(times)))
                    .execute(conn)?;
                Ok(())
            })
            .await
    }
}

/// Uses up one rehearsed failure of `op`, if any is left.
fn take_fault(conn: &mut DbConnection, op: SandboxOperation) -> Result<Option<FaultMode>, AppError> {
    Ok(diesel::update(ms_sandbox_faults::table.filter(ms_sandbox_faults::operation.eq(op)).filter(ms_sandbox_faults::remaining.gt(0)))
        .set(ms_sandbox_faults::remaining.eq(ms_sandbox_faults::remaining - 1))
        .returning(ms_sandbox_faults::mode)
        .get_result::<FaultMode>(conn)
        .optional()?)
}

fn tenant_by_domain(conn: &mut DbConnection, domain: &str) -> Result<Option<TenantRow>, AppError> {
    Ok(ms_sandbox_tenants::table
        .filter(ms_sandbox_tenants::domain.eq(domain.to_lowercase()))
        .select(TenantRow::as_select())
        .first(conn)
        .optional()?)
}

fn subscription_by_reference(conn: &mut DbConnection, reference: &str) -> Result<Option<String>, AppError> {
    Ok(ms_sandbox_subscriptions::table
        .filter(ms_sandbox_subscriptions::client_reference.eq(reference))
        .select(ms_sandbox_subscriptions::id)
        .first(conn)
        .optional()?)
}

fn not_found(what: &str) -> CommerceError {
    CommerceError::Permanent(PermanentError::NotFound(what.to_string()))
}

/// The status of subscription `id` of `tenant`, when it exists.
fn subscription_status(conn: &mut DbConnection, tenant: &TenantId, id: &str) -> Result<Option<SandboxSubscriptionStatus>, AppError> {
    Ok(ms_sandbox_subscriptions::table
        .filter(ms_sandbox_subscriptions::id.eq(id))
        .filter(ms_sandbox_subscriptions::tenant_id.eq(&tenant.0))
        .select(ms_sandbox_subscriptions::status)
        .first(conn)
        .optional()?)
}

fn insert_tenant(conn: &mut DbConnection, domain: &str, company: &str, now: NaiveDateTime) -> Result<Result<String, ()>, AppError> {
    let id = random_guid();
    // A savepoint: on PostgreSQL a failed statement would otherwise abort the whole
    // transaction, and the caller still has work to do after a duplicate.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(ms_sandbox_tenants::table)
            .values((
                ms_sandbox_tenants::id.eq(&id),
                ms_sandbox_tenants::domain.eq(domain.to_lowercase()),
                ms_sandbox_tenants::company_name.eq(company),
                ms_sandbox_tenants::relationship.eq(SandboxRelationship::Reseller),
                ms_sandbox_tenants::created_at.eq(now),
                ms_sandbox_tenants::updated_at.eq(now),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(Ok(id)),
        Err(e) if is_unique_violation(&e, &TENANT_DOMAIN) => Ok(Err(())),
        Err(e) => Err(e.into()),
    }
}

impl MicrosoftCommerce for SandboxCommerce {
    fn name(&self) -> &'static str {
        "sandbox"
    }

    fn check_domain_availability<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<bool>> {
        let domain = domain.to_string();
        Box::pin(self.call(SandboxOperation::CheckDomainAvailability, move |conn, _| Ok(Ok(tenant_by_domain(conn, &domain)?.is_none()))))
    }

    fn create_customer<'a>(&'a self, customer: &'a NewCustomer) -> BoxFuture<'a, CommerceResult<TenantId>> {
        let customer = customer.clone();
        Box::pin(self.call(SandboxOperation::CreateCustomer, move |conn, now| {
            if !customer.domain.to_lowercase().ends_with(".onmicrosoft.com") {
                return Ok(Err(CommerceError::invalid("a new tenant's domain must end in .onmicrosoft.com")));
            }
            if customer.company_name.trim().is_empty() || customer.email.trim().is_empty() {
                return Ok(Err(CommerceError::invalid("the company name and email are required")));
            }
            Ok(match insert_tenant(conn, &customer.domain, &customer.company_name, now)? {
                Ok(id) => Ok(TenantId(id)),
                Err(()) => Err(CommerceError::Permanent(PermanentError::DomainTaken)),
            })
        }))
    }

    fn reseller_relationship<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<Relationship>> {
        let domain = domain.to_string();
        Box::pin(self.call(SandboxOperation::ResellerRelationship, move |conn, _| {
            Ok(Ok(match tenant_by_domain(conn, &domain)? {
                None => Relationship::None,
                Some(t) if t.relationship == SandboxRelationship::Reseller => Relationship::Reseller(TenantId(t.id)),
                Some(_) => Relationship::Pending,
            }))
        }))
    }

    fn accept_reseller_relationship<'a>(&'a self, domain: &'a str) -> BoxFuture<'a, CommerceResult<TenantId>> {
        let domain = domain.to_lowercase();
        Box::pin(self.call(SandboxOperation::AcceptResellerRelationship, move |conn, now| {
            // An existing customer's tenant lives at Microsoft whether or not the sandbox
            // has seen it; the first acceptance brings it into view.
            if let Some(t) = tenant_by_domain(conn, &domain)? {
                diesel::update(ms_sandbox_tenants::table.filter(ms_sandbox_tenants::id.eq(&t.id)))
                    .set((ms_sandbox_tenants::relationship.eq(SandboxRelationship::Reseller), ms_sandbox_tenants::updated_at.eq(now)))
                    .execute(conn)?;
                return Ok(Ok(TenantId(t.id)));
            }
            match insert_tenant(conn, &domain, &domain, now)? {
                Ok(id) => Ok(Ok(TenantId(id))),
                // Created by a concurrent acceptance, which made us its reseller too.
                Err(()) => Ok(tenant_by_domain(conn, &domain)?.map(|t| TenantId(t.id)).ok_or_else(|| not_found("tenant"))),
            }
        }))
    }

    fn create_order<'a>(&'a self, order: &'a OrderRequest) -> BoxFuture<'a, CommerceResult<PlacedOrder>> {
        let order = order.clone();
        Box::pin(self.call(SandboxOperation::CreateOrder, move |conn, now| {
            if !(1..=300).contains(&order.seats) {
                return Ok(Err(CommerceError::invalid("the quantity must be between 1 and 300")));
            }
            let relationship: Option<SandboxRelationship> =
                ms_sandbox_tenants::table.find(&order.tenant.0).select(ms_sandbox_tenants::relationship).first(conn).optional()?;
            match relationship {
                None => return Ok(Err(not_found("customer"))),
                Some(SandboxRelationship::None) => {
                    return Ok(Err(CommerceError::invalid("the customer has not accepted the reseller relationship")))
                }
                Some(SandboxRelationship::Reseller) => {}
            }
            // Placed once per reference: a retry finds the first order's subscription.
            if let Some(id) = subscription_by_reference(conn, &order.reference)? {
                return Ok(Ok(PlacedOrder { subscription_id: id }));
            }
            let id = random_guid();
            let inserted = conn.transaction(|conn| {
                diesel::insert_into(ms_sandbox_subscriptions::table)
                    .values((
                        ms_sandbox_subscriptions::id.eq(&id),
                        ms_sandbox_subscriptions::tenant_id.eq(&order.tenant.0),
                        ms_sandbox_subscriptions::client_reference.eq(&order.reference),
                        ms_sandbox_subscriptions::offer_id.eq(format!("sandbox:{}", order.plan_id)),
                        ms_sandbox_subscriptions::term_duration.eq(TermDuration::of(order.term)),
                        ms_sandbox_subscriptions::quantity.eq(order.seats),
                        ms_sandbox_subscriptions::status.eq(SandboxSubscriptionStatus::Active),
                        ms_sandbox_subscriptions::auto_renew.eq(true),
                        ms_sandbox_subscriptions::created_at.eq(now),
                        ms_sandbox_subscriptions::updated_at.eq(now),
                    ))
                    .execute(conn)
            });
            match inserted {
                Ok(_) => Ok(Ok(PlacedOrder { subscription_id: id })),
                Err(e) if is_unique_violation(&e, &CLIENT_REFERENCE) => Ok(subscription_by_reference(conn, &order.reference)?
                    .map(|id| PlacedOrder { subscription_id: id })
                    .ok_or_else(|| not_found("subscription"))),
                Err(e) => Err(e.into()),
            }
        }))
    }

    fn update_seats<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str, seats: i32) -> BoxFuture<'a, CommerceResult<()>> {
        let (tenant, id) = (tenant.clone(), subscription_id.to_string());
        Box::pin(self.call(SandboxOperation::UpdateSeats, move |conn, now| {
            if !(1..=300).contains(&seats) {
                return Ok(Err(CommerceError::invalid("the quantity must be between 1 and 300")));
            }
            Ok(match subscription_status(conn, &tenant, &id)? {
                None => Err(not_found("subscription")),
                Some(SandboxSubscriptionStatus::Deleted) => Err(CommerceError::invalid("the subscription is cancelled")),
                Some(_) => {
                    diesel::update(ms_sandbox_subscriptions::table.filter(ms_sandbox_subscriptions::id.eq(&id)))
                        .set((ms_sandbox_subscriptions::quantity.eq(seats), ms_sandbox_subscriptions::updated_at.eq(now)))
                        .execute(conn)?;
                    Ok(())
                }
            })
        }))
    }

    fn cancel_subscription<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str) -> BoxFuture<'a, CommerceResult<()>> {
        let (tenant, id) = (tenant.clone(), subscription_id.to_string());
        Box::pin(self.call(SandboxOperation::CancelSubscription, move |conn, now| {
            Ok(match subscription_status(conn, &tenant, &id)? {
                None => Err(not_found("subscription")),
                // Cancelling twice is the same as cancelling once.
                Some(_) => {
                    diesel::update(ms_sandbox_subscriptions::table.filter(ms_sandbox_subscriptions::id.eq(&id)))
                        .set((
                            ms_sandbox_subscriptions::status.eq(SandboxSubscriptionStatus::Deleted),
                            ms_sandbox_subscriptions::auto_renew.eq(false),
                            ms_sandbox_subscriptions::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                    Ok(())
                }
            })
        }))
    }

    fn set_auto_renew<'a>(&'a self, tenant: &'a TenantId, subscription_id: &'a str, on: bool) -> BoxFuture<'a, CommerceResult<()>> {
        let (tenant, id) = (tenant.clone(), subscription_id.to_string());
        Box::pin(self.call(SandboxOperation::SetAutoRenew, move |conn, now| {
            Ok(match subscription_status(conn, &tenant, &id)? {
                None => Err(not_found("subscription")),
                Some(SandboxSubscriptionStatus::Deleted) if on => Err(CommerceError::invalid("the subscription is cancelled")),
                Some(SandboxSubscriptionStatus::Deleted) => Ok(()),
                Some(_) => {
                    diesel::update(ms_sandbox_subscriptions::table.filter(ms_sandbox_subscriptions::id.eq(&id)))
                        .set((ms_sandbox_subscriptions::auto_renew.eq(on), ms_sandbox_subscriptions::updated_at.eq(now)))
                        .execute(conn)?;
                    Ok(())
                }
            })
        }))
    }
}
