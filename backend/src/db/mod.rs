//! Storage: one connection type over two engines (SQLite embedded, PostgreSQL in
//! production), an r2d2 pool that picks the engine by URL scheme, the embedded
//! migrations, and the async bridge (`Db::run`, `Db::transaction`) that moves blocking
//! diesel work off the async executor.

pub mod constraint;
pub mod schema;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ManageConnection, Pool, PooledConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl DbConnection {
    pub fn engine(&self) -> Engine {
        match self {
            DbConnection::Postgresql(_) => Engine::Postgres,
            DbConnection::Sqlite(_) => Engine::Sqlite,
        }
    }
}

pub fn engine_of(url: &str) -> Engine {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Engine::Postgres
    } else {
        Engine::Sqlite
    }
}

/// `sqlite://./data/x.db`, `sqlite:x.db` and a bare path all name a SQLite file.
pub fn sqlite_path(url: &str) -> &str {
    url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")).unwrap_or(url)
}

/// Connects by URL scheme and reports the engine's real error (diesel's derived
/// `establish` would treat any failure as a SQLite path problem).
pub fn establish(url: &str) -> Result<DbConnection, ConnectionError> {
    match engine_of(url) {
        Engine::Postgres => {
            let mut conn = diesel::PgConnection::establish(url)?;
            conn.batch_execute("SET TIME ZONE 'UTC'").map_err(ConnectionError::CouldntSetupConfiguration)?;
            Ok(DbConnection::Postgresql(conn))
        }
        Engine::Sqlite => {
            let path = sqlite_path(url);
            if let Some(parent) = std::path::Path::new(path).parent() {
                if !parent.as_os_str().is_empty() {
                    let _ = std::fs::create_dir_all(parent);
                }
            }
            let mut conn = diesel::SqliteConnection::establish(path)?;
            // busy_timeout first: the WAL switch itself can meet a lock when the pool
            // opens several connections at once.
            conn.batch_execute(
                "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
            )
            .map_err(ConnectionError::CouldntSetupConfiguration)?;
            Ok(DbConnection::Sqlite(conn))
        }
    }
}

pub struct DbManager {
    url: String,
}

impl ManageConnection for DbManager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        establish(&self.url).map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1").map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

pub type DbPool = Pool<DbManager>;
pub type PooledConn = PooledConnection<DbManager>;

pub fn build_pool(url: &str) -> anyhow::Result<DbPool> {
    let size = match engine_of(url) {
        Engine::Sqlite => 8,
        Engine::Postgres => 10,
    };
    Pool::builder()
        .max_size(size)
        .connection_timeout(Duration::from_secs(10))
        .build(DbManager { url: url.to_string() })
        .map_err(|e| anyhow::anyhow!("cannot open the database at {}: {e}", redact(url)))
}

/// Hides a password in a connection URL before it reaches a log line.
pub fn redact(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

pub fn run_migrations(conn: &mut DbConnection) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        DbConnection::Postgresql(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
    }
    .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    Ok(applied.iter().map(|v| v.to_string()).collect())
}

pub fn pending_migrations(conn: &mut DbConnection) -> anyhow::Result<usize> {
    let pending = match conn {
        DbConnection::Postgresql(c) => c.pending_migrations(POSTGRES_MIGRATIONS).map(|p| p.len()),
        DbConnection::Sqlite(c) => c.pending_migrations(SQLITE_MIGRATIONS).map(|p| p.len()),
    }
    .map_err(|e| anyhow::anyhow!("cannot read migrations: {e}"))?;
    Ok(pending)
}

/// The async face of the pool: every query runs on actix's blocking thread pool.
#[derive(Clone)]
pub struct Db {
    pool: DbPool,
    engine: Engine,
}

impl Db {
    pub fn new(pool: DbPool, engine: Engine) -> Db {
        Db { pool, engine }
    }

    pub fn engine(&self) -> Engine {
        self.engine
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    pub async fn run<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get().map_err(|e| AppError::unavailable(format!("database pool: {e}")))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| AppError::internal(format!("blocking task failed: {e}")))?
    }

    /// One business operation, one transaction: everything in `f` commits or nothing does.
    pub async fn transaction<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| match conn {
            DbConnection::Sqlite(_) => within(conn, "BEGIN IMMEDIATE", f),
            DbConnection::Postgresql(_) => conn.transaction(|tx| f(tx)),
        })
        .await
    }

    /// A read of several queries that must agree with each other (a dashboard, an
    /// export), without ever taking a write lock. SQLite: a deferred `BEGIN` that only
    /// reads holds a WAL snapshot and never waits for a writer (a `transaction` would take
    /// the database-wide write lock at once); PostgreSQL: `REPEATABLE READ, READ ONLY`,
    /// so every statement sees the same commit point and a stray write fails loudly.
    pub async fn snapshot<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        self.run(move |conn| {
            let begin = match conn {
                DbConnection::Sqlite(_) => "BEGIN DEFERRED",
                DbConnection::Postgresql(_) => "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
            };
            within(conn, begin, f)
        })
        .await
    }
}

/// Runs `f` inside a transaction opened with `begin`, committed when `f` succeeds.
///
/// SQLite's deferred `BEGIN` takes the write lock only at the first write; two such
/// transactions that both read first then deadlock, and SQLite answers "database is
/// locked" at once instead of waiting. So writers open with `BEGIN IMMEDIATE`, which
/// takes the write lock up front, and concurrent writers queue on `busy_timeout`.
/// Nested `conn.transaction` calls inside `f` still become savepoints: diesel's
/// transaction state is the inner connection's.
fn within<T>(conn: &mut DbConnection, begin: &str, f: impl FnOnce(&mut DbConnection) -> Result<T, AppError>) -> Result<T, AppError> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    match conn {
        DbConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, begin)?,
        DbConnection::Postgresql(c) => AnsiTransactionManager::begin_transaction_sql(c, begin)?,
    }
    let result = f(conn);
    let end = match (conn, &result) {
        (DbConnection::Sqlite(c), Ok(_)) => AnsiTransactionManager::commit_transaction(c),
        (DbConnection::Postgresql(c), Ok(_)) => AnsiTransactionManager::commit_transaction(c),
        (DbConnection::Sqlite(c), Err(_)) => AnsiTransactionManager::rollback_transaction(c),
        (DbConnection::Postgresql(c), Err(_)) => AnsiTransactionManager::rollback_transaction(c),
    };
    match (end, result) {
        (Ok(()), result) => result,
        (Err(e), Ok(_)) => Err(e.into()),
        (Err(e), Err(original)) => {
            log::error!("rollback failed: {e}");
            Err(original)
        }
    }
}
