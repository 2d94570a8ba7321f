use partner_hub::config::ClockMode;
use serde_json::json;

use crate::helpers::{problem, Options, TestApp};

#[actix_web::test]
async fn manual_clock_moves_business_time_for_the_whole_app() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let before: serde_json::Value = app.get("/api/v1/admin/clock", Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(before["mode"], "manual");
    let res = app.post("/api/v1/admin/clock/advance", json!({"days": 14}), Some(&admin.access_token)).await;
    assert_eq!(res.status(), 200);
    let after: serde_json::Value = res.json().await.unwrap();
    assert_eq!(after["offset_seconds"], 14 * 86_400);
    let b = chrono::DateTime::parse_from_rfc3339(before["now"].as_str().unwrap()).unwrap();
    let a = chrono::DateTime::parse_from_rfc3339(after["now"].as_str().unwrap()).unwrap();
    assert!((a - b).num_days() == 14);

    // Records written after the advance carry the moved time.
    let customer = app.customer().await;
    let entries: serde_json::Value =
        app.get(&format!("/api/v1/admin/audit-log?subject_id={}", customer.user_id), Some(&admin.access_token)).await.json().await.unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(entries["data"][0]["created_at"].as_str().unwrap()).unwrap();
    assert!(at > chrono::Utc::now() + chrono::Duration::days(13));

    // The offset is shared through the database (other instances, the CLI).
    let offset = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::app_clock;
            Ok(app_clock::table.select(app_clock::offset_seconds).first::<i64>(conn)?)
        })
        .await;
    assert_eq!(offset, 14 * 86_400);
    let audit: serde_json::Value =
        app.get("/api/v1/admin/audit-log?action=clock.advanced", Some(&admin.access_token)).await.json().await.unwrap();
    assert_eq!(audit["data"].as_array().unwrap().len(), 1);
    assert_eq!(audit["data"][0]["actor"]["email"], admin.email.as_str());
    assert!(audit["data"][0]["subject_person"].is_null(), "the clock is no person");

    for bad in [json!({"days": -1}), json!({"days": 100000}), json!({"days": "x"}), json!({})] {
        let res = app.post("/api/v1/admin/clock/advance", bad, Some(&admin.access_token)).await;
        assert!(res.status() == 422 || res.status() == 400, "{}", res.status());
    }
}

#[actix_web::test]
async fn the_clock_route_does_not_exist_with_the_system_clock() {
    let app = TestApp::spawn_with(Options { clock: ClockMode::System, ..Options::default() }).await;
    let admin = app.admin().await;
    let res = app.post("/api/v1/admin/clock/advance", json!({"days": 1}), Some(&admin.access_token)).await;
    problem(res, 404, "not_found").await;
}

#[actix_web::test]
async fn production_mode_refuses_dev_secrets_and_the_manual_clock() {
    // Settings::from_env reads the process environment; run it in a child process so the
    // test does not disturb its neighbours.
    let bin = env!("CARGO_BIN_EXE_partner-hub");
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(bin)
        .arg("migrate")
        .env("APP_ENV", "production")
        .env_remove("JWT_SECRET")
        .env("DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("JWT_SECRET is required"));
    let out = std::process::Command::new(bin)
        .arg("migrate")
        .env("APP_ENV", "production")
        .env("APP_CLOCK", "manual")
        .env("JWT_SECRET", "x".repeat(40))
        .env("APP_ENCRYPTION_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
        .env("DATA_DIR", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("APP_CLOCK=manual is refused"));
}

#[actix_web::test]
async fn job_runs_are_recorded_and_counted() {
    let app = TestApp::spawn().await;
    let support = app.support().await;
    let res = app.post("/api/v1/admin/jobs/email/run", json!({}), Some(&support.access_token)).await;
    assert_eq!(res.status(), 200);
    let run: serde_json::Value = res.json().await.unwrap();
    assert_eq!(run["job"], "email");
    assert_eq!(run["outcome"], "succeeded");
    let rows = app
        .db(|conn| {
            use diesel::prelude::*;
            use partner_hub::db::schema::job_runs;
            Ok(job_runs::table.select((job_runs::job, job_runs::triggered_by, job_runs::actor_id)).load::<(
                partner_hub::jobs::JobName,
                partner_hub::jobs::JobTrigger,
                Option<String>,
            )>(conn)?)
        })
        .await;
    assert_eq!(rows, vec![(partner_hub::jobs::JobName::Email, partner_hub::jobs::JobTrigger::Api, Some(support.user_id.clone()))]);
    let res = app.post("/api/v1/admin/jobs/nope/run", json!({}), Some(&support.access_token)).await;
    problem(res, 404, "not_found").await;
    let metrics = app.get("/metrics", None).await.text().await.unwrap();
    assert!(metrics.contains("job_runs_total{job=\"email\",outcome=\"succeeded\"}"));
}
