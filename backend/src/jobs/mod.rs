//! Background jobs: a registry of named jobs, each idempotent and safe to run on several
//! instances at once (work is claimed row by row), run by the in-process scheduler, by
//! `partner-hub jobs run <name>` and by `POST /admin/jobs/{name}/run`. Every run is
//! recorded in `job_runs` and counted in `/metrics`.

pub mod email;
pub mod scheduler;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::clock::utc;
use crate::db::schema::job_runs;
use crate::domain::ids::JobRunId;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The jobs this build can run. Later features add theirs here.
pub const JOBS: &[&str] = &["email"];

/// What one job run did.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobRun {
    #[schema(example = "job_1a2b3c4d5e6f7g8h9i0j")]
    pub id: String,
    #[schema(example = "email")]
    pub job: String,
    /// `succeeded`, or `failed` when the run itself broke (single items that fail are
    /// counted in `failed` and retried later).
    pub outcome: String,
    pub processed: i32,
    pub failed: i32,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub finished_at: chrono::DateTime<chrono::Utc>,
    pub detail: Option<String>,
}

#[derive(Debug, Default)]
pub struct Tally {
    pub processed: i32,
    pub failed: i32,
    pub detail: Option<String>,
}

pub async fn run(state: &AppState, name: &str, triggered_by: &str) -> AppResult<JobRun> {
    if !JOBS.contains(&name) {
        return Err(AppError::not_found(format!("There is no job named '{name}'. Known jobs: {}.", JOBS.join(", "))));
    }
    let started = state.clock.now_naive();
    let result = match name {
        "email" => email::run(state).await,
        _ => unreachable!("checked against JOBS above"),
    };
    let finished = state.clock.now_naive();
    let (outcome, tally) = match result {
        Ok(t) => ("succeeded", t),
        Err(e) => ("failed", Tally { detail: Some(e.to_string()), ..Tally::default() }),
    };
    crate::ops::metrics::job_run(name, outcome);
    let id = JobRunId::generate().0;
    // Idle scheduler ticks are counted in /metrics but not kept as rows.
    let idle_tick = triggered_by == "scheduler" && outcome == "succeeded" && tally.processed + tally.failed == 0;
    if !idle_tick {
        let record = (id.clone(), name.to_string(), triggered_by.to_string(), started, finished, outcome, tally.processed, tally.failed, tally.detail.clone());
        state.db.run(move |conn| insert_run(conn, record)).await?;
    }
    Ok(JobRun {
        id,
        job: name.to_string(),
        outcome: outcome.into(),
        processed: tally.processed,
        failed: tally.failed,
        started_at: utc(started),
        finished_at: utc(finished),
        detail: tally.detail,
    })
}

type RunRecord = (String, String, String, NaiveDateTime, NaiveDateTime, &'static str, i32, i32, Option<String>);

fn insert_run(conn: &mut crate::db::DbConnection, r: RunRecord) -> AppResult<()> {
    diesel::insert_into(job_runs::table)
        .values((
            job_runs::id.eq(r.0),
            job_runs::job.eq(r.1),
            job_runs::triggered_by.eq(r.2),
            job_runs::started_at.eq(r.3),
            job_runs::finished_at.eq(Some(r.4)),
            job_runs::outcome.eq(r.5),
            job_runs::processed.eq(r.6),
            job_runs::failed.eq(r.7),
            job_runs::detail.eq(r.8),
        ))
        .execute(conn)?;
    Ok(())
}
