//! Background jobs: a registry of named jobs, each idempotent and safe to run on several
//! instances at once (work is claimed row by row with a token, see
//! `notifications::outbox`), run by the in-process scheduler, by
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

crate::text_enum! {
    /// The jobs this build can run. Later features add theirs here.
    pub enum JobName {
        /// Delivers due outbox messages.
        Email = "email",
        /// Carries out due calls to the Microsoft commerce provider (with backoff).
        Provisioning = "provisioning",
        /// Renews, retries or ends the subscriptions whose term is over.
        Renewals = "renewals",
        Clearing = "clearing",
    }
}

crate::text_enum! {
    /// How a job run ended as a whole (single items that fail are counted in `failed`
    /// and retried later; they do not fail the run).
    pub enum JobOutcome {
        Succeeded = "succeeded",
        /// The run itself broke (database unreachable, bad configuration).
        Failed = "failed",
    }
}

crate::text_enum! {
    /// Who started a job run.
    pub enum JobTrigger {
        /// The in-process scheduler of some instance.
        Scheduler = "scheduler",
        /// A staff member through `POST /admin/jobs/{name}/run` (`actor_id` names them).
        Api = "api",
        /// An operator through `partner-hub jobs run <name>`.
        Cli = "cli",
    }
}

impl JobName {
    /// Resolves a path or CLI argument; an unknown name is a 404 that lists the known ones.
    pub fn resolve(name: &str) -> AppResult<JobName> {
        JobName::parse(name).ok_or_else(|| {
            let known: Vec<&str> = JobName::ALL.iter().map(|j| j.as_str()).collect();
            AppError::not_found(format!("There is no job named '{name}'. Known jobs: {}.", known.join(", ")))
        })
    }
}

/// What one job run did.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobRun {
    #[schema(example = "job_1a2b3c4d5e6f7g8h9i0j")]
    pub id: String,
    pub job: JobName,
    pub outcome: JobOutcome,
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

/// Runs `job` now. `actor_id` is the staff member behind an `Api` trigger.
pub async fn run(state: &AppState, job: JobName, triggered_by: JobTrigger, actor_id: Option<String>) -> AppResult<JobRun> {
    let started = state.clock.now_naive();
    let result = match job {
        JobName::Email => email::run(state).await,
        JobName::Provisioning => crate::provisioning::service::run_job(state).await,
        JobName::Renewals => crate::subscriptions::renewals::run(state).await,
        JobName::Clearing => crate::earnings::clearing::run(state).await,
    };
    let finished = state.clock.now_naive();
    let (outcome, tally) = match result {
        Ok(t) => (JobOutcome::Succeeded, t),
        Err(e) => (JobOutcome::Failed, Tally { detail: Some(e.to_string()), ..Tally::default() }),
    };
    crate::ops::metrics::job_run(job.as_str(), outcome.as_str());
    let id = JobRunId::generate().0;
    // Idle scheduler ticks are counted in /metrics but not kept as rows.
    let idle_tick = triggered_by == JobTrigger::Scheduler && outcome == JobOutcome::Succeeded && tally.processed + tally.failed == 0;
    if !idle_tick {
        let record = RunRecord {
            id: id.clone(),
            job,
            triggered_by,
            actor_id,
            started,
            finished,
            outcome,
            processed: tally.processed,
            failed: tally.failed,
            detail: tally.detail.clone(),
        };
        state.db.run(move |conn| insert_run(conn, record)).await?;
    }
    Ok(JobRun {
        id,
        job,
        outcome,
        processed: tally.processed,
        failed: tally.failed,
        started_at: utc(started),
        finished_at: utc(finished),
        detail: tally.detail,
    })
}

struct RunRecord {
    id: String,
    job: JobName,
    triggered_by: JobTrigger,
    actor_id: Option<String>,
    started: NaiveDateTime,
    finished: NaiveDateTime,
    outcome: JobOutcome,
    processed: i32,
    failed: i32,
    detail: Option<String>,
}

fn insert_run(conn: &mut crate::db::DbConnection, r: RunRecord) -> AppResult<()> {
    diesel::insert_into(job_runs::table)
        .values((
            job_runs::id.eq(r.id),
            job_runs::job.eq(r.job),
            job_runs::triggered_by.eq(r.triggered_by),
            job_runs::actor_id.eq(r.actor_id),
            job_runs::started_at.eq(r.started),
            job_runs::finished_at.eq(Some(r.finished)),
            job_runs::outcome.eq(r.outcome),
            job_runs::processed.eq(r.processed),
            job_runs::failed.eq(r.failed),
            job_runs::detail.eq(r.detail),
        ))
        .execute(conn)?;
    Ok(())
}
