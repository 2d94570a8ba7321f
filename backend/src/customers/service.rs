//! The rules of a client's Microsoft account set-up and of the partnership:
//!
//! - A customer submits one account (409 `account_exists` for a second); a new domain
//!   must be free at Microsoft and here (409 `domain_taken`). With the auto-approve
//!   setting on, the account is approved at once (audited without an actor).
//! - Support approves or rejects a submitted account, each one conditional UPDATE
//!   (`submitted → approved | rejected`); a rejected account is corrected and submitted
//!   again by its owner (`rejected → submitted`).
//! - An approval replaces any earlier partnership link with a new single-use one (its
//!   token stored hashed, valid 30 days), emails it to the owner, and for a new domain
//!   enqueues the creation of the tenant at Microsoft.
//! - The owner accepts the partnership (`approved → active`): every pending subscription
//!   of theirs is linked to the account and ordered at Microsoft (one `place_order` task
//!   each), and those orders are tried at once after the commit.

use chrono::{Duration, NaiveDateTime};
use serde_json::json;

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::tokens::hash_token;
use crate::auth::AuthUser;
use crate::clock::utc;
use crate::customers::form::{self, ValidAccount};
use crate::customers::model::*;
use crate::customers::store;
use crate::db::constraint::is_unique_violation;
use crate::db::DbConnection;
use crate::domain::commerce::{CustomerAccountStatus, PartnershipStatus, ProvisioningTaskKind};
use crate::domain::ids::{random_token, CustomerAccountId, PartnershipInvitationId};
use crate::domain::locale::Locale;
use crate::domain::note::DecisionNote;
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::notifications::{mail, mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::providers::microsoft::partner_center::first_and_last;
use crate::providers::microsoft::{CommerceError, NewCustomer};
use crate::provisioning;
use crate::state::AppState;

fn require_customer(user: &AuthUser) -> AppResult<()> {
    if user.has(Role::Customer) {
        Ok(())
    } else {
        Err(AppError::forbidden("forbidden", "Only a customer account can do this."))
    }
}

fn no_account() -> AppError {
    AppError::not_found("You have not set up a Microsoft account yet.")
}

fn unknown_account() -> AppError {
    AppError::not_found("No such customer account.")
}

fn domain_taken() -> AppError {
    AppError::conflict("domain_taken", "This domain is already taken. Choose another name.")
}

fn cannot(action: &str, status: CustomerAccountStatus) -> AppError {
    AppError::conflict("invalid_status", format!("An account that is {status} cannot be {action}."))
}

fn provider_down(e: CommerceError) -> AppError {
    AppError::unavailable(format!("Microsoft commerce: {e}"))
}

/// Maps the unique keys an account write can break to their 409s.
fn on_account_write<T>(r: Result<T, diesel::result::Error>) -> AppResult<T> {
    match r {
        Ok(v) => Ok(v),
        Err(e) if is_unique_violation(&e, &store::ONE_PER_OWNER) => {
            Err(AppError::conflict("account_exists", "You have already set up a Microsoft account."))
        }
        Err(e) if is_unique_violation(&e, &store::ONE_PER_DOMAIN) => Err(domain_taken()),
        Err(e) => Err(e.into()),
    }
}

/// Whether a new domain is free: at Microsoft (through the provider) and here.
async fn domain_free(state: &AppState, domain: &str) -> AppResult<bool> {
    let d = domain.to_string();
    if state.db.run(move |conn| store::domain_in_use(conn, &d)).await? {
        return Ok(false);
    }
    state.microsoft.check_domain_availability(domain).await.map_err(provider_down)
}

/// A new domain must be free; an existing customer's domain is theirs already.
async fn check_domain(state: &AppState, v: &ValidAccount) -> AppResult<()> {
    if !v.existing_customer && !domain_free(state, &v.domain).await? {
        return Err(domain_taken());
    }
    Ok(())
}

pub async fn domain_availability(state: &AppState, user: &AuthUser, name: &str) -> AppResult<DomainAvailability> {
    require_customer(user)?;
    let domain = form::new_domain("name", name)?;
    let available = domain_free(state, &domain).await?;
    Ok(DomainAvailability { domain, available })
}

fn partnership_url(state: &AppState, token: &str) -> String {
    format!("{}/partnership/{token}", state.settings.public_base_url)
}

fn account_url(state: &AppState) -> String {
    format!("{}/app/account/setup", state.settings.public_base_url)
}

/// Who hears about the account: its owner, in their language (the contact for an
/// account without an owner).
fn recipient_of(conn: &mut DbConnection, row: &AccountRow) -> AppResult<crate::auth::service::Recipient> {
    match &row.owner_user_id {
        Some(owner) => crate::auth::service::recipient(conn, owner),
        None => {
            Ok(crate::auth::service::Recipient { email: row.contact_email.clone(), name: row.contact_name.clone(), locale: Locale::En })
        }
    }
}

/// Approves a submitted account (`actor` None: the auto-approve setting did). The new
/// partnership link replaces earlier ones and is emailed; a new domain's tenant is
/// enqueued for creation.
fn approve_in(state: &AppState, conn: &mut DbConnection, id: &str, actor: Option<&str>, now: NaiveDateTime) -> AppResult<AccountRow> {
    let Some(row) = store::decide(conn, id, CustomerAccountStatus::Approved, actor, None, now)? else {
        let current = store::by_id(conn, id)?.ok_or_else(unknown_account)?;
        return Err(cannot("approved", current.status));
    };
    store::supersede_invitations(conn, id)?;
    let token = format!("php_{}", random_token(40));
    let invitation = InvitationRow {
        id: PartnershipInvitationId::generate().0,
        account_id: row.id.clone(),
        token_hash: hash_token(&token),
        status: PartnershipStatus::Pending,
        expires_at: now + Duration::days(INVITATION_DAYS),
        accepted_at: None,
        accepted_by: None,
        created_at: now,
    };
    store::insert_invitation(conn, &invitation)?;
    AuditEntry::new(actor, AuditAction::CustomerAccountApproved, "customer_account", &row.id)
        .before(json!({"status": CustomerAccountStatus::Submitted}))
        .after(json!({"status": row.status, "auto_approved": actor.is_none(), "invitation_id": invitation.id}))
        .write(conn, now)?;
    let to = recipient_of(conn, &row)?;
    let mail = mails::PartnershipInvitation {
        name: to.name.clone(),
        account_name: row.account_name.clone(),
        expires_at: mail::when(invitation.expires_at),
        url: partnership_url(state, &token),
    };
    outbox::send(conn, &to.email, to.locale, &mail, now)?;
    if !row.existing_customer {
        provisioning::enqueue_in(
            conn,
            ProvisioningTaskKind::CreateCustomer,
            &format!("create_customer:{}", row.id),
            Some(&row.id),
            None,
            json!({}),
            now,
        )?;
    }
    Ok(row)
}

/// After a (re)submission from `before`: audited, and approved at once when support set
/// auto-approve.
fn submitted_in(
    state: &AppState,
    conn: &mut DbConnection,
    owner: &str,
    before: Option<CustomerAccountStatus>,
    row: AccountRow,
    now: NaiveDateTime,
) -> AppResult<CustomerAccount> {
    let mut entry = AuditEntry::new(Some(owner), AuditAction::CustomerAccountSubmitted, "customer_account", &row.id)
        .after(json!({"status": row.status, "domain": row.domain, "existing_customer": row.existing_customer}));
    if let Some(b) = before {
        entry = entry.before(json!({"status": b}));
    }
    entry.write(conn, now)?;
    let row = if store::auto_approve(conn)? { approve_in(state, conn, &row.id, None, now)? } else { row };
    Ok(row.into())
}

fn new_row(id: String, owner: &str, v: ValidAccount, now: NaiveDateTime) -> AccountRow {
    AccountRow {
        id,
        owner_user_id: Some(owner.to_string()),
        created_by_freelancer_id: None,
        status: CustomerAccountStatus::Submitted,
        account_name: v.account_name,
        address_line1: v.line1,
        address_line2: v.line2,
        city: v.city,
        region: v.region,
        postal_code: v.postal_code,
        country: v.country,
        contact_name: v.contact_name,
        contact_email: v.contact_email,
        contact_phone: v.contact_phone,
        existing_customer: v.existing_customer,
        domain: v.domain,
        rejection_reason: None,
        reviewed_by: None,
        reviewed_at: None,
        provider_tenant_id: None,
        partnership_accepted_at: None,
        created_at: now,
        updated_at: now,
    }
}

pub async fn submit(state: &AppState, user: &AuthUser, req: AccountRequest) -> AppResult<CustomerAccount> {
    require_customer(user)?;
    let v = form::parse(&req)?;
    let owner = user.id.clone();
    let o = owner.clone();
    if state.db.run(move |conn| store::by_owner(conn, &o)).await?.is_some() {
        return Err(AppError::conflict("account_exists", "You have already set up a Microsoft account."));
    }
    check_domain(state, &v).await?;
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let row = new_row(CustomerAccountId::generate().0, &owner, v, now);
            on_account_write(store::insert(conn, &row))?;
            submitted_in(&st, conn, &owner, None, row, now)
        })
        .await
}

pub async fn mine(state: &AppState, user: &AuthUser) -> AppResult<CustomerAccount> {
    require_customer(user)?;
    let owner = user.id.clone();
    let row = state.db.run(move |conn| store::by_owner(conn, &owner)).await?.ok_or_else(no_account)?;
    Ok(row.into())
}

/// The owner corrects a rejected account and submits it again.
pub async fn resubmit(state: &AppState, user: &AuthUser, req: AccountRequest) -> AppResult<CustomerAccount> {
    require_customer(user)?;
    let owner = user.id.clone();
    let o = owner.clone();
    let current = state.db.run(move |conn| store::by_owner(conn, &o)).await?.ok_or_else(no_account)?;
    let v = form::parse(&req)?;
    if !CustomerAccountStatus::RESUBMITTABLE.contains(&current.status) {
        return Err(cannot("changed", current.status));
    }
    if v.domain != current.domain {
        check_domain(state, &v).await?;
    }
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let Some(row) = on_account_write(store::resubmit(conn, &owner, &v, now))? else {
                let status = store::by_owner(conn, &owner)?.ok_or_else(no_account)?.status;
                return Err(cannot("changed", status));
            };
            submitted_in(&st, conn, &owner, Some(CustomerAccountStatus::Rejected), row, now)
        })
        .await
}

fn admin_view(row: AccountRow, owner: Option<AccountOwner>) -> AdminCustomerAccount {
    AdminCustomerAccount { account: row.into(), owner }
}

pub async fn queue(state: &AppState, status: Option<CustomerAccountStatus>, page: Page) -> AppResult<Paginated<AdminCustomerAccount>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::list(conn, status, page.after, limit)).await?;
    Ok(finish(rows, limit, |(r, _)| (r.created_at, r.id.clone()), |(r, o)| admin_view(r, o)))
}

pub async fn get(state: &AppState, id: String) -> AppResult<AdminCustomerAccount> {
    let (row, owner) = state.db.run(move |conn| store::with_owner(conn, &id)).await?.ok_or_else(unknown_account)?;
    Ok(admin_view(row, owner))
}

pub async fn approve(state: &AppState, staff: &AuthUser, id: String) -> AppResult<AdminCustomerAccount> {
    let (actor, st) = (staff.id.clone(), state.clone());
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            approve_in(&st, conn, &id, Some(&actor), now)?;
            let (row, owner) = store::with_owner(conn, &id)?.ok_or_else(unknown_account)?;
            Ok(admin_view(row, owner))
        })
        .await
}

pub async fn reject(state: &AppState, staff: &AuthUser, id: String, req: RejectRequest) -> AppResult<AdminCustomerAccount> {
    let (actor, st) = (staff.id.clone(), state.clone());
    state
        .db
        .transaction(move |conn| {
            // Looked up first, so an unknown id answers 404 whatever the body says.
            store::by_id(conn, &id)?.ok_or_else(unknown_account)?;
            let reason = DecisionNote::required(&req.reason).map_err(|mut e| {
                e.errors.iter_mut().for_each(|f| f.field = "reason".into());
                e
            })?;
            let now = st.clock.now_naive();
            let Some(row) = store::decide(conn, &id, CustomerAccountStatus::Rejected, Some(&actor), Some(reason.as_str()), now)? else {
                return Err(cannot("rejected", store::by_id(conn, &id)?.ok_or_else(unknown_account)?.status));
            };
            AuditEntry::new(Some(&actor), AuditAction::CustomerAccountRejected, "customer_account", &row.id)
                .before(json!({"status": CustomerAccountStatus::Submitted}))
                .after(json!({"status": row.status, "reason": reason.as_str()}))
                .write(conn, now)?;
            let to = recipient_of(conn, &row)?;
            let mail = mails::CustomerAccountRejected {
                name: to.name.clone(),
                account_name: row.account_name.clone(),
                reason: reason.as_str().to_string(),
                url: account_url(&st),
            };
            outbox::send(conn, &to.email, to.locale, &mail, now)?;
            let (row, owner) = store::with_owner(conn, &id)?.ok_or_else(unknown_account)?;
            Ok(admin_view(row, owner))
        })
        .await
}

pub async fn settings(state: &AppState) -> AppResult<CommerceSettings> {
    let on = state.db.run(store::auto_approve).await?;
    Ok(CommerceSettings { auto_approve_accounts: on })
}

pub async fn update_settings(state: &AppState, staff: &AuthUser, req: CommerceSettings) -> AppResult<CommerceSettings> {
    let (actor, st) = (staff.id.clone(), state.clone());
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let before = store::auto_approve(conn)?;
            store::set_auto_approve(conn, req.auto_approve_accounts, &actor, now)?;
            AuditEntry::new(Some(&actor), AuditAction::CommerceSettingsUpdated, "commerce_settings", "1")
                .before(json!({"auto_approve_accounts": before}))
                .after(json!({"auto_approve_accounts": req.auto_approve_accounts}))
                .write(conn, now)?;
            Ok(CommerceSettings { auto_approve_accounts: req.auto_approve_accounts })
        })
        .await
}

fn unknown_invitation() -> AppError {
    AppError::not_found("No such partnership invitation.")
}

/// What the partnership link shows (public: the token is the secret).
pub async fn invitation(state: &AppState, token: String) -> AppResult<PartnershipInvitation> {
    let now = state.clock.now_naive();
    let hash = hash_token(&token);
    let (inv, account) = state.db.run(move |conn| store::invitation_by_hash(conn, &hash)).await?.ok_or_else(unknown_invitation)?;
    Ok(PartnershipInvitation {
        account_name: account.account_name,
        status: inv.status,
        expires_at: utc(inv.expires_at),
        expired: inv.status == PartnershipStatus::Pending && inv.expires_at <= now,
    })
}

/// The owner accepts the partnership: the account becomes active and each pending
/// subscription of theirs is ordered at Microsoft (tried at once, after the commit).
/// Returns the account and the subscriptions it linked, as they are after that try.
pub async fn accept(state: &AppState, user: &AuthUser, token: String) -> AppResult<AcceptedPartnership> {
    let (uid, st) = (user.id.clone(), state.clone());
    let hash = hash_token(&token);
    let (account, linked, tasks) = state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let (inv, account) = store::invitation_by_hash(conn, &hash)?.ok_or_else(unknown_invitation)?;
            if account.owner_user_id.as_deref() != Some(uid.as_str()) {
                return Err(AppError::forbidden("not_account_owner", "This invitation belongs to another customer account."));
            }
            if inv.status == PartnershipStatus::Pending && inv.expires_at <= now {
                return Err(AppError::conflict("invitation_expired", "This invitation has expired. Ask support to send a new one."));
            }
            let Some(_) = store::accept_invitation(conn, &inv.id, &uid, now)? else {
                let current = store::invitation_by_hash(conn, &hash)?.ok_or_else(unknown_invitation)?.0.status;
                return Err(AppError::conflict("invalid_status", format!("An invitation that is {current} cannot be accepted.")));
            };
            let Some(account) = store::activate(conn, &account.id, now)? else {
                return Err(cannot("activated", store::by_id(conn, &account.id)?.ok_or_else(unknown_account)?.status));
            };
            let linked = store::link_pending_subscriptions(conn, &uid, &account.id, now)?;
            let mut tasks = Vec::new();
            for sub in &linked {
                if let Some(task) = enqueue_order_in(conn, &account.id, sub, now)? {
                    tasks.push(task);
                }
            }
            AuditEntry::new(Some(&uid), AuditAction::PartnershipAccepted, "customer_account", &account.id)
                .before(json!({"status": CustomerAccountStatus::Approved}))
                .after(json!({"status": account.status, "invitation_id": inv.id, "subscriptions": linked}))
                .write(conn, now)?;
            Ok((account, linked, tasks))
        })
        .await?;
    provisioning::run_now(state, tasks).await;
    let owner = user.id.clone();
    let subscriptions = state
        .db
        .run(move |conn| {
            let rows = store::subscriptions_of(conn, &owner, &linked)?;
            crate::subscriptions::view::views_in(conn, rows)
        })
        .await?;
    // The account as the acceptance left it (provisioning changes only its tenant id).
    Ok(AcceptedPartnership { account: account.into(), subscriptions })
}

fn enqueue_order_in(conn: &mut DbConnection, account_id: &str, subscription_id: &str, now: NaiveDateTime) -> AppResult<Option<String>> {
    provisioning::enqueue_task_in(
        conn,
        ProvisioningTaskKind::PlaceOrder,
        &format!("place_order:{subscription_id}"),
        Some(account_id),
        Some(subscription_id),
        json!({}),
        now,
    )
}

/// Checkout calls this in its transaction for a new (pending) subscription: when the
/// customer's account is active already, the subscription is linked to it and ordered
/// at Microsoft. Returns the `place_order` task to run after the commit
/// (`provisioning::run_now`), or None when the subscription waits for the partnership.
pub fn on_subscription_created_in(
    conn: &mut DbConnection,
    customer_user_id: &str,
    subscription_id: &str,
    now: NaiveDateTime,
) -> AppResult<Option<String>> {
    // Locked, so an acceptance committing meanwhile is seen (and sees this subscription).
    let Some((account_id, status)) = store::status_of_owner_for_update(conn, customer_user_id)? else {
        return Ok(None);
    };
    if status != CustomerAccountStatus::Active || !store::link_subscription(conn, subscription_id, customer_user_id, &account_id, now)? {
        return Ok(None);
    }
    enqueue_order_in(conn, &account_id, subscription_id, now)
}

/// What provisioning needs of an account: its tenant (once known) and the details
/// Microsoft needs to create one.
pub struct ProvisioningAccount {
    pub tenant_id: Option<String>,
    pub existing_customer: bool,
    pub customer: NewCustomer,
}

pub fn for_provisioning_in(conn: &mut DbConnection, account_id: &str) -> AppResult<ProvisioningAccount> {
    let row = store::by_id(conn, account_id)?.ok_or_else(unknown_account)?;
    let language = match &row.owner_user_id {
        Some(owner) => crate::auth::service::recipient(conn, owner)?.locale,
        None => Locale::En,
    };
    let (first_name, last_name) = first_and_last(&row.contact_name);
    Ok(ProvisioningAccount {
        tenant_id: row.provider_tenant_id,
        existing_customer: row.existing_customer,
        customer: NewCustomer {
            domain: row.domain,
            company_name: row.account_name,
            email: row.contact_email,
            phone: row.contact_phone,
            first_name,
            last_name,
            address_line1: row.address_line1,
            address_line2: row.address_line2,
            city: row.city,
            region: row.region,
            postal_code: row.postal_code,
            country: row.country,
            language: language.as_str().to_string(),
        },
    })
}

/// Remembers the account's tenant at Microsoft (the first one recorded wins); returns it.
pub fn record_tenant_in(conn: &mut DbConnection, account_id: &str, tenant_id: &str) -> AppResult<String> {
    store::record_tenant(conn, account_id, tenant_id)
}
