//! The in-process scheduler: every few seconds it refreshes the shared test clock and
//! runs the periodic jobs. Several instances may run it; the jobs' claims keep that safe.

use std::time::Duration;

use crate::state::AppState;

pub const TICK: Duration = Duration::from_secs(10);

pub fn spawn(state: AppState) {
    actix_web::rt::spawn(async move {
        let mut interval = actix_web::rt::time::interval(TICK);
        loop {
            interval.tick().await;
            let clock = state.clock.clone();
            if let Err(e) = state.db.run(move |conn| clock.refresh(conn)).await {
                log::warn!("scheduler: clock refresh failed: {e}");
            }
            for &job in crate::jobs::JobName::ALL {
                if let Err(e) = crate::jobs::run(&state, job, crate::jobs::JobTrigger::Scheduler, None).await {
                    log::warn!("scheduler: job {job} failed: {e}");
                }
            }
        }
    });
}
