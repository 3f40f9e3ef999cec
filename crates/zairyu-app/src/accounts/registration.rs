//! User registration (SPEC §3): terms → email twice → mailed link (24 h, once) → UserRegister →
//! confirmation → User ID issued and mailed.
//!
//! What the user entered between UserRegister and its confirmation screen is kept on the link's
//! token row (with the password already hashed), so the confirmation page, Return to Input and the
//! Back button all work from the server's copy and the password is never sent back to the browser.

use super::tokens::{self as link, REGISTER};
use super::{LinkProblem, Refusal, user_actor};
use crate::outbox::{MailJob, TokenLink, enqueue_mail};
use crate::{App, AppError};
use serde::{Deserialize, Serialize};
use zairyu_domain::{
    Email, EnglishName, FieldErrors, Invalid, LoginId, Password, Telephone, UserType,
};
use zairyu_mail::MailMessage;
use zairyu_store::{StoreError, audit, tokens, users};

/// What the first registration screen asks for.
#[derive(Debug, Default, Clone)]
pub struct EmailEntry {
    pub email: String,
    pub email_confirm: String,
}

/// Step 2: checks the two addresses and mails the link. The answer is the same whether or not the
/// address already has an account (one address may hold several accounts), so nothing is revealed.
pub async fn request(app: &App, input: &EmailEntry, locale: &str, ip: &str) -> Result<(), Refusal> {
    let mut errs = FieldErrors::new();
    let email = errs.check("email", Email::parse(&input.email));
    let confirm = errs.check("email_confirm", Email::parse(&input.email_confirm));
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
    {
        return Err(Refusal::RateLimited);
    }
    let mut tx = app.db.begin().await?;
    let token_id = link::issue(app, &mut tx, REGISTER, email.as_str(), None, locale).await?;
    let now = app.now();
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: email.as_str().to_owned(),
            locale: locale.to_owned(),
            message: MailMessage::RegistrationLink {
                url: String::new(),
                valid_hours: app.cfg.link_ttl_ms / crate::clock::HOUR,
            },
            link: Some(TokenLink {
                token_id,
                path: "/register/".into(),
            }),
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: "anonymous",
            action: "registration.link_sent",
            subject: Some(&format!("token:{token_id}")),
            ip: Some(ip),
            detail: None,
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(())
}

/// What UserRegister asks for.
#[derive(Debug, Default, Clone)]
pub struct Details {
    pub user_type: String,
    pub name: String,
    pub telephone: String,
    pub password: String,
    pub password_confirm: String,
}

/// UserRegister's entries after checking, kept until Register (the password only as its hash).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Draft {
    pub user_type: String,
    pub name: String,
    pub telephone: String,
    pub password_hash: String,
}

/// An open registration link.
#[derive(Debug, Clone)]
pub struct Ticket {
    pub email: String,
    pub locale: String,
    pub draft: Option<Draft>,
}

/// Opens the link from the email.
pub async fn open(app: &App, token: &str) -> Result<Result<Ticket, LinkProblem>, AppError> {
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    let row = match link::check(app, &mut conn, REGISTER, token).await? {
        Ok(r) => r,
        Err(p) => return Ok(Err(p)),
    };
    let draft = row
        .draft
        .as_deref()
        .and_then(|d| serde_json::from_str(d).ok());
    Ok(Ok(Ticket {
        email: row.email,
        locale: row.locale,
        draft,
    }))
}

/// Checks every field at once, then keeps the entries for the confirmation screen.
pub async fn confirm(
    app: &App,
    token: &str,
    input: &Details,
) -> Result<Result<(), LinkProblem>, Refusal> {
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    let row = match link::check(app, &mut conn, REGISTER, token).await? {
        Ok(r) => r,
        Err(p) => return Ok(Err(p)),
    };
    drop(conn);
    let mut errs = FieldErrors::new();
    let user_type = errs.check("user_type", UserType::parse(&input.user_type));
    let name = errs.check("name", EnglishName::parse(&input.name));
    let telephone = errs.check("telephone", Telephone::parse(&input.telephone));
    let password = errs.check(
        "password",
        Password::parse(&input.password, app.cfg.password_policy),
    );
    if input.password_confirm.is_empty() {
        errs.add("password_confirm", Invalid::Required);
    } else if password.is_some() && input.password_confirm != input.password {
        errs.add("password_confirm", Invalid::Mismatch);
    }
    let (Some(user_type), Some(name), Some(telephone), Some(password), true) =
        (user_type, name, telephone, password, errs.is_empty())
    else {
        return Err(Refusal::Fields(errs));
    };
    let draft = Draft {
        user_type: user_type.code().to_owned(),
        name: name.as_str().to_owned(),
        telephone: telephone.as_str().to_owned(),
        password_hash: app.hasher.hash(&password).await?,
    };
    let json = serde_json::to_string(&draft).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut conn = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    tokens::set_draft(&mut conn, row.id, &json).await?;
    Ok(Ok(()))
}

/// The account just created.
#[derive(Debug, Clone)]
pub struct Registered {
    pub login_id: LoginId,
    pub name: String,
}

/// Register: uses the link up, creates the account with a fresh random User ID and mails it.
pub async fn complete(
    app: &App,
    token: &str,
    ip: &str,
) -> Result<Result<Registered, LinkProblem>, AppError> {
    let mut tx = app.db.begin().await?;
    let row = match link::check(app, &mut tx, REGISTER, token).await? {
        Ok(r) => r,
        Err(p) => return Ok(Err(p)),
    };
    let Some(draft) = row
        .draft
        .as_deref()
        .and_then(|d| serde_json::from_str::<Draft>(d).ok())
    else {
        // Register pressed without a confirmed entry (a replayed or hand-made request).
        return Ok(Err(LinkProblem::Unknown));
    };
    let now = app.now();
    if !tokens::consume(&mut tx, row.id, now).await? {
        return Ok(Err(LinkProblem::Used));
    }
    let email =
        Email::parse(&row.email).map_err(|_| AppError::Internal("stored email invalid".into()))?;
    let mut attempt = 0;
    let (user_id, login_id) = loop {
        let login_id = LoginId::generate(&mut rand::thread_rng());
        let new = users::NewUser {
            login_id: login_id.as_str(),
            user_type: &draft.user_type,
            email: email.as_str(),
            email_norm: &email.normalized(),
            name_en: &draft.name,
            telephone: &draft.telephone,
            password_hash: &draft.password_hash,
            locale: &row.locale,
        };
        // A savepoint, so a collision on the User ID does not abort the whole transaction on PostgreSQL.
        let mut sp = zairyu_store::savepoint(&mut tx).await?;
        match users::insert(&mut sp, &new, now).await {
            Ok(id) => {
                sp.commit().await.map_err(StoreError::from_sqlx)?;
                break (id, login_id);
            }
            Err(StoreError::UniqueViolation) if attempt < 5 => {
                sp.rollback().await.map_err(StoreError::from_sqlx)?;
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    };
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: email.as_str().to_owned(),
            locale: row.locale.clone(),
            message: MailMessage::UserIdIssued {
                login_id: login_id.to_string(),
                name: draft.name.clone(),
                login_url: app.url("/login"),
            },
            link: None,
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: &user_actor(user_id),
            action: "registration.completed",
            subject: Some(&user_actor(user_id)),
            ip: Some(ip),
            detail: Some(&draft.user_type),
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Ok(Registered {
        login_id,
        name: draft.name,
    }))
}
