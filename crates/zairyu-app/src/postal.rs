//! Postal Code Address Search (SPEC §11.2) and the import of Japan Post's data.

use crate::{App, AppError};
use zairyu_domain::{Invalid, PostalCode};
use zairyu_store::postal;
use zairyu_store::postal_parse::{PostalRow, parse_postal_file};

/// Addresses for a typed postal code.
pub async fn search(app: &App, raw: &str) -> Result<Result<Vec<PostalRow>, Invalid>, AppError> {
    let code = match PostalCode::parse(raw) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    let mut conn = app.db.read().await?;
    Ok(Ok(postal::lookup(&mut conn, code.as_str()).await?))
}

/// Replaces the postal table with a file's contents (project CSV, gzip or KEN_ALL.CSV).
pub async fn import(app: &App, bytes: &[u8]) -> Result<u64, AppError> {
    let rows = parse_postal_file(bytes).map_err(|e| AppError::Internal(e.to_string()))?;
    if rows.is_empty() {
        return Err(AppError::Internal("the file holds no postal codes".into()));
    }
    Ok(postal::replace_all(&app.db, &rows).await?)
}

/// Rows in the postal table.
pub async fn count(app: &App) -> Result<i64, AppError> {
    let mut conn = app.db.read().await?;
    Ok(postal::count(&mut conn).await?)
}
