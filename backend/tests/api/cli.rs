use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_partner-hub"))
}

#[test]
fn help_lists_the_commands() {
    let out = bin().arg("--help").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["serve", "migrate", "openapi", "admin", "jobs"] {
        assert!(text.contains(cmd), "{cmd} missing from --help");
    }
}

#[test]
fn unknown_input_is_a_clear_error() {
    let out = bin().arg("frobnicate").output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unrecognized subcommand"));
    let out = bin().args(["admin", "create", "--email", "a@example.com", "--password", "long password", "--role", "root"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value 'root'"));
}

#[test]
fn migrate_admin_create_and_jobs_run_on_a_fresh_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/cli.db", dir.path().display());
    let env = |c: &mut Command| {
        c.env("DATABASE_URL", &db).env("DATA_DIR", dir.path()).env("EMAIL_OUTBOX_DIR", dir.path().join("outbox")).env_remove("SMTP_URL");
    };
    let mut c = bin();
    env(&mut c);
    let out = c.arg("migrate").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let mut c = bin();
    env(&mut c);
    let out = c.args(["admin", "create", "--email", "Ops@Example.com", "--password", "ops password 1", "--role", "support"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("with role support"));

    let mut c = bin();
    env(&mut c);
    let out = c.args(["admin", "create", "--email", "ops@example.com", "--password", "short"]).output().unwrap();
    assert!(!out.status.success());

    let mut c = bin();
    env(&mut c);
    let out = c.args(["jobs", "run", "email"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let run: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(run["outcome"], "succeeded");

    let mut c = bin();
    env(&mut c);
    let out = c.args(["jobs", "run", "nope"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no job named 'nope'"));
}
