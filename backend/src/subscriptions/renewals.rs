//! The `renewals` job: every subscription whose term has ended is renewed, expired or
//! retried, once, however many instances run the job at the same time.
//!
//! 1. **Claim.** A run claims due subscriptions by moving their `next_renewal_attempt_at`
//!    to the end of a short lease (`store::claim_due`: `FOR UPDATE SKIP LOCKED` on
//!    PostgreSQL, the write lock on SQLite). Until the lease ends no other run sees them
//!    as due; the lease value is the claim's key.
//! 2. **Charge** outside any transaction, under the key
//!    `renewal:<subscription>:<term end>:<attempt>`: a run that took over an expired
//!    lease (the first one crashed or stalled) charges the same attempt under the same
//!    key, so the provider charges once.
//! 3. **Finish** with one conditional update keyed by the claim (same subscription, same
//!    term end, same lease): the new term, the failed attempt, the expiry or the
//!    cancellation is written once, with its payment, invoice, events, audit entries and
//!    email in the same transaction. A run whose claim was taken over writes nothing.
//!
//! Auto-renew off → `expired` at the term end. Otherwise the plan's *current* price is
//! charged for the next term (a catalogue price change applies from the next renewal), with
//! a scheduled seat decrease applied first. A refused payment is retried through the
//! grace period, then the subscription is `suspended`, then `cancelled` (see `rules`).

use chrono::{Duration, NaiveDateTime};

use crate::audit::{AuditAction, AuditEntry};
use crate::db::DbConnection;
use crate::domain::commerce::{PaymentPurpose, SubscriptionEventKind, SubscriptionStatus};
use crate::error::{AppError, AppResult};
use crate::invoices::model::NewLine;
use crate::invoices::service::{issue_in, tax_of, tax_rate_in};
use crate::jobs::Tally;
use crate::notifications::mail::when;
use crate::notifications::{mails, outbox};
use crate::providers::payments::{ChargeRequest, PaymentError, ProviderRef};
use crate::state::AppState;
use crate::subscriptions::events::{self, NewEvent};
use crate::subscriptions::model::SubscriptionRow;
use crate::subscriptions::rules::{self, AfterFailure};
use crate::subscriptions::service::{failure_code, invoice_url, subscription_url, window_from};
use crate::subscriptions::store::{self, NewPayment, NewTerm, Outcome};
use crate::subscriptions::view::price_for;

/// How long a claim keeps other runs away (business time).
const LEASE_MINUTES: i64 = 10;
/// After the payment provider could not be reached, the next try.
const PROVIDER_RETRY_MINUTES: i64 = 60;
const BATCH: i64 = 50;
/// A run stops after this many batches (a clock moved far ahead renews term after term).
const MAX_BATCHES: usize = 40;

/// Events written by one transaction are stamped a microsecond apart, so their
/// (created_at, id) order is the order they happened in.
fn then(now: NaiveDateTime, step: i64) -> NaiveDateTime {
    now + Duration::microseconds(step)
}

pub async fn run(state: &AppState) -> AppResult<Tally> {
    let mut tally = Tally::default();
    for _ in 0..MAX_BATCHES {
        let now = state.clock.now_naive();
        let lease = now + Duration::minutes(LEASE_MINUTES);
        let claimed = state.db.transaction(move |conn| store::claim_due(conn, now, lease, BATCH)).await?;
        if claimed.is_empty() {
            break;
        }
        for row in claimed {
            let id = row.id.clone();
            match process(state, row).await {
                Ok(true) => tally.processed += 1,
                Ok(false) => {}
                Err(e) => {
                    log::warn!("renewals: {id}: {e}");
                    tally.failed += 1;
                }
            }
        }
    }
    Ok(tally)
}

/// Handles one claimed subscription; false when its claim was taken over meanwhile.
async fn process(state: &AppState, row: SubscriptionRow) -> AppResult<bool> {
    if !row.auto_renew {
        return expire(state, row).await;
    }
    let probe = row.clone();
    let (plan, net, seats, unit, total) = state
        .db
        .run(move |conn| {
            let (name, monthly, yearly) = store::plan(conn, &probe.plan_id)?;
            let unit = price_for(probe.billing_term, monthly, yearly);
            let seats = probe.scheduled_seats.unwrap_or(probe.seats);
            let net = unit * seats as i64;
            let bill_to = store::bill_to(conn, &probe)?;
            let rate = tax_rate_in(conn, bill_to.country.as_deref())?;
            Ok((name, net, seats, unit, net + tax_of(net, rate)))
        })
        .await?;
    let attempt = row.renewal_attempts + 1;
    let key = format!("renewal:{}:{}:{attempt}", row.id, row.current_term_end.and_utc().timestamp());
    let charge = Charge { plan, net, seats, unit, total, key };
    let req = ChargeRequest {
        amount_cents: total,
        currency: row.currency.clone(),
        payment_method: row.payment_method.clone(),
        idempotency_key: charge.key.clone(),
        description: format!("Renewal of {} ({})", charge.plan, row.id),
    };
    match state.payments.charge(req).await {
        Ok(provider_ref) => renewed(state, row, charge, provider_ref).await,
        Err(PaymentError::Unavailable(cause)) => {
            let retry_at = state.clock.now_naive() + Duration::minutes(PROVIDER_RETRY_MINUTES);
            state.db.transaction(move |conn| store::release(conn, &row, retry_at)).await?;
            Err(AppError::unavailable(format!("payment provider: {cause}")))
        }
        Err(e) => failed(state, row, charge, e).await,
    }
}

struct Charge {
    plan: String,
    net: i64,
    seats: i32,
    unit: i64,
    total: i64,
    key: String,
}

fn event(row: &SubscriptionRow, kind: SubscriptionEventKind, before: SubscriptionStatus, data: serde_json::Value) -> NewEvent<'_> {
    NewEvent {
        subscription_id: &row.id,
        kind,
        status_before: Some(before),
        status_after: row.status,
        seats: row.seats,
        amount_cents: None,
        invoice_id: None,
        actor_id: None,
        data,
    }
}

fn audit(
    conn: &mut DbConnection,
    action: AuditAction,
    claimed: &SubscriptionRow,
    row: &SubscriptionRow,
    after: serde_json::Value,
    now: NaiveDateTime,
) -> AppResult<()> {
    AuditEntry::new(None, action, "subscription", &row.id)
        .before(serde_json::json!({"status": claimed.status, "seats": claimed.seats, "current_term_end": crate::clock::utc(claimed.current_term_end)}))
        .after(after)
        .write(conn, now)
}

async fn expire(state: &AppState, claimed: SubscriptionRow) -> AppResult<bool> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let Some(row) = store::end(conn, &claimed, SubscriptionStatus::Expired, claimed.current_term_end, now)? else {
                return Ok(false);
            };
            events::append_in(
                conn,
                &st,
                event(&row, SubscriptionEventKind::Expired, claimed.status, serde_json::json!({"reason": "auto_renew_off"})),
                now,
            )?;
            audit(conn, AuditAction::SubscriptionExpired, &claimed, &row, serde_json::json!({"status": row.status}), now)?;
            send_ended(conn, &st, &row, false, now)?;
            Ok(true)
        })
        .await
}

fn send_ended(conn: &mut DbConnection, st: &AppState, row: &SubscriptionRow, unpaid: bool, now: NaiveDateTime) -> AppResult<()> {
    let (plan, _, _) = store::plan(conn, &row.plan_id)?;
    let who = crate::auth::service::recipient(conn, &row.customer_user_id)?;
    let mail = mails::SubscriptionEnded {
        name: who.name.clone(),
        plan,
        unpaid,
        ended_at: when(row.ended_at.unwrap_or(now)),
        url: subscription_url(st, &row.id),
    };
    outbox::send(conn, &who.email, who.locale, &mail, now)?;
    Ok(())
}

async fn renewed(state: &AppState, claimed: SubscriptionRow, c: Charge, provider_ref: ProviderRef) -> AppResult<bool> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let term = NewTerm {
                seats: c.seats,
                unit_price_cents: c.unit,
                term_end: claimed.billing_term.term_end(claimed.current_term_end),
                cancellation_allowed_until: window_from(now),
            };
            let Some(row) = store::renew(conn, &claimed, term, now)? else {
                // Taken over: the run that holds the claim charged this attempt under the
                // same key and records it.
                return Ok(false);
            };
            let payment_id = store::insert_payment(
                conn,
                NewPayment::new(&row, PaymentPurpose::Renewal, c.total, (st.payments.name(), &c.key), Outcome::Succeeded(&provider_ref.0)),
                now,
            )?;
            let line = NewLine {
                description: crate::invoices::wording::renewal(
                    &c.plan,
                    row.billing_term,
                    row.seats,
                    crate::auth::service::recipient(conn, &row.customer_user_id)?.locale,
                ),
                quantity: row.seats,
                unit_amount_cents: c.unit,
                amount_cents: c.net,
                period: Some((row.term_start, row.current_term_end)),
            };
            let invoice = store::invoice_for(conn, &row, payment_id, line)?;
            let (invoice, _) = issue_in(conn, invoice, None, now)?;
            if claimed.scheduled_seats.is_some() && row.seats != claimed.seats {
                let data = serde_json::json!({"previous_seats": claimed.seats});
                events::append_in(conn, &st, event(&row, SubscriptionEventKind::SeatsDecreased, claimed.status, data), now)?;
                let seats = serde_json::json!({"seats": row.seats});
                crate::subscriptions::service::sync_provider_in(conn, &row, crate::domain::commerce::ProvisioningTaskKind::ChangeSeats, seats, now)?;
            }
            let data = serde_json::json!({
                "term_start": crate::clock::utc(row.term_start),
                "term_end": crate::clock::utc(row.current_term_end),
                "unit_price_cents": c.unit,
                "attempt": claimed.renewal_attempts + 1,
            });
            let mut renewal = event(&row, SubscriptionEventKind::Renewed, claimed.status, data);
            renewal.amount_cents = Some(invoice.total_cents);
            renewal.invoice_id = Some(&invoice.id);
            events::append_in(conn, &st, renewal, then(now, 1))?;
            let after = serde_json::json!({"status": row.status, "seats": row.seats, "current_term_end": crate::clock::utc(row.current_term_end), "invoice": invoice.number});
            audit(conn, AuditAction::SubscriptionRenewed, &claimed, &row, after, now)?;
            if claimed.status == SubscriptionStatus::Suspended {
                events::append_in(conn, &st, event(&row, SubscriptionEventKind::Reactivated, claimed.status, serde_json::json!({})), then(now, 2))?;
                audit(conn, AuditAction::SubscriptionReactivated, &claimed, &row, serde_json::json!({"status": row.status}), now)?;
            }
            let who = crate::auth::service::recipient(conn, &row.customer_user_id)?;
            let mail = mails::SubscriptionRenewed {
                name: who.name.clone(),
                plan: c.plan.clone(),
                seats: row.seats,
                amount_cents: invoice.total_cents,
                currency: row.currency.clone(),
                invoice_number: invoice.number.clone(),
                term_end: when(row.current_term_end),
                cancel_until: when(row.cancellation_allowed_until),
                url: invoice_url(&st, &invoice.id),
            };
            outbox::send(conn, &who.email, who.locale, &mail, now)?;
            Ok(true)
        })
        .await
}

async fn failed(state: &AppState, claimed: SubscriptionRow, c: Charge, e: PaymentError) -> AppResult<bool> {
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            let now = st.clock.now_naive();
            let grace = rules::grace_until(claimed.current_term_end);
            let next = rules::after_failed_renewal(claimed.status, claimed.current_term_end, now);
            let row = match next {
                AfterFailure::Retry { retry_at } => store::renewal_failed(conn, &claimed, claimed.status, retry_at, grace, now)?,
                AfterFailure::Suspend { retry_at } => store::renewal_failed(conn, &claimed, SubscriptionStatus::Suspended, retry_at, grace, now)?,
                AfterFailure::Cancel => store::end(conn, &claimed, SubscriptionStatus::Cancelled, now, now)?,
            };
            let Some(row) = row else { return Ok(false) };
            let code = failure_code(&e);
            let payment_id = store::insert_payment(
                conn,
                NewPayment::new(&row, PaymentPurpose::Renewal, c.total, (st.payments.name(), &c.key), Outcome::Failed(code)),
                now,
            )?;
            let retry_at = row.next_renewal_attempt_at;
            let attempt = claimed.renewal_attempts + 1;
            let data = serde_json::json!({
                "attempt": attempt,
                "amount_cents": c.total,
                "failure_code": code,
                "payment_id": payment_id,
                "retry_at": retry_at.map(crate::clock::utc),
            });
            // The failure is recorded against the state it happened in; a suspension or
            // cancellation that follows from it is its own event.
            let mut failure = event(&row, SubscriptionEventKind::RenewalPaymentFailed, claimed.status, data);
            failure.status_after = claimed.status;
            events::append_in(conn, &st, failure, now)?;
            let after = serde_json::json!({"status": row.status, "attempt": attempt, "failure_code": code, "retry_at": retry_at.map(crate::clock::utc)});
            audit(conn, AuditAction::SubscriptionRenewalFailed, &claimed, &row, after, now)?;
            let (plan, who) = (c.plan.clone(), crate::auth::service::recipient(conn, &row.customer_user_id)?);
            match next {
                AfterFailure::Retry { retry_at } => {
                    // While suspended the client already knows the dates (the suspension email).
                    if claimed.status != SubscriptionStatus::Suspended {
                        let mail = mails::SubscriptionRenewalFailed {
                            name: who.name.clone(),
                            plan,
                            amount_cents: c.total,
                            currency: row.currency.clone(),
                            retry_at: when(retry_at),
                            grace_until: when(grace),
                            url: subscription_url(&st, &row.id),
                        };
                        outbox::send(conn, &who.email, who.locale, &mail, now)?;
                    }
                }
                AfterFailure::Suspend { retry_at } => {
                    let data = serde_json::json!({"retry_at": crate::clock::utc(retry_at)});
                    events::append_in(conn, &st, event(&row, SubscriptionEventKind::Suspended, claimed.status, data), then(now, 1))?;
                    audit(conn, AuditAction::SubscriptionSuspended, &claimed, &row, serde_json::json!({"status": row.status}), now)?;
                    let mail = mails::SubscriptionSuspended {
                        name: who.name.clone(),
                        plan,
                        retry_at: when(retry_at),
                        cancel_at: when(claimed.current_term_end + Duration::days(rules::CANCEL_UNPAID_AFTER_DAYS)),
                        url: subscription_url(&st, &row.id),
                    };
                    outbox::send(conn, &who.email, who.locale, &mail, now)?;
                }
                AfterFailure::Cancel => {
                    let data = serde_json::json!({"reason": "unpaid"});
                    events::append_in(conn, &st, event(&row, SubscriptionEventKind::Cancelled, claimed.status, data), then(now, 1))?;
                    audit(conn, AuditAction::SubscriptionCancelled, &claimed, &row, serde_json::json!({"status": row.status, "reason": "unpaid"}), now)?;
                    send_ended(conn, &st, &row, true, now)?;
                }
            }
            Ok(true)
        })
        .await
}
