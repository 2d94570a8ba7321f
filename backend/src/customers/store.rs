//! Diesel queries for customer accounts, partnership invitations and the commerce
//! settings. A customer reaches an account only through `owner_user_id` in the WHERE
//! clause; every transition is one conditional UPDATE … RETURNING.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::customers::form::ValidAccount;
use crate::customers::model::{AccountOwner, AccountRow, InvitationRow};
use crate::db::constraint::UniqueKey;
use crate::db::schema::{commerce_settings, customer_accounts, partnership_invitations, subscriptions, users};
use crate::db::DbConnection;
use crate::domain::commerce::{CustomerAccountStatus, PartnershipStatus, SubscriptionStatus};
use crate::error::AppResult;
use crate::subscriptions::model::SubscriptionRow;

/// One account per customer.
pub const ONE_PER_OWNER: UniqueKey = UniqueKey { index: "customer_accounts_owner_user_id_key", columns: "customer_accounts.owner_user_id" };
/// One account per domain.
pub const ONE_PER_DOMAIN: UniqueKey = UniqueKey { index: "customer_accounts_domain", columns: "customer_accounts.domain" };

type OwnerColumns = (users::id, users::email, users::full_name);
const OWNER: OwnerColumns = (users::id, users::email, users::full_name);

pub fn insert(conn: &mut DbConnection, row: &AccountRow) -> Result<usize, diesel::result::Error> {
    // A savepoint, so that a unique violation leaves the transaction usable on PostgreSQL.
    conn.transaction(|conn| diesel::insert_into(customer_accounts::table).values(row).execute(conn))
}

pub fn by_owner(conn: &mut DbConnection, owner: &str) -> AppResult<Option<AccountRow>> {
    Ok(customer_accounts::table
        .filter(customer_accounts::owner_user_id.eq(owner))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_id(conn: &mut DbConnection, id: &str) -> AppResult<Option<AccountRow>> {
    Ok(customer_accounts::table.find(id).select(AccountRow::as_select()).first(conn).optional()?)
}

/// Whether any account here claims `domain`.
pub fn domain_in_use(conn: &mut DbConnection, domain: &str) -> AppResult<bool> {
    Ok(diesel::select(diesel::dsl::exists(customer_accounts::table.filter(customer_accounts::domain.eq(domain)))).get_result(conn)?)
}

/// The account with its owner.
pub fn with_owner(conn: &mut DbConnection, id: &str) -> AppResult<Option<(AccountRow, Option<AccountOwner>)>> {
    Ok(customer_accounts::table
        .left_join(users::table.on(users::id.nullable().eq(customer_accounts::owner_user_id)))
        .filter(customer_accounts::id.eq(id))
        .select((AccountRow::as_select(), OWNER.nullable()))
        .first(conn)
        .optional()?)
}

/// One page (plus one row) of the queue, newest first.
pub fn list(
    conn: &mut DbConnection,
    status: Option<CustomerAccountStatus>,
    after: Option<(NaiveDateTime, String)>,
    limit: i64,
) -> AppResult<Vec<(AccountRow, Option<AccountOwner>)>> {
    let mut q = customer_accounts::table
        .left_join(users::table.on(users::id.nullable().eq(customer_accounts::owner_user_id)))
        .select((AccountRow::as_select(), OWNER.nullable()))
        .into_boxed();
    if let Some(s) = status {
        q = q.filter(customer_accounts::status.eq(s));
    }
    Ok(crate::newest_first!(q, customer_accounts::created_at, customer_accounts::id, after, limit).load(conn)?)
}

/// Replaces a rejected account's details and submits it again (only the owner's, only
/// when rejected).
pub fn resubmit(
    conn: &mut DbConnection,
    owner: &str,
    v: &ValidAccount,
    now: NaiveDateTime,
) -> Result<Option<AccountRow>, diesel::result::Error> {
    conn.transaction(|conn| {
        diesel::update(
            customer_accounts::table
                .filter(customer_accounts::owner_user_id.eq(owner))
                .filter(customer_accounts::status.eq_any(CustomerAccountStatus::RESUBMITTABLE)),
        )
        .set((
            customer_accounts::status.eq(CustomerAccountStatus::Submitted),
            customer_accounts::account_name.eq(&v.account_name),
            customer_accounts::address_line1.eq(&v.line1),
            customer_accounts::address_line2.eq(&v.line2),
            customer_accounts::city.eq(&v.city),
            customer_accounts::region.eq(&v.region),
            customer_accounts::postal_code.eq(&v.postal_code),
            customer_accounts::country.eq(&v.country),
            customer_accounts::contact_name.eq(&v.contact_name),
            customer_accounts::contact_email.eq(&v.contact_email),
            customer_accounts::contact_phone.eq(&v.contact_phone),
            customer_accounts::existing_customer.eq(v.existing_customer),
            customer_accounts::domain.eq(&v.domain),
            customer_accounts::rejection_reason.eq(None::<String>),
            customer_accounts::reviewed_by.eq(None::<String>),
            customer_accounts::reviewed_at.eq(None::<NaiveDateTime>),
            customer_accounts::updated_at.eq(now),
        ))
        .returning(customer_accounts::all_columns)
        .get_result::<AccountRow>(conn)
        .optional()
    })
}

/// Support's decision on a submitted account: approved, or rejected with `reason`.
pub fn decide(
    conn: &mut DbConnection,
    id: &str,
    to: CustomerAccountStatus,
    reviewer: Option<&str>,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Option<AccountRow>> {
    Ok(diesel::update(
        customer_accounts::table
            .filter(customer_accounts::id.eq(id))
            .filter(customer_accounts::status.eq_any(CustomerAccountStatus::REVIEWABLE)),
    )
    .set((
        customer_accounts::status.eq(to),
        customer_accounts::rejection_reason.eq(reason),
        customer_accounts::reviewed_by.eq(reviewer),
        customer_accounts::reviewed_at.eq(now),
        customer_accounts::updated_at.eq(now),
    ))
    .returning(customer_accounts::all_columns)
    .get_result::<AccountRow>(conn)
    .optional()?)
}

/// `approved → active` when the partnership is accepted.
pub fn activate(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> AppResult<Option<AccountRow>> {
    Ok(diesel::update(
        customer_accounts::table
            .filter(customer_accounts::id.eq(id))
            .filter(customer_accounts::status.eq_any(CustomerAccountStatus::ACTIVATABLE)),
    )
    .set((
        customer_accounts::status.eq(CustomerAccountStatus::Active),
        customer_accounts::partnership_accepted_at.eq(now),
        customer_accounts::updated_at.eq(now),
    ))
    .returning(customer_accounts::all_columns)
    .get_result::<AccountRow>(conn)
    .optional()?)
}

/// Remembers the account's Microsoft tenant unless one is recorded; returns the recorded one.
pub fn record_tenant(conn: &mut DbConnection, id: &str, tenant: &str) -> AppResult<String> {
    diesel::update(customer_accounts::table.filter(customer_accounts::id.eq(id)).filter(customer_accounts::provider_tenant_id.is_null()))
        .set(customer_accounts::provider_tenant_id.eq(tenant))
        .execute(conn)?;
    let stored: Option<String> = customer_accounts::table.find(id).select(customer_accounts::provider_tenant_id).first(conn)?;
    Ok(stored.unwrap_or_else(|| tenant.to_string()))
}

/// The customer's account status, locked until the transaction ends on PostgreSQL, so a
/// concurrent acceptance of the partnership is seen before deciding.
pub fn status_of_owner_for_update(conn: &mut DbConnection, owner: &str) -> AppResult<Option<(String, CustomerAccountStatus)>> {
    let q = customer_accounts::table
        .filter(customer_accounts::owner_user_id.eq(owner))
        .select((customer_accounts::id, customer_accounts::status));
    Ok(match conn {
        DbConnection::Postgresql(pg) => q.for_update().first(pg).optional()?,
        DbConnection::Sqlite(lite) => q.first(lite).optional()?,
    })
}

pub fn auto_approve(conn: &mut DbConnection) -> AppResult<bool> {
    Ok(commerce_settings::table.find(1).select(commerce_settings::auto_approve_accounts).first(conn)?)
}

pub fn set_auto_approve(conn: &mut DbConnection, on: bool, by: &str, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(commerce_settings::table.find(1))
        .set((commerce_settings::auto_approve_accounts.eq(on), commerce_settings::updated_by.eq(by), commerce_settings::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

/// Ends every pending invitation of the account (a new one replaces them).
pub fn supersede_invitations(conn: &mut DbConnection, account_id: &str) -> AppResult<usize> {
    Ok(diesel::update(
        partnership_invitations::table
            .filter(partnership_invitations::account_id.eq(account_id))
            .filter(partnership_invitations::status.eq(PartnershipStatus::Pending)),
    )
    .set(partnership_invitations::status.eq(PartnershipStatus::Superseded))
    .execute(conn)?)
}

pub fn insert_invitation(conn: &mut DbConnection, row: &InvitationRow) -> AppResult<()> {
    diesel::insert_into(partnership_invitations::table).values(row).execute(conn)?;
    Ok(())
}

/// The invitation with this token hash, with its account.
pub fn invitation_by_hash(conn: &mut DbConnection, hash: &str) -> AppResult<Option<(InvitationRow, AccountRow)>> {
    Ok(partnership_invitations::table
        .inner_join(customer_accounts::table)
        .filter(partnership_invitations::token_hash.eq(hash))
        .select((InvitationRow::as_select(), AccountRow::as_select()))
        .first(conn)
        .optional()?)
}

/// `pending → accepted` while the link is valid; single use.
pub fn accept_invitation(conn: &mut DbConnection, id: &str, by: &str, now: NaiveDateTime) -> AppResult<Option<InvitationRow>> {
    Ok(diesel::update(
        partnership_invitations::table
            .filter(partnership_invitations::id.eq(id))
            .filter(partnership_invitations::status.eq(PartnershipStatus::Pending))
            .filter(partnership_invitations::expires_at.gt(now)),
    )
    .set((
        partnership_invitations::status.eq(PartnershipStatus::Accepted),
        partnership_invitations::accepted_at.eq(now),
        partnership_invitations::accepted_by.eq(by),
    ))
    .returning(partnership_invitations::all_columns)
    .get_result::<InvitationRow>(conn)
    .optional()?)
}

/// Links every pending subscription of `owner` to the account; their ids.
pub fn link_pending_subscriptions(conn: &mut DbConnection, owner: &str, account_id: &str, now: NaiveDateTime) -> AppResult<Vec<String>> {
    Ok(diesel::update(
        subscriptions::table
            .filter(subscriptions::customer_user_id.eq(owner))
            .filter(subscriptions::status.eq(SubscriptionStatus::Pending)),
    )
    .set((subscriptions::account_id.eq(account_id), subscriptions::updated_at.eq(now)))
    .returning(subscriptions::id)
    .get_results::<String>(conn)?)
}

/// The given subscriptions of `owner`, oldest first.
pub fn subscriptions_of(conn: &mut DbConnection, owner: &str, ids: &[String]) -> AppResult<Vec<SubscriptionRow>> {
    Ok(subscriptions::table
        .filter(subscriptions::customer_user_id.eq(owner))
        .filter(subscriptions::id.eq_any(ids))
        .order((subscriptions::created_at.asc(), subscriptions::id.asc()))
        .select(SubscriptionRow::as_select())
        .load(conn)?)
}

/// Links one pending subscription of `owner` to the account; whether it did.
pub fn link_subscription(conn: &mut DbConnection, id: &str, owner: &str, account_id: &str, now: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(
        subscriptions::table
            .filter(subscriptions::id.eq(id))
            .filter(subscriptions::customer_user_id.eq(owner))
            .filter(subscriptions::status.eq(SubscriptionStatus::Pending)),
    )
    .set((subscriptions::account_id.eq(account_id), subscriptions::updated_at.eq(now)))
    .execute(conn)?;
    Ok(n == 1)
}
