//! Forgot User ID and forgot password (SPEC §4.4). **Better than the original**: neither screen says
//! whether an account exists. Both always answer the same page after the same work, and both always
//! mail the address that was typed — with the User IDs or a reset link when an account matches, and
//! otherwise with a note that none did — so only the mailbox's owner learns anything.

use super::tokens::{self as link, RESET};
use super::{LinkProblem, Refusal, user_actor};
use crate::outbox::{MailJob, TokenLink, enqueue_mail};
use crate::{App, AppError, clock::HOUR};
use zairyu_domain::{Email, EnglishName, FieldErrors, Invalid, LoginId, Password};
use zairyu_mail::MailMessage;
use zairyu_store::{StoreError, audit, sessions, tokens, users};

/// Forgot User ID: registered email + name in English.
pub async fn remind_user_id(
    app: &App,
    email: &str,
    name: &str,
    locale: &str,
    ip: &str,
) -> Result<(), Refusal> {
    let mut errs = FieldErrors::new();
    let email = errs.check("email", Email::parse(email));
    let name = errs.check("name", EnglishName::parse(name));
    let (Some(email), Some(name)) = (email, name) else {
        return Err(Refusal::Fields(errs));
    };
    let limits = app.cfg.rate_limits;
    if !app.rate_ok("mail-ip", ip, limits.mail_per_ip)
        || !app.rate_ok("mail-to", &email.normalized(), limits.mail_per_target)
    {
        return Err(Refusal::RateLimited);
    }
    let mut tx = app.db.begin().await?;
    let found = users::by_email_and_name(&mut tx, &email.normalized(), name.as_str()).await?;
    let message = if found.is_empty() {
        MailMessage::UserIdReminderNoMatch {
            start_url: app.url("/"),
        }
    } else {
        MailMessage::UserIdReminder {
            login_ids: found.iter().map(|u| u.login_id.clone()).collect(),
            login_url: app.url("/login"),
        }
    };
    let now = app.now();
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: email.as_str().to_owned(),
            locale: locale.to_owned(),
            message,
            link: None,
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: "anonymous",
            action: "recovery.user_id_requested",
            subject: None,
            ip: Some(ip),
            detail: None,
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(())
}

/// Forgot password: User ID + registered email → a reset link (24 h, once).
pub async fn request_reset(
    app: &App,
    login_id: &str,
    email: &str,
    locale: &str,
    ip: &str,
) -> Result<(), Refusal> {
    let mut errs = FieldErrors::new();
    let login_id = errs.check("login_id", LoginId::parse(login_id));
    let email = errs.check("email", Email::parse(email));
    let (Some(login_id), Some(email)) = (login_id, email) else {
        return Err(Refusal::Fields(errs));
    };
    let limits = app.cfg.rate_limits;
    if !app.rate_ok("mail-ip", ip, limits.mail_per_ip)
        || !app.rate_ok("mail-to", &email.normalized(), limits.mail_per_target)
        || !app.rate_ok("reset-account", login_id.as_str(), limits.mail_per_target)
    {
        return Err(Refusal::RateLimited);
    }
    let mut tx = app.db.begin().await?;
    let user = users::by_login_id(&mut tx, login_id.as_str())
        .await?
        .filter(|u| u.email.eq_ignore_ascii_case(email.as_str()));
    let now = app.now();
    let hours = app.cfg.link_ttl_ms / HOUR;
    let job = match &user {
        Some(u) => {
            let token_id =
                link::issue(app, &mut tx, RESET, email.as_str(), Some(u.id), &u.locale).await?;
            MailJob {
                to: email.as_str().to_owned(),
                locale: locale.to_owned(),
                message: MailMessage::PasswordResetLink {
                    url: String::new(),
                    valid_hours: hours,
                },
                link: Some(TokenLink {
                    token_id,
                    path: "/password-reset/".into(),
                }),
            }
        }
        None => MailJob {
            to: email.as_str().to_owned(),
            locale: locale.to_owned(),
            message: MailMessage::PasswordResetNoMatch {
                start_url: app.url("/"),
            },
            link: None,
        },
    };
    enqueue_mail(&mut tx, &job, now).await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: "anonymous",
            action: "recovery.reset_requested",
            subject: user.as_ref().map(|u| user_actor(u.id)).as_deref(),
            ip: Some(ip),
            detail: None,
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(())
}

/// Opens the reset link; gives the User ID to show on the page.
pub async fn open_reset(app: &App, token: &str) -> Result<Result<String, LinkProblem>, AppError> {
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    let row = match link::check(app, &mut conn, RESET, token).await? {
        Ok(r) => r,
        Err(p) => return Ok(Err(p)),
    };
    let Some(user) = users::by_id(&mut conn, row.user_id.unwrap_or_default()).await? else {
        return Ok(Err(LinkProblem::Unknown));
    };
    Ok(Ok(user.login_id))
}

/// Sets the new password: lifts any lock, ends every session and every other reset link, mails
/// "password changed".
pub async fn reset(
    app: &App,
    token: &str,
    password: &str,
    confirm: &str,
    ip: &str,
) -> Result<Result<(), LinkProblem>, Refusal> {
    let mut errs = FieldErrors::new();
    let pw = errs.check(
        "password",
        Password::parse(password, app.cfg.password_policy),
    );
    if confirm.is_empty() {
        errs.add("password_confirm", Invalid::Required);
    } else if pw.is_some() && confirm != password {
        errs.add("password_confirm", Invalid::Mismatch);
    }
    {
        let mut conn = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        if let Err(p) = link::check(app, &mut conn, RESET, token).await? {
            return Ok(Err(p));
        }
    }
    let Some(pw) = pw.filter(|_| errs.is_empty()) else {
        return Err(Refusal::Fields(errs));
    };
    let hash = app.hasher.hash(&pw).await?;
    let mut tx = app.db.begin().await?;
    let row = match link::check(app, &mut tx, RESET, token).await? {
        Ok(r) => r,
        Err(p) => return Ok(Err(p)),
    };
    let now = app.now();
    let user_id = row.user_id.unwrap_or_default();
    let Some(user) = users::by_id(&mut tx, user_id).await? else {
        return Ok(Err(LinkProblem::Unknown));
    };
    if !tokens::consume(&mut tx, row.id, now).await? {
        return Ok(Err(LinkProblem::Used));
    }
    tokens::retire_for_user(&mut tx, user.id, RESET, now).await?;
    users::set_password(&mut tx, user.id, &hash, now).await?;
    sessions::delete_for_user(&mut tx, user.id, None).await?;
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: user.email.clone(),
            locale: user.locale.clone(),
            message: MailMessage::PasswordChanged {
                login_id: user.login_id.clone(),
            },
            link: None,
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: &user_actor(user.id),
            action: "recovery.password_reset",
            subject: None,
            ip: Some(ip),
            detail: None,
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Ok(()))
}
