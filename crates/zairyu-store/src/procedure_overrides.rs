//! Reception periods and form versions changed in the back office over what the procedure files
//! say (issue 5, item 7). The catalogue reads these at start and after each change.

use crate::Millis;
use crate::db::{Conn, StoreError, q};
use sqlx::Row;

/// A reception period set in the back office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodRow {
    pub procedure_id: String,
    /// None keeps the file's start.
    pub reception_start: Option<Millis>,
    /// None keeps the file's end; Some(None) is "at any time".
    pub reception_end: Option<Option<Millis>>,
    pub updated_by: String,
    pub updated_at: Millis,
}

pub async fn periods(conn: &mut Conn) -> Result<Vec<PeriodRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT procedure_id, reception_start, end_set, reception_end, updated_by, updated_at FROM procedure_overrides",
    )
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            let end_set: i64 = r.try_get("end_set").map_err(q)?;
            let end: Option<Millis> = r.try_get("reception_end").map_err(q)?;
            Ok(PeriodRow {
                procedure_id: r.try_get("procedure_id").map_err(q)?,
                reception_start: r.try_get("reception_start").map_err(q)?,
                reception_end: (end_set != 0).then_some(end),
                updated_by: r.try_get("updated_by").map_err(q)?,
                updated_at: r.try_get("updated_at").map_err(q)?,
            })
        })
        .collect()
}

/// Sets (or, with both None, clears) a procedure's period override.
pub async fn set_period(
    conn: &mut Conn,
    procedure_id: &str,
    start: Option<Millis>,
    end: Option<Option<Millis>>,
    by: &str,
    now: Millis,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM procedure_overrides WHERE procedure_id = $1")
        .bind(procedure_id)
        .execute(&mut *conn)
        .await
        .map_err(q)?;
    if start.is_none() && end.is_none() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO procedure_overrides (procedure_id, reception_start, end_set, reception_end, updated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(procedure_id)
    .bind(start)
    .bind(i64::from(end.is_some()))
    .bind(end.flatten())
    .bind(by)
    .bind(now)
    .execute(conn)
    .await
    .map_err(q)?;
    Ok(())
}

/// Every withdrawn form version: (procedure id, version).
pub async fn withdrawn(conn: &mut Conn) -> Result<Vec<(String, u32)>, StoreError> {
    let rows = sqlx::query(
        "SELECT procedure_id, version FROM form_version_withdrawals ORDER BY procedure_id, version",
    )
    .fetch_all(conn)
    .await
    .map_err(q)?;
    rows.into_iter()
        .map(|r| {
            let v: i64 = r.try_get("version").map_err(q)?;
            Ok((
                r.try_get("procedure_id").map_err(q)?,
                u32::try_from(v).map_err(|_| StoreError::Corrupt(format!("form version {v}")))?,
            ))
        })
        .collect()
}

/// Withdraws (true) or publishes again (false) a form version; false when nothing changed.
pub async fn set_withdrawn(
    conn: &mut Conn,
    procedure_id: &str,
    version: u32,
    withdrawn: bool,
    by: &str,
    now: Millis,
) -> Result<bool, StoreError> {
    let done = if withdrawn {
        sqlx::query(
            "INSERT INTO form_version_withdrawals (procedure_id, version, withdrawn_by, withdrawn_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (procedure_id, version) DO NOTHING",
        )
        .bind(procedure_id)
        .bind(i64::from(version))
        .bind(by)
        .bind(now)
        .execute(conn)
        .await
        .map_err(q)?
    } else {
        sqlx::query("DELETE FROM form_version_withdrawals WHERE procedure_id = $1 AND version = $2")
            .bind(procedure_id)
            .bind(i64::from(version))
            .execute(conn)
            .await
            .map_err(q)?
    };
    Ok(done.rows_affected() == 1)
}
