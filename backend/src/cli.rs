//! The command line: `serve` (default), `migrate`, `openapi`, `admin create`, `jobs run`,
//! `email preview`.

use clap::{Parser, Subcommand};

use crate::audit::AuditEntry;
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
    /// Create a support or admin account (or grant the role to an existing account).
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        password: String,
        #[arg(long, default_value = "Partner Hub staff")]
        full_name: String,
        #[arg(long, value_parser = ["support", "admin"], default_value = "admin")]
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
        Command::Admin { command: AdminCommand::Create { email, password, full_name, role } } => {
            init_logging();
            let state = crate::startup::prepare_state(Settings::from_env()?)?;
            let email = Email::parse(&email).map_err(|m| anyhow::anyhow!("--email {m}"))?;
            if !(10..=128).contains(&password.chars().count()) {
                anyhow::bail!("--password must be 10 to 128 characters");
            }
            let role = Role::parse(&role).expect("clap checked the role");
            let message = create_staff(&state, &email, &password, &full_name, role).map_err(|e| anyhow::anyhow!("{e}"))?;
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
        Command::Jobs { command: JobsCommand::Run { name } } => {
            init_logging();
            let settings = Settings::from_env()?;
            actix_web::rt::System::new().block_on(async move {
                let state = actix_web::web::block(move || crate::startup::prepare_state(settings))
                    .await
                    .map_err(|e| anyhow::anyhow!("{e}"))??;
                let job = crate::jobs::JobName::resolve(&name).map_err(|e| anyhow::anyhow!("{}", e.detail))?;
                let run = crate::jobs::run(&state, job, crate::jobs::JobTrigger::Cli, None).await.map_err(|e| anyhow::anyhow!("{}", e.detail))?;
                println!("{}", serde_json::to_string_pretty(&run)?);
                if run.outcome != crate::jobs::JobOutcome::Succeeded {
                    anyhow::bail!("job {name} failed");
                }
                Ok(())
            })
        }
    }
}

pub fn create_staff(state: &crate::state::AppState, email: &Email, password: &str, full_name: &str, role: Role) -> Result<String, AppError> {
    use diesel::Connection;
    let hash = password::hash(password).map_err(|e| AppError::internal(e.to_string()))?;
    let mut conn = state.db.pool().get().map_err(|e| AppError::unavailable(e.to_string()))?;
    let now = state.clock.now_naive();
    conn.transaction(|conn| {
        let (user_id, created) = match store::find_by_email(conn, email.as_str())? {
            Some(u) => (u.id, false),
            None => {
                let id = UserId::generate();
                store::insert_user(conn, &crate::auth::model::NewUser {
                    id: id.as_str(),
                    email: email.as_str(),
                    password_hash: &hash,
                    full_name,
                    created_at: now,
                    updated_at: now,
                })?;
                (id.0, true)
            }
        };
        let granted = store::grant_role(conn, &user_id, role.as_str(), now)?;
        if granted {
            AuditEntry::new(None, "user.role_granted", "user", &user_id)
                .after(serde_json::json!({"role": role.as_str(), "via": "cli"}))
                .write(conn, now)?;
        }
        Ok(match (created, granted) {
            (true, _) => format!("created {} {} with role {}", user_id, email, role.as_str()),
            (false, true) => format!("granted role {} to existing account {}", role.as_str(), email),
            (false, false) => format!("{} already has role {}", email, role.as_str()),
        })
    })
}
