//! The back office (SPEC §13): officers log in separately with a password and a mandatory TOTP
//! second factor, see the queues of their office, and move filings through the statuses of §9.2.
//! Every action is one transaction with its history entry, its audit record and the applicant's
//! email; what an officer may do is asked of `zairyu_domain::officer`, never decided here.

pub mod totp;

use crate::secret::{random_token, sha256_hex};
use crate::{App, AppError, outbox};
use zairyu_domain::officer::{self, Permission, Role};
use zairyu_domain::{Action, ApplicationStatus, Email, FieldErrors, FilingKind, Invalid, Password};
use zairyu_mail::{FilingEvent, MailMessage};
pub use zairyu_store::applications::QueueFilter;
use zairyu_store::applications::{self, ApplicationRow, EventRow};
use zairyu_store::officers::{self, NewOfficer, OfficerRow};
use zairyu_store::users::Attempt;
use zairyu_store::{Conn, StoreError, audit};

/// How long the TOTP step may take after the password was accepted.
const SECOND_FACTOR_MS: i64 = 5 * crate::clock::MINUTE;
/// Touch the session row at most this often.
const TOUCH_EVERY_MS: i64 = 30_000;

/// A signed-in officer (both factors passed), as pages and the API need them.
#[derive(Debug, Clone)]
pub struct OfficerSession {
    pub officer_id: i64,
    pub login_id: String,
    pub name: String,
    pub role: Role,
    pub office: String,
    pub locale: String,
    pub expires_at: i64,
}

impl OfficerSession {
    pub fn allows(&self, p: Permission) -> bool {
        self.role.allows(p)
    }

    /// The office whose filings this officer sees; None means every office.
    pub fn office_scope(&self) -> Option<String> {
        (!self.role.all_offices()).then(|| self.office.clone())
    }

    fn reaches(&self, row: &ApplicationRow) -> bool {
        self.role.all_offices() || row.office == self.office
    }

    pub fn actor(&self) -> String {
        format!("officer:{}", self.officer_id)
    }
}

fn from_row(o: &OfficerRow, expires_at: i64) -> Option<OfficerSession> {
    Some(OfficerSession {
        officer_id: o.id,
        login_id: o.login_id.clone(),
        name: o.name.clone(),
        role: Role::parse(&o.role).ok()?,
        office: o.office.clone(),
        locale: o.locale.clone(),
        expires_at,
    })
}

// --- creating officers ---

pub struct NewOfficerInput<'a> {
    pub login_id: &'a str,
    pub name: &'a str,
    pub email: &'a str,
    pub role: &'a str,
    pub office: &'a str,
    pub locale: &'a str,
}

/// A created officer and the initial password, shown once to whoever created them.
#[derive(Debug)]
pub struct Created {
    pub id: i64,
    pub initial_password: String,
}

fn valid_login_id(s: &str) -> bool {
    (3..=32).contains(&s.len())
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'_'
        })
}

/// Creates an officer with a random initial password; they enrol their second factor at their
/// first login. `actor` is who did it (`cli` or `officer:<id>`).
pub async fn create(
    app: &App,
    input: &NewOfficerInput<'_>,
    actor: &str,
    ip: &str,
) -> Result<Result<Created, FieldErrors>, AppError> {
    let mut errs = FieldErrors::new();
    let login_id = input.login_id.trim().to_ascii_lowercase();
    if login_id.is_empty() {
        errs.add("login_id", Invalid::Required);
    } else if !valid_login_id(&login_id) {
        errs.add("login_id", Invalid::Format);
    }
    let name = input.name.trim();
    if name.is_empty() {
        errs.add("name", Invalid::Required);
    } else if name.chars().count() > 60 {
        errs.add("name", Invalid::TooLong { max: 60 });
    }
    let email = Email::parse(input.email);
    if let Err(e) = &email {
        errs.add("email", *e);
    }
    if let Err(e) = Role::parse(input.role) {
        errs.add("role", e);
    }
    if officer::office(input.office.trim()).is_none() {
        errs.add("office", Invalid::Format);
    }
    let (Ok(email), true) = (email, errs.is_empty()) else {
        return Ok(Err(errs));
    };
    // Letters of both cases, a digit and a symbol, then 96 random bits.
    let initial = format!("Aa1-{}", random_token(12));
    let pw = Password::parse(&initial, zairyu_domain::PasswordPolicy { min: 10, max: 64 })
        .map_err(|_| AppError::Internal("generated password refused".into()))?;
    let hash = app.hasher.hash(&pw).await?;
    let now = app.now();
    let mut tx = app.db.begin().await?;
    let id = match officers::insert(
        &mut tx,
        &NewOfficer {
            login_id: &login_id,
            name,
            email: email.as_str(),
            role: input.role.trim(),
            office: input.office.trim(),
            password_hash: &hash,
            locale: input.locale,
        },
        now,
    )
    .await
    {
        Ok(id) => id,
        Err(StoreError::UniqueViolation) => {
            let mut errs = FieldErrors::new();
            errs.add("login_id", Invalid::Taken);
            return Ok(Err(errs));
        }
        Err(e) => return Err(e.into()),
    };
    record(
        &mut tx,
        actor,
        "officer.created",
        Some(&format!("officer:{id}")),
        ip,
        Some(input.role.trim()),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Ok(Created {
        id,
        initial_password: initial,
    }))
}

/// How many officers exist (a first start makes the demonstration officer only when none do).
pub async fn count(app: &App) -> Result<i64, AppError> {
    let mut conn = app.db.read().await?;
    Ok(officers::count(&mut conn).await?)
}

/// The current one-time code of an officer (enrolled, or being enrolled) — for the development
/// command only; the caller refuses it outside development.
pub async fn current_code(app: &App, login_id: &str) -> Result<Option<String>, AppError> {
    let mut conn = app.db.read().await?;
    let Some(o) = officers::by_login_id(&mut conn, login_id).await? else {
        return Ok(None);
    };
    let secret = o
        .totp_sealed
        .as_deref()
        .or(o.totp_pending.as_deref())
        .and_then(|s| totp::open(&app.key, o.id, s));
    Ok(secret.map(|s| totp::code(&s, totp::step_at(app.now()))))
}

async fn record(
    conn: &mut Conn,
    actor: &str,
    action: &str,
    subject: Option<&str>,
    ip: &str,
    detail: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    audit::record(
        conn,
        &audit::AuditEntry {
            actor,
            action,
            subject,
            ip: Some(ip),
            detail,
        },
        now,
    )
    .await?;
    Ok(())
}

// --- logging in ---

#[derive(Debug)]
pub enum PasswordStep {
    /// The password was right: a partial session for the second factor, and whether the officer
    /// still has to enrol one.
    SecondFactor {
        session: String,
        enrol: bool,
    },
    Fields(FieldErrors),
    /// Wrong login ID or password — the same answer for both.
    Invalid,
    Locked,
    RateLimited,
}

pub async fn login_password(
    app: &App,
    login_id: &str,
    password: &str,
    ip: &str,
) -> Result<PasswordStep, AppError> {
    let mut errs = FieldErrors::new();
    if login_id.trim().is_empty() {
        errs.add("login_id", Invalid::Required);
    }
    if password.is_empty() {
        errs.add("password", Invalid::Required);
    }
    if !errs.is_empty() {
        return Ok(PasswordStep::Fields(errs));
    }
    if !app.rate_ok("officer-login-ip", ip, app.cfg.rate_limits.login_per_ip) {
        return Ok(PasswordStep::RateLimited);
    }
    let o = {
        let mut conn = app.db.read().await?;
        officers::by_login_id(&mut conn, &login_id.trim().to_ascii_lowercase()).await?
    };
    let Some(o) = o.filter(|o| o.disabled_at.is_none()) else {
        app.hasher.verify(None, password).await?;
        return Ok(PasswordStep::Invalid);
    };
    let now = app.now();
    let max = app.cfg.max_failed_logins;
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    let attempt = officers::reserve_attempt(&mut w, o.id, now, max, now + app.cfg.lock_ms).await?;
    drop(w);
    let Attempt::Granted { slot } = attempt else {
        audit_now(
            app,
            &format!("officer:{}", o.id),
            "officer.login.refused_locked",
            ip,
        )
        .await?;
        return Ok(PasswordStep::Locked);
    };
    if !app.hasher.verify(Some(&o.password_hash), password).await? {
        audit_now(
            app,
            &format!("officer:{}", o.id),
            "officer.login.failed",
            ip,
        )
        .await?;
        return Ok(if slot >= max {
            PasswordStep::Locked
        } else {
            PasswordStep::Invalid
        });
    }
    // The counter is cleared only when the second factor passes too, so the password alone never
    // resets the lockout that guards the TOTP code.
    let raw = random_token(32);
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    officers::create_session(
        &mut w,
        &sha256_hex(&raw),
        o.id,
        "password",
        now,
        now + SECOND_FACTOR_MS,
    )
    .await?;
    Ok(PasswordStep::SecondFactor {
        session: raw,
        enrol: o.totp_sealed.is_none(),
    })
}

async fn audit_now(app: &App, actor: &str, action: &str, ip: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    record(&mut w, actor, action, None, ip, None, app.now()).await
}

/// What an officer's session cookie turned out to be.
#[derive(Debug, Clone)]
pub enum OfficerState {
    None,
    Expired,
    /// The password passed; the second factor has not (yet). `enrol` when none is set up.
    SecondFactor {
        officer_id: i64,
        login_id: String,
        enrol: bool,
    },
    Active(Box<OfficerSession>),
}

pub async fn resolve(app: &App, raw: &str) -> Result<OfficerState, AppError> {
    if raw.is_empty() || raw.len() > 100 {
        return Ok(OfficerState::None);
    }
    let hash = sha256_hex(raw);
    let mut conn = app.db.read().await?;
    let Some(s) = officers::get_session(&mut conn, &hash).await? else {
        return Ok(OfficerState::Expired);
    };
    let now = app.now();
    let o = officers::by_id(&mut conn, s.officer_id).await?;
    drop(conn);
    let Some(o) = o.filter(|o| o.disabled_at.is_none() && s.expires_at > now) else {
        let mut w = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        officers::delete_session(&mut w, &hash).await?;
        return Ok(OfficerState::Expired);
    };
    if s.stage != "full" {
        return Ok(OfficerState::SecondFactor {
            officer_id: o.id,
            login_id: o.login_id,
            enrol: o.totp_sealed.is_none(),
        });
    }
    let mut expires_at = s.expires_at;
    if now - s.last_seen_at >= TOUCH_EVERY_MS {
        expires_at = now + app.cfg.officer_idle_ms;
        let mut w = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        officers::touch_session(&mut w, &hash, now, expires_at).await?;
    }
    Ok(from_row(&o, expires_at)
        .map_or(OfficerState::Expired, |s| OfficerState::Active(Box::new(s))))
}

/// The secret offered at enrolment (created on first view, the same one until confirmed), as the
/// base32 text and the `otpauth://` URI for the QR code.
pub async fn enrolment(app: &App, officer_id: i64) -> Result<Option<(String, String)>, AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    let Some(o) = officers::by_id(&mut w, officer_id).await? else {
        return Ok(None);
    };
    if o.totp_sealed.is_some() {
        return Ok(None);
    }
    let secret = match o
        .totp_pending
        .as_deref()
        .and_then(|s| totp::open(&app.key, o.id, s))
    {
        Some(s) => s,
        None => {
            let s = totp::new_secret();
            let sealed = totp::seal(&app.key, o.id, &s)
                .ok_or_else(|| AppError::Internal("sealing failed".into()))?;
            officers::set_totp_pending(&mut w, o.id, Some(&sealed), app.now()).await?;
            s
        }
    };
    Ok(Some((
        totp::base32(&secret),
        totp::uri("zairyu", &o.login_id, &secret),
    )))
}

#[derive(Debug)]
pub enum SecondFactorOutcome {
    /// Both factors passed: the new full session (a new id, the partial one is gone).
    LoggedIn {
        session: String,
    },
    Required,
    Wrong,
    Locked,
    /// The partial session ran out; start again with the password.
    Expired,
}

/// Checks the TOTP code (of the enrolled secret, or of the one being enrolled, which it then
/// confirms). A wrong code counts toward the same lockout as a wrong password.
pub async fn second_factor(
    app: &App,
    raw: &str,
    code: &str,
    ip: &str,
) -> Result<SecondFactorOutcome, AppError> {
    let OfficerState::SecondFactor { officer_id, .. } = resolve(app, raw).await? else {
        return Ok(SecondFactorOutcome::Expired);
    };
    if code.trim().is_empty() {
        return Ok(SecondFactorOutcome::Required);
    }
    let now = app.now();
    let max = app.cfg.max_failed_logins;
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    let Some(o) = officers::by_id(&mut w, officer_id).await? else {
        return Ok(SecondFactorOutcome::Expired);
    };
    let actor = format!("officer:{}", o.id);
    let Attempt::Granted { slot } =
        officers::reserve_attempt(&mut w, o.id, now, max, now + app.cfg.lock_ms).await?
    else {
        officers::delete_session(&mut w, &sha256_hex(raw)).await?;
        record(
            &mut w,
            &actor,
            "officer.totp.refused_locked",
            None,
            ip,
            None,
            now,
        )
        .await?;
        return Ok(SecondFactorOutcome::Locked);
    };
    let (sealed, enrolling) = match (&o.totp_sealed, &o.totp_pending) {
        (Some(s), _) => (s.clone(), false),
        (None, Some(p)) => (p.clone(), true),
        (None, None) => return Ok(SecondFactorOutcome::Expired),
    };
    let step = totp::open(&app.key, o.id, &sealed)
        .and_then(|secret| totp::matching_step(&secret, code, now));
    // SQLite has one writer: the connection goes back before the transaction takes it.
    drop(w);
    let mut tx = app.db.begin().await?;
    let fresh = match step {
        Some(step) if enrolling => {
            officers::confirm_totp(&mut tx, o.id, &sealed, step, now).await?;
            true
        }
        Some(step) => officers::use_totp_step(&mut tx, o.id, step).await?,
        None => false,
    };
    if !fresh {
        record(&mut tx, &actor, "officer.totp.failed", None, ip, None, now).await?;
        let locked = slot >= max;
        if locked {
            officers::delete_session(&mut tx, &sha256_hex(raw)).await?;
        }
        tx.commit().await.map_err(StoreError::from_sqlx)?;
        return Ok(if locked {
            SecondFactorOutcome::Locked
        } else {
            SecondFactorOutcome::Wrong
        });
    }
    if !officers::login_succeeded(&mut tx, o.id, slot, max, now).await? {
        tx.rollback().await.map_err(StoreError::from_sqlx)?;
        return Ok(SecondFactorOutcome::Locked);
    }
    // A new id for the full session: whoever saw the partial one gains nothing.
    officers::delete_session(&mut tx, &sha256_hex(raw)).await?;
    let full = random_token(32);
    officers::create_session(
        &mut tx,
        &sha256_hex(&full),
        o.id,
        "full",
        now,
        now + app.cfg.officer_idle_ms,
    )
    .await?;
    let action = if enrolling {
        "officer.totp.enrolled"
    } else {
        "officer.login.succeeded"
    };
    record(&mut tx, &actor, action, None, ip, None, now).await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(SecondFactorOutcome::LoggedIn { session: full })
}

pub async fn logout(app: &App, raw: &str, officer_id: i64, ip: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    officers::delete_session(&mut w, &sha256_hex(raw)).await?;
    record(
        &mut w,
        &format!("officer:{officer_id}"),
        "officer.logout",
        None,
        ip,
        None,
        app.now(),
    )
    .await
}

/// Extends a live session (the idle-timeout dialog's OK) and gives the new deadline.
pub async fn extend(app: &App, raw: &str) -> Result<i64, AppError> {
    let now = app.now();
    let expires_at = now + app.cfg.officer_idle_ms;
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    officers::touch_session(&mut w, &sha256_hex(raw), now, expires_at).await?;
    Ok(expires_at)
}

// --- queues and filings ---

/// One page of the officer's queue (their office unless their role reaches every office).
pub async fn queue(
    app: &App,
    s: &OfficerSession,
    mut filter: QueueFilter,
    page: i64,
    per_page: i64,
) -> Result<(Vec<ApplicationRow>, i64), AppError> {
    if let Some(own) = s.office_scope() {
        filter.office = Some(own);
    }
    let per = per_page.clamp(1, 100);
    let mut conn = app.db.read().await?;
    Ok(applications::queue(&mut conn, &filter, per, (page.max(1) - 1) * per).await?)
}

/// Filings per status in the officer's reach (every status listed, zero included).
pub async fn counts(
    app: &App,
    s: &OfficerSession,
    office: Option<&str>,
) -> Result<Vec<(ApplicationStatus, i64)>, AppError> {
    let office = s.office_scope().or(office.map(str::to_owned));
    let mut conn = app.db.read().await?;
    let got = applications::count_by_status(&mut conn, office.as_deref()).await?;
    Ok(ApplicationStatus::ALL
        .into_iter()
        .map(|st| {
            (
                st,
                got.iter()
                    .find(|(c, _)| c == st.code())
                    .map_or(0, |(_, n)| *n),
            )
        })
        .collect())
}

/// Everything the application view shows.
#[derive(Debug)]
pub struct FilingView {
    pub row: ApplicationRow,
    pub events: Vec<EventRow>,
    pub audit: Vec<audit::AuditRow>,
    /// The filing this one corrects, and the one that corrected it.
    pub corrects: Option<ApplicationRow>,
    pub corrected_by: Option<ApplicationRow>,
    /// The actions this officer may take now.
    pub actions: Vec<Action>,
}

pub fn kind_of(row: &ApplicationRow) -> FilingKind {
    match row.kind.as_str() {
        "notification" => FilingKind::Notification,
        "request_for_use" => FilingKind::RequestForUse,
        _ => FilingKind::Application,
    }
}

/// The actions an officer may take on a filing now.
pub fn actions_for(s: &OfficerSession, row: &ApplicationRow) -> Vec<Action> {
    let kind = kind_of(row);
    let Ok(status) = ApplicationStatus::parse(&row.status) else {
        return Vec::new();
    };
    Action::ALL
        .into_iter()
        .filter(|a| {
            zairyu_domain::application::transition(kind, status, *a).is_some()
                && s.allows(Permission::Act(kind, *a))
        })
        .collect()
}

/// A filing in the officer's reach; None for one that does not exist or belongs to another office
/// (the same answer, so ids of other offices cannot be probed).
pub async fn view(app: &App, s: &OfficerSession, id: i64) -> Result<Option<FilingView>, AppError> {
    let mut conn = app.db.read().await?;
    let Some(row) = applications::by_id(&mut conn, id)
        .await?
        .filter(|r| s.reaches(r))
    else {
        return Ok(None);
    };
    let events = applications::events(&mut conn, id).await?;
    let audit = audit::for_subject(&mut conn, &format!("application:{id}")).await?;
    let corrects = match row.resubmission_of {
        Some(o) => applications::by_id(&mut conn, o).await?,
        None => None,
    };
    let corrected_by = applications::resubmission(&mut conn, id).await?;
    let actions = actions_for(s, &row);
    Ok(Some(FilingView {
        row,
        events,
        audit,
        corrects,
        corrected_by,
        actions,
    }))
}

#[derive(Debug, PartialEq, Eq)]
pub enum ActOutcome {
    Done(ApplicationStatus),
    NotFound,
    /// The officer's role does not allow this action on this kind of filing.
    Forbidden,
    /// Not allowed from the filing's status (or another officer acted first).
    WrongStatus(ApplicationStatus),
    /// Returning a filing needs a message naming what to revise.
    NoteRequired,
    NoteTooLong,
}

pub const NOTE_MAX: usize = 2000;

/// Performs an action on a filing: the status change, its history entry with the note, the
/// numbers a reception assigns, the right a request for use grants, the audit record and the
/// applicant's email — all in one transaction.
pub async fn act(
    app: &App,
    s: &OfficerSession,
    id: i64,
    action: Action,
    note: &str,
    ip: &str,
) -> Result<ActOutcome, AppError> {
    let note = note.trim();
    let mut tx = app.db.begin().await?;
    let Some(row) = applications::by_id(&mut tx, id)
        .await?
        .filter(|r| s.reaches(r))
    else {
        return Ok(ActOutcome::NotFound);
    };
    let kind = kind_of(&row);
    let from = ApplicationStatus::parse(&row.status)
        .map_err(|_| AppError::Internal("unknown status".into()))?;
    if !s.allows(Permission::Act(kind, action)) {
        return Ok(ActOutcome::Forbidden);
    }
    let Some(to) = zairyu_domain::application::transition(kind, from, action) else {
        return Ok(ActOutcome::WrongStatus(from));
    };
    if action == Action::Return && note.is_empty() {
        return Ok(ActOutcome::NoteRequired);
    }
    if note.chars().count() > NOTE_MAX {
        return Ok(ActOutcome::NoteTooLong);
    }
    let now = app.now();
    let actor = s.actor();
    let note_opt = (!note.is_empty()).then_some(note);
    if !applications::change_status(&mut tx, id, from.code(), to.code(), &actor, note_opt, now)
        .await?
    {
        return Ok(ActOutcome::WrongStatus(from));
    }
    let mut number = row.receipt_number.clone().or(row.reception_number.clone());
    if action == Action::Accept {
        let office = officer::office(&row.office).unwrap_or(&officer::OFFICES[8]);
        let year = crate::filing::jst_year(now);
        let seq_kind = if kind == FilingKind::Application {
            "reception"
        } else {
            "receipt"
        };
        let seq = officers::next_number(&mut tx, office.code, seq_kind, i64::from(year)).await?;
        let n = officer::reception_number(office, kind, year, seq);
        if kind == FilingKind::Application {
            applications::set_received(&mut tx, id, Some(&n), None, now).await?;
        } else {
            applications::set_received(&mut tx, id, None, Some(&n), now).await?;
        }
        number = Some(n);
    }
    if to.is_final() || to == ApplicationStatus::AwaitingIssuance {
        applications::set_decided(&mut tx, id, now).await?;
    }
    let procedure = app.catalogue.get(&row.procedure_id);
    if kind == FilingKind::RequestForUse && to == ApplicationStatus::Completed {
        let system = match procedure.map(|p| p.system) {
            Some(crate::catalogue::System::Rasens) => "rasens",
            _ => "ens",
        };
        applications::grant_usage(&mut tx, row.user_id, system, id, now).await?;
    }
    let event = match (kind, action) {
        (FilingKind::Notification, Action::Accept) => Some(FilingEvent::NotificationReceipt),
        (_, Action::Accept) => Some(FilingEvent::Accepted),
        (_, Action::StartReview) => Some(FilingEvent::ReviewStarted),
        (FilingKind::Notification, Action::Return) => Some(FilingEvent::NotificationError),
        (_, Action::Return) => Some(FilingEvent::RevisionRequested),
        (FilingKind::Notification, Action::Complete) => Some(FilingEvent::NotificationRegistered),
        (_, Action::Approve) => Some(FilingEvent::AwaitingIssuance),
        (FilingKind::RequestForUse, Action::Refuse) => Some(FilingEvent::RequestForUseRefused),
        (_, Action::Refuse) => Some(FilingEvent::NotPermitted),
        (_, Action::Handover) => Some(FilingEvent::Completed),
        _ => None,
    };
    if let Some(u) = zairyu_store::users::by_id(&mut tx, row.user_id).await? {
        let locale = zairyu_i18n::Locale::from_code(&u.locale).unwrap_or_default();
        let procedure_name = procedure
            .map(|p| p.name.get(locale.code()).to_owned())
            .unwrap_or_else(|| row.procedure_id.clone());
        let reference = zairyu_domain::ReferenceNumber::parse(&row.reference_number)
            .map(|r| r.display())
            .unwrap_or_else(|_| row.reference_number.clone());
        let message = match (kind, action) {
            (FilingKind::RequestForUse, Action::Complete) => {
                Some(MailMessage::RequestForUseApproved {
                    procedure: procedure_name,
                    reference,
                })
            }
            _ => event.map(|event| MailMessage::FilingUpdate {
                event,
                procedure: procedure_name,
                reference,
                number: number.clone(),
                note: note_opt.map(str::to_owned),
                url: app.url(&format!("/applications/{}", row.reference_number)),
            }),
        };
        if let Some(message) = message {
            outbox::enqueue_mail(
                &mut tx,
                &outbox::MailJob {
                    to: u.email.clone(),
                    locale: u.locale.clone(),
                    message,
                    link: None,
                },
                now,
            )
            .await?;
        }
    }
    record(
        &mut tx,
        &actor,
        &format!("application.{}", action_code(action)),
        Some(&format!("application:{id}")),
        ip,
        Some(to.code()),
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(ActOutcome::Done(to))
}

/// Stable code of an action, for URLs, the API and the audit log.
pub fn action_code(a: Action) -> &'static str {
    match a {
        Action::Accept => "accept",
        Action::StartReview => "start_review",
        Action::Return => "return",
        Action::Resubmit => "resubmit",
        Action::Approve => "approve",
        Action::Handover => "handover",
        Action::Refuse => "refuse",
        Action::Complete => "complete",
    }
}

pub fn parse_action(code: &str) -> Option<Action> {
    Action::ALL.into_iter().find(|a| action_code(*a) == code)
}
