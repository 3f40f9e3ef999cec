//! Entering and filing a procedure (SPEC §6.1, §6.3, §7.1): who may enter it, the server-side draft
//! kept at every Proceed, the confirmation, and Apply — idempotent, one transaction with the
//! history, the audit record and the receipt mail. A request for use of the Electronic Notification
//! System is approved automatically and grants the right to file notifications.

use crate::catalogue::model::Reception;
use crate::catalogue::{Procedure, System};
use crate::clock::DAY;
use crate::outbox::{MailJob, enqueue_mail};
use crate::sessions::SessionUser;
use crate::{App, AppError};
use zairyu_domain::{ApplicationStatus, Date, ReferenceNumber, UserType};
use zairyu_forms::{Answer, Answers, Cleaned, FormDef, FormErrors};
use zairyu_mail::MailMessage;
use zairyu_store::applications::{self, ApplicationRow, NewApplication};

/// A filed application as stored, for the pages that show one.
pub type FiledRow = ApplicationRow;
use zairyu_store::{StoreError, audit, drafts};

/// Why a user cannot enter a procedure now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    Open,
    /// Outside its reception period.
    NotOpen,
    /// The online entry screen does not exist yet.
    NoForm,
    /// The procedure is not for this user type.
    UserType,
    /// An approved request for use of this system is needed first.
    NeedsRequestForUse(System),
    /// The My Number Card reading is needed (not built yet).
    NeedsCardReading,
}

pub fn gate(app: &App, p: &Procedure, user: &SessionUser) -> Gate {
    if p.reception(app.now()) != Reception::Open {
        return Gate::NotOpen;
    }
    if app.catalogue.entry_form(p).is_none() {
        return Gate::NoForm;
    }
    if !UserType::parse(&user.user_type).is_ok_and(|t| p.user_types.contains(&t)) {
        return Gate::UserType;
    }
    match p.requires_request_for_use {
        Some(System::Ens) if !user.ens_approved => return Gate::NeedsRequestForUse(System::Ens),
        Some(System::Rasens) if !user.rasens_approved => {
            return Gate::NeedsRequestForUse(System::Rasens);
        }
        _ => {}
    }
    if p.requires_card_reading {
        return Gate::NeedsCardReading;
    }
    Gate::Open
}

/// The answers the card reading gives a procedure's card fields (SPEC §7.2: "Basic 4 Info Read").
pub fn card_answers(
    p: &Procedure,
    form: &FormDef,
    reading: &crate::identity::Reading,
) -> Vec<(String, Answer)> {
    let Some(cf) = &p.card_fields else {
        return Vec::new();
    };
    let b = &reading.basic4;
    // A name in the alphabet (full-width letters and the ideographic space folded); any other
    // name exactly as the card records it.
    let folded = b.name_one_byte();
    let name = if folded.is_ascii() {
        folded
    } else {
        b.name.clone()
    };
    let dob = match form.field(&cf.date_of_birth).map(|f| f.kind()) {
        Some(zairyu_forms::FieldKind::Date {
            allow_unknown: true,
            ..
        }) => Answer::Date {
            text: b.date_of_birth.canonical(),
            unknown: b.date_of_birth.unknown().code().to_owned(),
        },
        _ => Answer::Text(b.date_of_birth.canonical()),
    };
    vec![
        (cf.name.clone(), Answer::Text(name)),
        (cf.sex.clone(), Answer::Text(b.sex.code().to_owned())),
        (cf.date_of_birth.clone(), dob),
        (cf.address.clone(), Answer::Text(b.address.clone())),
    ]
}

/// Puts the card's values into the answers, over anything sent for those fields.
pub fn overlay(
    p: &Procedure,
    form: &FormDef,
    answers: &mut Answers,
    reading: &crate::identity::Reading,
) {
    for (id, a) in card_answers(p, form, reading) {
        answers.insert(id, a);
    }
}

/// Whether the answers hold other values than the reading for the card fields (a draft made with
/// an earlier reading).
pub fn differs_from_card(
    p: &Procedure,
    form: &FormDef,
    answers: &Answers,
    reading: &crate::identity::Reading,
) -> bool {
    card_answers(p, form, reading)
        .iter()
        .any(|(id, a)| answers.get(id) != Some(a))
}

/// Today in Japan, the day against which "not in the future" is judged.
pub fn today(app: &App) -> Date {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(app.now()) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .to_offset(jst);
    Date::from_time(t.date())
}

/// What the entry screen starts with: the user's draft, else what the system already knows of
/// them (SPEC §7.1: "If there are any fields that are not automatically filled in, fill them in").
pub async fn starting_answers(
    app: &App,
    user: &SessionUser,
    form: &FormDef,
) -> Result<Answers, AppError> {
    let mut conn = app.db.read().await?;
    if let Some(d) = drafts::get(&mut conn, user.user_id, form.id(), app.now()).await?
        && let Ok(a) = serde_json::from_str::<Answers>(&d.answers)
    {
        return Ok(a);
    }
    let u = zairyu_store::users::by_id(&mut conn, user.user_id)
        .await?
        .ok_or_else(|| AppError::Internal("user missing".into()))?;
    let mut pairs = Vec::new();
    for (id, value) in [
        ("name_en", u.name_en.clone()),
        ("telephone", u.telephone.clone()),
    ] {
        if form.field(id).is_some() {
            pairs.push((id.to_owned(), value));
        }
    }
    Ok(Answers::from_pairs(form, &pairs))
}

/// Proceed to Confirmation keeps the entries (without answers to hidden fields) as the draft. File
/// ids that are not the user's own uploads in progress are left out (see `attachments::settle`;
/// the entry screen reports them before it saves).
pub async fn save_draft(
    app: &App,
    user_id: i64,
    form: &FormDef,
    answers: &Answers,
) -> Result<(), AppError> {
    let mut answers = answers.clone();
    crate::attachments::settle(app, user_id, form, &mut answers).await?;
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    save_draft_on(&mut w, app, user_id, form, &answers).await
}

/// Keeps the draft on the caller's connection or transaction (the answers already settled).
pub async fn save_draft_on(
    conn: &mut zairyu_store::Conn,
    app: &App,
    user_id: i64,
    form: &FormDef,
    answers: &Answers,
) -> Result<(), AppError> {
    let json = serde_json::to_string(&form.clean(answers))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let now = app.now();
    drafts::save(
        conn,
        user_id,
        form.id(),
        i64::from(form.version()),
        &json,
        now + app.cfg.draft_ttl_ms,
        now,
    )
    .await?;
    Ok(())
}

/// The answers of the user's live draft of this form, or none.
pub async fn draft_answers(app: &App, user_id: i64, form: &FormDef) -> Result<Answers, AppError> {
    let mut conn = app.db.read().await?;
    Ok(drafts::get(&mut conn, user_id, form.id(), app.now())
        .await?
        .and_then(|d| serde_json::from_str::<Answers>(&d.answers).ok())
        .unwrap_or_default())
}

/// The checked draft for the confirmation screen, with the key that makes Apply idempotent.
pub async fn pending(
    app: &App,
    user_id: i64,
    form: &FormDef,
) -> Result<Option<(Cleaned, String)>, AppError> {
    let mut conn = app.db.read().await?;
    let Some(d) = drafts::get(&mut conn, user_id, form.id(), app.now()).await? else {
        return Ok(None);
    };
    if d.form_version != i64::from(form.version()) {
        return Ok(None);
    }
    let Ok(answers) = serde_json::from_str::<Answers>(&d.answers) else {
        return Ok(None);
    };
    match form.validate(&answers, today(app)) {
        Ok(cleaned) => {
            drop(conn);
            // The files must still be the user's own and within the limits.
            if !crate::attachments::check(app, user_id, form, cleaned.answers())
                .await?
                .is_empty()
            {
                return Ok(None);
            }
            Ok(Some((
                cleaned,
                submit_key(app, user_id, form.id(), d.id, d.updated_at),
            )))
        }
        Err(_) => Ok(None),
    }
}

/// The key of one confirmation: the draft's id (never reused) and its last change, so a later
/// draft of the same procedure — a correction saved in the same millisecond included — never
/// answers with an earlier filing.
fn submit_key(app: &App, user_id: i64, procedure: &str, draft_id: i64, draft_at: i64) -> String {
    crate::secret::b64(&app.key.mac(
        "submit",
        format!("{user_id}:{procedure}:{draft_id}:{draft_at}").as_bytes(),
    ))
}

/// The outcome of Apply.
#[derive(Debug)]
pub enum Applied {
    /// Filed (or filed before with this very confirmation: a double click or replay).
    Filed { reference: String },
    /// The entries changed since the confirmation was shown, or there is nothing to apply.
    Stale,
    /// The entries no longer pass (a rule changed, or today moved past a limit).
    Invalid(FormErrors),
    /// The draft corrects a filing that can no longer be corrected (it left In Return Process, or
    /// was corrected already); the mark is cleared and nothing is filed.
    NotReturnable,
}

pub async fn apply(
    app: &App,
    user: &SessionUser,
    p: &Procedure,
    form: &FormDef,
    key: &str,
    ip: &str,
    reading: Option<&crate::identity::Reading>,
) -> Result<Applied, AppError> {
    {
        let mut conn = app.db.read().await?;
        if let Some(done) = applications::by_submit_key(&mut conn, user.user_id, key).await? {
            return Ok(Applied::Filed {
                reference: done.reference_number,
            });
        }
    }
    let Some((cleaned, expected)) = pending(app, user.user_id, form).await? else {
        let mut conn = app.db.read().await?;
        if let Some(d) = drafts::get(&mut conn, user.user_id, form.id(), app.now()).await?
            && let Ok(answers) = serde_json::from_str::<Answers>(&d.answers)
            && let Err(errs) = form.validate(&answers, today(app))
        {
            return Ok(Applied::Invalid(errs));
        }
        return Ok(Applied::Stale);
    };
    if !crate::secret::same(key, &expected) {
        return Ok(Applied::Stale);
    }
    // A procedure that needs the card reading files only with a reading of this session that the
    // answers agree with (SPEC §7.3).
    if p.requires_card_reading {
        match reading {
            Some(r) if !differs_from_card(p, form, cleaned.answers(), r) => {}
            _ => return Ok(Applied::Stale),
        }
    }
    let kind = match p.category {
        crate::catalogue::Category::Application => "application",
        crate::catalogue::Category::Notification => "notification",
        crate::catalogue::Category::RequestForUse => "request_for_use",
    };
    let answers =
        serde_json::to_string(cleaned.answers()).map_err(|e| AppError::Internal(e.to_string()))?;
    let related_name = match cleaned.answers().get("name_en") {
        Some(Answer::Text(n)) => Some(n.clone()),
        _ => None,
    };
    let now = app.now();
    let actor = format!("user:{}", user.user_id);
    let mut tx = app.db.begin().await?;
    let u = zairyu_store::users::by_id(&mut tx, user.user_id)
        .await?
        .ok_or_else(|| AppError::Internal("user missing".into()))?;
    let mut office = zairyu_domain::officer::office_for_address(u.address.as_deref()).to_owned();
    // A correction of a filing sent back (SPEC §8.4, §9.3 Modify).
    let correcting = drafts::get(&mut tx, user.user_id, &p.id, now)
        .await?
        .and_then(|d| d.resubmission_of);
    let mut resubmission_of = None;
    if let Some(orig_id) = correcting {
        let orig = applications::by_id(&mut tx, orig_id).await?.filter(|o| {
            o.user_id == user.user_id
                && o.procedure_id == p.id
                && o.status == ApplicationStatus::InReturnProcess.code()
        });
        let already = applications::resubmission(&mut tx, orig_id)
            .await?
            .is_some();
        let Some(orig) = orig.filter(|_| !already) else {
            drafts::set_resubmission(&mut tx, user.user_id, &p.id, None).await?;
            tx.commit().await.map_err(StoreError::from_sqlx)?;
            return Ok(Applied::NotReturnable);
        };
        if kind == "application" {
            return resubmit_in_place(app, tx, user, p, form, &orig, &cleaned, &answers, &u, ip)
                .await;
        }
        // A notification is filed anew, linked to the first, at the office that handled it.
        office = orig.office.clone();
        resubmission_of = Some(orig.id);
    }
    let office = office.as_str();
    let mut attempt = 0;
    let (id, reference) = loop {
        let reference = ReferenceNumber::generate(&mut rand::thread_rng());
        let mut sp = zairyu_store::savepoint(&mut tx).await?;
        let new = NewApplication {
            reference_number: reference.as_str(),
            user_id: user.user_id,
            procedure_id: &p.id,
            form_version: i64::from(cleaned.version()),
            form_fingerprint: cleaned.fingerprint(),
            kind,
            status: ApplicationStatus::Pending.code(),
            answers: &answers,
            related_name: related_name.as_deref(),
            resubmission_of,
            submit_key: key,
            office,
        };
        match applications::insert(&mut sp, &new, &actor, now).await {
            Ok(id) => {
                sp.commit().await.map_err(StoreError::from_sqlx)?;
                break (id, reference);
            }
            Err(StoreError::UniqueViolation) => {
                sp.rollback().await.map_err(StoreError::from_sqlx)?;
                // A double click racing this one filed it first: answer with that filing.
                if let Some(done) = applications::by_submit_key(&mut tx, user.user_id, key).await? {
                    return Ok(Applied::Filed {
                        reference: done.reference_number,
                    });
                }
                attempt += 1;
                if attempt > 5 {
                    return Err(AppError::Internal(
                        "could not draw a free reference number".into(),
                    ));
                }
            }
            Err(e) => return Err(e.into()),
        }
    };
    // The files go with the application; one that is no longer the user's to link (removed in
    // another tab a moment ago) rolls the whole filing back.
    if !crate::attachments::link(&mut tx, user.user_id, form, cleaned.answers(), id).await? {
        return Ok(Applied::Stale);
    }
    if let Some(r) = reading.filter(|_| p.requires_card_reading)
        && !zairyu_store::identity::mark_used(&mut tx, r.challenge_id, user.user_id, id, now)
            .await?
    {
        // Used by another filing in the meantime: nothing is filed (the transaction rolls back).
        return Ok(Applied::Stale);
    }
    drafts::delete(&mut tx, user.user_id, &p.id).await?;
    let locale = zairyu_i18n::Locale::from_code(&u.locale).unwrap_or_default();
    let procedure_name = p.name.get(locale.code()).to_owned();
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: u.email.clone(),
            locale: u.locale.clone(),
            message: MailMessage::ApplicationReceived {
                procedure: procedure_name.clone(),
                reference: reference.display(),
                status_url: app.url("/applications"),
            },
            link: None,
        },
        now,
    )
    .await?;
    // A request for use is approved automatically (SPEC §7.1, §7.2) and grants the right to use
    // its system; the RASENS one also makes the verified identity the user's profile. The ENS one
    // waits for an officer when the installation wants it reviewed (`manual_request_review`).
    let reviewed = p.system == System::Ens && app.cfg.manual_request_review;
    if p.category == crate::catalogue::Category::RequestForUse && !reviewed {
        let system = match p.system {
            System::Ens => "ens",
            System::Rasens => "rasens",
        };
        applications::change_status(
            &mut tx,
            id,
            ApplicationStatus::Pending.code(),
            ApplicationStatus::Completed.code(),
            "system",
            Some("automatic approval"),
            now,
        )
        .await?;
        applications::grant_usage(&mut tx, user.user_id, system, id, now).await?;
        if p.system == System::Rasens {
            let a = cleaned.answers();
            let text = |f: &str| a.text(f).unwrap_or("").to_owned();
            let dob = match p
                .card_fields
                .as_ref()
                .and_then(|cf| a.get(&cf.date_of_birth))
            {
                Some(Answer::Date { text, .. }) | Some(Answer::Text(text)) => text.clone(),
                _ => String::new(),
            };
            let sex = p
                .card_fields
                .as_ref()
                .map(|cf| text(&cf.sex))
                .unwrap_or_default();
            zairyu_store::identity::set_profile(
                &mut tx,
                user.user_id,
                &zairyu_store::identity::Profile {
                    sex: &sex,
                    date_of_birth: &dob,
                    postal_code: &text("postal_code"),
                    address: &text("address"),
                    telephone: &text("telephone"),
                },
                now,
            )
            .await?;
        }
        enqueue_mail(
            &mut tx,
            &MailJob {
                to: u.email.clone(),
                locale: u.locale.clone(),
                message: MailMessage::RequestForUseApproved {
                    procedure: procedure_name,
                    reference: reference.display(),
                },
                link: None,
            },
            now,
        )
        .await?;
    }
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: &actor,
            action: "filing.applied",
            subject: Some(&format!("application:{id}")),
            ip: Some(ip),
            detail: Some(&p.id),
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Applied::Filed {
        reference: reference.as_str().to_owned(),
    })
}

/// A residence application sent back for revision is corrected in place: its answers replaced
/// (the earlier ones stay in the history note's audit trail), and it returns to Under Review.
#[allow(clippy::too_many_arguments)]
async fn resubmit_in_place(
    app: &App,
    mut tx: zairyu_store::Tx,
    user: &SessionUser,
    p: &Procedure,
    form: &FormDef,
    orig: &ApplicationRow,
    cleaned: &Cleaned,
    answers: &str,
    u: &zairyu_store::users::UserRow,
    ip: &str,
) -> Result<Applied, AppError> {
    let now = app.now();
    let actor = format!("user:{}", user.user_id);
    let Some(to) = zairyu_domain::application::transition(
        zairyu_domain::FilingKind::Application,
        ApplicationStatus::InReturnProcess,
        zairyu_domain::Action::Resubmit,
    ) else {
        return Ok(Applied::NotReturnable);
    };
    applications::replace_answers(
        &mut tx,
        orig.id,
        answers,
        i64::from(cleaned.version()),
        cleaned.fingerprint(),
        now,
    )
    .await?;
    if !applications::change_status(
        &mut tx,
        orig.id,
        ApplicationStatus::InReturnProcess.code(),
        to.code(),
        &actor,
        Some("resubmitted"),
        now,
    )
    .await?
    {
        return Ok(Applied::NotReturnable);
    }
    // The files attached anew go with the corrected application (the earlier ones stay with it).
    if !crate::attachments::link(&mut tx, user.user_id, form, cleaned.answers(), orig.id).await? {
        return Ok(Applied::Stale);
    }
    drafts::delete(&mut tx, user.user_id, &p.id).await?;
    let locale = zairyu_i18n::Locale::from_code(&u.locale).unwrap_or_default();
    enqueue_mail(
        &mut tx,
        &MailJob {
            to: u.email.clone(),
            locale: u.locale.clone(),
            message: MailMessage::FilingUpdate {
                event: zairyu_mail::FilingEvent::Resubmitted,
                procedure: p.name.get(locale.code()).to_owned(),
                reference: ReferenceNumber::parse(&orig.reference_number)
                    .map(|r| r.display())
                    .unwrap_or_else(|_| orig.reference_number.clone()),
                number: orig.reception_number.clone(),
                note: None,
                url: app.url(&format!("/applications/{}", orig.reference_number)),
            },
            link: None,
        },
        now,
    )
    .await?;
    audit::record(
        &mut tx,
        &audit::AuditEntry {
            actor: &actor,
            action: "filing.resubmitted",
            subject: Some(&format!("application:{}", orig.id)),
            ip: Some(ip),
            detail: Some(&p.id),
        },
        now,
    )
    .await?;
    tx.commit().await.map_err(StoreError::from_sqlx)?;
    Ok(Applied::Filed {
        reference: orig.reference_number.clone(),
    })
}

/// Why a filing cannot be modified.
#[derive(Debug, PartialEq, Eq)]
pub enum Modify {
    /// The form is open with the filing's answers; the next Apply corrects it.
    Opened { procedure_id: String },
    /// Only a filing In Return Process, not yet corrected, can be modified.
    NotReturned,
    /// The procedure has no entry form any more.
    NoForm,
}

/// Whether a filing of the user's can be modified now, and by which filing it was corrected.
pub async fn correction_state(
    app: &App,
    row: &ApplicationRow,
) -> Result<(bool, Option<ApplicationRow>), AppError> {
    let mut conn = app.db.read().await?;
    let by = applications::resubmission(&mut conn, row.id).await?;
    let open = row.status == ApplicationStatus::InReturnProcess.code() && by.is_none();
    Ok((open, by))
}

/// Modify (SPEC §9.3): the form reopens with the answers of a filing sent back, and the draft is
/// marked as its correction. Answers to fields the current form no longer has are dropped.
pub async fn start_modify(
    app: &App,
    user_id: i64,
    reference: &str,
) -> Result<Option<Modify>, AppError> {
    let Some(row) = find(app, user_id, reference).await? else {
        return Ok(None);
    };
    if !correction_state(app, &row).await?.0 {
        return Ok(Some(Modify::NotReturned));
    }
    let Some(form) = app
        .catalogue
        .get(&row.procedure_id)
        .and_then(|p| app.catalogue.entry_form(p))
    else {
        return Ok(Some(Modify::NoForm));
    };
    let Ok(old) = serde_json::from_str::<Answers>(&row.answers) else {
        return Ok(Some(Modify::NoForm));
    };
    let answers = Answers::from_pairs(form, &old.to_pairs());
    save_draft(app, user_id, form, &answers).await?;
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    drafts::set_resubmission(&mut w, user_id, &row.procedure_id, Some(row.id)).await?;
    Ok(Some(Modify::Opened {
        procedure_id: row.procedure_id,
    }))
}

/// The filing a user's draft of a procedure corrects, if any (shown on the entry screens).
pub async fn correcting(
    app: &App,
    user_id: i64,
    procedure_id: &str,
) -> Result<Option<String>, AppError> {
    let mut conn = app.db.read().await?;
    let Some(id) = drafts::get(&mut conn, user_id, procedure_id, app.now())
        .await?
        .and_then(|d| d.resubmission_of)
    else {
        return Ok(None);
    };
    Ok(applications::by_id(&mut conn, id)
        .await?
        .filter(|r| r.user_id == user_id)
        .map(|r| r.reference_number))
}

/// One of the user's own filings by reference number.
pub async fn find(
    app: &App,
    user_id: i64,
    reference: &str,
) -> Result<Option<ApplicationRow>, AppError> {
    let Ok(r) = ReferenceNumber::parse(reference) else {
        return Ok(None);
    };
    let mut conn = app.db.read().await?;
    Ok(applications::by_reference(&mut conn, user_id, r.as_str()).await?)
}

/// The user's live drafts, most recently changed first.
pub async fn drafts(app: &App, user_id: i64) -> Result<Vec<drafts::DraftRow>, AppError> {
    let mut conn = app.db.read().await?;
    Ok(drafts::list(&mut conn, user_id, app.now()).await?)
}

/// Deletes one of the user's drafts.
pub async fn delete_draft(app: &App, user_id: i64, procedure_id: &str) -> Result<(), AppError> {
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    drafts::delete(&mut w, user_id, procedure_id).await?;
    Ok(())
}

/// Mails the owners of drafts that expire within 7 days (once per draft), and deletes expired ones.
/// Run by the worker; each reminder is its own transaction with its mail.
pub async fn remind_and_purge_drafts(app: &App) -> Result<u64, AppError> {
    let now = app.now();
    let due = {
        let mut conn = app.db.read().await?;
        drafts::expiring(&mut conn, now, now + 7 * DAY).await?
    };
    let mut sent = 0;
    for d in due {
        let mut tx = app.db.begin().await?;
        let Some(u) = zairyu_store::users::by_id(&mut tx, d.user_id).await? else {
            continue;
        };
        if !drafts::mark_reminded(&mut tx, d.id, now).await? {
            continue;
        }
        let locale = zairyu_i18n::Locale::from_code(&u.locale).unwrap_or_default();
        let procedure = app
            .catalogue
            .get(&d.procedure_id)
            .map(|p| p.name.get(locale.code()).to_owned())
            .unwrap_or(d.procedure_id.clone());
        let expires = jst_date(d.expires_at);
        enqueue_mail(
            &mut tx,
            &MailJob {
                to: u.email.clone(),
                locale: u.locale.clone(),
                message: MailMessage::DraftExpiring {
                    procedure,
                    expires,
                    url: app.url("/mypage/drafts"),
                },
                link: None,
            },
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from_sqlx)?;
        sent += 1;
    }
    let mut w = app
        .db
        .writer()
        .acquire()
        .await
        .map_err(StoreError::from_sqlx)?;
    drafts::purge_expired(&mut w, now).await?;
    Ok(sent)
}

/// The year in Japan at an instant (reception numbers carry it).
pub fn jst_year(ms: i64) -> i32 {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .map(|t| t.to_offset(jst).year())
        .unwrap_or(1970)
}

/// "2026/11/21 14:05" in Japan time (for emails).
pub fn jst_date(ms: i64) -> String {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    match time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000) {
        Ok(t) => {
            let t = t.to_offset(jst);
            format!(
                "{:04}/{:02}/{:02} {:02}:{:02}",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            )
        }
        Err(_) => String::new(),
    }
}

/// How far back Auto-Fill looks (SPEC §6.5: two years).
pub const AUTOFILL_WINDOW_MS: i64 = 2 * 365 * DAY;

/// The past procedure list of Auto-Fill: the user's own filings of this procedure in the last two
/// years, filtered by a keyword (reference number or name) and a date range, newest or oldest first.
pub async fn past(
    app: &App,
    user_id: i64,
    procedure_id: &str,
    keyword: &str,
    from: Option<Date>,
    to: Option<Date>,
    oldest_first: bool,
) -> Result<Vec<ApplicationRow>, AppError> {
    let mut conn = app.db.read().await?;
    let mut rows = applications::for_procedure(
        &mut conn,
        user_id,
        procedure_id,
        app.now() - AUTOFILL_WINDOW_MS,
    )
    .await?;
    let needle = crate::catalogue::search::fold(keyword.trim()).replace('-', "");
    rows.retain(|a| {
        let day = jst_day(a.created_at);
        let hay = crate::catalogue::search::fold(&format!(
            "{} {}",
            a.reference_number,
            a.related_name.clone().unwrap_or_default()
        ));
        (needle.is_empty() || hay.contains(&needle))
            && from.is_none_or(|f| day >= f)
            && to.is_none_or(|t| day <= t)
    });
    if oldest_first {
        rows.reverse();
    }
    Ok(rows)
}

fn jst_day(ms: i64) -> Date {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .to_offset(jst);
    Date::from_time(t.date())
}

/// Select in the past procedure list: the chosen filing's answers become the draft of the current
/// form. Answers to fields this form no longer has are dropped; their labels (from the form version
/// they were entered in, when it is still known) are returned so the user can be told.
pub async fn autofill(
    app: &App,
    user_id: i64,
    form: &FormDef,
    reference: &str,
) -> Result<Option<Vec<String>>, AppError> {
    let Some(row) = find(app, user_id, reference)
        .await?
        .filter(|a| a.procedure_id == form.id() && a.created_at >= app.now() - AUTOFILL_WINDOW_MS)
    else {
        return Ok(None);
    };
    let Ok(answers) = serde_json::from_str::<Answers>(&row.answers) else {
        return Ok(None);
    };
    let old_form = u32::try_from(row.form_version)
        .ok()
        .and_then(|v| app.catalogue.form(form.id(), v));
    let lang = zairyu_store::users::by_id(&mut *app.db.read().await?, user_id)
        .await?
        .map(|u| u.locale)
        .unwrap_or_default();
    let dropped: Vec<String> = form
        .unknown_answers(&answers)
        .into_iter()
        .map(|path| {
            old_form
                .and_then(|f| f.label(&path, &lang))
                .map(str::to_owned)
                .unwrap_or(path)
        })
        .collect();
    save_draft(app, user_id, form, &answers).await?;
    Ok(Some(dropped))
}

/// The key of Save Data files, derived from the server key so that every server of one
/// installation, and every restart, reads the files the others wrote.
fn save_key(app: &App) -> zairyu_forms::SaveKey {
    zairyu_forms::SaveKey::new(app.key.mac("save-file", b"v1"))
}

/// Save Data: the entries as an encrypted XML file (attachments are never included). Also keeps
/// the draft. Returns the file and whether attachments were left out.
pub async fn save_file(
    app: &App,
    user_id: i64,
    form: &FormDef,
    answers: &Answers,
) -> Result<(Vec<u8>, bool), AppError> {
    save_draft(app, user_id, form, answers).await?;
    let mut nonce = [0u8; 12];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut nonce);
    let bytes = zairyu_forms::save_file::encode(&save_key(app), form, answers, app.now(), nonce);
    Ok((
        bytes,
        zairyu_forms::save_file::attachments_left_out(form, answers),
    ))
}

/// Load Data: the entries of a file saved on this procedure's screen become the draft. Returns the
/// labels of saved entries that the form does not have, or why the file cannot be loaded.
pub async fn load_file(
    app: &App,
    user_id: i64,
    form: &FormDef,
    bytes: &[u8],
) -> Result<Result<Vec<String>, zairyu_forms::LoadError>, AppError> {
    match zairyu_forms::save_file::decode(&save_key(app), form, bytes) {
        Ok(loaded) => {
            save_draft(app, user_id, form, &loaded.answers).await?;
            Ok(Ok(loaded.dropped))
        }
        Err(e) => Ok(Err(e)),
    }
}

/// What the application list was asked for (SPEC §9.1).
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    pub related: String,
    pub procedure_keywords: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub oldest_first: bool,
    pub per_page: i64,
    /// 1-based.
    pub page: i64,
    pub lang: String,
}

/// Midnight at the start of a day in Japan, as an instant.
/// The start of a day in Japan, as Unix milliseconds (the date filters of the lists).
pub fn jst_midnight(d: Date) -> i64 {
    let jst = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    let t = d.as_time().midnight().assume_offset(jst);
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

/// The store's filter for a query, with the page size and the offset. Procedure-name keywords are
/// resolved to procedure ids here, from the catalogue in memory, so the database only compares ids.
fn list_filter(app: &App, q: &ListQuery) -> (applications::ListFilter, i64, i64) {
    let words: Vec<String> = crate::catalogue::search::fold(&q.procedure_keywords)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let procedures = (!words.is_empty()).then(|| {
        app.catalogue
            .procedures
            .iter()
            .filter(|p| {
                let hay = crate::catalogue::search::fold(&format!(
                    "{} {} {}",
                    p.name.get("ja"),
                    p.name.get(&q.lang),
                    p.name.get("en")
                ));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .map(|p| p.id.clone())
            .collect::<Vec<_>>()
    });
    let filter = applications::ListFilter {
        related: zairyu_domain::text::fold_width(q.related.trim())
            .to_uppercase()
            .replace('-', ""),
        procedures,
        from: q.from.map(jst_midnight),
        to: q.to.and_then(|d| d.plus_days(1)).map(jst_midnight),
        oldest_first: q.oldest_first,
    };
    let per = q.per_page.clamp(1, 100);
    // A page number past any real list is answered as an empty page, never an overflow.
    let offset = (q.page.clamp(1, i64::MAX / 100) - 1) * per;
    (filter, per, offset)
}

/// One page of the user's own filings, and how many match.
pub async fn list_applications(
    app: &App,
    user_id: i64,
    q: &ListQuery,
) -> Result<(Vec<ApplicationRow>, i64), AppError> {
    let (filter, per, offset) = list_filter(app, q);
    let mut conn = app.db.read().await?;
    let (rows, total) = applications::list(&mut conn, user_id, &filter, per, offset).await?;
    Ok((rows, total))
}

/// The database's plans for [`list_applications`] with the same query (for `list-bench`).
pub async fn list_plans(app: &App, user_id: i64, q: &ListQuery) -> Result<Vec<String>, AppError> {
    let (filter, per, offset) = list_filter(app, q);
    let mut conn = app.db.read().await?;
    Ok(
        applications::list_plans(&mut conn, app.db.backend(), user_id, &filter, per, offset)
            .await?,
    )
}

/// A filing with its dated history, only for its owner.
pub async fn details(
    app: &App,
    user_id: i64,
    reference: &str,
) -> Result<Option<(ApplicationRow, Vec<(i64, String, Option<String>)>)>, AppError> {
    let Some(row) = find(app, user_id, reference).await? else {
        return Ok(None);
    };
    let mut conn = app.db.read().await?;
    let history = applications::history(&mut conn, row.id).await?;
    Ok(Some((row, history)))
}
