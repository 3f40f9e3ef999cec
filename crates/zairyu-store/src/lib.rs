//! The database of zairyu. One code path for SQLite and PostgreSQL through sqlx's `Any` driver: every
//! statement is written once with `$N` placeholders, which both drivers accept, and every value is one
//! of the few types both agree on (i64 for instants and flags, text, bytes). Backend-specific SQL is
//! used only where it pays (claiming jobs with `FOR UPDATE SKIP LOCKED` on PostgreSQL).

pub mod api_tokens;
pub mod applications;
pub mod audit;
pub mod db;
pub mod drafts;
pub mod favorites;
pub mod identity;
pub mod jobs;
pub mod migrate;
pub mod notices;
pub mod officers;
pub mod postal;
pub mod postal_parse;
pub mod procedure_overrides;
pub mod seed;
pub mod sessions;
pub mod stats;
pub mod tokens;
pub mod uploads;
pub mod users;

pub use db::{Backend, Conn, Db, Nested, StoreError, Tx, savepoint};

/// Milliseconds since the Unix epoch, UTC. Instants are stored as this on both backends.
pub type Millis = i64;
