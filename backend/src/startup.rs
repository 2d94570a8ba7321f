//! Builds the application: pool, migrations, clock, keys, and the actix server with
//! every route. `Application::build` binds the port (0 in tests) before serving.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{guard, web, App, HttpServer};
use anyhow::Context;
use utoipa_actix_web::AppExt;

use crate::auth::jwt::JwtKeys;
use crate::clock::Clock;
use crate::config::{ClockMode, Settings};
use crate::db::{self, Db};
use crate::fallback::{fallback, StaticDir};
use crate::state::AppState;
use crate::web::extractors::{json_config, path_config, query_config};

/// Opens the database, applies pending migrations and assembles the shared state.
pub fn prepare_state(settings: Settings) -> anyhow::Result<AppState> {
    let pool = db::build_pool(&settings.database_url)?;
    let mut conn = pool.get().with_context(|| format!("cannot connect to {}", db::redact(&settings.database_url)))?;
    let applied = db::run_migrations(&mut conn)?;
    if !applied.is_empty() {
        log::info!("applied {} migrations", applied.len());
    }
    let engine = conn.engine();
    let clock = match settings.clock {
        ClockMode::System => Clock::system(),
        ClockMode::Manual => {
            let c = Clock::manual(0);
            c.refresh(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
            c
        }
    };
    drop(conn);
    let jwt = Arc::new(JwtKeys::new(&settings.jwt_secret, &settings.jwt_previous_secrets));
    let payments = crate::providers::payments::build(&settings.payments)?;
    let db = Db::new(pool, engine);
    let microsoft = crate::providers::microsoft::build(&settings.microsoft, db.clone(), clock.clone())?;
    let payouts = crate::providers::payouts::build(&settings.payouts);
    Ok(AppState { db, clock, settings: Arc::new(settings), jwt, payments, microsoft, payouts })
}

pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let state =
            actix_web::web::block(move || prepare_state(settings)).await.map_err(|e| anyhow::anyhow!("start-up task failed: {e}"))??;
        Application::from_state(state)
    }

    pub fn from_state(state: AppState) -> anyhow::Result<Application> {
        let addr = format!("{}:{}", state.settings.host, state.settings.port);
        let listener = TcpListener::bind(&addr).with_context(|| format!("cannot listen on {addr}"))?;
        let port = listener.local_addr()?.port();
        if state.settings.scheduler {
            crate::jobs::scheduler::spawn(state.clone());
        }
        let static_dir = Some(state.settings.static_dir.clone()).filter(|d| d.join("index.html").is_file());
        if static_dir.is_none() {
            log::warn!("no SPA at {} (run `make run` to build it); serving the API only", state.settings.static_dir.display());
        }
        let data = web::Data::new(state);
        let statics = web::Data::new(StaticDir(static_dir));
        let server = HttpServer::new(move || {
            let (app, _) = App::new()
                .into_utoipa_app()
                .app_data(data.clone())
                .app_data(statics.clone())
                .app_data(json_config())
                .app_data(query_config())
                .app_data(path_config())
                .service(utoipa_actix_web::scope("/api/v1").configure(crate::openapi::api_routes))
                .configure(crate::ops::health::configure)
                .split_for_parts();
            // The last `wrap` runs first: the request log sees every response, including
            // the 422s of the text check, after their texts were translated.
            let mut app = app
                .wrap(from_fn(crate::fallback::refuse_control_characters))
                .wrap(from_fn(crate::i18n::middleware::middleware))
                .wrap(from_fn(crate::ops::request_log::middleware));
            if let Some(dir) = &statics.0 {
                app = app.service(
                    actix_files::Files::new("/", dir)
                        .index_file("index.html")
                        .redirect_to_slash_directory()
                        .guard(guard::Any(guard::Get()).or(guard::Head()))
                        .guard(guard::fn_guard(|ctx| !ctx.head().uri.path().starts_with("/api/")))
                        .default_handler(web::to(fallback)),
                );
            }
            app.default_service(web::to(fallback))
        })
        .on_connect(|conn, _ext| {
            // Without TCP_NODELAY small responses stall on delayed ACKs.
            if let Some(tcp) = conn.downcast_ref::<actix_web::rt::net::TcpStream>() {
                let _ = tcp.set_nodelay(true);
            }
        })
        .listen(listener)?
        .run();
        Ok(Application { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}
