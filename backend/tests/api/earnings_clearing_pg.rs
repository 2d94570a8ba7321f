//! The `clearing` job run three times at once clears every due entry exactly once: on
//! PostgreSQL as three `partner-hub jobs run clearing` processes (separate pools, SKIP
//! LOCKED), on SQLite as three runs in this process. Exactly once means: every entry
//! available, the balances equal the sums of the entries, one `commission_available`
//! email per entry, and the runs together report every entry as processed once.

use diesel::prelude::*;
use futures_util::future::join_all;

use partner_hub::db::schema::{earning_entries, email_outbox, job_runs};
use partner_hub::domain::earnings::{EarningKind, EarningStatus};
use partner_hub::earnings::ledger::{self, EntryRow};
use partner_hub::jobs::{JobName, JobTrigger};

use crate::helpers::TestApp;

/// Due entries to clear: more than one batch of the job.
const DUE: usize = 450;

/// Posts `DUE` pending commissions, due an hour ago, spread over `freelancers`.
async fn due_entries(app: &TestApp, freelancers: &[String]) {
    let now = app.state.clock.now_naive();
    let fls = freelancers.to_vec();
    app.db(move |conn| {
        for i in 0..DUE {
            let fl = &fls[i % fls.len()];
            let mut row =
                EntryRow::new(fl, EarningKind::Commission, EarningStatus::Pending, 100 + i as i64, format!("commission:test{i}"), now);
            row.clearing_starts_at = Some(now - chrono::Duration::days(15));
            row.available_at = Some(now - chrono::Duration::hours(1));
            ledger::post_in(conn, row)?;
        }
        Ok(())
    })
    .await;
}

#[actix_web::test]
async fn three_clearing_runs_at_once_clear_every_due_entry_exactly_once() {
    let app = TestApp::spawn().await;
    let mut fls = Vec::new();
    for _ in 0..3 {
        fls.push(app.eligible_freelancer().await.1);
    }
    due_entries(&app, &fls).await;
    let url = app.state.settings.database_url.clone();

    if url.starts_with("postgres") {
        let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
        let children: Vec<std::process::Child> = dirs
            .iter()
            .map(|dir| {
                std::process::Command::new(env!("CARGO_BIN_EXE_partner-hub"))
                    .args(["jobs", "run", "clearing"])
                    .env("DATABASE_URL", &url)
                    .env("DATA_DIR", dir.path())
                    .env("EMAIL_OUTBOX_DIR", dir.path().join("outbox"))
                    .env("SCHEDULER", "off")
                    .env_remove("SMTP_URL")
                    .env_remove("APP_CLOCK")
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawn partner-hub")
            })
            .collect();
        for child in children {
            let out = actix_web::web::block(move || child.wait_with_output()).await.unwrap().unwrap();
            assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        }
    } else {
        let st = app.state.clone();
        let runs = join_all((0..3).map(|_| partner_hub::jobs::run(&st, JobName::Clearing, JobTrigger::Cli, None))).await;
        for run in runs {
            assert_eq!(run.expect("run").outcome, partner_hub::jobs::JobOutcome::Succeeded);
        }
    }

    let (available, pending, emails, processed): (i64, i64, i64, Vec<i32>) = app
        .db(|conn| {
            let count = |conn: &mut partner_hub::db::DbConnection, s: EarningStatus| -> Result<i64, partner_hub::error::AppError> {
                Ok(earning_entries::table.filter(earning_entries::status.eq(s)).count().get_result(conn)?)
            };
            let available = count(conn, EarningStatus::Available)?;
            let pending = count(conn, EarningStatus::Pending)?;
            let emails = email_outbox::table.filter(email_outbox::template.eq("commission_available")).count().get_result(conn)?;
            let processed = job_runs::table.filter(job_runs::job.eq(JobName::Clearing)).select(job_runs::processed).load(conn)?;
            Ok((available, pending, emails, processed))
        })
        .await;
    assert_eq!((available, pending), (DUE as i64, 0));
    assert_eq!(emails, DUE as i64, "one email per cleared entry");
    assert_eq!(processed.len(), 3, "three runs recorded");
    assert_eq!(processed.iter().sum::<i32>(), DUE as i32, "each entry processed by exactly one run: {processed:?}");
    let now = app.state.clock.now_naive();
    let violations = app.db(move |conn| partner_hub::earnings::verify::verify_in(conn, now)).await;
    assert!(violations.is_empty(), "{violations:?}");
    for fl in &fls {
        let want: i64 = (0..DUE).filter(|i| &fls[i % fls.len()] == fl).map(|i| 100 + i as i64).sum();
        let b = crate::earnings_ledger::balances(&app, fl).await;
        assert_eq!((b.pending, b.available, b.since_joining), (0, want, want));
    }
}
