//! The job queue, which is also the outbox: a use case enqueues its emails in the same transaction as
//! its change, so a rollback sends nothing and a commit never loses a mail. A worker claims due jobs
//! with a lease; a job whose worker died becomes due again when its lease runs out.

use crate::Millis;
use crate::db::{Backend, Conn, Db, StoreError, q};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct JobRow {
    pub id: i64,
    pub kind: String,
    pub payload: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

pub async fn enqueue(
    conn: &mut Conn,
    kind: &str,
    payload: &str,
    run_at: Millis,
    now: Millis,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO jobs (kind, payload, run_at, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(kind)
    .bind(payload)
    .bind(run_at)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(q)
}

/// Claims the oldest due job for `lease` milliseconds. PostgreSQL skips rows other workers hold;
/// SQLite's single writer makes the plain form safe.
pub async fn claim(db: &Db, now: Millis, lease: Millis) -> Result<Option<JobRow>, StoreError> {
    let pick = match db.backend() {
        Backend::Postgres => {
            "SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $1 \
             AND (locked_until IS NULL OR locked_until <= $1) ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"
        }
        Backend::Sqlite => {
            "SELECT id FROM jobs WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $1 \
             AND (locked_until IS NULL OR locked_until <= $1) ORDER BY run_at, id LIMIT 1"
        }
    };
    let sql = format!(
        "UPDATE jobs SET locked_until = $2, attempts = attempts + 1 WHERE id = ({pick}) \
         RETURNING id, kind, payload, attempts"
    );
    let r = sqlx::query(&sql)
        .bind(now)
        .bind(now + lease)
        .fetch_optional(db.writer())
        .await
        .map_err(q)?;
    r.map(|r| {
        Ok(JobRow {
            id: r.try_get("id").map_err(q)?,
            kind: r.try_get("kind").map_err(q)?,
            payload: r.try_get("payload").map_err(q)?,
            attempts: r.try_get("attempts").map_err(q)?,
        })
    })
    .transpose()
}

pub async fn complete(conn: &mut Conn, id: i64, now: Millis) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE jobs SET done_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

/// Records a failed attempt: due again at `retry_at`, or parked as failed (kept, never deleted, so an
/// operator can requeue it) when `retry_at` is None.
pub async fn fail(
    conn: &mut Conn,
    id: i64,
    error: &str,
    retry_at: Option<Millis>,
    now: Millis,
) -> Result<(), StoreError> {
    match retry_at {
        Some(at) => sqlx::query(
            "UPDATE jobs SET run_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(at)
        .bind(error)
        .execute(conn)
        .await
        .map_err(q)?,
        None => sqlx::query(
            "UPDATE jobs SET failed_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(now)
        .bind(error)
        .execute(conn)
        .await
        .map_err(q)?,
    };
    Ok(())
}

/// Puts parked jobs back in the queue (`zairyu worker --requeue-failed`).
pub async fn requeue_failed(conn: &mut Conn, now: Millis) -> Result<u64, StoreError> {
    let done = sqlx::query("UPDATE jobs SET failed_at = NULL, run_at = $1, attempts = 0 WHERE failed_at IS NOT NULL AND done_at IS NULL")
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected())
}

/// Jobs not yet done: (due or waiting, parked as failed).
pub async fn backlog(conn: &mut Conn) -> Result<(i64, i64), StoreError> {
    let open: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL AND failed_at IS NULL")
            .fetch_one(&mut *conn)
            .await
            .map_err(q)?;
    let failed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM jobs WHERE done_at IS NULL AND failed_at IS NOT NULL",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(q)?;
    Ok((open, failed))
}
