//! The outbox and the `email` job: file outbox by default, real SMTP to a local sink,
//! retries with backoff, and exactly-once delivery when two instances (or two processes
//! against a slow SMTP server) run the job at once.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::json;

use partner_hub::jobs::{JobName, JobTrigger};
use partner_hub::notifications::outbox::{self, OutboxStatus};

use crate::helpers::{Options, TestApp};

fn eml_files(dir: &std::path::Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                .map(|p| std::fs::read_to_string(p).unwrap())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[actix_web::test]
async fn registration_email_goes_to_the_file_outbox() {
    let app = TestApp::spawn().await;
    let user = app.customer().await;
    let admin = app.admin().await;
    assert!(eml_files(&app.outbox_dir()).is_empty(), "nothing is sent before the job runs");
    let run: serde_json::Value = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(run["processed"], 1);
    let files = eml_files(&app.outbox_dir());
    assert_eq!(files.len(), 1);
    let eml = &files[0];
    assert!(eml.contains(&format!("To: {}", user.email)));
    assert!(eml.contains("Subject: Welcome to Partner Hub"));
    assert!(eml.contains("Content-Type: multipart/alternative"));
    assert!(eml.contains("text/plain") && eml.contains("text/html"));

    // Running again sends nothing twice.
    let run: serde_json::Value = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(run["processed"], 0);
    assert_eq!(eml_files(&app.outbox_dir()).len(), 1);
    let list: serde_json::Value = app.get("/api/v1/admin/emails?status=sent", Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(list["data"][0]["to"], user.email);
    assert_eq!(list["data"][0]["attempts"], 1);
}

#[actix_web::test]
async fn two_instances_at_once_deliver_each_message_once() {
    let a = TestApp::spawn().await;
    let b = a.second_instance(Options::default()).await;
    let ids = a.enqueue_emails(25).await;
    let (ra, rb) = futures_util::join!(
        partner_hub::jobs::run(&a.state, JobName::Email, JobTrigger::Cli, None),
        partner_hub::jobs::run(&b.state, JobName::Email, JobTrigger::Cli, None)
    );
    let (ra, rb) = (ra.unwrap(), rb.unwrap());
    assert_eq!(ra.processed + rb.processed, 25, "{ra:?} {rb:?}");
    // Each instance writes to its own file outbox: together they hold every message once.
    let mut delivered: Vec<String> = [a.outbox_dir(), b.outbox_dir()].iter().flat_map(|d| message_ids(d)).collect();
    delivered.sort();
    let mut expected = ids;
    expected.sort();
    assert_eq!(delivered, expected);
}

#[actix_web::test]
async fn twenty_job_runs_requested_at_once_on_two_instances_send_each_message_once() {
    let a = TestApp::spawn().await;
    let b = a.second_instance(Options::default()).await;
    let ids = a.enqueue_emails(30).await;
    let staff = a.support().await;
    let runs = (0..20).map(|i| {
        let app = if i % 2 == 0 { &a } else { &b };
        app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&staff.access_token))
    });
    let mut processed = 0;
    for res in futures_util::future::join_all(runs).await {
        assert_eq!(res.status(), 200);
        let run: serde_json::Value = res.json().await.unwrap();
        assert_eq!(run["outcome"], "succeeded", "{run}");
        processed += run["processed"].as_i64().unwrap();
    }
    // Staff creation above queued no mail; the runs together delivered the 30, once each.
    assert_eq!(processed, 30);
    let mut delivered: Vec<String> = [a.outbox_dir(), b.outbox_dir()].iter().flat_map(|d| message_ids(d)).collect();
    delivered.sort();
    let mut expected = ids;
    expected.sort();
    assert_eq!(delivered, expected);
}

/// The outbox ids named by the Message-ID headers of the .eml files in `dir`, one per file.
fn message_ids(dir: &std::path::Path) -> Vec<String> {
    crate::helpers::read_emails(dir)
        .iter()
        .map(|m| {
            let mail = mailparse::parse_mail(m.raw.as_bytes()).unwrap();
            let mid = mail.headers.iter().find(|h| h.get_key().eq_ignore_ascii_case("Message-ID")).expect("a Message-ID").get_value();
            mid.trim().trim_start_matches('<').trim_end_matches('>').trim_end_matches("@partner-hub").to_string()
        })
        .collect()
}

#[actix_web::test]
async fn two_processes_with_a_slow_smtp_server_deliver_each_message_once() {
    // 0.25 s per message, and the sink holds its answer to the very first message until a
    // second one has arrived (at most 10 s): whichever process sends first is stuck until
    // the other one has claimed and delivered, so the two certainly work side by side.
    let sink = start_sink_holding_first(0.25, 10.0);
    let app = TestApp::spawn().await;
    let ids = app.enqueue_emails(30).await;
    let bin = env!("CARGO_BIN_EXE_partner-hub");
    let spawn = |dir: &std::path::Path| {
        Command::new(bin)
            .args(["jobs", "run", "email"])
            .env("DATABASE_URL", &app.state.settings.database_url)
            .env("SMTP_URL", format!("smtp://127.0.0.1:{}", sink.port))
            .env("DATA_DIR", dir)
            .env("APP_CLOCK", "manual")
            .env("SCHEDULER", "off")
            .env_remove("APP_ENV")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start partner-hub jobs run email")
    };
    let (d1, d2) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (p1, p2) = (spawn(d1.path()), spawn(d2.path()));
    let (o1, o2) = actix_web::web::block(move || (p1.wait_with_output().unwrap(), p2.wait_with_output().unwrap())).await.unwrap();
    let mut processed = Vec::new();
    for out in [&o1, &o2] {
        assert!(out.status.success(), "jobs run failed: {}", String::from_utf8_lossy(&out.stderr));
        let run: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the run as JSON");
        assert_eq!(run["failed"], 0, "{run}");
        processed.push(run["processed"].as_i64().unwrap());
    }
    assert_eq!(processed.iter().sum::<i64>(), 30, "{processed:?}");
    assert!(processed.iter().all(|&p| p > 0), "both processes delivered some: {processed:?}");

    // Counted at the SMTP server: every message exactly once.
    let mut delivered = message_ids(sink.dir.path());
    delivered.sort();
    let mut expected = ids;
    expected.sort();
    assert_eq!(delivered, expected);
    let sent = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::email_outbox;
            Ok(email_outbox::table
                .filter(email_outbox::status.eq(OutboxStatus::Sent))
                .filter(email_outbox::attempts.eq(1))
                .filter(email_outbox::claim_token.is_null())
                .count()
                .get_result::<i64>(conn)?)
        })
        .await;
    assert_eq!(sent, 30);
}

#[actix_web::test]
async fn a_lapsed_claim_can_neither_send_nor_finish() {
    let app = TestApp::spawn().await;
    let ids = app.enqueue_emails(1).await;
    let now = app.state.clock.now_naive();
    let t0 = outbox::lease_now();
    let lease = chrono::Duration::from_std(outbox::LEASE).unwrap();
    let (first, second) = app
        .db(move |conn| {
            let (a, won_a) = outbox::claim_due(conn, now, t0, 10)?;
            // Under a live lease nobody else gets the message…
            let (_, none) = outbox::claim_due(conn, now, t0 + lease - chrono::Duration::seconds(1), 10)?;
            assert!(none.is_empty());
            // …once it has run out, a new claim takes it over with its own token.
            let later = t0 + lease + chrono::Duration::seconds(1);
            let (b, won_b) = outbox::claim_due(conn, now, later, 10)?;
            assert_ne!(a, b);
            Ok(((a, won_a), (b, won_b, later)))
        })
        .await;
    assert_eq!(first.1.len(), 1);
    assert_eq!(second.1.len(), 1);
    let id = ids[0].clone();
    let (stale, fresh, later) = (first.0, second.0, second.2);
    let outcome = app
        .db(move |conn| {
            let stale_renew = outbox::renew(conn, &id, &stale, later)?;
            let stale_sent = outbox::mark_sent(conn, &id, &stale, now)?;
            let row = first.1[0].clone();
            let stale_failed = outbox::mark_failed(conn, &row, &stale, "late", now)?;
            let fresh_renew = outbox::renew(conn, &id, &fresh, later)?;
            let fresh_sent = outbox::mark_sent(conn, &id, &fresh, now)?;
            let fresh_again = outbox::mark_sent(conn, &id, &fresh, now)?;
            Ok((stale_renew, stale_sent, stale_failed, fresh_renew, fresh_sent, fresh_again))
        })
        .await;
    assert_eq!(outcome, (false, false, false, true, true, false));
    let admin = app.admin().await;
    let list: serde_json::Value = app.get("/api/v1/admin/emails?status=sent", Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(list["data"].as_array().unwrap().len(), 1);
    assert_eq!(list["data"][0]["attempts"], 1);
}

#[actix_web::test]
async fn failures_are_retried_with_backoff_and_visible() {
    // Nothing listens on this port: every attempt fails.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let app = TestApp::spawn_with(Options { smtp_url: Some(format!("smtp://127.0.0.1:{port}")), ..Options::default() }).await;
    app.customer().await;
    let admin = app.admin().await;
    let run: serde_json::Value = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(run["failed"], 1);
    let list: serde_json::Value = app.get("/api/v1/admin/emails?status=pending", Some(&admin.access_token)).await.json().await.unwrap();
    let msg = &list["data"][0];
    assert_eq!(msg["attempts"], 1);
    assert!(msg["last_error"].as_str().unwrap().contains("smtp"));
    // Not due again until the backoff has passed.
    let run: serde_json::Value = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(run["failed"], 0);
    app.post("/api/v1/admin/clock/advance", json!({"days": 0, "hours": 1}), Some(&admin.access_token)).await;
    let run: serde_json::Value = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(run["failed"], 1);
    // After eight attempts the message is given up and listed as failed.
    for _ in 0..6 {
        app.post("/api/v1/admin/clock/advance", json!({"days": 1}), Some(&admin.access_token)).await;
        app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await;
    }
    let list: serde_json::Value = app.get("/api/v1/admin/emails?status=failed", Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(list["data"][0]["attempts"], 8);
}

struct Sink {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The real SMTP server from scripts/smtp_sink.py (aiosmtpd, installed by `make venv`),
/// answering each message after `delay` seconds. Required: a missing sink fails the test
/// with the way to fix it, it never passes silently.
fn start_sink(delay: f64) -> Sink {
    start_sink_holding_first(delay, 0.0)
}

/// A sink that also holds back its answer to the first message (`--hold-first`).
fn start_sink_holding_first(delay: f64, hold_first: f64) -> Sink {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let python = std::env::var("SMTP_SINK_PYTHON").map(std::path::PathBuf::from).unwrap_or_else(|_| root.join(".venv/bin/python"));
    assert!(
        python.exists(),
        "the SMTP sink needs {} with aiosmtpd: run `make venv` in {} (or set SMTP_SINK_PYTHON to a python that has aiosmtpd)",
        python.display(),
        root.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(&python)
        .arg(root.join("scripts/smtp_sink.py"))
        .args([
            "--quiet",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--delay",
            &delay.to_string(),
            "--hold-first",
            &hold_first.to_string(),
            "--dir",
        ])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start smtp sink");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let Some(port) = line.trim().strip_prefix("listening ").and_then(|p| p.parse().ok()) else {
        let _ = child.kill();
        panic!("the SMTP sink did not start (its error is above; is aiosmtpd installed for {}? run `make venv`)", python.display());
    };
    Sink { child, port, dir }
}

#[actix_web::test]
async fn delivers_over_smtp_to_a_real_server() {
    let sink = start_sink(0.0);
    let app = TestApp::spawn_with(Options { smtp_url: Some(format!("smtp://127.0.0.1:{}", sink.port)), ..Options::default() }).await;
    let user = app.freelancer().await;
    let admin = app.admin().await;
    let run: serde_json::Value = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(run["processed"], 1, "{run}");
    let files = eml_files(sink.dir.path());
    assert_eq!(files.len(), 1);
    assert!(files[0].contains(&format!("To: {}", user.email)));
    assert!(files[0].contains("Subject: Welcome to Partner Hub"));
    assert!(files[0].contains("apply to the reseller programme"));
    let envelope: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(sink.dir.path().join("0001.json")).unwrap()).unwrap();
    assert_eq!(envelope["rcpt_tos"][0], user.email);
}
