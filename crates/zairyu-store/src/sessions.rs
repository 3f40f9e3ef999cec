//! Server-side sessions of logged-in users. Only a hash of the session id is stored, so a copy of
//! the database cannot be used to take over a session.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub user_id: i64,
    pub created_at: Millis,
    pub last_seen_at: Millis,
    pub expires_at: Millis,
}

pub async fn create(
    conn: &mut Conn,
    id_hash: &str,
    user_id: i64,
    now: Millis,
    expires_at: Millis,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(id_hash)
    .bind(user_id)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

pub async fn get(conn: &mut Conn, id_hash: &str) -> Result<Option<SessionRow>, StoreError> {
    let r = sqlx::query(
        "SELECT user_id, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = $1",
    )
    .bind(id_hash)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(|r| {
        Ok(SessionRow {
            user_id: r.try_get("user_id").map_err(q)?,
            created_at: r.try_get("created_at").map_err(q)?,
            last_seen_at: r.try_get("last_seen_at").map_err(q)?,
            expires_at: r.try_get("expires_at").map_err(q)?,
        })
    })
    .transpose()
}

/// Moves the idle deadline; only while the session is still alive.
pub async fn touch(
    conn: &mut Conn,
    id_hash: &str,
    now: Millis,
    expires_at: Millis,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id_hash = $1 AND expires_at > $2")
        .bind(id_hash)
        .bind(now)
        .bind(expires_at)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

pub async fn delete(conn: &mut Conn, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Ends every session of a user but the one given (after a password change or reset).
pub async fn delete_for_user(
    conn: &mut Conn,
    user_id: i64,
    keep: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2")
        .bind(user_id)
        .bind(keep.unwrap_or(""))
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

pub async fn purge_expired(conn: &mut Conn, now: Millis) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected())
}
