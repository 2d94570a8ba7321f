//! The command line: `serve` (default), `migrate`, `openapi`, `admin create`, `admin
//! revoke`, `jobs run`, `email preview`, `ledger verify`.

use clap::{Parser, Subcommand};

use crate::audit::{AuditAction, AuditEntry};
use crate::auth::{password, store};
use crate::config::Settings;
use crate::domain::ids::UserId;
use crate::domain::{Email, Role};
use crate::error::AppError;

#[derive(Parser, Debug)]
#[command(name = "partner-hub", version, about = "Partner Hub: the reseller programme API and web app")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Migrate the database and serve the API and the web app (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document (YAML) to standard output.
    Openapi,
    /// Manage staff accounts.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Run background jobs by hand.
    Jobs {
        #[command(subcommand)]
        command: JobsCommand,
    },
    /// Look at the email templates.
    Email {
        #[command(subcommand)]
        command: EmailCommand,
    },
    /// Check the earnings ledger.
    Ledger {
        #[command(subcommand)]
        command: LedgerCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum LedgerCommand {
    /// Check every invariant of the earnings ledger; prints each violation and exits
    /// with status 1 when there is any, prints "ledger ok" otherwise.
    Verify,
}

#[derive(Subcommand, Debug)]
pub enum EmailCommand {
    /// Print one email, rendered from sample parameters: subject, text part, HTML part.
    Preview {
        /// The template key; `partner-hub email preview list` lists them.
        key: String,
        #[arg(long, value_parser = ["en", "de"], default_value = "en")]
        lang: String,
        /// Print only the HTML part.
        #[arg(long)]
        html: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create a support or admin account. An email that already has an account is
    /// refused unless --grant-existing is given: then that account (its address must be
    /// verified) gets the role and keeps its password.
    Create {
        #[arg(long)]
        email: String,
        /// Required when creating a new account; never applied to an existing one.
        #[arg(long)]
        password: Option<String>,
        #[arg(long, default_value = "Partner Hub staff")]
        full_name: String,
        #[arg(long, value_parser = ["support", "admin"], default_value = "admin")]
        role: String,
        /// Grant the role to the account that already uses this email.
        #[arg(long)]
        grant_existing: bool,
    },
    /// Take a support or admin role away from an account; it stops working at once.
    Revoke {
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["support", "admin"])]
        role: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum JobsCommand {
    /// Run one job now: email (more arrive with later features).
    Run { name: String },
}

fn init_logging() {
    let _ = env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).try_init();
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve) {
        Command::Openapi => {
            print!("{}", crate::openapi::yaml());
            Ok(())
        }
        Command::Serve => {
            init_logging();
            let settings = Settings::from_env()?;
            actix_web::rt::System::new().block_on(async move {
                let app = crate::startup::Application::build(settings.clone()).await?;
                println!("listening on http://{}:{}", settings.host, app.port());
                log::info!("database {}", crate::db::redact(&settings.database_url));
                app.run_until_stopped().await?;
                Ok(())
            })
        }
        Command::Migrate => {
            init_logging();
            let settings = Settings::from_env()?;
            let mut conn = crate::db::establish(&settings.database_url)
                .map_err(|e| anyhow::anyhow!("cannot connect to {}: {e}", crate::db::redact(&settings.database_url)))?;
            let applied = crate::db::run_migrations(&mut conn)?;
            println!("applied {} migrations", applied.len());
            Ok(())
        }
        Command::Admin { command: AdminCommand::Create { email, password, full_name, role, grant_existing } } => {
            init_logging();
            let state = crate::startup::prepare_state(Settings::from_env()?)?;
            let email = Email::parse(&email).map_err(|m| anyhow::anyhow!("--email {m}"))?;
            let role = Role::parse(&role).expect("clap checked the role");
            let exists = {
                let mut conn = state.db.pool().get().map_err(|e| anyhow::anyhow!("database: {e}"))?;
                store::find_by_email(&mut conn, email.as_str()).map_err(|e| anyhow::anyhow!("{e}"))?.is_some()
            };
            let message = if exists {
                if !grant_existing {
                    anyhow::bail!(
                        "an account with the email {email} exists already; nothing was changed.\n\
                         If you are sure that account belongs to the person who should be {role}, \
                         run again with --grant-existing (its password stays as it is)."
                    );
                }
                let mut message = grant_existing_role(&state, &email, role).map_err(|e| anyhow::anyhow!("{}", e.detail))?;
                if password.is_some() {
                    message.push_str("\n--password was not used: an existing account keeps its own password.");
                }
                message
            } else {
                let password = password.ok_or_else(|| anyhow::anyhow!("--password is required to create a new account"))?;
                if !(10..=128).contains(&password.chars().count()) {
                    anyhow::bail!("--password must be 10 to 128 characters");
                }
                create_staff(&state, &email, &password, &full_name, role).map_err(|e| anyhow::anyhow!("{}", e.detail))?
            };
            println!("{message}");
            Ok(())
        }
        Command::Email { command: EmailCommand::Preview { key, lang, html } } => {
            let locale = crate::domain::locale::Locale::parse(&lang).expect("clap checked the language");
            let Some(mail) = crate::notifications::mails::sample(&key, locale) else {
                anyhow::bail!("there is no email template '{key}'; templates: {}", crate::notifications::mail::KEYS.join(", "));
            };
            let mail = mail.map_err(|e| anyhow::anyhow!("template {key} ({lang}) does not render: {e:#}"))?;
            if html {
                print!("{}", mail.html);
            } else {
                println!("Template: {key} ({lang})\nSubject: {}\n\n{}\n----- HTML -----\n{}", mail.subject, mail.text, mail.html);
            }
            Ok(())
        }
        Command::Admin { command: AdminCommand::Revoke { email, role } } => {
            init_logging();
            let state = crate::startup::prepare_state(Settings::from_env()?)?;
            let email = Email::parse(&email).map_err(|m| anyhow::anyhow!("--email {m}"))?;
            let role = Role::parse(&role).expect("clap checked the role");
            println!("{}", revoke_staff(&state, &email, role).map_err(|e| anyhow::anyhow!("{}", e.detail))?);
            Ok(())
        }
        Command::Ledger { command: LedgerCommand::Verify } => {
            init_logging();
            let state = crate::startup::prepare_state(Settings::from_env()?)?;
            let now = state.clock.now_naive();
            let mut conn = state.db.pool().get().map_err(|e| anyhow::anyhow!("database: {e}"))?;
            let violations = crate::earnings::verify::verify_in(&mut conn, now).map_err(|e| anyhow::anyhow!("{}", e.detail))?;
            if violations.is_empty() {
                println!("ledger ok");
                return Ok(());
            }
            for v in &violations {
                let who = v.freelancer_id.as_deref().unwrap_or("-");
                let entry = v.entry_id.as_deref().unwrap_or("-");
                println!("{}\tfreelancer {who}\tentry {entry}\t{}", v.code, v.detail);
            }
            anyhow::bail!("the ledger has {} violation(s)", violations.len())
        }
        Command::Jobs { command: JobsCommand::Run { name } } => {
            init_logging();
            let settings = Settings::from_env()?;
            actix_web::rt::System::new().block_on(async move {
                let state =
                    actix_web::web::block(move || crate::startup::prepare_state(settings)).await.map_err(|e| anyhow::anyhow!("{e}"))??;
                let job = crate::jobs::JobName::resolve(&name).map_err(|e| anyhow::anyhow!("{}", e.detail))?;
                let run =
                    crate::jobs::run(&state, job, crate::jobs::JobTrigger::Cli, None).await.map_err(|e| anyhow::anyhow!("{}", e.detail))?;
                println!("{}", serde_json::to_string_pretty(&run)?);
                if run.outcome != crate::jobs::JobOutcome::Succeeded {
                    anyhow::bail!("job {name} failed");
                }
                Ok(())
            })
        }
    }
}

fn list_roles(roles: &[Role]) -> String {
    if roles.is_empty() {
        "(none)".into()
    } else {
        roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ")
    }
}

fn role_change_audit(
    conn: &mut crate::db::DbConnection,
    action: AuditAction,
    user_id: &str,
    before: &[Role],
    after: &[Role],
    now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    AuditEntry::new(None, action, "user", user_id)
        .before(serde_json::json!({"roles": before}))
        .after(serde_json::json!({"roles": after, "via": "cli"}))
        .write(conn, now)
}

/// Creates a new staff account, verified (the operator vouches for the address).
/// Refuses an email that already has an account: an attacker may have registered it.
pub fn create_staff(
    state: &crate::state::AppState,
    email: &Email,
    password: &str,
    full_name: &str,
    role: Role,
) -> Result<String, AppError> {
    use diesel::Connection;
    let hash = password::hash(password).map_err(|e| AppError::internal(e.to_string()))?;
    let mut conn = state.db.pool().get().map_err(|e| AppError::unavailable(e.to_string()))?;
    let now = state.clock.now_naive();
    conn.transaction(|conn| {
        if store::find_by_email(conn, email.as_str())?.is_some() {
            return Err(AppError::conflict(
                "email_taken",
                format!("An account with the email {email} exists already; nothing was changed. Use --grant-existing to give that account the role."),
            ));
        }
        let id = UserId::generate();
        store::insert_user(conn, &crate::auth::model::NewUser {
            id: id.as_str(),
            email: email.as_str(),
            password_hash: &hash,
            full_name,
            created_at: now,
            updated_at: now,
            email_verified_at: Some(now),
            locale: Default::default(),
        })?;
        store::grant_role(conn, id.as_str(), role, now)?;
        role_change_audit(conn, AuditAction::UserRoleGranted, id.as_str(), &[], &[role], now)?;
        AuditEntry::new(None, AuditAction::UserEmailVerified, "user", id.as_str())
            .after(serde_json::json!({"email": email.as_str(), "via": "cli"}))
            .write(conn, now)?;
        Ok(format!("created {} {} with role {} (email verified by the operator)", id, email, role))
    })
}

/// Grants a staff role to the account that uses `email`, whose address must be verified
/// (else whoever registered it first would become staff). The password is not touched.
pub fn grant_existing_role(state: &crate::state::AppState, email: &Email, role: Role) -> Result<String, AppError> {
    use diesel::Connection;
    let mut conn = state.db.pool().get().map_err(|e| AppError::unavailable(e.to_string()))?;
    let now = state.clock.now_naive();
    conn.transaction(|conn| {
        let user = store::find_by_email(conn, email.as_str())?
            .ok_or_else(|| AppError::not_found(format!("There is no account with the email {email}.")))?;
        if user.email_verified_at.is_none() {
            return Err(AppError::forbidden(
                "email_not_verified",
                format!("The account {email} ({}) has not verified its email address, so nobody has shown it owns that mailbox; nothing was changed. Ask its holder to confirm the address first.", user.id),
            ));
        }
        let before = store::roles_of(conn, &user.id)?;
        if !store::grant_role(conn, &user.id, role, now)? {
            return Ok(format!("nothing changed: existing account {email} ({}) already has role {role}; roles: {}", user.id, list_roles(&before)));
        }
        let after = store::roles_of(conn, &user.id)?;
        role_change_audit(conn, AuditAction::UserRoleGranted, &user.id, &before, &after, now)?;
        Ok(format!(
            "granted role {role} to existing account {email} ({}): roles {} -> {}; password and name unchanged",
            user.id,
            list_roles(&before),
            list_roles(&after)
        ))
    })
}

/// Takes a role away from the account that uses `email`. Staff routes read roles from
/// the database, so the role stops working on that account's next request.
pub fn revoke_staff(state: &crate::state::AppState, email: &Email, role: Role) -> Result<String, AppError> {
    use diesel::Connection;
    let mut conn = state.db.pool().get().map_err(|e| AppError::unavailable(e.to_string()))?;
    let now = state.clock.now_naive();
    conn.transaction(|conn| {
        let user = store::find_by_email(conn, email.as_str())?
            .ok_or_else(|| AppError::not_found(format!("There is no account with the email {email}.")))?;
        let before = store::roles_of(conn, &user.id)?;
        if !store::revoke_role(conn, &user.id, role)? {
            return Ok(format!("nothing changed: {email} ({}) does not have role {role}; roles: {}", user.id, list_roles(&before)));
        }
        let after = store::roles_of(conn, &user.id)?;
        role_change_audit(conn, AuditAction::UserRoleRevoked, &user.id, &before, &after, now)?;
        Ok(format!("revoked role {role} from {email} ({}): roles {} -> {}", user.id, list_roles(&before), list_roles(&after)))
    })
}
