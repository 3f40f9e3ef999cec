//! Issuing and checking emailed single-use links.

use super::LinkProblem;
use crate::outbox::token_for;
use crate::secret::{random_token, sha256_hex};
use crate::{App, AppError};
use zairyu_store::{Conn, tokens};

pub const REGISTER: &str = "register";
pub const RESET: &str = "reset";
pub const EMAIL_CHANGE: &str = "email_change";

/// Stores a new token row (hash only) and returns its id for the mail job.
pub async fn issue(
    app: &App,
    conn: &mut Conn,
    purpose: &str,
    email: &str,
    user_id: Option<i64>,
    locale: &str,
) -> Result<i64, AppError> {
    let now = app.now();
    let nonce = random_token(16);
    let hash = sha256_hex(&token_for(app, purpose, &nonce));
    let id = tokens::insert(
        conn,
        &tokens::NewToken {
            purpose,
            token_hash: &hash,
            nonce: &nonce,
            email,
            user_id,
            locale,
            expires_at: now + app.cfg.link_ttl_ms,
        },
        now,
    )
    .await?;
    Ok(id)
}

/// Finds the live token a link carries.
pub async fn check(
    app: &App,
    conn: &mut Conn,
    purpose: &str,
    token: &str,
) -> Result<Result<tokens::TokenRow, LinkProblem>, AppError> {
    if token.is_empty() || token.len() > 100 {
        return Ok(Err(LinkProblem::Unknown));
    }
    let Some(row) = tokens::by_hash(conn, purpose, &sha256_hex(token)).await? else {
        return Ok(Err(LinkProblem::Unknown));
    };
    if row.used_at.is_some() {
        return Ok(Err(LinkProblem::Used));
    }
    if row.expires_at <= app.now() {
        return Ok(Err(LinkProblem::Expired));
    }
    Ok(Ok(row))
}
