//! Carrying out provisioning tasks: each is one step at Microsoft (create the customer's
//! tenant, place an order, change seats, cancel, switch auto-renewal), claimed by a
//! worker, performed through `AppState::microsoft` outside any transaction, and finished
//! in one transaction with its effect (a placed order activates the subscription: status,
//! event, audit entry and email together with the task's `done`).
//!
//! Every step is safe to repeat: a tenant that exists is found again, an order is placed
//! once per subscription id, a seat count or auto-renew flag is set to a value. So a task
//! whose worker died after the call but before `done` is simply done again.

use chrono::NaiveDateTime;
use serde_json::{json, Value};

use crate::audit::{AuditAction, AuditEntry};
use crate::customers::service as customers;
use crate::db::DbConnection;
use crate::domain::commerce::{ProvisioningStatus, ProvisioningTaskKind, SubscriptionEventKind, SubscriptionStatus};
use crate::error::{AppError, AppResult};
use crate::jobs::Tally;
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::providers::microsoft::{CommerceError, OrderRequest, PermanentError, Relationship, TenantId};
use crate::provisioning::model::{ProvisioningTask, TaskRow};
use crate::provisioning::store::{self, ClaimToken, NewTask, RUN_DEADLINE};
use crate::state::AppState;
use crate::subscriptions::events::{self, NewEvent};

const BATCH: i64 = 10;
const MAX_PER_RUN: i32 = 500;

/// Enqueues a call to Microsoft in the caller's transaction, once per `dedupe_key` (a
/// second enqueue with the same key does nothing). Payloads:
/// `create_customer` and `place_order` `{}`; `change_seats` `{"seats": n}`;
/// `cancel_subscription` `{}`; `set_auto_renew` `{"auto_renew": bool}`. Dedupe keys name
/// the cause: `place_order:<subscription id>`, `change_seats:<event id>`, ….
/// The `provisioning` job picks the task up. A change to a subscription that has no
/// order at Microsoft yet waits for its `place_order`.
pub fn enqueue_in(
    conn: &mut DbConnection,
    kind: ProvisioningTaskKind,
    dedupe_key: &str,
    account_id: Option<&str>,
    subscription_id: Option<&str>,
    payload: Value,
    now: NaiveDateTime,
) -> AppResult<()> {
    enqueue_task_in(conn, kind, dedupe_key, account_id, subscription_id, payload, now).map(|_| ())
}

/// [`enqueue_in`] that returns the new task's id (None when the key existed), for a
/// caller that runs it with [`run_now`] after the commit.
pub fn enqueue_task_in(
    conn: &mut DbConnection,
    kind: ProvisioningTaskKind,
    dedupe_key: &str,
    account_id: Option<&str>,
    subscription_id: Option<&str>,
    payload: Value,
    now: NaiveDateTime,
) -> AppResult<Option<String>> {
    store::insert_once(conn, NewTask { kind, dedupe_key, account_id, subscription_id, payload }, now)
}

/// What a performed step changes on our side, written with the task's `done`.
enum Effect {
    Nothing,
    /// The order for this subscription exists at Microsoft.
    OrderPlaced {
        subscription_id: String,
        provider_subscription_id: String,
    },
    /// Not done and not failed: the step needs something else first (the subscription's
    /// order at Microsoft); tried again after [`WAIT_MINUTES`], or when that order is placed.
    Wait(String),
}

/// How long a task that waits for its subscription's order sleeps (the order's task
/// wakes it earlier).
pub const WAIT_MINUTES: i64 = 10;

fn retry_on_db(e: AppError) -> CommerceError {
    CommerceError::Retryable(format!("database: {e}"))
}

fn payload_of(task: &TaskRow) -> Value {
    serde_json::from_str(&task.payload).unwrap_or(Value::Null)
}

/// The customer's tenant at Microsoft, made or found on first use and remembered on the
/// account: a new customer's tenant is created (or, when a repeated call finds the domain
/// taken by our own earlier call, found); an existing customer's is looked up once it
/// accepted us as reseller.
async fn ensure_tenant(state: &AppState, account_id: &str) -> Result<TenantId, CommerceError> {
    let id = account_id.to_string();
    let account = state.db.run(move |conn| customers::for_provisioning_in(conn, &id)).await.map_err(retry_on_db)?;
    if let Some(t) = account.tenant_id.clone() {
        return Ok(TenantId(t));
    }
    let ms = &state.microsoft;
    let tenant = if account.existing_customer {
        ms.accept_reseller_relationship(&account.customer.domain).await?
    } else {
        match ms.create_customer(&account.customer).await {
            Ok(t) => t,
            Err(CommerceError::Permanent(PermanentError::DomainTaken)) => match ms.reseller_relationship(&account.customer.domain).await? {
                // Ours already: an earlier call created it and its answer was lost.
                Relationship::Reseller(t) => t,
                _ => return Err(CommerceError::Permanent(PermanentError::DomainTaken)),
            },
            Err(e) => return Err(e),
        }
    };
    let (id, t) = (account_id.to_string(), tenant.0.clone());
    let stored = state.db.run(move |conn| customers::record_tenant_in(conn, &id, &t)).await.map_err(retry_on_db)?;
    Ok(TenantId(stored))
}

/// Performs the task's step at Microsoft.
async fn perform(state: &AppState, task: &TaskRow) -> Result<Effect, CommerceError> {
    let account_id = task.account_id.clone().ok_or_else(|| CommerceError::invalid("the task names no customer account"))?;
    match task.kind {
        ProvisioningTaskKind::CreateCustomer => {
            ensure_tenant(state, &account_id).await?;
            Ok(Effect::Nothing)
        }
        ProvisioningTaskKind::PlaceOrder => {
            let sub = subscription(state, task).await?;
            if sub.status != SubscriptionStatus::Pending {
                // Active already (another worker finished it), or cancelled before it was ordered.
                return Ok(Effect::Nothing);
            }
            let tenant = ensure_tenant(state, &account_id).await?;
            let order = OrderRequest {
                tenant: tenant.clone(),
                plan_id: sub.plan_id,
                term: sub.billing_term,
                seats: sub.seats,
                reference: sub.id.clone(),
            };
            let placed = state.microsoft.create_order(&order).await?;
            if !sub.auto_renew {
                // Switched off while pending: Microsoft starts every subscription with it on.
                state.microsoft.set_auto_renew(&tenant, &placed.subscription_id, false).await?;
            }
            Ok(Effect::OrderPlaced { subscription_id: sub.id, provider_subscription_id: placed.subscription_id })
        }
        ProvisioningTaskKind::ChangeSeats | ProvisioningTaskKind::CancelSubscription | ProvisioningTaskKind::SetAutoRenew => {
            let sub = subscription(state, task).await?;
            let Some(provider_id) = sub.provider_subscription_id.clone() else {
                let id = sub.id.clone();
                let order_pending = state.db.run(move |conn| store::order_pending_in(conn, &id)).await.map_err(retry_on_db)?;
                return Ok(if order_pending || matches!(sub.status, SubscriptionStatus::Pending | SubscriptionStatus::Active) {
                    Effect::Wait("waiting for the subscription's order at Microsoft".into())
                } else {
                    // Ended without ever being ordered: nothing exists at Microsoft to change.
                    Effect::Nothing
                });
            };
            let tenant = ensure_tenant(state, &account_id).await?;
            let payload = payload_of(task);
            match task.kind {
                ProvisioningTaskKind::ChangeSeats => {
                    let seats = payload["seats"].as_i64().ok_or_else(|| CommerceError::invalid("the payload has no seats"))?;
                    state.microsoft.update_seats(&tenant, &provider_id, seats as i32).await?
                }
                ProvisioningTaskKind::CancelSubscription => state.microsoft.cancel_subscription(&tenant, &provider_id).await?,
                _ => {
                    let on = payload["auto_renew"].as_bool().ok_or_else(|| CommerceError::invalid("the payload has no auto_renew"))?;
                    state.microsoft.set_auto_renew(&tenant, &provider_id, on).await?
                }
            }
            Ok(Effect::Nothing)
        }
    }
}

async fn subscription(state: &AppState, task: &TaskRow) -> Result<crate::subscriptions::model::SubscriptionRow, CommerceError> {
    let id = task.subscription_id.clone().ok_or_else(|| CommerceError::invalid("the task names no subscription"))?;
    state.db.run(move |conn| store::subscription_in(conn, &id)).await.map_err(retry_on_db)
}

/// Activates the subscription whose order Microsoft confirmed: one conditional UPDATE
/// (pending → active), then its event, audit entry and email. A subscription that left
/// `pending` meanwhile is not activated; if it was cancelled, its fresh order is
/// cancelled at Microsoft in turn.
fn activate_in(
    state: &AppState,
    conn: &mut DbConnection,
    task: &TaskRow,
    sub_id: &str,
    provider_id: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    let Some(sub) = store::activate_in(conn, sub_id, provider_id, now)? else {
        let current = store::record_order_in(conn, sub_id, provider_id, now)?;
        if current.status.is_final() {
            enqueue_in(
                conn,
                ProvisioningTaskKind::CancelSubscription,
                &format!("cancel_subscription:{sub_id}"),
                task.account_id.as_deref(),
                Some(sub_id),
                json!({}),
                now,
            )?;
        }
        return Ok(());
    };
    events::append_in(
        conn,
        state,
        NewEvent {
            subscription_id: &sub.id,
            kind: SubscriptionEventKind::Activated,
            status_before: Some(SubscriptionStatus::Pending),
            status_after: SubscriptionStatus::Active,
            seats: sub.seats,
            amount_cents: None,
            invoice_id: None,
            actor_id: None,
            data: json!({"provider_subscription_id": provider_id, "account_id": sub.account_id}),
        },
        now,
    )?;
    AuditEntry::new(None, AuditAction::SubscriptionActivated, "subscription", &sub.id)
        .before(json!({"status": SubscriptionStatus::Pending}))
        .after(json!({"status": SubscriptionStatus::Active, "provider_subscription_id": provider_id}))
        .write(conn, now)?;
    let to = crate::auth::service::recipient(conn, &sub.customer_user_id)?;
    let mail = mails::SubscriptionActive {
        name: to.name.clone(),
        plan_name: store::plan_name_in(conn, &sub.plan_id)?,
        seats: sub.seats,
        url: format!("{}/app/subscriptions/{}", state.settings.public_base_url, sub.id),
    };
    outbox::send(conn, &to.email, to.locale, &mail, now)?;
    Ok(())
}

/// How one claimed task ended.
enum Ran {
    Done,
    Failed,
    Waiting,
}

/// Performs one claimed task and records the outcome.
async fn execute(state: &AppState, task: TaskRow, token: &ClaimToken) -> AppResult<Ran> {
    let result = match actix_web::rt::time::timeout(RUN_DEADLINE, perform(state, &task)).await {
        Ok(r) => r,
        Err(_) => Err(CommerceError::Retryable(format!("the step took longer than {} s and was abandoned", RUN_DEADLINE.as_secs()))),
    };
    let (st, token) = (state.clone(), token.clone());
    match result {
        Ok(Effect::Wait(why)) => {
            state
                .db
                .transaction(move |conn| {
                    let now = st.clock.now_naive();
                    store::postpone(conn, &task, &token, &why, now + chrono::Duration::minutes(WAIT_MINUTES), now)?;
                    Ok(Ran::Waiting)
                })
                .await
        }
        Ok(effect) => {
            state
                .db
                .transaction(move |conn| {
                    let now = st.clock.now_naive();
                    if let Effect::OrderPlaced { subscription_id, provider_subscription_id } = &effect {
                        activate_in(&st, conn, &task, subscription_id, provider_subscription_id, now)?;
                    }
                    if task.kind == ProvisioningTaskKind::PlaceOrder {
                        // Changes that waited for this order may go now.
                        if let Some(sub) = &task.subscription_id {
                            store::wake_waiting_in(conn, sub, now)?;
                        }
                    }
                    if !store::mark_done(conn, &task, &token, now)? {
                        // The effect above is right whoever finishes: it is conditional.
                        log::warn!("provisioning task {}: the claim was lost before it was marked done", task.id);
                    }
                    Ok(Ran::Done)
                })
                .await
        }
        Err(err) => {
            log::warn!("provisioning task {} ({}) failed: {err}", task.id, task.kind);
            let permanent = !err.is_retryable();
            state
                .db
                .transaction(move |conn| {
                    let now = st.clock.now_naive();
                    let status = store::mark_failed(conn, &task, &token, &err.to_string(), permanent, now)?;
                    if status == Some(ProvisioningStatus::Failed) {
                        AuditEntry::new(None, AuditAction::ProvisioningFailed, "provisioning_task", &task.id)
                            .before(json!({"status": ProvisioningStatus::Pending, "attempts": task.attempts}))
                            .after(json!({"status": ProvisioningStatus::Failed, "kind": task.kind, "error": err.to_string()}))
                            .write(conn, now)?;
                    }
                    Ok(Ran::Failed)
                })
                .await
        }
    }
}

/// Claims and performs tasks until none is left (or `only` is done); the tally of a run.
async fn work(state: &AppState, only: Option<Vec<String>>) -> AppResult<Tally> {
    let mut tally = Tally::default();
    let (mut lost, mut waiting) = (0, 0);
    loop {
        let now = state.clock.now_naive();
        let wall = crate::clock::wall_now();
        let ids = only.clone();
        let (token, batch) = state.db.run(move |conn| store::claim(conn, ids.as_deref(), now, wall, BATCH)).await?;
        if batch.is_empty() {
            break;
        }
        for task in batch {
            let (id, t) = (task.id.clone(), token.clone());
            let wall = crate::clock::wall_now();
            if !state.db.run(move |conn| store::renew(conn, &id, &t, wall)).await? {
                lost += 1;
                continue;
            }
            match execute(state, task, &token).await? {
                Ran::Done => tally.processed += 1,
                Ran::Failed => tally.failed += 1,
                Ran::Waiting => waiting += 1,
            }
        }
        // Claimed tasks are finished (done, failed or rescheduled), so a list of ids is
        // not claimable twice; one pass suffices.
        if only.is_some() || tally.processed + tally.failed >= MAX_PER_RUN {
            break;
        }
    }
    let mut detail = format!("provider {}", state.microsoft.name());
    if waiting > 0 {
        detail.push_str(&format!("; {waiting} task(s) wait for their subscription's order"));
    }
    if lost > 0 {
        detail.push_str(&format!("; {lost} claimed task(s) skipped, taken over by another worker"));
    }
    tally.detail = Some(detail);
    Ok(tally)
}

/// The `provisioning` job: every due task.
pub async fn run_job(state: &AppState) -> AppResult<Tally> {
    work(state, None).await
}

/// Tries the given tasks at once (after the commit that created them). A failure leaves
/// them to the job and is only logged: the caller's change has happened either way.
pub async fn run_now(state: &AppState, task_ids: Vec<String>) {
    if task_ids.is_empty() {
        return;
    }
    if let Err(e) = work(state, Some(task_ids)).await {
        log::warn!("provisioning right away failed; the job will retry: {e}");
    }
}

pub async fn list(state: &AppState, status: Option<ProvisioningStatus>, page: Page) -> AppResult<Paginated<ProvisioningTask>> {
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::list(conn, status, page.after, limit)).await?;
    Ok(finish(rows, limit, |r| (r.created_at, r.id.clone()), ProvisioningTask::from))
}
