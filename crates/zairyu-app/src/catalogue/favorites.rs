//! Favorite Procedures (SPEC §5.3, §11.1), scoped to the signed-in user.

use crate::{App, AppError};
use zairyu_store::{StoreError, favorites};

pub async fn add(app: &App, user_id: i64, procedure_id: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    favorites::add(&mut w, user_id, procedure_id, app.now()).await?;
    Ok(())
}

pub async fn remove(app: &App, user_id: i64, procedure_id: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    favorites::remove(&mut w, user_id, procedure_id).await?;
    Ok(())
}

pub async fn contains(app: &App, user_id: i64, procedure_id: &str) -> Result<bool, AppError> {
    let mut conn = app.db.read().await?;
    Ok(favorites::contains(&mut conn, user_id, procedure_id).await?)
}

pub async fn list(app: &App, user_id: i64) -> Result<Vec<String>, AppError> {
    let mut conn = app.db.read().await?;
    Ok(favorites::list(&mut conn, user_id).await?)
}
