//! The `email` job: delivers due outbox messages, retrying failures with backoff.

use crate::domain::ids::random_token;
use crate::error::{AppError, AppResult};
use crate::jobs::Tally;
use crate::notifications::outbox;
use crate::notifications::sender::Sender;
use crate::state::AppState;

const BATCH: i64 = 50;
const MAX_PER_RUN: i32 = 1000;

pub async fn run(state: &AppState) -> AppResult<Tally> {
    let sender = Sender::from_settings(&state.settings).map_err(|e| AppError::internal(e.to_string()))?;
    let worker = format!("w_{}", random_token(12));
    let mut tally = Tally::default();
    loop {
        let now = state.clock.now_naive();
        let w = worker.clone();
        let batch = state.db.run(move |conn| outbox::claim_due(conn, &w, now, BATCH)).await?;
        if batch.is_empty() {
            break;
        }
        for row in batch {
            let result = sender.send(&state.settings.email_from, &row).await;
            let now = state.clock.now_naive();
            let w = worker.clone();
            match result {
                Ok(()) => {
                    tally.processed += 1;
                    state.db.run(move |conn| outbox::mark_sent(conn, &row.id, &w, now)).await?;
                }
                Err(err) => {
                    tally.failed += 1;
                    log::warn!("email {} to {} failed: {err}", row.id, row.to_address);
                    state.db.run(move |conn| outbox::mark_failed(conn, &row, &w, &err, now)).await?;
                }
            }
        }
        if tally.processed + tally.failed >= MAX_PER_RUN {
            break;
        }
    }
    tally.detail = Some(format!("delivered via {}", sender.describe()));
    Ok(tally)
}
