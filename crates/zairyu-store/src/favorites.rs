//! Favorite Procedures, always read and written for one user.

use crate::Millis;
use crate::db::{Conn, StoreError, q};

/// Adds a favorite; adding it twice is harmless (a double click, or Back and Register again).
pub async fn add(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
    now: Millis,
) -> Result<(), StoreError> {
    let exists: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM favorites WHERE user_id = $1 AND procedure_id = $2",
    )
    .bind(user_id)
    .bind(procedure_id)
    .fetch_one(&mut *conn)
    .await
    .map_err(q)?;
    if exists == 0 {
        sqlx::query(
            "INSERT INTO favorites (user_id, procedure_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(user_id)
        .bind(procedure_id)
        .bind(now)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    }
    Ok(())
}

pub async fn remove(conn: &mut Conn, user_id: i64, procedure_id: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM favorites WHERE user_id = $1 AND procedure_id = $2")
        .bind(user_id)
        .bind(procedure_id)
        .execute(conn)
        .await
        .map_err(q)?;
    Ok(())
}

pub async fn contains(
    conn: &mut Conn,
    user_id: i64,
    procedure_id: &str,
) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM favorites WHERE user_id = $1 AND procedure_id = $2",
    )
    .bind(user_id)
    .bind(procedure_id)
    .fetch_one(conn)
    .await
    .map_err(q)?;
    Ok(n > 0)
}

/// The user's favorites, newest first.
pub async fn list(conn: &mut Conn, user_id: i64) -> Result<Vec<String>, StoreError> {
    sqlx::query_scalar("SELECT procedure_id FROM favorites WHERE user_id = $1 ORDER BY created_at DESC, procedure_id")
        .bind(user_id)
        .fetch_all(conn)
        .await
        .map_err(q)
}
