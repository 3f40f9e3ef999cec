//! Officers' API tokens (issue 5, item 10). An officer makes a token in the back office, sees it
//! once, and other back-office systems send it as `Authorization: Bearer …`; the token carries that
//! officer's role and office, no more. Only its SHA-256 is stored. Revoked at once when the officer
//! revokes it, and useless once the officer is disabled.

use super::{Forbidden, record};
use crate::officers::OfficerSession;
use crate::secret::{random_token, sha256_hex};
use crate::{App, AppError};
use zairyu_domain::officer::Role;

use zairyu_domain::{FieldErrors, Invalid};
use zairyu_store::api_tokens::{self, ApiTokenRow};
use zairyu_store::{StoreError, officers};

/// Every token starts with this, so a leaked one is easy to recognise (and to search for).
pub const TOKEN_PREFIX: &str = "zat_";
pub const LABEL_MAX: usize = 60;
/// Write the last use at most this often.
const TOUCH_EVERY_MS: i64 = 60_000;

pub async fn list(app: &App, s: &OfficerSession) -> Result<Vec<ApiTokenRow>, AppError> {
    let mut conn = app.db.read().await?;
    Ok(api_tokens::for_officer(&mut conn, s.officer_id).await?)
}

/// Makes a token for the officer; the token is returned once and never again.
pub async fn create(
    app: &App,
    s: &OfficerSession,
    label: &str,
    ip: &str,
) -> Result<Result<String, FieldErrors>, AppError> {
    let mut errs = FieldErrors::new();
    let label = label.trim();
    if label.is_empty() {
        errs.add("label", Invalid::Required);
    } else if label.chars().count() > LABEL_MAX {
        errs.add("label", Invalid::TooLong { max: LABEL_MAX });
    }
    if !errs.is_empty() {
        return Ok(Err(errs));
    }
    let token = format!("{TOKEN_PREFIX}{}", random_token(32));
    let shown = token
        .chars()
        .take(TOKEN_PREFIX.len() + 6)
        .collect::<String>();
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let id = api_tokens::insert(
        &mut tx,
        s.officer_id,
        label,
        &sha256_hex(&token),
        &shown,
        now,
    )
    .await?;
    record(
        &mut tx,
        s,
        "api_token.created",
        &format!("api_token:{id}"),
        ip,
        None,
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Ok(token))
}

/// Revokes one of the officer's own tokens; Err when it is not theirs (or already revoked).
pub async fn revoke(
    app: &App,
    s: &OfficerSession,
    id: i64,
    ip: &str,
) -> Result<Result<(), Forbidden>, AppError> {
    let now = app.now();
    let mut tx = app.db.begin().await?;
    if !api_tokens::revoke(&mut tx, s.officer_id, id, now).await? {
        return Ok(Err(Forbidden));
    }
    record(
        &mut tx,
        s,
        "api_token.revoked",
        &format!("api_token:{id}"),
        ip,
        None,
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Ok(()))
}

/// The officer a bearer token stands for; None for a token that is unknown, revoked, or whose
/// officer is disabled — the caller answers all three the same way.
pub async fn authenticate(app: &App, raw: &str) -> Result<Option<OfficerSession>, AppError> {
    let raw = raw.trim();
    if !raw.starts_with(TOKEN_PREFIX) || raw.len() > 100 {
        return Ok(None);
    }
    let mut conn = app.db.read().await?;
    let Some(t) = api_tokens::live_by_hash(&mut conn, &sha256_hex(raw)).await? else {
        return Ok(None);
    };
    let Some(o) = officers::by_id(&mut conn, t.officer_id)
        .await?
        .filter(|o| o.disabled_at.is_none())
    else {
        return Ok(None);
    };
    drop(conn);
    let Ok(role) = Role::parse(&o.role) else {
        return Ok(None);
    };
    let now = app.now();
    if t.last_used_at.is_none_or(|at| now - at >= TOUCH_EVERY_MS) {
        let mut w = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        api_tokens::touch(&mut w, t.id, now).await?;
    }
    Ok(Some(OfficerSession {
        officer_id: o.id,
        login_id: o.login_id,
        name: o.name,
        role,
        office: o.office,
        locale: o.locale,
        expires_at: now,
    }))
}
