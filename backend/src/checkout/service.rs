//! The checkout rules, in the order they run:
//!
//! 1. The body is checked (plan id, term, seats 1–50, payment method, billing country);
//!    a bad request never touches the idempotency key.
//! 2. With an `Idempotency-Key`, the key is reserved (or the first response replayed, or
//!    409/422 answered) — see `web::idempotency`.
//! 3. Reads, outside any write transaction: the plan (on sale), the referrer (an eligible
//!    freelancer's code; anything else is a sale without one), the buyer, the tax rate.
//!    A failure here gives the key back.
//! 4. The charge, before any write transaction is opened (a payment call inside one would
//!    hold SQLite's write lock for its whole duration). The provider's idempotency key is
//!    derived from the client's key and the request, so a retry never charges twice.
//! 5. A decline writes the failed payment attempt and `payment.failed` in a small
//!    transaction of its own, with the 402 stored for replay. Nothing else is created.
//! 6. A charge writes, in ONE transaction: payment, order, `pending` subscription, paid
//!    invoice (gap-free number), the `created` event, the audit entries, the emails and
//!    the stored 201. A self-referral (the buyer is the freelancer behind the code) is
//!    flagged on order and subscription, audited, and earns no sale email.

use actix_web::http::StatusCode;
use chrono::{Duration, NaiveDateTime};

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::model::FreelancerRow;
use crate::auth::service::{recipient, recipient_of_freelancer, Recipient};
use crate::auth::AuthUser;
use crate::catalog::model::Plan;
use crate::checkout::model::*;
use crate::checkout::store;
use crate::clock::utc;
use crate::db::DbConnection;
use crate::domain::commerce::{BillingTerm, PaymentPurpose, PaymentStatus, Seats, SubscriptionEventKind, SubscriptionStatus};
use crate::domain::ids::{random_token, OrderId, PaymentId, SubscriptionId};
use crate::error::{AppError, AppResult, FieldError};
use crate::invoices::model::{BillTo, NewInvoice, NewLine};
use crate::notifications::{mails, outbox};
use crate::providers::payments::{ChargeRequest, DeclineCode, PaymentError, ProviderRef};
use crate::state::AppState;
use crate::subscriptions::events::{append_in, NewEvent};
use crate::subscriptions::model::{SubscriptionRow, CANCELLATION_WINDOW_HOURS};
use crate::web::idempotency::{self, Begin, IdempotencyKey, KeyedRequest, Reservation, StoredResponse};

/// The operation name idempotency keys are bound to.
pub const OPERATION: &str = "checkout";

/// A checked request.
#[derive(Debug, Clone)]
struct Purchase {
    plan_id: String,
    term: BillingTerm,
    seats: Seats,
    referral_code: Option<String>,
    payment_method: String,
    billing_country: Option<String>,
}

fn blank() -> String {
    "This field must not be blank.".into()
}

fn check(req: CheckoutRequest) -> AppResult<Purchase> {
    let mut errors = Vec::new();
    let plan_id = req.plan_id.trim().to_string();
    if plan_id.is_empty() {
        errors.push(FieldError { field: "plan_id".into(), message: blank() });
    }
    let seats = match Seats::new("seats", req.seats) {
        Ok(s) => Some(s),
        Err(e) => {
            errors.extend(e.errors);
            None
        }
    };
    let payment_method = req.payment_method.trim().to_string();
    if payment_method.is_empty() {
        errors.push(FieldError { field: "payment_method".into(), message: blank() });
    } else if payment_method.len() > 255 {
        errors.push(FieldError { field: "payment_method".into(), message: "Use at most 255 characters.".into() });
    }
    let billing_country = req.billing_country.map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty());
    if billing_country.as_deref().is_some_and(|c| !crate::domain::country::is_code(c)) {
        errors.push(FieldError { field: "billing_country".into(), message: "Enter a two-letter country code such as US.".into() });
    }
    match seats {
        Some(seats) if errors.is_empty() => Ok(Purchase {
            plan_id,
            term: req.billing_term,
            seats,
            referral_code: req.referral_code.filter(|c| !c.trim().is_empty()),
            payment_method,
            billing_country,
        }),
        _ => Err(AppError::validation(errors)),
    }
}

/// What the purchase needs to know before charging.
struct Context {
    plan: Plan,
    /// The eligible freelancer behind the referral code, and the code as stored.
    referrer: Option<(FreelancerRow, String)>,
    buyer: Recipient,
    tax_rate_bps: i32,
}

fn load_context(conn: &mut DbConnection, buyer_id: &str, p: &Purchase) -> AppResult<Context> {
    let plan = crate::catalog::service::active_plans_in(conn)?
        .into_iter()
        .find(|plan| plan.id == p.plan_id)
        .ok_or_else(|| AppError::field("plan_id", "This plan is not on sale. Choose one of the plans offered."))?;
    let referrer = match &p.referral_code {
        Some(code) => crate::referrals::service::resolve_in(conn, code)?.and_then(|fl| fl.referral_code.clone().map(|c| (fl, c))),
        None => None,
    };
    let buyer = recipient(conn, buyer_id)?;
    let tax_rate_bps = crate::invoices::service::tax_rate_in(conn, p.billing_country.as_deref())?;
    Ok(Context { plan, referrer, buyer, tax_rate_bps })
}

/// The money of one purchase, in cents.
#[derive(Debug, Clone, Copy)]
struct Amounts {
    unit: i64,
    subtotal: i64,
    tax: i64,
    total: i64,
}

fn amounts(plan: &Plan, p: &Purchase, tax_rate_bps: i32) -> Amounts {
    let unit = crate::subscriptions::view::price_for(p.term, plan.monthly_price_cents, plan.yearly_price_cents);
    let subtotal = unit * p.seats.get() as i64;
    let tax = crate::invoices::service::tax_of(subtotal, tax_rate_bps);
    Amounts { unit, subtotal, tax, total: subtotal + tax }
}

/// "Microsoft 365 Business Standard, yearly, 5 seats": the invoice line and the charge's description.
fn describe(plan: &Plan, p: &Purchase) -> String {
    let seats = p.seats.get();
    format!("{}, {}, {} {}", plan.name, p.term.as_str(), seats, if seats == 1 { "seat" } else { "seats" })
}

fn declined(code: DeclineCode) -> AppError {
    match code {
        DeclineCode::CardDeclined => {
            AppError::new(StatusCode::PAYMENT_REQUIRED, "card_declined", "Your card was declined. Use another payment method.")
        }
        DeclineCode::InsufficientFunds => AppError::new(
            StatusCode::PAYMENT_REQUIRED,
            "insufficient_funds",
            "Your card has insufficient funds. Use another payment method.",
        ),
    }
}

/// `POST /checkout`: the stored (or just stored) response, and whether it is a replay.
pub async fn checkout(
    state: &AppState,
    buyer: &AuthUser,
    key: Option<IdempotencyKey>,
    body: serde_json::Value,
) -> AppResult<(StoredResponse, bool)> {
    let purchase = check(crate::web::json::parse::<CheckoutRequest>(body.clone())?)?;
    let reservation = match &key {
        None => None,
        Some(key) => {
            let keyed = KeyedRequest::new(&buyer.id, key.clone(), OPERATION, &body);
            match idempotency::begin(&state.db, keyed, state.clock.now_naive()).await? {
                Begin::Replay(stored) => return Ok((stored, true)),
                Begin::Proceed(r) => Some(r),
            }
        }
    };
    let result = purchase_with(state, &buyer.id, purchase, reservation.clone()).await;
    if result.is_err() {
        // Nothing was stored (the transaction that would have stored it rolled back).
        idempotency::release(&state.db, reservation.as_ref()).await;
    }
    result.map(|stored| (stored, false))
}

async fn purchase_with(state: &AppState, buyer_id: &str, p: Purchase, reservation: Option<Reservation>) -> AppResult<StoredResponse> {
    let (uid, lookup) = (buyer_id.to_string(), p.clone());
    let ctx = state.db.run(move |conn| load_context(conn, &uid, &lookup)).await?;
    let money = amounts(&ctx.plan, &p, ctx.tax_rate_bps);
    let provider_key = match &reservation {
        Some(r) => r.derived_key("checkout.charge"),
        None => format!("ph_{}", random_token(40).to_lowercase()),
    };
    let charge = ChargeRequest {
        amount_cents: money.total,
        currency: ctx.plan.currency.clone(),
        payment_method: p.payment_method.clone(),
        idempotency_key: provider_key.clone(),
        description: describe(&ctx.plan, &p),
    };
    let outcome = state.payments.charge(charge).await;
    let attempt = Attempt {
        buyer_id: buyer_id.to_string(),
        purchase: p,
        ctx,
        money,
        provider: state.payments.name().to_string(),
        provider_key,
        reservation,
    };
    let st = state.clone();
    match outcome {
        Ok(charged) => {
            let (stored, order_task) = state.db.transaction(move |conn| place_in(conn, &st, attempt, charged)).await?;
            crate::provisioning::service::run_now(state, order_task.into_iter().collect()).await;
            Ok(stored)
        }
        Err(PaymentError::Declined(code)) => state.db.transaction(move |conn| refuse_in(conn, &st, attempt, code)).await,
        Err(PaymentError::UnknownPaymentMethod) => {
            Err(AppError::field("payment_method", "This payment method is not known. Choose another one."))
        }
        Err(PaymentError::Unavailable(cause)) => {
            let mut e = AppError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "payment_unavailable",
                "The payment service cannot be reached right now. Try again in a moment.",
            );
            e.cause = Some(cause);
            Err(e)
        }
    }
}

/// Everything known once the provider has answered.
struct Attempt {
    buyer_id: String,
    purchase: Purchase,
    ctx: Context,
    money: Amounts,
    provider: String,
    provider_key: String,
    reservation: Option<Reservation>,
}

impl Attempt {
    fn payment(
        &self,
        id: &str,
        status: PaymentStatus,
        subscription_id: Option<String>,
        charged: Option<ProviderRef>,
        now: NaiveDateTime,
    ) -> PaymentRow {
        PaymentRow {
            id: id.to_string(),
            user_id: self.buyer_id.clone(),
            purpose: PaymentPurpose::Purchase,
            subscription_id,
            refund_of: None,
            amount_cents: self.money.total,
            currency: self.ctx.plan.currency.clone(),
            payment_method: self.purchase.payment_method.clone(),
            status,
            failure_code: None,
            provider: self.provider.clone(),
            provider_ref: charged.map(|r| r.0),
            provider_key: self.provider_key.clone(),
            created_at: now,
        }
    }
}

/// The declined attempt: one failed payment row, `payment.failed`, and the 402 stored for replay.
fn refuse_in(conn: &mut DbConnection, st: &AppState, a: Attempt, code: DeclineCode) -> AppResult<StoredResponse> {
    let now = st.clock.now_naive();
    let id = PaymentId::generate().0;
    let mut row = a.payment(&id, PaymentStatus::Failed, None, None, now);
    row.failure_code = Some(code.as_str().to_string());
    store::insert_payment(conn, &row)?;
    AuditEntry::new(Some(&a.buyer_id), AuditAction::PaymentFailed, "payment", &id)
        .after(serde_json::json!({
            "purpose": PaymentPurpose::Purchase,
            "amount_cents": row.amount_cents,
            "currency": row.currency,
            "failure_code": code.as_str(),
            "plan_id": a.purchase.plan_id,
            "billing_term": a.purchase.term,
            "seats": a.purchase.seats.get(),
        }))
        .write(conn, now)?;
    // Stored as sent: in the buyer's language (the i18n middleware only sees errors).
    let problem = crate::i18n::middleware::localise(declined(code).problem(), a.ctx.buyer.locale);
    let body = serde_json::to_string(&problem).map_err(|e| AppError::internal(format!("problem json: {e}")))?;
    let stored = StoredResponse { status: 402, body };
    idempotency::complete_in(conn, a.reservation.as_ref(), &stored, now)?;
    Ok(stored)
}

/// The paid purchase: every row, entry and email in the caller's transaction.
/// Returns the response and, when the client's Microsoft account is already active, the
/// provisioning task that orders the subscription (run right after the commit).
fn place_in(conn: &mut DbConnection, st: &AppState, a: Attempt, charged: ProviderRef) -> AppResult<(StoredResponse, Option<String>)> {
    let now = st.clock.now_naive();
    let (p, ctx, money) = (&a.purchase, &a.ctx, a.money);
    let (payment_id, order_id, sub_id) = (PaymentId::generate().0, OrderId::generate().0, SubscriptionId::generate().0);
    let self_referral = ctx.referrer.as_ref().is_some_and(|(fl, _)| fl.user_id == a.buyer_id);
    let (freelancer_id, referral_code) = match &ctx.referrer {
        Some((fl, code)) => (Some(fl.id.clone()), Some(code.clone())),
        None => (None, None),
    };
    store::insert_payment(conn, &a.payment(&payment_id, PaymentStatus::Succeeded, Some(sub_id.clone()), Some(charged.clone()), now))?;
    let order = OrderRow {
        id: order_id.clone(),
        customer_user_id: a.buyer_id.clone(),
        plan_id: ctx.plan.id.clone(),
        billing_term: p.term,
        seats: p.seats.get(),
        unit_price_cents: money.unit,
        currency: ctx.plan.currency.clone(),
        freelancer_id: freelancer_id.clone(),
        referral_code: referral_code.clone(),
        self_referral,
        payment_id: payment_id.clone(),
        created_at: now,
    };
    store::insert_order(conn, &order)?;
    let term_end = p.term.term_end(now);
    store::insert_subscription(
        conn,
        &SubscriptionRow {
            id: sub_id.clone(),
            customer_user_id: a.buyer_id.clone(),
            account_id: None,
            order_id: order_id.clone(),
            plan_id: ctx.plan.id.clone(),
            freelancer_id: freelancer_id.clone(),
            self_referral,
            billing_term: p.term,
            seats: p.seats.get(),
            scheduled_seats: None,
            unit_price_cents: money.unit,
            currency: ctx.plan.currency.clone(),
            payment_method: p.payment_method.clone(),
            status: SubscriptionStatus::Pending,
            auto_renew: true,
            term_start: now,
            current_term_end: term_end,
            cancellation_allowed_until: now + Duration::hours(CANCELLATION_WINDOW_HOURS),
            activated_at: None,
            renewal_attempts: 0,
            next_renewal_attempt_at: None,
            grace_until: None,
            ended_at: None,
            provider_subscription_id: None,
            created_at: now,
            updated_at: now,
        },
    )?;
    let (invoice_row, lines) = crate::invoices::service::issue_in(
        conn,
        NewInvoice {
            customer_user_id: a.buyer_id.clone(),
            subscription_id: Some(sub_id.clone()),
            payment_id: Some(payment_id.clone()),
            currency: ctx.plan.currency.clone(),
            bill_to: BillTo {
                name: ctx.buyer.name.clone(),
                email: ctx.buyer.email.clone(),
                address: None,
                country: p.billing_country.clone(),
            },
            lines: vec![NewLine {
                description: crate::invoices::wording::purchase(&ctx.plan.name, p.term, p.seats.get(), ctx.buyer.locale),
                quantity: p.seats.get(),
                unit_amount_cents: money.unit,
                amount_cents: money.subtotal,
                period: Some((now, term_end)),
            }],
        },
        Some(&a.buyer_id),
        now,
    )?;
    if invoice_row.total_cents != money.total {
        // Only when the tax table changed between the charge and now: the invoice says
        // what the table says, the payment what was charged; support reconciles.
        log::error!(
            "invoice {} totals {} but {} was charged (payment {payment_id})",
            invoice_row.number,
            invoice_row.total_cents,
            money.total
        );
    }
    append_in(
        conn,
        st,
        NewEvent {
            subscription_id: &sub_id,
            kind: SubscriptionEventKind::Created,
            status_before: None,
            status_after: SubscriptionStatus::Pending,
            seats: p.seats.get(),
            amount_cents: Some(money.total),
            invoice_id: Some(&invoice_row.id),
            actor_id: Some(&a.buyer_id),
            data: serde_json::json!({
                "order_id": order_id,
                "payment_id": payment_id,
                "unit_price_cents": money.unit,
                "period_start": utc(now),
                "period_end": utc(term_end),
                "referral_code": referral_code,
                "self_referral": self_referral,
            }),
        },
        now,
    )?;
    AuditEntry::new(Some(&a.buyer_id), AuditAction::OrderPlaced, "order", &order_id)
        .after(serde_json::json!({
            "plan_id": ctx.plan.id,
            "billing_term": p.term,
            "seats": p.seats.get(),
            "unit_price_cents": money.unit,
            "total_cents": money.total,
            "currency": ctx.plan.currency,
            "subscription_id": sub_id,
            "invoice_id": invoice_row.id,
            "payment_id": payment_id,
            "provider_ref": charged.0,
            "freelancer_id": freelancer_id,
            "referral_code": referral_code,
            "self_referral": self_referral,
        }))
        .write(conn, now)?;
    if self_referral {
        AuditEntry::new(Some(&a.buyer_id), AuditAction::OrderSelfReferral, "order", &order_id)
            .after(serde_json::json!({"freelancer_id": freelancer_id, "subscription_id": sub_id, "referral_code": referral_code}))
            .write(conn, now)?;
    }
    send_emails_in(conn, st, &a, &invoice_row, self_referral, now)?;
    let order_task = crate::customers::service::on_subscription_created_in(conn, &a.buyer_id, &sub_id, now)?;

    let result = CheckoutResult {
        order: Order {
            id: order_id,
            plan_id: order.plan_id,
            billing_term: order.billing_term,
            seats: order.seats,
            unit_price_cents: money.unit,
            subtotal_cents: money.subtotal,
            tax_cents: money.tax,
            total_cents: money.total,
            currency: order.currency,
            created_at: utc(now),
            referral_code: order.referral_code,
            self_referral,
        },
        subscription: crate::subscriptions::view::load_in(conn, &sub_id)?,
        invoice: crate::invoices::view::build(invoice_row, lines, None),
    };
    let body = serde_json::to_string(&result).map_err(|e| AppError::internal(format!("checkout json: {e}")))?;
    let stored = StoredResponse { status: 201, body };
    idempotency::complete_in(conn, a.reservation.as_ref(), &stored, now)?;
    Ok((stored, order_task))
}

/// The client's confirmation (with the invoice) and, for a sale through someone else's
/// link, the freelancer's notification: what was sold, nothing about the client.
fn send_emails_in(
    conn: &mut DbConnection,
    st: &AppState,
    a: &Attempt,
    invoice: &crate::invoices::model::InvoiceRow,
    self_referral: bool,
    now: NaiveDateTime,
) -> AppResult<()> {
    let base = &st.settings.public_base_url;
    let (p, ctx) = (&a.purchase, &a.ctx);
    let confirmation = mails::OrderConfirmation {
        name: ctx.buyer.name.clone(),
        plan: ctx.plan.name.clone(),
        seats: p.seats.get(),
        term: p.term.as_str().into(),
        total_cents: invoice.total_cents,
        currency: invoice.currency.clone(),
        invoice_number: invoice.number.clone(),
        invoice_url: format!("{base}/app/billing/invoices/{}", invoice.id),
        url: format!("{base}/app/account/setup"),
    };
    outbox::send(conn, &ctx.buyer.email, ctx.buyer.locale, &confirmation, now)?;
    if let (Some((fl, _)), false) = (&ctx.referrer, self_referral) {
        let to = recipient_of_freelancer(conn, &fl.id)?;
        let sale = mails::SaleNotification {
            name: to.name.clone(),
            plan: ctx.plan.name.clone(),
            seats: p.seats.get(),
            term: p.term.as_str().into(),
            url: format!("{base}/app/dashboard"),
        };
        outbox::send(conn, &to.email, to.locale, &sale, now)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(v: serde_json::Value) -> AppResult<Purchase> {
        check(crate::web::json::parse::<CheckoutRequest>(v)?)
    }

    #[test]
    fn checks_every_field_at_once() {
        let e = req(serde_json::json!({
            "plan_id": " ", "billing_term": "yearly", "seats": 51, "payment_method": "", "billing_country": "Germany"
        }))
        .unwrap_err();
        let fields: Vec<&str> = e.errors.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["plan_id", "seats", "payment_method", "billing_country"]);
        let ok = req(serde_json::json!({
            "plan_id": "pln_x", "billing_term": "monthly", "seats": 1, "payment_method": " pm_card_visa ",
            "billing_country": "de", "referral_code": "  "
        }))
        .unwrap();
        assert_eq!((ok.payment_method.as_str(), ok.billing_country.as_deref(), ok.referral_code), ("pm_card_visa", Some("DE"), None));
        assert!(req(serde_json::json!({"plan_id": "p", "billing_term": "weekly", "seats": 1, "payment_method": "x"})).is_err());
    }
}
