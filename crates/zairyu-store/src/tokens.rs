//! Single-use tokens sent by email (registration, password reset, email change). Only a hash of the
//! token is stored; the token itself is derived from a random nonce and the server key when the mail
//! is written, so the database alone never reveals a usable link.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

/// A token as stored (never the token itself).
#[derive(Debug, Clone)]
pub struct TokenRow {
    pub id: i64,
    pub purpose: String,
    pub nonce: String,
    pub email: String,
    pub user_id: Option<i64>,
    pub locale: String,
    pub draft: Option<String>,
    pub created_at: Millis,
    pub expires_at: Millis,
    pub used_at: Option<Millis>,
}

/// What issuing a token stores.
pub struct NewToken<'a> {
    pub purpose: &'a str,
    pub token_hash: &'a str,
    pub nonce: &'a str,
    pub email: &'a str,
    pub user_id: Option<i64>,
    pub locale: &'a str,
    pub expires_at: Millis,
}

pub async fn insert(conn: &mut Conn, t: &NewToken<'_>, now: Millis) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "INSERT INTO email_tokens (purpose, token_hash, nonce, email, user_id, locale, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(t.purpose)
    .bind(t.token_hash)
    .bind(t.nonce)
    .bind(t.email)
    .bind(t.user_id)
    .bind(t.locale)
    .bind(now)
    .bind(t.expires_at)
    .fetch_one(conn)
    .await
    .map_err(q)
}

const COLUMNS: &str =
    "id, purpose, nonce, email, user_id, locale, draft, created_at, expires_at, used_at";

fn row(r: sqlx::any::AnyRow) -> Result<TokenRow, StoreError> {
    Ok(TokenRow {
        id: r.try_get("id").map_err(q)?,
        purpose: r.try_get("purpose").map_err(q)?,
        nonce: r.try_get("nonce").map_err(q)?,
        email: r.try_get("email").map_err(q)?,
        user_id: r.try_get("user_id").map_err(q)?,
        locale: r.try_get("locale").map_err(q)?,
        draft: r.try_get("draft").map_err(q)?,
        created_at: r.try_get("created_at").map_err(q)?,
        expires_at: r.try_get("expires_at").map_err(q)?,
        used_at: r.try_get("used_at").map_err(q)?,
    })
}

pub async fn by_hash(
    conn: &mut Conn,
    purpose: &str,
    token_hash: &str,
) -> Result<Option<TokenRow>, StoreError> {
    let r = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM email_tokens WHERE token_hash = $1 AND purpose = $2"
    ))
    .bind(token_hash)
    .bind(purpose)
    .fetch_optional(conn)
    .await
    .map_err(q)?;
    r.map(row).transpose()
}

pub async fn by_id(conn: &mut Conn, id: i64) -> Result<Option<TokenRow>, StoreError> {
    let r = sqlx::query(&format!("SELECT {COLUMNS} FROM email_tokens WHERE id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(q)?;
    r.map(row).transpose()
}

/// Marks a token used; false if it was already used or has expired, so two tabs cannot both use it.
pub async fn consume(conn: &mut Conn, id: i64, now: Millis) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE email_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(done.rows_affected() == 1)
}

/// Keeps what the user entered between a form and its confirmation screen (registration).
pub async fn set_draft(conn: &mut Conn, id: i64, draft: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE email_tokens SET draft = $2 WHERE id = $1 AND used_at IS NULL")
        .bind(id)
        .bind(draft)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Ends every open token of one purpose for a user (a finished reset ends the other reset links).
pub async fn retire_for_user(
    conn: &mut Conn,
    user_id: i64,
    purpose: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE email_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
        .bind(user_id)
        .bind(purpose)
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

/// Clears the kept entries of links that were used or have expired.
pub async fn purge_drafts(conn: &mut Conn, now: Millis) -> Result<u64, StoreError> {
    let done = sqlx::query("UPDATE email_tokens SET draft = NULL WHERE draft IS NOT NULL AND (used_at IS NOT NULL OR expires_at <= $1)")
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(done.rows_affected())
}
