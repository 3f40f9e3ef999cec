//! My Page → user information (SPEC §11.2): details, change email, change password, change other
//! information. Every query here is scoped by the signed-in user's id.

use super::tokens::{self as link, EMAIL_CHANGE};
use super::{LinkProblem, Refusal, mask_email, user_actor};
use crate::outbox::{MailJob, TokenLink, enqueue_mail};
use crate::{App, AppError, clock::HOUR, sessions};
use zairyu_domain::{Address, Email, FieldErrors, Invalid, Password, PostalCode, Telephone};
use zairyu_mail::MailMessage;
use zairyu_store::users::UserRow;
use zairyu_store::{StoreError, audit, tokens, users};

/// The signed-in user's record.
pub async fn details(app: &App, user_id: i64) -> Result<UserRow, AppError> {
    let mut conn = app.db.read().await?;
    users::by_id(&mut conn, user_id)
        .await?
        .ok_or_else(|| AppError::Internal("session user missing".into()))
}

/// Change Email Address: mails a link to the new address; nothing changes until it is opened.
pub async fn request_email_change(
    app: &App,
    user_id: i64,
    email: &str,
    confirm: &str,
    locale: &str,
    ip: &str,
) -> Result<(), Refusal> {
    let mut errs = FieldErrors::new();
    let email = errs.check("email", Email::parse(email));
    let confirm = errs.check("email_confirm", Email::parse(confirm));
    if let (Some(a), Some(b)) = (&email, &confirm)
        && a.normalized() != b.normalized()
    {
        errs.add("email_confirm", Invalid::Mismatch);
    }
    let Some(email) = email.filter(|_| errs.is_empty()) else {
        return Err(Refusal::Fields(errs));
    };
    let limits = app.cfg.rate_limits;
    if !app.rate_ok("mail-ip", ip, limits.mail_per_ip)
        || !app.rate_ok("mail-to", &email.normalized(), limits.mail_per_target)
        || !app.rate_ok(
            "email-change-account",
            &user_id.to_string(),
            limits.mail_per_target,
        )
    {
        return Err(Refusal::RateLimited);
    }
    let mut tx = app.db.begin().await?;
    let token_id = link::issue(
        app,
        &mut tx,
        EMAIL_CHANGE,
        email.as_str(),
        Some(user_id),
        locale,
    )
    .await?;
    let now = app.now();
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: email.as_str().to_owned(),
            locale: locale.to_owned(),
            message: MailMessage::EmailChangeLink {
                url: String::new(),
                valid_hours: app.cfg.link_ttl_ms / HOUR,
            },
            link: Some(TokenLink {
                token_id,
                path: "/email-change/".into(),
            }),
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: &user_actor(user_id),
            action: "profile.email_change_requested",
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

/// The new address a change link would set.
pub async fn open_email_change(
    app: &App,
    token: &str,
) -> Result<Result<String, LinkProblem>, AppError> {
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    Ok(link::check(app, &mut conn, EMAIL_CHANGE, token)
        .await?
        .map(|r| r.email))
}

/// Opening the link (and pressing Confirm) sets the new address; the old address is told.
pub async fn confirm_email_change(
    app: &App,
    token: &str,
    ip: &str,
) -> Result<Result<(), LinkProblem>, AppError> {
    let mut tx = app.db.begin().await?;
    let row = match link::check(app, &mut tx, EMAIL_CHANGE, token).await? {
        Ok(r) => r,
        Err(p) => return Ok(Err(p)),
    };
    let Some(user) = users::by_id(&mut tx, row.user_id.unwrap_or_default()).await? else {
        return Ok(Err(LinkProblem::Unknown));
    };
    let now = app.now();
    if !tokens::consume(&mut tx, row.id, now).await? {
        return Ok(Err(LinkProblem::Used));
    }
    let email =
        Email::parse(&row.email).map_err(|_| AppError::Internal("stored email invalid".into()))?;
    users::set_email(&mut tx, user.id, email.as_str(), &email.normalized(), now).await?;
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: user.email.clone(),
            locale: user.locale.clone(),
            message: MailMessage::EmailChanged {
                login_id: user.login_id.clone(),
                new_email_masked: mask_email(email.as_str()),
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
            action: "profile.email_changed",
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

/// Change Password (**better than the original**: asks for the current password too). Other
/// sessions end and this one gets a new id (a change of privilege); returns that id.
pub async fn change_password(
    app: &App,
    user_id: i64,
    session: &str,
    current: &str,
    password: &str,
    confirm: &str,
    ip: &str,
) -> Result<String, Refusal> {
    let mut errs = FieldErrors::new();
    if current.is_empty() {
        errs.add("current_password", Invalid::Required);
    }
    let pw = errs.check(
        "password",
        Password::parse(password, app.cfg.password_policy),
    );
    if confirm.is_empty() {
        errs.add("password_confirm", Invalid::Required);
    } else if pw.is_some() && confirm != password {
        errs.add("password_confirm", Invalid::Mismatch);
    }
    let user = details(app, user_id).await?;
    // Guessing the current password from a stolen session is limited like logins are.
    if !app.rate_ok(
        "password-change",
        &user_id.to_string(),
        app.cfg.rate_limits.mail_per_target,
    ) {
        return Err(Refusal::RateLimited);
    }
    if !current.is_empty()
        && !app
            .hasher
            .verify(Some(&user.password_hash), current)
            .await?
    {
        errs.add("current_password", Invalid::Mismatch);
    }
    let Some(pw) = pw.filter(|_| errs.is_empty()) else {
        return Err(Refusal::Fields(errs));
    };
    let hash = app.hasher.hash(&pw).await?;
    let mut tx = app.db.begin().await?;
    let now = app.now();
    users::set_password(&mut tx, user.id, &hash, now).await?;
    let new_session = sessions::rotate(app, &mut tx, session, user.id).await?;
    zairyu_store::sessions::delete_for_user(
        &mut tx,
        user.id,
        Some(&sessions::stored_id(&new_session)),
    )
    .await?;
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
            action: "profile.password_changed",
            subject: None,
            ip: Some(ip),
            detail: None,
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(new_session)
}

/// Change Other Information: telephone always; postal code and address only for users whose RASENS
/// request for use is approved (SPEC §11.2).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OtherInfo {
    pub telephone: String,
    pub postal_code: Option<String>,
    pub address: Option<String>,
}

/// Checks the entries of Change Other Information (for the confirmation screen and for Change).
pub fn check_other_info(
    user: &UserRow,
    telephone: &str,
    postal_code: &str,
    address: &str,
) -> Result<OtherInfo, FieldErrors> {
    let mut errs = FieldErrors::new();
    let tel = errs.check("telephone", Telephone::parse(telephone));
    let (postal, addr) = if user.rasens_approved_at.is_some() {
        (
            errs.check("postal_code", PostalCode::parse(postal_code))
                .map(|p| p.as_str().to_owned()),
            errs.check("address", Address::parse(address))
                .map(|a| a.as_str().to_owned()),
        )
    } else {
        (None, None)
    };
    match tel {
        Some(t) if errs.is_empty() => Ok(OtherInfo {
            telephone: t.as_str().to_owned(),
            postal_code: postal,
            address: addr,
        }),
        _ => Err(errs),
    }
}

pub async fn change_other_info(
    app: &App,
    user_id: i64,
    telephone: &str,
    postal_code: &str,
    address: &str,
    ip: &str,
) -> Result<(), Refusal> {
    let user = details(app, user_id).await?;
    let info = check_other_info(&user, telephone, postal_code, address).map_err(Refusal::Fields)?;
    let mut tx = app.db.begin().await?;
    let now = app.now();
    users::set_contact(
        &mut tx,
        user.id,
        &info.telephone,
        info.postal_code.as_deref(),
        info.address.as_deref(),
        now,
    )
    .await?;
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: user.email.clone(),
            locale: user.locale.clone(),
            message: MailMessage::UserInfoChanged {
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
            action: "profile.info_changed",
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

/// Remembers the language the user chose, so their emails come in it.
pub async fn set_locale(app: &App, user_id: i64, locale: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    users::set_locale(&mut w, user_id, locale).await?;
    Ok(())
}
