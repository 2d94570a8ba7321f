//! The outbox and the `email` job: file outbox by default, real SMTP to a local sink,
//! retries with backoff, and no double delivery when two workers run at once.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::json;

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
async fn two_workers_at_once_deliver_each_message_once() {
    let app = TestApp::spawn().await;
    for _ in 0..6 {
        app.customer().await;
    }
    let (a, b) = futures_util::join!(
        partner_hub::jobs::run(&app.state, "email", "test-a"),
        partner_hub::jobs::run(&app.state, "email", "test-b")
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.processed + b.processed, 6);
    assert_eq!(eml_files(&app.outbox_dir()).len(), 6);
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

/// The real SMTP server from scripts/smtp_sink.py (aiosmtpd, installed by `make`).
fn start_sink() -> Option<Sink> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let python = std::env::var("SMTP_SINK_PYTHON").map(std::path::PathBuf::from).unwrap_or_else(|_| root.join(".venv/bin/python"));
    if !python.exists() {
        if std::env::var("CI").is_ok() {
            panic!("SMTP sink python {} is missing in CI: run `make test`", python.display());
        }
        eprintln!("SKIPPED smtp sink test: {} not found; run `make test` to create the venv", python.display());
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(python)
        .arg(root.join("scripts/smtp_sink.py"))
        .args(["--host", "127.0.0.1", "--port", "0", "--dir"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start smtp sink");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port = line.trim().strip_prefix("listening ").expect("sink prints its port").parse().unwrap();
    Some(Sink { child, port, dir })
}

#[actix_web::test]
async fn delivers_over_smtp_to_a_real_server() {
    let Some(sink) = start_sink() else { return };
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
    let envelope: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sink.dir.path().join("0001.json")).unwrap()).unwrap();
    assert_eq!(envelope["rcpt_tos"][0], user.email);
}
