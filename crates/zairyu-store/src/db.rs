//! Connection pools. SQLite gets a single-connection writer pool beside a reader pool: SQLite allows
//! one writer at a time, and funnelling writes through one connection means no transaction ever fails
//! with SQLITE_BUSY when it upgrades from reading to writing. PostgreSQL uses one pool for both.

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

/// A connection or a transaction; repositories take `&mut Conn` so one function serves both.
pub type Conn = sqlx::AnyConnection;
/// A transaction on either backend.
pub type Tx = sqlx::Transaction<'static, Any>;

/// Which database engine is behind the pools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A failure of the database. `UniqueViolation` is separated because callers retry on it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unique constraint violated")]
    UniqueViolation,
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration {version} failed: {source}")]
    Migration { version: i64, source: sqlx::Error },
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error("{0}")]
    Import(String),
}

impl StoreError {
    /// Wraps a sqlx error, recognising unique violations on both backends.
    pub fn from_sqlx(e: sqlx::Error) -> StoreError {
        if let sqlx::Error::Database(db) = &e
            && db.is_unique_violation()
        {
            return StoreError::UniqueViolation;
        }
        StoreError::Database(e)
    }
}

/// Shorthand used by every repository.
pub(crate) fn q(e: sqlx::Error) -> StoreError {
    StoreError::from_sqlx(e)
}

/// The pools of one database.
#[derive(Clone, Debug)]
pub struct Db {
    writer: AnyPool,
    reader: AnyPool,
    backend: Backend,
}

impl Db {
    /// Connects to `url` (`sqlite://path` or `postgres://…`). SQLite files are created if missing and
    /// opened in WAL mode with `synchronous=FULL` and foreign keys on.
    pub async fn connect(url: &str) -> Result<Db, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        match backend {
            Backend::Sqlite => {
                let url = if url.contains('?') {
                    url.to_owned()
                } else {
                    format!("{url}?mode=rwc")
                };
                let opts = AnyConnectOptions::from_str(&url)?;
                let writer = sqlite_pool(opts.clone(), 1).await?;
                let reader = sqlite_pool(opts, 4).await?;
                Ok(Db {
                    writer,
                    reader,
                    backend,
                })
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect(url)
                    .await?;
                Ok(Db {
                    writer: pool.clone(),
                    reader: pool,
                    backend,
                })
            }
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool for statements that change data (and for reads that must see the latest write).
    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    /// The pool for reads.
    pub fn reader(&self) -> &AnyPool {
        &self.reader
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        self.writer.begin().await.map_err(q)
    }

    /// Borrows a connection for reading.
    pub async fn read(&self) -> Result<sqlx::pool::PoolConnection<Any>, StoreError> {
        self.reader.acquire().await.map_err(q)
    }

    /// Checks that the database answers (for `/readyz`).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.reader).await.is_ok()
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }
}

async fn sqlite_pool(opts: AnyConnectOptions, max: u32) -> Result<AnyPool, StoreError> {
    let pool = AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute("PRAGMA journal_mode = WAL").await?;
                conn.execute("PRAGMA synchronous = FULL").await?;
                conn.execute("PRAGMA foreign_keys = ON").await?;
                conn.execute("PRAGMA busy_timeout = 10000").await?;
                Ok(())
            })
        })
        .connect_with(opts)
        .await?;
    Ok(pool)
}

/// A transaction nested in another (a savepoint): a statement that fails inside it can be rolled
/// back without aborting the outer transaction, which PostgreSQL would otherwise do.
pub type Nested<'c> = sqlx::Transaction<'c, Any>;

pub async fn savepoint(conn: &mut Conn) -> Result<Nested<'_>, StoreError> {
    sqlx::Connection::begin(conn).await.map_err(q)
}
