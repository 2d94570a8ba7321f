//! Diesel queries of the subscription lifecycle. Every read takes a `Scope`, so who may
//! see a subscription is decided in the WHERE clause; every change is one conditional
//! `UPDATE … WHERE id = ? AND <the state the caller decided on> RETURNING …`, so of two
//! concurrent changes built on the same state only one applies (PostgreSQL re-checks the
//! conditions after the first commits; SQLite runs one writer at a time).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{customer_accounts, invoice_lines, invoices, payments, plans, subscription_events, subscriptions, users};
use crate::db::DbConnection;
use crate::domain::commerce::{InvoiceKind, InvoiceStatus, PaymentPurpose, PaymentStatus, SubscriptionEventKind, SubscriptionStatus};
use crate::domain::ids::PaymentId;
use crate::error::AppResult;
use crate::invoices::model::{BillTo, InvoiceLineRow, InvoiceRow, NewInvoice, NewLine};
use crate::subscriptions::model::{CustomerRef, SubscriptionRow};

/// Whose subscriptions a query may return.
#[derive(Debug, Clone)]
pub enum Scope {
    /// Support staff: every subscription.
    Any,
    /// The client who bought them.
    Customer(String),
    /// The freelancer whose link sold them.
    Referrer(String),
    /// A signed-in user reading one subscription: theirs as a client, or sold through their
    /// link when they are a freelancer.
    Viewer { user_id: String, freelancer_id: Option<String> },
}

macro_rules! scoped {
    ($query:expr, $scope:expr) => {{
        let mut q = $query;
        match $scope {
            Scope::Any => {}
            Scope::Customer(uid) => q = q.filter(subscriptions::customer_user_id.eq(uid.clone())),
            Scope::Referrer(fl) => q = q.filter(subscriptions::freelancer_id.eq(fl.clone())),
            Scope::Viewer { user_id, freelancer_id: Some(fl) } => {
                q = q.filter(subscriptions::customer_user_id.eq(user_id.clone()).or(subscriptions::freelancer_id.eq(fl.clone())))
            }
            Scope::Viewer { user_id, freelancer_id: None } => q = q.filter(subscriptions::customer_user_id.eq(user_id.clone())),
        }
        q
    }};
}

/// Subscription `id`, when `scope` may see it.
pub fn find(conn: &mut DbConnection, id: &str, scope: &Scope) -> AppResult<Option<SubscriptionRow>> {
    let q = subscriptions::table.filter(subscriptions::id.eq(id.to_string())).select(SubscriptionRow::as_select()).into_boxed();
    Ok(scoped!(q, scope).first(conn).optional()?)
}

pub struct ListQuery {
    pub scope: Scope,
    pub status: Option<SubscriptionStatus>,
    pub self_referral: Option<bool>,
    pub plan_id: Option<String>,
    /// `created_at` from (inclusive) and until (exclusive).
    pub created_from: Option<NaiveDateTime>,
    pub created_until: Option<NaiveDateTime>,
    pub after: Option<(NaiveDateTime, String)>,
    pub limit: i64,
}

impl ListQuery {
    /// Every subscription `scope` may see, `limit` per page, no filter.
    pub fn all(scope: Scope, after: Option<(NaiveDateTime, String)>, limit: i64) -> ListQuery {
        ListQuery { scope, status: None, self_referral: None, plan_id: None, created_from: None, created_until: None, after, limit }
    }
}

/// One page (plus one row) of subscriptions, newest first, each with its client.
pub fn list(conn: &mut DbConnection, q: ListQuery) -> AppResult<Vec<(SubscriptionRow, CustomerRef)>> {
    let query = subscriptions::table
        .inner_join(users::table.on(users::id.eq(subscriptions::customer_user_id)))
        .select((SubscriptionRow::as_select(), (users::id, users::email, users::full_name)))
        .into_boxed();
    let mut query = scoped!(query, &q.scope);
    if let Some(s) = q.status {
        query = query.filter(subscriptions::status.eq(s));
    }
    if let Some(flag) = q.self_referral {
        query = query.filter(subscriptions::self_referral.eq(flag));
    }
    if let Some(plan) = q.plan_id {
        query = query.filter(subscriptions::plan_id.eq(plan));
    }
    if let Some(from) = q.created_from {
        query = query.filter(subscriptions::created_at.ge(from));
    }
    if let Some(until) = q.created_until {
        query = query.filter(subscriptions::created_at.lt(until));
    }
    Ok(crate::newest_first!(query, subscriptions::created_at, subscriptions::id, q.after, q.limit).load(conn)?)
}

pub fn customer(conn: &mut DbConnection, user_id: &str) -> AppResult<CustomerRef> {
    Ok(users::table.find(user_id).select((users::id, users::email, users::full_name)).first(conn)?)
}

/// The plan's name and its current prices per seat (monthly, yearly).
pub fn plan(conn: &mut DbConnection, plan_id: &str) -> AppResult<(String, i64, i64)> {
    Ok(plans::table.find(plan_id).select((plans::name, plans::monthly_price_cents, plans::yearly_price_cents)).first(conn)?)
}

/// Account name, line 1, line 2, city, region, postal code, country.
type AccountAddress = (String, String, Option<String>, String, Option<String>, String, String);

/// Who an invoice for this subscription is addressed to: the client, at the address of
/// their Microsoft account once it is set up.
// Reads the account's address itself: the customers slice offers no reader for it yet
// (left for a later change; see issue 8's closing note).
pub fn bill_to(conn: &mut DbConnection, row: &SubscriptionRow) -> AppResult<BillTo> {
    let (name, email): (String, String) = users::table.find(&row.customer_user_id).select((users::full_name, users::email)).first(conn)?;
    let account: Option<AccountAddress> = match &row.account_id {
        Some(id) => customer_accounts::table
            .find(id)
            .select((
                customer_accounts::account_name,
                customer_accounts::address_line1,
                customer_accounts::address_line2,
                customer_accounts::city,
                customer_accounts::region,
                customer_accounts::postal_code,
                customer_accounts::country,
            ))
            .first(conn)
            .optional()?,
        None => None,
    };
    Ok(match account {
        Some((account_name, line1, line2, city, region, postal, country)) => {
            let place = [Some(postal), Some(city), region].into_iter().flatten().collect::<Vec<_>>().join(" ");
            let address = [Some(account_name), Some(line1), line2, Some(place), Some(country.clone())]
                .into_iter()
                .flatten()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            BillTo { name, email, address: Some(address), country: Some(country) }
        }
        None => BillTo { name, email, address: None, country: None },
    })
}

// ---- Transitions.

/// Seats `old` → `new` now, in the same term and while the subscription is live; drops a
/// scheduled decrease.
pub fn raise_seats(
    conn: &mut DbConnection,
    id: &str,
    term_start: NaiveDateTime,
    old: i32,
    new: i32,
    now: NaiveDateTime,
) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(
        subscriptions::table
            .filter(subscriptions::id.eq(id))
            .filter(subscriptions::seats.eq(old))
            .filter(subscriptions::term_start.eq(term_start))
            .filter(subscriptions::status.eq_any(SubscriptionStatus::LIVE)),
    )
    .set((subscriptions::seats.eq(new), subscriptions::scheduled_seats.eq(None::<i32>), subscriptions::updated_at.eq(now)))
    .returning(subscriptions::all_columns)
    .get_result::<SubscriptionRow>(conn)
    .optional()?)
}

/// Sets (or clears) the seat count the next renewal applies, while the subscription is
/// live with `seats` seats.
pub fn schedule_seats(
    conn: &mut DbConnection,
    id: &str,
    seats: i32,
    scheduled: Option<i32>,
    now: NaiveDateTime,
) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(
        subscriptions::table
            .filter(subscriptions::id.eq(id))
            .filter(subscriptions::seats.eq(seats))
            .filter(subscriptions::status.eq_any(SubscriptionStatus::LIVE)),
    )
    .set((subscriptions::scheduled_seats.eq(scheduled), subscriptions::updated_at.eq(now)))
    .returning(subscriptions::all_columns)
    .get_result::<SubscriptionRow>(conn)
    .optional()?)
}

/// Auto-renew `!on` → `on`, while the subscription is live and its term has not ended.
pub fn set_auto_renew(conn: &mut DbConnection, id: &str, on: bool, now: NaiveDateTime) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(
        subscriptions::table
            .filter(subscriptions::id.eq(id))
            .filter(subscriptions::auto_renew.eq(!on))
            .filter(subscriptions::current_term_end.gt(now))
            .filter(subscriptions::status.eq_any(SubscriptionStatus::LIVE)),
    )
    .set((subscriptions::auto_renew.eq(on), subscriptions::updated_at.eq(now)))
    .returning(subscriptions::all_columns)
    .get_result::<SubscriptionRow>(conn)
    .optional()?)
}

/// Cancels with a refund: only the state the refund was computed from (live, same term,
/// same seats, the window open at `decided_at`) moves to `cancelled`.
pub fn cancel_refunded(
    conn: &mut DbConnection,
    seen: &SubscriptionRow,
    decided_at: NaiveDateTime,
    now: NaiveDateTime,
) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(
        subscriptions::table
            .filter(subscriptions::id.eq(&seen.id))
            .filter(subscriptions::seats.eq(seen.seats))
            .filter(subscriptions::term_start.eq(seen.term_start))
            .filter(subscriptions::cancellation_allowed_until.ge(decided_at))
            .filter(subscriptions::status.eq_any(SubscriptionStatus::LIVE)),
    )
    .set((
        subscriptions::status.eq(SubscriptionStatus::Cancelled),
        subscriptions::auto_renew.eq(false),
        subscriptions::ended_at.eq(Some(now)),
        subscriptions::next_renewal_attempt_at.eq(None::<NaiveDateTime>),
        subscriptions::updated_at.eq(now),
    ))
    .returning(subscriptions::all_columns)
    .get_result::<SubscriptionRow>(conn)
    .optional()?)
}

// ---- Payments and the invoices of the current term.

/// How a payment attempt ended.
#[derive(Clone, Copy)]
pub enum Outcome<'a> {
    /// With the provider's reference.
    Succeeded(&'a str),
    /// With the failure code.
    Failed(&'a str),
}

/// A payment attempt of a subscription's client, charged to (or refunded on) its payment
/// method, to record.
pub struct NewPayment<'a> {
    pub row: &'a SubscriptionRow,
    pub purpose: PaymentPurpose,
    pub amount_cents: i64,
    pub provider: &'a str,
    pub provider_key: &'a str,
    pub outcome: Outcome<'a>,
    pub refund_of: Option<&'a str>,
}

impl<'a> NewPayment<'a> {
    pub fn new(
        row: &'a SubscriptionRow,
        purpose: PaymentPurpose,
        amount_cents: i64,
        (provider, provider_key): (&'a str, &'a str),
        outcome: Outcome<'a>,
    ) -> Self {
        NewPayment { row, purpose, amount_cents, provider, provider_key, outcome, refund_of: None }
    }

    /// A refund of payment `id`.
    pub fn refunding(mut self, id: &'a str) -> Self {
        self.refund_of = Some(id);
        self
    }
}

// Checkout writes the same row with its own insert; one payments store for both is left
// for a later change (see issue 8's closing note).
pub fn insert_payment(conn: &mut DbConnection, p: NewPayment<'_>, now: NaiveDateTime) -> AppResult<String> {
    let id = PaymentId::generate().0;
    let (status, provider_ref, failure_code) = match p.outcome {
        Outcome::Succeeded(r) => (PaymentStatus::Succeeded, Some(r), None),
        Outcome::Failed(code) => (PaymentStatus::Failed, None, Some(code)),
    };
    diesel::insert_into(payments::table)
        .values((
            payments::id.eq(&id),
            payments::user_id.eq(&p.row.customer_user_id),
            payments::purpose.eq(p.purpose),
            payments::subscription_id.eq(Some(&p.row.id)),
            payments::refund_of.eq(p.refund_of),
            payments::amount_cents.eq(p.amount_cents),
            payments::currency.eq(&p.row.currency),
            payments::payment_method.eq(&p.row.payment_method),
            payments::status.eq(status),
            payments::failure_code.eq(failure_code),
            payments::provider.eq(p.provider),
            payments::provider_ref.eq(provider_ref),
            payments::provider_key.eq(p.provider_key),
            payments::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// An invoice of the subscription for the payment just recorded.
pub fn invoice_for(conn: &mut DbConnection, row: &SubscriptionRow, payment_id: String, line: NewLine) -> AppResult<NewInvoice> {
    Ok(NewInvoice {
        customer_user_id: row.customer_user_id.clone(),
        subscription_id: Some(row.id.clone()),
        payment_id: Some(payment_id),
        currency: row.currency.clone(),
        bill_to: bill_to(conn, row)?,
        lines: vec![line],
    })
}

/// Whether a succeeded payment was recorded under this provider idempotency key.
pub fn charge_recorded(conn: &mut DbConnection, provider_key: &str) -> AppResult<bool> {
    let n: i64 = payments::table
        .filter(payments::provider_key.eq(provider_key))
        .filter(payments::status.eq(PaymentStatus::Succeeded))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// A paid invoice of the current term with its lines and the charge it records.
pub struct TermCharge {
    pub invoice: InvoiceRow,
    pub lines: Vec<InvoiceLineRow>,
    pub payment_id: String,
    pub provider_ref: String,
}

/// The paid invoices of the current term: the term's own (the latest purchase or renewal
/// invoice) and the prorated seat increases since, oldest first.
// Joins invoices and payments itself: the invoices slice offers no such query yet (see
// issue 8's closing note).
pub fn term_charges(conn: &mut DbConnection, subscription_id: &str) -> AppResult<Vec<TermCharge>> {
    let rows: Vec<(InvoiceRow, String, PaymentPurpose, Option<String>)> = invoices::table
        .inner_join(payments::table.on(payments::id.nullable().eq(invoices::payment_id)))
        .filter(invoices::subscription_id.eq(subscription_id))
        .filter(invoices::kind.eq(InvoiceKind::Invoice))
        .filter(payments::status.eq(PaymentStatus::Succeeded))
        .order((invoices::issued_at.asc(), invoices::seq.asc()))
        .select((InvoiceRow::as_select(), payments::id, payments::purpose, payments::provider_ref))
        .load(conn)?;
    let start = rows.iter().rposition(|(_, _, purpose, _)| matches!(purpose, PaymentPurpose::Purchase | PaymentPurpose::Renewal));
    let Some(start) = start else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for (invoice, payment_id, purpose, provider_ref) in rows.into_iter().skip(start) {
        let term_charge = matches!(purpose, PaymentPurpose::Purchase | PaymentPurpose::Renewal | PaymentPurpose::SeatIncrease);
        if !term_charge || invoice.status != InvoiceStatus::Paid {
            continue;
        }
        let lines = invoice_lines::table
            .filter(invoice_lines::invoice_id.eq(&invoice.id))
            .order(invoice_lines::position.asc())
            .select(InvoiceLineRow::as_select())
            .load(conn)?;
        out.push(TermCharge { invoice, lines, payment_id, provider_ref: provider_ref.unwrap_or_default() });
    }
    Ok(out)
}

// ---- The renewals job.

/// Due for the renewals job at `now`: a live subscription whose term has ended and that
/// is not waiting for a later retry (nor claimed by another run: the claim moves
/// `next_renewal_attempt_at` to the end of its lease). Pending subscriptions come only when
/// they will not renew (they expire).
macro_rules! due {
    ($now:expr) => {
        subscriptions::current_term_end
            .le($now)
            .and(subscriptions::next_renewal_attempt_at.is_null().or(subscriptions::next_renewal_attempt_at.le($now)))
            .and(
                subscriptions::status
                    .eq_any(SubscriptionStatus::RENEWABLE)
                    .or(subscriptions::status.eq(SubscriptionStatus::Pending).and(subscriptions::auto_renew.eq(false))),
            )
    };
}

/// Claims up to `limit` due subscriptions for one run: their `next_renewal_attempt_at`
/// becomes `lease_until`, which keeps other runs away until then and is the key every
/// finishing update checks. On PostgreSQL the candidates are picked `FOR UPDATE SKIP
/// LOCKED`, so concurrent runs split the work instead of queueing on the same rows, and
/// the update repeats the due conditions; on SQLite the caller's write transaction
/// serialises the claims.
pub fn claim_due(conn: &mut DbConnection, now: NaiveDateTime, lease_until: NaiveDateTime, limit: i64) -> AppResult<Vec<SubscriptionRow>> {
    let order = (subscriptions::current_term_end.asc(), subscriptions::id.asc());
    let ids: Vec<String> = match conn {
        DbConnection::Postgresql(pg) => subscriptions::table
            .filter(due!(now))
            .order(order)
            .select(subscriptions::id)
            .limit(limit)
            .for_update()
            .skip_locked()
            .load(pg)?,
        DbConnection::Sqlite(lite) => {
            subscriptions::table.filter(due!(now)).order(order).select(subscriptions::id).limit(limit).load(lite)?
        }
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(diesel::update(subscriptions::table.filter(subscriptions::id.eq_any(&ids)).filter(due!(now)))
        .set(subscriptions::next_renewal_attempt_at.eq(Some(lease_until)))
        .returning(subscriptions::all_columns)
        .get_results::<SubscriptionRow>(conn)?)
}

/// The conditions of a claim: still the claimed term, still under this run's lease.
macro_rules! claimed {
    ($row:expr) => {
        subscriptions::table
            .filter(subscriptions::id.eq(&$row.id))
            .filter(subscriptions::current_term_end.eq($row.current_term_end))
            .filter(subscriptions::next_renewal_attempt_at.eq($row.next_renewal_attempt_at))
    };
}

/// What a successful renewal writes.
pub struct NewTerm {
    pub seats: i32,
    pub unit_price_cents: i64,
    pub term_end: NaiveDateTime,
    pub cancellation_allowed_until: NaiveDateTime,
}

/// The claimed subscription starts its next term (active again if it was suspended).
pub fn renew(conn: &mut DbConnection, claimed: &SubscriptionRow, t: NewTerm, now: NaiveDateTime) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(claimed!(claimed))
        .set((
            subscriptions::seats.eq(t.seats),
            subscriptions::scheduled_seats.eq(None::<i32>),
            subscriptions::unit_price_cents.eq(t.unit_price_cents),
            subscriptions::status.eq(SubscriptionStatus::Active),
            subscriptions::term_start.eq(claimed.current_term_end),
            subscriptions::current_term_end.eq(t.term_end),
            subscriptions::cancellation_allowed_until.eq(t.cancellation_allowed_until),
            subscriptions::renewal_attempts.eq(0),
            subscriptions::next_renewal_attempt_at.eq(None::<NaiveDateTime>),
            subscriptions::grace_until.eq(None::<NaiveDateTime>),
            subscriptions::updated_at.eq(now),
        ))
        .returning(subscriptions::all_columns)
        .get_result::<SubscriptionRow>(conn)
        .optional()?)
}

/// The claimed subscription ends: `expired` (not renewed) or `cancelled` (never paid).
pub fn end(
    conn: &mut DbConnection,
    claimed: &SubscriptionRow,
    status: SubscriptionStatus,
    ended_at: NaiveDateTime,
    now: NaiveDateTime,
) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(claimed!(claimed))
        .set((
            subscriptions::status.eq(status),
            subscriptions::auto_renew.eq(false),
            subscriptions::ended_at.eq(Some(ended_at)),
            subscriptions::next_renewal_attempt_at.eq(None::<NaiveDateTime>),
            subscriptions::updated_at.eq(now),
        ))
        .returning(subscriptions::all_columns)
        .get_result::<SubscriptionRow>(conn)
        .optional()?)
}

/// A failed attempt on the claimed subscription: counted, the next one scheduled, the
/// status moved (`suspended` when the grace period is over).
pub fn renewal_failed(
    conn: &mut DbConnection,
    claimed: &SubscriptionRow,
    status: SubscriptionStatus,
    retry_at: NaiveDateTime,
    grace_until: NaiveDateTime,
    now: NaiveDateTime,
) -> AppResult<Option<SubscriptionRow>> {
    Ok(diesel::update(claimed!(claimed))
        .set((
            subscriptions::status.eq(status),
            subscriptions::renewal_attempts.eq(claimed.renewal_attempts + 1),
            subscriptions::next_renewal_attempt_at.eq(Some(retry_at)),
            subscriptions::grace_until.eq(Some(grace_until)),
            subscriptions::updated_at.eq(now),
        ))
        .returning(subscriptions::all_columns)
        .get_result::<SubscriptionRow>(conn)
        .optional()?)
}

/// Gives a claim back to be tried again at `retry_at` (the provider could not be reached).
pub fn release(conn: &mut DbConnection, claimed: &SubscriptionRow, retry_at: NaiveDateTime) -> AppResult<bool> {
    let n = diesel::update(claimed!(claimed)).set(subscriptions::next_renewal_attempt_at.eq(Some(retry_at))).execute(conn)?;
    Ok(n == 1)
}

/// Locks the subscription's row until the transaction ends (PostgreSQL; SQLite's write
/// transaction already holds the database's one write lock).
pub fn lock(conn: &mut DbConnection, id: &str) -> AppResult<()> {
    if let DbConnection::Postgresql(pg) = conn {
        subscriptions::table.find(id).select(subscriptions::id).for_update().first::<String>(pg).optional()?;
    }
    Ok(())
}

// ---- The referring freelancer's figures (dashboard, forecast): aggregates and short,
// indexed reads, never a whole history.

/// (status, subscriptions, seats) of every subscription sold through `freelancer_id`'s
/// link: one GROUP BY answered from the `subscriptions_freelancer_status` index
/// (freelancer_id, status, seats), so its cost does not depend on row widths.
pub fn referred_by_status(conn: &mut DbConnection, freelancer_id: &str) -> AppResult<Vec<(SubscriptionStatus, i64, Option<i64>)>> {
    Ok(subscriptions::table
        .filter(subscriptions::freelancer_id.eq(freelancer_id))
        .group_by(subscriptions::status)
        .select((subscriptions::status, diesel::dsl::count_star(), diesel::dsl::sum(subscriptions::seats)))
        .load(conn)?)
}

/// How many subscriptions `freelancer_id`'s link sold since `since` (the
/// `subscriptions_freelancer` index: freelancer_id, created_at).
pub fn referred_since(conn: &mut DbConnection, freelancer_id: &str, since: NaiveDateTime) -> AppResult<i64> {
    Ok(subscriptions::table
        .filter(subscriptions::freelancer_id.eq(freelancer_id).and(subscriptions::created_at.ge(since)))
        .count()
        .get_result(conn)?)
}

/// The newest `n` sales of `freelancer_id`'s link with their plan's name (the
/// `subscriptions_freelancer` index, read backwards, stops after `n` rows).
pub fn recent_referred(conn: &mut DbConnection, freelancer_id: &str, n: i64) -> AppResult<Vec<(SubscriptionRow, String)>> {
    Ok(subscriptions::table
        .inner_join(plans::table)
        .filter(subscriptions::freelancer_id.eq(freelancer_id))
        .order((subscriptions::created_at.desc(), subscriptions::id.desc()))
        .limit(n)
        .select((SubscriptionRow::as_select(), plans::name))
        .load(conn)?)
}

/// The invoice each of `ids` was bought with (its `created` event), by subscription.
pub fn purchase_invoices(conn: &mut DbConnection, ids: &[String]) -> AppResult<Vec<(String, String)>> {
    Ok(subscription_events::table
        .filter(subscription_events::subscription_id.eq_any(ids))
        .filter(subscription_events::kind.eq(SubscriptionEventKind::Created))
        .filter(subscription_events::invoice_id.is_not_null())
        .select((subscription_events::subscription_id, subscription_events::invoice_id.assume_not_null()))
        .load(conn)?)
}

/// A subscription that renews, with what its plan charges and pays today:
/// (row, plan name, monthly and yearly price per seat, commission rate in bps).
pub type Renewing = (SubscriptionRow, String, i64, i64, i32);

/// `freelancer_id`'s active, auto-renewing, commission-earning subscriptions whose term
/// ends in `(from, until]`.
pub fn renewing_between(
    conn: &mut DbConnection,
    freelancer_id: &str,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> AppResult<Vec<Renewing>> {
    Ok(subscriptions::table
        .inner_join(plans::table)
        .filter(subscriptions::freelancer_id.eq(freelancer_id))
        .filter(subscriptions::status.eq(SubscriptionStatus::Active))
        .filter(subscriptions::auto_renew.eq(true).and(subscriptions::self_referral.eq(false)))
        .filter(subscriptions::current_term_end.gt(from).and(subscriptions::current_term_end.le(until)))
        .order((subscriptions::current_term_end.asc(), subscriptions::id.asc()))
        .select((
            SubscriptionRow::as_select(),
            plans::name,
            plans::monthly_price_cents,
            plans::yearly_price_cents,
            plans::commission_rate_bps,
        ))
        .load(conn)?)
}
