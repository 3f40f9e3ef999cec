//! Officers' tokens for the JSON API. Only the SHA-256 of a token is stored; the token itself is
//! shown once when it is made.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

#[derive(Debug, Clone)]
pub struct ApiTokenRow {
    pub id: i64,
    pub officer_id: i64,
    pub label: String,
    pub prefix: String,
    pub created_at: Millis,
    pub last_used_at: Option<Millis>,
    pub revoked_at: Option<Millis>,
}

fn row(r: sqlx::any::AnyRow) -> Result<ApiTokenRow, StoreError> {
    Ok(ApiTokenRow {
        id: r.try_get("id").map_err(q)?,
        officer_id: r.try_get("officer_id").map_err(q)?,
        label: r.try_get("label").map_err(q)?,
        prefix: r.try_get("prefix").map_err(q)?,
        created_at: r.try_get("created_at").map_err(q)?,
        last_used_at: r.try_get("last_used_at").map_err(q)?,
        revoked_at: r.try_get("revoked_at").map_err(q)?,
    })
}

const COLUMNS: &str = "id, officer_id, label, prefix, created_at, last_used_at, revoked_at";

pub async fn insert(
    conn: &mut Conn,
    officer_id: i64,
    label: &str,
    token_hash: &str,
    prefix: &str,
    now: Millis,
) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO officer_api_tokens (officer_id, label, token_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(officer_id)
    .bind(label)
    .bind(token_hash)
    .bind(prefix)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(q)
}

/// The officer's own tokens, newest first.
pub async fn for_officer(conn: &mut Conn, officer_id: i64) -> Result<Vec<ApiTokenRow>, StoreError> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM officer_api_tokens WHERE officer_id = $1 ORDER BY created_at DESC, id DESC"
    ))
    .bind(officer_id)
    .fetch_all(conn)
    .await
    .map_err(q)?
    .into_iter()
    .map(row)
    .collect()
}

/// A live (not revoked) token by its hash.
pub async fn live_by_hash(
    conn: &mut Conn,
    token_hash: &str,
) -> Result<Option<ApiTokenRow>, StoreError> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM officer_api_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
    ))
    .bind(token_hash)
    .fetch_optional(conn)
    .await
    .map_err(q)?
    .map(row)
    .transpose()
}

/// Revokes one of the officer's own tokens; false when it is not theirs or already revoked.
pub async fn revoke(
    conn: &mut Conn,
    officer_id: i64,
    id: i64,
    now: Millis,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE officer_api_tokens SET revoked_at = $3 WHERE id = $1 AND officer_id = $2 AND revoked_at IS NULL",
    )
    .bind(id)
    .bind(officer_id)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

pub async fn touch(conn: &mut Conn, id: i64, now: Millis) -> Result<(), StoreError> {
    sqlx::query("UPDATE officer_api_tokens SET last_used_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}
