//! Property-style: seeded random sequences of purchases, activations, seat increases,
//! renewals, cancellations, tier changes and clock moves with clearing. After every step
//! the ledger passes `verify` and replaying every event of the seed's subscriptions
//! writes nothing. A failure names its seed and step; rerun one seed with
//! `EARNINGS_SEED=<n>`.

use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;

use partner_hub::db::schema::{earning_balances, earning_entries, subscriptions};
use partner_hub::domain::commerce::{SubscriptionEventKind, SubscriptionStatus};
use partner_hub::earnings::ledger::{BalancesRow, EntryRow};

use crate::earnings_ledger::{run_clearing, set_tier};
use crate::helpers::{Session, TestApp};
use crate::subscriptions::{advance, patch, run_renewals};

const SEEDS: u64 = 20;
const STEPS: usize = 30;
const PLANS: [&str; 3] = ["pln_m365_business_basic", "pln_m365_business_standard", "pln_m365_business_premium"];
const TIERS: [&str; 4] = ["standard", "top_rated", "pro", "seller_plus_premium"];

type Snapshot = (Vec<EntryRow>, Vec<BalancesRow>);

async fn snapshot(app: &TestApp) -> Snapshot {
    app.db(|conn| {
        let entries = earning_entries::table.order(earning_entries::id.asc()).select(EntryRow::as_select()).load(conn)?;
        let balances = earning_balances::table.order(earning_balances::freelancer_id.asc()).select(BalancesRow::as_select()).load(conn)?;
        Ok((entries, balances))
    })
    .await
}

/// What provisioning does once the client's Microsoft account is live: the subscription
/// becomes active and its `activated` event is appended (which starts clearing).
async fn activate(app: &TestApp, id: &str) -> bool {
    let (st, id) = (app.state.clone(), id.to_string());
    let now = app.state.clock.now_naive();
    app.db(move |conn| {
        let changed = diesel::update(subscriptions::table.find(&id).filter(subscriptions::status.eq(SubscriptionStatus::Pending)))
            .set((subscriptions::status.eq(SubscriptionStatus::Active), subscriptions::activated_at.eq(now)))
            .execute(conn)?;
        if changed == 1 {
            let seats: i32 = subscriptions::table.find(&id).select(subscriptions::seats).first(conn)?;
            let event = partner_hub::subscriptions::events::NewEvent {
                subscription_id: &id,
                kind: SubscriptionEventKind::Activated,
                status_before: Some(SubscriptionStatus::Pending),
                status_after: SubscriptionStatus::Active,
                seats,
                amount_cents: None,
                invoice_id: None,
                actor_id: None,
                data: json!({}),
            };
            partner_hub::subscriptions::events::append_in(conn, &st, event, now)?;
        }
        Ok(changed == 1)
    })
    .await
}

/// The invariants after a step: verify finds nothing, and a replay of every event of
/// `subs` writes nothing.
async fn check(app: &TestApp, subs: &[(String, usize)], seed: u64, step: usize, what: &str) {
    let now = app.state.clock.now_naive();
    let violations = app.db(move |conn| partner_hub::earnings::verify::verify_in(conn, now)).await;
    assert!(violations.is_empty(), "seed {seed} step {step} ({what}): {violations:#?}");
    let before = snapshot(app).await;
    let (st, ids) = (app.state.clone(), subs.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>());
    app.db(move |conn| {
        for id in &ids {
            partner_hub::earnings::posting::replay_in(conn, &st, id, now)?;
        }
        Ok(())
    })
    .await;
    assert!(snapshot(app).await == before, "seed {seed} step {step} ({what}): a replay changed the ledger");
}

async fn run_seed(app: &TestApp, admin: &Session, fls: &[String], clients: &[Session], seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut subs: Vec<(String, usize)> = Vec::new();
    for step in 0..STEPS {
        let pick = if subs.is_empty() { 0 } else { rng.gen_range(0..6) };
        let what = match pick {
            0 => {
                let c = rng.gen_range(0..clients.len());
                let mut b = app
                    .subscription(&clients[c])
                    .plan(PLANS[rng.gen_range(0..PLANS.len())])
                    .seats(rng.gen_range(1..=3))
                    .referred_by(&fls[rng.gen_range(0..fls.len())]);
                if rng.gen_bool(0.5) {
                    b = b.yearly();
                }
                if rng.gen_bool(0.4) {
                    b = b.pending();
                }
                subs.push((b.create().await, c));
                "purchase"
            }
            1 => {
                let (id, _) = &subs[rng.gen_range(0..subs.len())];
                activate(app, id).await;
                "activation"
            }
            2 => {
                let (id, c) = &subs[rng.gen_range(0..subs.len())];
                let seats: i64 = {
                    let id = id.clone();
                    app.db(move |conn| Ok(subscriptions::table.find(id).select(subscriptions::seats).first::<i32>(conn)?)).await as i64
                };
                let path = format!("/api/v1/subscriptions/{id}");
                let res = patch(app, &path, json!({"seats": (seats + 1).min(50)}), &clients[*c].access_token).await;
                assert!(res.status().as_u16() < 500, "seed {seed} step {step}: seats {}", res.status());
                "seat increase"
            }
            3 => {
                let (id, c) = &subs[rng.gen_range(0..subs.len())];
                let res = app.post(&format!("/api/v1/subscriptions/{id}/cancel"), json!({}), Some(&clients[*c].access_token)).await;
                assert!(res.status().as_u16() < 500, "seed {seed} step {step}: cancel {}", res.status());
                "cancellation"
            }
            4 => {
                set_tier(app, admin, &fls[rng.gen_range(0..fls.len())], TIERS[rng.gen_range(0..TIERS.len())]).await;
                "tier change"
            }
            _ => {
                advance(app, admin, rng.gen_range(1..=10), rng.gen_range(0..24)).await;
                let run = run_renewals(app, admin).await;
                assert_eq!(run["outcome"], "succeeded", "seed {seed} step {step}: {run}");
                run_clearing(app, admin).await;
                "clock move, renewals and clearing"
            }
        };
        check(app, &subs, seed, step, what).await;
    }
}

#[actix_web::test]
async fn random_histories_keep_the_ledger_sound_and_replays_pay_nothing_twice() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let mut fls = Vec::new();
    for _ in 0..2 {
        fls.push(app.eligible_freelancer().await.1);
    }
    let clients = vec![app.customer().await, app.customer().await];
    let seeds: Vec<u64> = match std::env::var("EARNINGS_SEED").ok().and_then(|s| s.parse().ok()) {
        Some(one) => vec![one],
        None => (1..=SEEDS).collect(),
    };
    for seed in seeds {
        run_seed(&app, &admin, &fls, &clients, seed).await;
    }
    // The histories did earn, clear and reverse.
    let (entries, _) = snapshot(&app).await;
    use partner_hub::domain::earnings::{EarningKind, EarningStatus};
    assert!(entries.iter().any(|e| e.kind == EarningKind::Commission && e.status == EarningStatus::Available));
    assert!(entries.iter().any(|e| e.kind == EarningKind::Reversal));
}
