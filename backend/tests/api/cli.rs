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
    let out =
        bin().args(["admin", "create", "--email", "a@example.com", "--password", "long password", "--role", "root"]).output().unwrap();
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
    let out =
        c.args(["admin", "create", "--email", "Ops@Example.com", "--password", "ops password 1", "--role", "support"]).output().unwrap();
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

#[test]
fn admin_create_refuses_an_existing_account_unless_told_and_then_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/cli.db", dir.path().display());
    let run = |args: &[&str]| {
        let mut c = bin();
        c.env("DATABASE_URL", &db).env("DATA_DIR", dir.path()).env("EMAIL_OUTBOX_DIR", dir.path().join("outbox")).env_remove("SMTP_URL");
        let out = c.args(args).output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (ok, out, err) = run(&["admin", "create", "--email", "ops@example.com", "--password", "ops password 1", "--role", "support"]);
    assert!(ok, "{err}");
    assert!(out.contains("with role support") && out.contains("email verified"), "{out}");

    // The same email again: refused, nothing changed, the way forward named.
    let (ok, _, err) = run(&["admin", "create", "--email", "OPS@example.com", "--password", "another password", "--role", "admin"]);
    assert!(!ok);
    assert!(err.contains("exists already") && err.contains("nothing was changed") && err.contains("--grant-existing"), "{err}");

    // Told explicitly: the role is added, the password left alone, and it says so.
    let (ok, out, err) =
        run(&["admin", "create", "--email", "ops@example.com", "--password", "another password", "--role", "admin", "--grant-existing"]);
    assert!(ok, "{err}");
    assert!(out.contains("roles support -> admin, support"), "{out}");
    assert!(out.contains("password and name unchanged") && out.contains("--password was not used"), "{out}");
    let (ok, out, _) = run(&["admin", "create", "--email", "ops@example.com", "--role", "admin", "--grant-existing"]);
    assert!(ok && out.contains("nothing changed"), "{out}");

    let (ok, out, err) = run(&["admin", "revoke", "--email", "ops@example.com", "--role", "support"]);
    assert!(ok, "{err}");
    assert!(out.contains("roles admin, support -> admin"), "{out}");

    // A new account needs a password.
    let (ok, _, err) = run(&["admin", "create", "--email", "new@example.com", "--role", "admin"]);
    assert!(!ok && err.contains("--password is required"), "{err}");

    // Grants and revocations are in the audit log, and the password still works.
    let settings = partner_hub::config::Settings { database_url: db.clone(), ..partner_hub_settings(dir.path()) };
    let state = partner_hub::startup::prepare_state(settings).unwrap();
    let mut conn = state.db.pool().get().unwrap();
    use diesel::prelude::*;
    use partner_hub::db::schema::{audit_log, users};
    let actions: Vec<String> = audit_log::table
        .filter(audit_log::action.like("user.role_%"))
        .order(audit_log::created_at.asc())
        .select(audit_log::action)
        .load(&mut conn)
        .unwrap();
    assert_eq!(actions, vec!["user.role_granted", "user.role_granted", "user.role_revoked"]);
    let hash: String = users::table.filter(users::email.eq("ops@example.com")).select(users::password_hash).first(&mut conn).unwrap();
    assert!(partner_hub::auth::password::verify("ops password 1", &hash));
}

fn partner_hub_settings(dir: &std::path::Path) -> partner_hub::config::Settings {
    crate::helpers::settings_for(dir, String::new(), &crate::helpers::Options::default())
}
