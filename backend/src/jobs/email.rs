//! The `email` job: delivers due outbox messages, retrying failures with backoff. It
//! claims small batches and renews each message's lease right before sending it, with
//! the send cut off well inside the lease; `notifications::outbox` explains why that
//! delivers each message once even when several instances run the job together.

use crate::error::{AppError, AppResult};
use crate::jobs::Tally;
use crate::notifications::outbox::{self, SEND_DEADLINE};
use crate::notifications::sender::Sender;
use crate::state::AppState;

/// Small, so that the rest of a batch waits in the claim as briefly as possible; a
/// message whose claim lapsed before its turn is skipped (its renewal fails), not sent.
const BATCH: i64 = 10;
const MAX_PER_RUN: i32 = 1000;

pub async fn run(state: &AppState) -> AppResult<Tally> {
    let sender = Sender::from_settings(&state.settings).map_err(|e| AppError::internal(e.to_string()))?;
    let mut tally = Tally::default();
    let mut lost = 0;
    loop {
        let now = state.clock.now_naive();
        let wall = outbox::lease_now();
        let (token, batch) = state.db.run(move |conn| outbox::claim_due(conn, now, wall, BATCH)).await?;
        if batch.is_empty() {
            break;
        }
        for row in batch {
            let (id, t) = (row.id.clone(), token.clone());
            let wall = outbox::lease_now();
            if !state.db.run(move |conn| outbox::renew(conn, &id, &t, wall)).await? {
                lost += 1;
                continue;
            }
            let result = match actix_web::rt::time::timeout(SEND_DEADLINE, sender.send(&state.settings.email_from, &row)).await {
                Ok(r) => r,
                Err(_) => Err(format!("delivery took longer than {} s and was abandoned", SEND_DEADLINE.as_secs())),
            };
            let now = state.clock.now_naive();
            let t = token.clone();
            let won = match result {
                Ok(()) => {
                    tally.processed += 1;
                    let id = row.id.clone();
                    state.db.run(move |conn| outbox::mark_sent(conn, &id, &t, now)).await?
                }
                Err(err) => {
                    tally.failed += 1;
                    log::warn!("email {} to {} failed: {err}", row.id, row.to_address);
                    let row = row.clone();
                    state.db.run(move |conn| outbox::mark_failed(conn, &row, &t, &err, now)).await?
                }
            };
            if !won {
                // Cannot happen while sends end inside the lease; if it does, the lease
                // arithmetic in `outbox` is wrong and the operator must hear about it.
                log::error!("email {}: the claim was lost while sending; another worker may send it again", row.id);
            }
        }
        if tally.processed + tally.failed >= MAX_PER_RUN {
            break;
        }
    }
    let mut detail = format!("delivered via {}", sender.describe());
    if lost > 0 {
        detail.push_str(&format!("; {lost} claimed message(s) skipped, taken over by another worker"));
    }
    tally.detail = Some(detail);
    Ok(tally)
}
