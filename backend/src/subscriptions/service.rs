//! The subscription lifecycle: who sees a subscription, seat changes, auto-renew and
//! cancellation (the money rules are in `rules`; the renewals job in `renewals`).
//!
//! Money moves before the write transaction and under a provider idempotency key that
//! names the change itself (`seat_increase:<sub>:<term>:<old>:<new>`,
//! `cancel_refund:<payment>`): the write transaction (which on SQLite holds the database's
//! write lock) never waits on the payment provider, and concurrent or retried requests for
//! the same change reach the provider as one charge or one refund. The transaction then
//! applies the change with one conditional update keyed by the state the amount was
//! computed from, so one request wins and records the payment, invoice, event, audit
//! entry and email; the others get 409. A charge whose change lost to a different change
//! (and so is recorded by nobody) is refunded at once and recorded as charged and refunded.
//!
//! Who sees what: the client who bought a subscription; the freelancer whose link sold
//! it (read only); support staff. Anyone else gets 404, as for a subscription that does
//! not exist. Only the client changes or cancels it.

use actix_web::http::StatusCode;
use chrono::{Duration, NaiveDateTime};

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::AuthUser;
use crate::clock::utc;
use crate::db::DbConnection;
use crate::domain::commerce::ProvisioningTaskKind;
use crate::domain::commerce::{PaymentPurpose, Seats, SubscriptionEventKind, SubscriptionStatus};
use crate::domain::locale::Locale;
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::invoices::model::NewLine;
use crate::invoices::service::{issue_in, tax_of, tax_rate_in};
use crate::notifications::mail::when;
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::providers::payments::{ChargeRequest, DeclineCode, PaymentError, ProviderRef, RefundRequest};
use crate::state::AppState;
use crate::subscriptions::events::{self, NewEvent};
use crate::subscriptions::model::*;
use crate::subscriptions::rules::{self, CancelRule, SeatChange};
use crate::subscriptions::store::{self, ListQuery, NewPayment, Outcome, Scope, TermCharge};
use crate::subscriptions::view::{load_in, views_in, Subscription};

fn not_found() -> AppError {
    AppError::not_found("No such subscription.")
}

fn not_live() -> AppError {
    AppError::conflict("invalid_status", "Only a pending or active subscription can be changed.")
}

fn seats_changed() -> AppError {
    AppError::conflict("seats_changed", "The number of seats changed meanwhile. Reload the subscription and try again.")
}

fn already_ending() -> AppError {
    AppError::conflict("invalid_status", "The subscription is already cancelled or ends with its current term.")
}

/// A refused card as the client sees it (402, one code per reason).
pub fn payment_problem(e: &PaymentError) -> AppError {
    match e {
        PaymentError::Declined(DeclineCode::CardDeclined) => {
            AppError::new(StatusCode::PAYMENT_REQUIRED, "card_declined", "The card was declined. Use another payment method.")
        }
        PaymentError::Declined(DeclineCode::InsufficientFunds) => AppError::new(
            StatusCode::PAYMENT_REQUIRED,
            "insufficient_funds",
            "The card has insufficient funds. Use another payment method.",
        ),
        PaymentError::UnknownPaymentMethod => AppError::new(
            StatusCode::PAYMENT_REQUIRED,
            "card_declined",
            "The saved payment method cannot be charged. Use another payment method.",
        ),
        PaymentError::Unavailable(cause) => AppError::unavailable(format!("payment provider: {cause}")),
    }
}

/// The code stored on a failed payment row.
pub fn failure_code(e: &PaymentError) -> &'static str {
    match e {
        PaymentError::Declined(code) => code.as_str(),
        PaymentError::UnknownPaymentMethod => "unknown_payment_method",
        PaymentError::Unavailable(_) => "provider_unavailable",
    }
}

pub fn subscription_url(state: &AppState, id: &str) -> String {
    format!("{}/app/subscriptions/{id}", state.settings.public_base_url)
}

pub fn invoice_url(state: &AppState, id: &str) -> String {
    format!("{}/app/billing/invoices/{id}", state.settings.public_base_url)
}

fn view(conn: &mut DbConnection, row: SubscriptionRow) -> AppResult<Subscription> {
    Ok(views_in(conn, vec![row])?.remove(0))
}

/// The subscription, when the client owns it.
fn owned(conn: &mut DbConnection, id: &str, user_id: &str) -> AppResult<SubscriptionRow> {
    store::find(conn, id, &Scope::Customer(user_id.to_string()))?.ok_or_else(not_found)
}

async fn owned_row(state: &AppState, id: &str, user_id: &str) -> AppResult<SubscriptionRow> {
    let (id, uid) = (id.to_string(), user_id.to_string());
    state.db.run(move |conn| owned(conn, &id, &uid)).await
}

/// Why a conditional change found no row: the status moved on, or (still live) the
/// seats or term did.
fn lost_race(conn: &mut DbConnection, id: &str) -> AppResult<AppError> {
    let row = store::find(conn, id, &Scope::Any)?.ok_or_else(not_found)?;
    Ok(if SubscriptionStatus::LIVE.contains(&row.status) { seats_changed() } else { not_live() })
}

// ---- Reading.

pub async fn get(state: &AppState, user: &AuthUser, id: String) -> AppResult<Subscription> {
    let (uid, staff, freelancer) = (user.id.clone(), user.is_staff(), user.has(Role::Freelancer));
    state
        .db
        .run(move |conn| {
            let scope = if staff {
                Scope::Any
            } else {
                let freelancer_id = if freelancer { crate::auth::service::freelancer_of(conn, &uid)?.map(|f| f.id) } else { None };
                Scope::Viewer { user_id: uid, freelancer_id }
            };
            let row = store::find(conn, &id, &scope)?.ok_or_else(not_found)?;
            view(conn, row)
        })
        .await
}

pub(crate) async fn list(state: &AppState, q: ListQuery) -> AppResult<Paginated<AdminSubscription>> {
    let limit = q.limit;
    let items = state
        .db
        .run(move |conn| {
            let rows = store::list(conn, q)?;
            let (rows, customers): (Vec<SubscriptionRow>, Vec<CustomerRef>) = rows.into_iter().unzip();
            let views = views_in(conn, rows)?;
            Ok(views.into_iter().zip(customers).map(|(subscription, customer)| AdminSubscription { subscription, customer }).collect())
        })
        .await?;
    Ok(finish(items, limit, |a: &AdminSubscription| (a.subscription.created_at.naive_utc(), a.subscription.id.clone()), |x| x))
}

pub(crate) fn subscriptions_only(page: Paginated<AdminSubscription>) -> Paginated<Subscription> {
    Paginated { data: page.data.into_iter().map(|a| a.subscription).collect(), next_cursor: page.next_cursor }
}

/// The caller's own subscriptions as a client, newest first.
pub async fn list_mine(
    state: &AppState,
    user: &AuthUser,
    status: Option<SubscriptionStatus>,
    page: Page,
) -> AppResult<Paginated<Subscription>> {
    let q = ListQuery { status, ..ListQuery::all(Scope::Customer(user.id.clone()), page.after, page.limit) };
    Ok(subscriptions_only(list(state, q).await?))
}

/// Support's list (callers are staff).
pub async fn admin_list(state: &AppState, filter: AdminFilter, page: Page) -> AppResult<Paginated<AdminSubscription>> {
    let q = ListQuery { status: filter.status, self_referral: filter.self_referral, ..ListQuery::all(Scope::Any, page.after, page.limit) };
    list(state, q).await
}

/// A subscription with its client and every event (callers are staff).
pub async fn admin_get(state: &AppState, id: String) -> AppResult<AdminSubscriptionDetail> {
    state
        .db
        .run(move |conn| {
            let row = store::find(conn, &id, &Scope::Any)?.ok_or_else(not_found)?;
            let customer = store::customer(conn, &row.customer_user_id)?;
            let events = events::of_subscription_in(conn, &id)?
                .into_iter()
                .map(|e| SubscriptionEvent {
                    id: e.id,
                    kind: e.kind,
                    status_before: e.status_before,
                    status_after: e.status_after,
                    seats: e.seats,
                    amount_cents: e.amount_cents,
                    invoice_id: e.invoice_id,
                    actor_id: e.actor_id,
                    data: serde_json::from_str(&e.data).unwrap_or_else(|_| serde_json::json!({})),
                    created_at: utc(e.created_at),
                })
                .collect();
            Ok(AdminSubscriptionDetail { subscription: view(conn, row)?, customer, events })
        })
        .await
}

// ---- Seats.

fn live(row: &SubscriptionRow) -> AppResult<()> {
    if SubscriptionStatus::LIVE.contains(&row.status) {
        Ok(())
    } else {
        Err(not_live())
    }
}

/// What changing to `seats` would do now.
pub async fn seat_preview(state: &AppState, user: &AuthUser, id: String, seats: i64) -> AppResult<SeatChangePreview> {
    let row = owned_row(state, &id, &user.id).await?;
    let seats = Seats::new("seats", seats)?.get();
    live(&row)?;
    let now = state.clock.now_naive();
    let (effective, charge) = match rules::seat_change(row.seats, seats) {
        SeatChange::Increase { .. } => (
            SeatChangeEffect::Now,
            rules::seat_increase_charge(row.seats, seats, row.unit_price_cents, now, (row.term_start, row.current_term_end)),
        ),
        SeatChange::Decrease => (SeatChangeEffect::AtRenewal, 0),
        SeatChange::Same => (SeatChangeEffect::Now, 0),
    };
    Ok(SeatChangePreview { seats, effective, prorated_charge_cents: charge, currency: row.currency })
}

/// `PATCH /subscriptions/{id}`: the seats first (a refused card changes nothing), then
/// auto-renew.
pub async fn update(state: &AppState, user: &AuthUser, id: String, req: UpdateSubscription) -> AppResult<Subscription> {
    let row = owned_row(state, &id, &user.id).await?;
    let seats = req.seats.map(|n| Seats::new("seats", n)).transpose()?;
    if let Some(seats) = seats {
        live(&row)?;
        match rules::seat_change(row.seats, seats.get()) {
            SeatChange::Increase { .. } => raise_seats(state, &user.id, &row, seats.get()).await?,
            SeatChange::Decrease => schedule_seats(state, &user.id, &row, Some(seats.get())).await?,
            SeatChange::Same if row.scheduled_seats.is_some() => schedule_seats(state, &user.id, &row, None).await?,
            SeatChange::Same => {}
        }
    }
    if let Some(on) = req.auto_renew {
        set_auto_renew(state, &user.id, &id, on).await?;
    }
    state.db.run(move |conn| load_in(conn, &id)).await
}

/// Schedules a decrease for the renewal (`Some`), or drops a scheduled one (`None`).
async fn schedule_seats(state: &AppState, user_id: &str, seen: &SubscriptionRow, scheduled: Option<i32>) -> AppResult<()> {
    let (seen, actor, st) = (seen.clone(), user_id.to_string(), state.clone());
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let Some(row) = store::schedule_seats(conn, &seen.id, seen.seats, scheduled, now)? else {
                return Err(lost_race(conn, &seen.id)?);
            };
            events::append_in(
                conn,
        &st,
                NewEvent {
                    subscription_id: &row.id,
                    kind: SubscriptionEventKind::SeatsDecreaseScheduled,
                    status_before: Some(seen.status),
                    status_after: row.status,
                    seats: row.seats,
                    amount_cents: None,
                    invoice_id: None,
                    actor_id: Some(&actor),
                    data: serde_json::json!({"scheduled_seats": scheduled, "previous_scheduled_seats": seen.scheduled_seats, "effective_at": utc(row.current_term_end)}),
                },
                now,
            )?;
            AuditEntry::new(Some(&actor), AuditAction::SubscriptionSeatsChanged, "subscription", &row.id)
                .before(serde_json::json!({"seats": seen.seats, "scheduled_seats": seen.scheduled_seats}))
                .after(serde_json::json!({"seats": row.seats, "scheduled_seats": row.scheduled_seats}))
                .write(conn, now)?;
            if let Some(to) = scheduled {
                let (plan, _, _) = store::plan(conn, &row.plan_id)?;
                let who = crate::auth::service::recipient(conn, &row.customer_user_id)?;
                let mail = mails::SubscriptionSeatsChanged {
                    name: who.name.clone(),
                    plan,
                    seats_before: row.seats,
                    seats_after: to,
                    increased: false,
                    effective_at: when(row.current_term_end),
                    amount_cents: 0,
                    currency: row.currency.clone(),
                    invoice_number: None,
                    url: subscription_url(&st, &row.id),
                };
                outbox::send(conn, &who.email, who.locale, &mail, now)?;
            }
            Ok(())
        })
        .await
}

/// What a seat increase charges: the prorated net amount and the total with tax.
#[derive(Clone, Copy)]
struct Quote {
    /// The instant the prorated period starts (the time of the change).
    at: NaiveDateTime,
    net: i64,
    total: i64,
}

async fn raise_seats(state: &AppState, user_id: &str, seen: &SubscriptionRow, new: i32) -> AppResult<()> {
    let now = state.clock.now_naive();
    let net = rules::seat_increase_charge(seen.seats, new, seen.unit_price_cents, now, (seen.term_start, seen.current_term_end));
    let probe = seen.clone();
    let rate = state
        .db
        .run(move |conn| {
            let bill_to = store::bill_to(conn, &probe)?;
            tax_rate_in(conn, bill_to.country.as_deref())
        })
        .await?;
    let quote = Quote { at: now, net, total: net + tax_of(net, rate) };
    let key = format!("seat_increase:{}:{}:{}:{}", seen.id, seen.term_start.and_utc().timestamp(), seen.seats, new);
    // Nothing to charge (the term is already over and waits for the renewal job): the
    // change applies without a payment.
    let charged = if quote.total > 0 {
        let req = ChargeRequest {
            amount_cents: quote.total,
            currency: seen.currency.clone(),
            payment_method: seen.payment_method.clone(),
            idempotency_key: key.clone(),
            description: format!("Seats {} to {} ({})", seen.seats, new, seen.id),
        };
        match state.payments.charge(req).await {
            Ok(r) => Some(r),
            Err(e) => return Err(record_decline(state, user_id, seen, quote.total, PaymentPurpose::SeatIncrease, &key, &e).await),
        }
    } else {
        None
    };
    let (seen_c, actor, st, key_c, charged_c) = (seen.clone(), user_id.to_string(), state.clone(), key.clone(), charged.clone());
    let outcome = state
        .db
        .transaction(move |conn| -> AppResult<Result<(), (bool, AppError)>> {
            let now = st.clock.now_naive();
            let Some(row) = store::raise_seats(conn, &seen_c.id, seen_c.term_start, seen_c.seats, new, now)? else {
                // Lost: either to the same change (whose request recorded this very charge)
                // or to another one (then nobody will record it, and it is given back).
                let orphan = charged_c.is_some() && !store::charge_recorded(conn, &key_c)?;
                return Ok(Err((orphan, lost_race(conn, &seen_c.id)?)));
            };
            apply_seat_increase(conn, &st, &actor, &seen_c, &row, &quote, charged_c.as_ref().map(|r| (r, key_c.as_str())), now)?;
            Ok(Ok(()))
        })
        .await?;
    match outcome {
        Ok(()) => Ok(()),
        Err((true, err)) => {
            give_back(state, user_id, seen, quote.total, &key, charged.expect("an orphan was charged")).await?;
            Err(err)
        }
        Err((false, err)) => Err(err),
    }
}

#[allow(clippy::too_many_arguments)]
fn apply_seat_increase(
    conn: &mut DbConnection,
    st: &AppState,
    actor: &str,
    seen: &SubscriptionRow,
    row: &SubscriptionRow,
    quote: &Quote,
    charged: Option<(&ProviderRef, &str)>,
    now: NaiveDateTime,
) -> AppResult<()> {
    let (plan, _, _) = store::plan(conn, &row.plan_id)?;
    let mut invoice = None;
    if let Some((provider_ref, key)) = charged {
        let payment_id = store::insert_payment(
            conn,
            NewPayment::new(row, PaymentPurpose::SeatIncrease, quote.total, (st.payments.name(), key), Outcome::Succeeded(&provider_ref.0)),
            now,
        )?;
        let added = row.seats - seen.seats;
        let line = NewLine {
            description: crate::invoices::wording::seat_increase(
                &plan,
                seen.seats,
                row.seats,
                crate::auth::service::recipient(conn, &row.customer_user_id)?.locale,
            ),
            quantity: added,
            unit_amount_cents: row.unit_price_cents,
            amount_cents: quote.net,
            period: Some((quote.at, row.current_term_end)),
        };
        let new = store::invoice_for(conn, row, payment_id, line)?;
        invoice = Some(issue_in(conn, new, Some(actor), now)?.0);
    }
    events::append_in(
        conn,
        st,
        NewEvent {
            subscription_id: &row.id,
            kind: SubscriptionEventKind::SeatsIncreased,
            status_before: Some(seen.status),
            status_after: row.status,
            seats: row.seats,
            amount_cents: invoice.as_ref().map(|i| i.total_cents),
            invoice_id: invoice.as_ref().map(|i| i.id.as_str()),
            actor_id: Some(actor),
            data: serde_json::json!({"previous_seats": seen.seats, "period_start": utc(quote.at), "period_end": utc(row.current_term_end), "net_cents": quote.net}),
        },
        now,
    )?;
    AuditEntry::new(Some(actor), AuditAction::SubscriptionSeatsChanged, "subscription", &row.id)
        .before(serde_json::json!({"seats": seen.seats, "scheduled_seats": seen.scheduled_seats}))
        .after(serde_json::json!({"seats": row.seats, "scheduled_seats": row.scheduled_seats, "charged_cents": quote.total}))
        .write(conn, now)?;
    sync_provider_in(conn, row, ProvisioningTaskKind::ChangeSeats, serde_json::json!({"seats": row.seats}), now)?;
    let who = crate::auth::service::recipient(conn, &row.customer_user_id)?;
    let mail = mails::SubscriptionSeatsChanged {
        name: who.name.clone(),
        plan,
        seats_before: seen.seats,
        seats_after: row.seats,
        increased: true,
        effective_at: when(now),
        amount_cents: quote.total,
        currency: row.currency.clone(),
        invoice_number: invoice.as_ref().map(|i| i.number.clone()),
        url: match &invoice {
            Some(i) => invoice_url(st, &i.id),
            None => subscription_url(st, &row.id),
        },
    };
    outbox::send(conn, &who.email, who.locale, &mail, now)?;
    Ok(())
}

/// Records a refused charge (the only trace a decline leaves) and returns the problem.
async fn record_decline(
    state: &AppState,
    user_id: &str,
    row: &SubscriptionRow,
    amount: i64,
    purpose: PaymentPurpose,
    key: &str,
    e: &PaymentError,
) -> AppError {
    let problem = payment_problem(e);
    if matches!(e, PaymentError::Unavailable(_)) {
        return problem;
    }
    let (row, actor, key, code, st) = (row.clone(), user_id.to_string(), key.to_string(), failure_code(e), state.clone());
    let recorded = state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let id = store::insert_payment(
                conn,
                NewPayment::new(&row, purpose, amount, (st.payments.name(), &key), Outcome::Failed(code)),
                now,
            )?;
            AuditEntry::new(Some(&actor), AuditAction::PaymentFailed, "payment", &id)
                .after(serde_json::json!({"subscription_id": row.id, "purpose": purpose, "amount_cents": amount, "failure_code": code}))
                .write(conn, now)
        })
        .await;
    match recorded {
        Ok(()) => problem,
        Err(e) => e,
    }
}

/// Refunds a charge whose change was not applied, and records both, once (the row lock,
/// or SQLite's write lock, orders concurrent losers; the second finds the record).
async fn give_back(state: &AppState, user_id: &str, row: &SubscriptionRow, amount: i64, key: &str, charged: ProviderRef) -> AppResult<()> {
    let refund_key = format!("refund:{key}");
    let refunded = state
        .payments
        .refund(RefundRequest { charge_ref: charged.0.clone(), amount_cents: amount, idempotency_key: refund_key.clone() })
        .await
        .map_err(|e| AppError::unavailable(format!("refund of an unapplied charge {key}: {e:?}")))?;
    let (row, actor, key, st) = (row.clone(), user_id.to_string(), key.to_string(), state.clone());
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            store::lock(conn, &row.id)?;
            if store::charge_recorded(conn, &key)? {
                return Ok(());
            }
            let base = NewPayment::new(&row, PaymentPurpose::SeatIncrease, amount, (st.payments.name(), &key), Outcome::Succeeded(&charged.0));
            let charge_id = store::insert_payment(conn, base, now)?;
            let refund_id = store::insert_payment(
                conn,
                NewPayment::new(&row, PaymentPurpose::Refund, amount, (st.payments.name(), &refund_key), Outcome::Succeeded(&refunded.0)).refunding(&charge_id),
                now,
            )?;
            AuditEntry::new(Some(&actor), AuditAction::PaymentRefunded, "payment", &refund_id)
                .after(serde_json::json!({"subscription_id": row.id, "refund_of": charge_id, "amount_cents": amount, "reason": "change_not_applied"}))
                .write(conn, now)
        })
        .await
}

// ---- Auto-renew.

async fn set_auto_renew(state: &AppState, user_id: &str, id: &str, on: bool) -> AppResult<()> {
    let (id, actor, st) = (id.to_string(), user_id.to_string(), state.clone());
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let seen = owned(conn, &id, &actor)?;
            if seen.auto_renew == on {
                return Ok(());
            }
            let Some(row) = store::set_auto_renew(conn, &id, on, now)? else {
                return Err(AppError::conflict(
                    "invalid_status",
                    "Auto-renew can be changed only while the subscription is pending or active and its term has not ended.",
                ));
            };
            auto_renew_changed(conn, &st, &actor, &seen, &row, now, false)
        })
        .await
}

/// The event, audit entry and (when it came from a cancellation) email of an auto-renew
/// change. Turning it back on has no event kind of its own: the audit log records it.
fn auto_renew_changed(
    conn: &mut DbConnection,
    st: &AppState,
    actor: &str,
    seen: &SubscriptionRow,
    row: &SubscriptionRow,
    now: NaiveDateTime,
    cancellation: bool,
) -> AppResult<()> {
    if !row.auto_renew {
        events::append_in(
            conn,
            st,
            NewEvent {
                subscription_id: &row.id,
                kind: SubscriptionEventKind::AutoRenewDisabled,
                status_before: Some(seen.status),
                status_after: row.status,
                seats: row.seats,
                amount_cents: None,
                invoice_id: None,
                actor_id: Some(actor),
                data: serde_json::json!({"ends_at": utc(row.current_term_end), "via": if cancellation { "cancel" } else { "update" }}),
            },
            now,
        )?;
    }
    AuditEntry::new(Some(actor), AuditAction::SubscriptionAutoRenewChanged, "subscription", &row.id)
        .before(serde_json::json!({"auto_renew": seen.auto_renew}))
        .after(serde_json::json!({"auto_renew": row.auto_renew, "ends_at": utc(row.current_term_end)}))
        .write(conn, now)?;
    sync_provider_in(conn, row, ProvisioningTaskKind::SetAutoRenew, serde_json::json!({"auto_renew": row.auto_renew}), now)?;
    if cancellation {
        let (plan, _, _) = store::plan(conn, &row.plan_id)?;
        let who = crate::auth::service::recipient(conn, &row.customer_user_id)?;
        let mail = mails::SubscriptionCancelled {
            name: who.name.clone(),
            plan,
            refunded: false,
            refund_cents: 0,
            currency: row.currency.clone(),
            ends_at: when(row.current_term_end),
            url: subscription_url(st, &row.id),
        };
        outbox::send(conn, &who.email, who.locale, &mail, now)?;
    }
    Ok(())
}

// ---- Cancellation.

/// The refund of one charge of the term: the credit note's lines and amounts.
struct Refund {
    charge: TermCharge,
    lines: Vec<NewLine>,
    total: i64,
}

/// What cancelling at `now` refunds: for every charge of the current term, the unused
/// share of each of its lines (see `rules`), with the tax of its invoice.
fn refunds_of(charges: Vec<TermCharge>, row: &SubscriptionRow, now: NaiveDateTime, locale: Locale) -> Vec<Refund> {
    let from = rules::refund_instant(now);
    charges
        .into_iter()
        .filter_map(|charge| {
            let lines: Vec<NewLine> = charge
                .lines
                .iter()
                .filter_map(|l| {
                    let period = match (l.period_start, l.period_end) {
                        (Some(s), Some(e)) => (s, e),
                        _ => (row.term_start, row.current_term_end),
                    };
                    let amount = rules::unused_share(l.amount_cents, period, now);
                    (amount > 0).then(|| NewLine {
                        description: crate::invoices::wording::refund(&l.description, locale),
                        quantity: l.quantity,
                        unit_amount_cents: l.unit_amount_cents,
                        amount_cents: amount,
                        period: Some((from.max(period.0), period.1)),
                    })
                })
                .collect();
            let net: i64 = lines.iter().map(|l| l.amount_cents).sum();
            let total = net + tax_of(net, charge.invoice.tax_rate_bps);
            (total > 0).then_some(Refund { charge, lines, total })
        })
        .collect()
}

/// The decision a cancellation at `now` makes, with the refunds it would pay.
async fn plan_cancellation(state: &AppState, row: &SubscriptionRow, now: NaiveDateTime) -> AppResult<(CancelRule, Vec<Refund>)> {
    live(row)?;
    match rules::cancel_rule(now, row.cancellation_allowed_until) {
        CancelRule::EndAtTermEnd if !row.auto_renew => Err(already_ending()),
        CancelRule::EndAtTermEnd => Ok((CancelRule::EndAtTermEnd, Vec::new())),
        CancelRule::Refund => {
            let probe = row.clone();
            let (charges, locale) = state
                .db
                .run(move |conn| {
                    Ok((store::term_charges(conn, &probe.id)?, crate::auth::service::recipient(conn, &probe.customer_user_id)?.locale))
                })
                .await?;
            Ok((CancelRule::Refund, refunds_of(charges, row, now, locale)))
        }
    }
}

pub async fn cancellation_preview(state: &AppState, user: &AuthUser, id: String) -> AppResult<CancellationPreview> {
    let row = owned_row(state, &id, &user.id).await?;
    let now = state.clock.now_naive();
    let (rule, refunds) = plan_cancellation(state, &row, now).await?;
    Ok(match rule {
        CancelRule::Refund => CancellationPreview {
            outcome: CancellationOutcome::Refund,
            refund_cents: refunds.iter().map(|r| r.total).sum(),
            currency: row.currency,
            ends_at: utc(now),
        },
        CancelRule::EndAtTermEnd => CancellationPreview {
            outcome: CancellationOutcome::EndAtTermEnd,
            refund_cents: 0,
            currency: row.currency,
            ends_at: utc(row.current_term_end),
        },
    })
}

/// How often a refunded cancellation starts over when a seat increase slipped in between
/// the refunds and the write (each new attempt refunds under the same keys).
const CANCEL_ATTEMPTS: usize = 3;

pub async fn cancel(state: &AppState, user: &AuthUser, id: String) -> AppResult<Subscription> {
    for _ in 0..CANCEL_ATTEMPTS {
        let row = owned_row(state, &id, &user.id).await?;
        let now = state.clock.now_naive();
        let (rule, refunds) = plan_cancellation(state, &row, now).await?;
        let done = match rule {
            CancelRule::EndAtTermEnd => turn_off_renewal(state, &user.id, row).await?,
            CancelRule::Refund => cancel_with_refund(state, &user.id, row, refunds, now).await?,
        };
        if done {
            return state.db.run(move |conn| load_in(conn, &id)).await;
        }
    }
    Err(seats_changed())
}

async fn turn_off_renewal(state: &AppState, user_id: &str, seen: SubscriptionRow) -> AppResult<bool> {
    let (actor, st) = (user_id.to_string(), state.clone());
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let Some(row) = store::set_auto_renew(conn, &seen.id, false, now)? else {
                return Err(already_ending());
            };
            auto_renew_changed(conn, &st, &actor, &seen, &row, now, true)?;
            Ok(true)
        })
        .await
}

/// Refunds (outside the transaction, one idempotency key per refunded charge), then
/// cancels if the subscription is still in the state the refunds were computed from.
/// Returns false when a seat change slipped in (the caller starts over).
async fn cancel_with_refund(
    state: &AppState,
    user_id: &str,
    seen: SubscriptionRow,
    refunds: Vec<Refund>,
    decided_at: NaiveDateTime,
) -> AppResult<bool> {
    let mut paid = Vec::new();
    for r in refunds {
        let key = format!("cancel_refund:{}", r.charge.payment_id);
        let req = RefundRequest { charge_ref: r.charge.provider_ref.clone(), amount_cents: r.total, idempotency_key: key.clone() };
        let provider_ref = state.payments.refund(req).await.map_err(|e| AppError::unavailable(format!("refund {key}: {e:?}")))?;
        paid.push((r, key, provider_ref));
    }
    let (actor, st) = (user_id.to_string(), state.clone());
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let Some(row) = store::cancel_refunded(conn, &seen, decided_at, now)? else {
                let current = store::find(conn, &seen.id, &Scope::Any)?.ok_or_else(not_found)?;
                if SubscriptionStatus::LIVE.contains(&current.status) && current.cancellation_allowed_until >= decided_at {
                    return Ok(false);
                }
                // Another cancellation won; it refunded the same charges under the same keys.
                return Err(already_ending());
            };
            let mut credit_notes = Vec::new();
            let mut refunded = 0;
            for (r, key, provider_ref) in &paid {
                let refund_id = store::insert_payment(
                    conn,
                    NewPayment::new(&row, PaymentPurpose::Refund, r.total, (st.payments.name(), key), Outcome::Succeeded(&provider_ref.0)).refunding(&r.charge.payment_id),
                    now,
                )?;
                let (note, _) = crate::invoices::service::credit_note_in(
                    conn,
                    &r.charge.invoice.id,
                    Some(refund_id.clone()),
                    r.lines.clone(),
                    Some(&actor),
                    now,
                )?;
                AuditEntry::new(Some(&actor), AuditAction::PaymentRefunded, "payment", &refund_id)
                    .after(serde_json::json!({"subscription_id": row.id, "refund_of": r.charge.payment_id, "amount_cents": r.total, "credit_note": note.number}))
                    .write(conn, now)?;
                refunded += note.total_cents;
                credit_notes.push(note);
            }
            events::append_in(
                conn,
        &st,
                NewEvent {
                    subscription_id: &row.id,
                    kind: SubscriptionEventKind::Cancelled,
                    status_before: Some(seen.status),
                    status_after: row.status,
                    seats: row.seats,
                    amount_cents: Some(-refunded),
                    invoice_id: credit_notes.first().map(|n| n.id.as_str()),
                    actor_id: Some(&actor),
                    data: serde_json::json!({
                        "refund_cents": refunded,
                        "unused_from": utc(rules::refund_instant(decided_at)),
                        "credit_notes": credit_notes.iter().map(|n| n.id.clone()).collect::<Vec<_>>(),
                    }),
                },
                now,
            )?;
            AuditEntry::new(Some(&actor), AuditAction::SubscriptionCancelled, "subscription", &row.id)
                .before(serde_json::json!({"status": seen.status, "auto_renew": seen.auto_renew}))
                .after(serde_json::json!({"status": row.status, "refund_cents": refunded}))
                .write(conn, now)?;
            sync_provider_in(conn, &row, ProvisioningTaskKind::CancelSubscription, serde_json::json!({}), now)?;
            let (plan, _, _) = store::plan(conn, &row.plan_id)?;
            let who = crate::auth::service::recipient(conn, &row.customer_user_id)?;
            let mail = mails::SubscriptionCancelled {
                name: who.name.clone(),
                plan,
                refunded: true,
                refund_cents: refunded,
                currency: row.currency.clone(),
                ends_at: when(now),
                url: match credit_notes.first() {
                    Some(n) => invoice_url(&st, &n.id),
                    None => subscription_url(&st, &row.id),
                },
            };
            outbox::send(conn, &who.email, who.locale, &mail, now)?;
            Ok(true)
        })
        .await
}

/// Tells Microsoft about a change (seats, cancellation, auto-renew) through a provisioning
/// task in the same transaction. A subscription not yet linked to an active account has no
/// order at Microsoft: its order is placed later with the seats it has then.
pub fn sync_provider_in(
    conn: &mut DbConnection,
    row: &SubscriptionRow,
    kind: ProvisioningTaskKind,
    payload: serde_json::Value,
    now: NaiveDateTime,
) -> AppResult<()> {
    if row.account_id.is_none() {
        return Ok(());
    }
    let key = format!("{}:{}:{}", kind.as_str(), row.id, now.and_utc().timestamp_micros());
    crate::provisioning::service::enqueue_in(conn, kind, &key, row.account_id.as_deref(), Some(&row.id), payload, now)
}

/// The cancellation window of a term that starts (or is renewed) at `at`.
pub fn window_from(at: NaiveDateTime) -> NaiveDateTime {
    at + Duration::hours(crate::subscriptions::model::CANCELLATION_WINDOW_HOURS)
}
