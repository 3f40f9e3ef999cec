//! Attachments in the entry journey (SPEC §10.6, §10.7) and on the Details page (§9.3).
//!
//! A file slot's answer holds file ids. The ids travel with the form like any answer, so the form
//! stays plain data — but an id is only ever believed when it is one of **this user's own uploads
//! in progress for this procedure**: every read of an answer's ids goes through [`settle`], which
//! drops any other id (another user's, a filed one, an invented one) and reports it. Apply links
//! the uploads to the new application in its own transaction; uploads that no live draft lists are
//! purged by the worker ([`purge`]).
//!
//! Receiving a file is split in two so the web layer can stream: [`Batch`] hands out an
//! [`Intake`] per file part (size and kind checked as the bytes arrive), then [`attach`] checks the
//! counts and totals, parses each file on a blocking thread, stores the bytes and records the
//! uploads and the draft in one transaction.

use crate::{App, AppError};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use zairyu_forms::{Answer, Answers, FieldKind, FileType, FormDef};
use zairyu_store::{StoreError, uploads};

pub use zairyu_files::{
    ASPECT_TOLERANCE, ByteStream, FileId, FileStore, FilesError, Intake, Kind, MAX_FILES,
    MAX_PHOTO_BYTES, MAX_TOTAL_BYTES, Refusal, StoreConfig, content_disposition,
};

/// Uploads younger than this are never purged, whatever the drafts say (a margin for clocks).
const PURGE_GRACE_MS: i64 = crate::clock::HOUR;

/// A file attached to a draft or an application, as the pages show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attached {
    pub file_id: String,
    /// The slot (file field) it was attached to.
    pub field_id: String,
    /// The cleaned name (see `zairyu_files::safe_name`), with the extension of its content.
    pub name: String,
    pub kind: Kind,
    pub size: u64,
}

impl Attached {
    fn from_row(r: uploads::UploadRow) -> Attached {
        Attached {
            kind: Kind::from_code(&r.kind).unwrap_or(Kind::Pdf),
            size: u64::try_from(r.size).unwrap_or(0),
            file_id: r.file_id,
            field_id: r.field_id,
            name: r.file_name,
        }
    }
}

/// Something wrong with a file or a slot, for the page to say at the slot and in the error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The slot it is about.
    pub field_id: String,
    /// The message (locales/*/attachments.ftl); it takes `$field` (the slot's label, added by the
    /// page) and the `args`.
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    fn new(field_id: &str, key: &'static str, args: Vec<(&'static str, String)>) -> Problem {
        Problem {
            field_id: field_id.to_owned(),
            key,
            args,
        }
    }

    fn refused(field_id: &str, file: &str, r: &Refusal) -> Problem {
        let mut args = vec![("file", file.to_owned())];
        if let Refusal::PhotoAspect { width, height } = r {
            args.push(("width", width.to_string()));
            args.push(("height", height.to_string()));
        }
        Problem::new(field_id, r.message_key(), args)
    }
}

/// The file slots of a form: id → (what it takes, how many files it holds). Slots are top-level
/// fields (the form engine refuses them inside groups).
pub fn slots(form: &FormDef) -> Vec<(&str, Vec<Kind>, usize)> {
    form.sections()
        .iter()
        .flat_map(|s| s.fields())
        .filter_map(|f| match f.kind() {
            FieldKind::File { accept, max_files } => Some((
                f.id(),
                accept
                    .iter()
                    .map(|t| match t {
                        FileType::Pdf => Kind::Pdf,
                        FileType::Jpeg => Kind::Jpeg,
                    })
                    .collect(),
                *max_files,
            )),
            _ => None,
        })
        .collect()
}

fn ids_in(answers: &Answers, field_id: &str) -> Vec<String> {
    match answers.get(field_id) {
        Some(Answer::Files(ids)) => ids.clone(),
        Some(Answer::Text(id)) if !id.trim().is_empty() => vec![id.clone()],
        _ => Vec::new(),
    }
}

/// Keeps in `answers` only the file ids that are the user's own uploads in progress for this
/// procedure, each in the slot it was uploaded to and once. Returns what is attached, slot by slot
/// in answer order, and a problem for each slot that listed anything else.
pub async fn settle(
    app: &App,
    user_id: i64,
    form: &FormDef,
    answers: &mut Answers,
) -> Result<(Vec<Attached>, Vec<Problem>), AppError> {
    let slots = slots(form);
    let listed: Vec<String> = slots
        .iter()
        .flat_map(|(id, _, _)| ids_in(answers, id))
        .collect();
    let mut own: HashMap<String, Attached> = HashMap::new();
    if !listed.is_empty() {
        let mut conn = app.db.read().await?;
        for r in uploads::pending(&mut conn, user_id, form.id(), &listed).await? {
            own.insert(r.file_id.clone(), Attached::from_row(r));
        }
    }
    let mut attached = Vec::new();
    let mut problems = Vec::new();
    for (slot, _, _) in &slots {
        let ids = ids_in(answers, slot);
        if ids.is_empty() {
            continue;
        }
        let mut kept = Vec::new();
        let mut foreign = false;
        for id in ids {
            match own.remove(&id) {
                Some(a) if a.field_id == *slot => {
                    kept.push(id);
                    attached.push(a);
                }
                _ => foreign = true,
            }
        }
        if foreign {
            problems.push(Problem::new(slot, "attach-err-not-yours", Vec::new()));
        }
        if kept.is_empty() {
            answers.remove(slot);
        } else {
            answers.insert(*slot, Answer::Files(kept));
        }
    }
    Ok((attached, problems))
}

/// The checks that Proceed to Confirmation and Apply repeat: every listed file is the user's own
/// upload in progress, and the application stays within 20 files and 25 MB (two attach requests
/// racing in two tabs could each pass on their own).
pub async fn check(
    app: &App,
    user_id: i64,
    form: &FormDef,
    answers: &Answers,
) -> Result<Vec<Problem>, AppError> {
    let mut answers = answers.clone();
    let (attached, mut problems) = settle(app, user_id, form, &mut answers).await?;
    let total: u64 = attached.iter().map(|a| a.size).sum();
    if let Some(first) = attached.first()
        && (attached.len() > MAX_FILES || total > MAX_TOTAL_BYTES)
    {
        problems.push(Problem::new(
            &first.field_id,
            "attach-err-over-limits",
            Vec::new(),
        ));
    }
    Ok(problems)
}

/// One request's files as they arrive, slot by slot.
#[derive(Debug)]
pub struct Batch {
    accept: HashMap<String, Vec<Kind>>,
    /// Bytes the files of this request may still add: 25 MB less what the draft already holds,
    /// less what this request has already brought.
    remaining: u64,
    received: Vec<Received>,
    problems: Vec<Problem>,
}

#[derive(Debug)]
struct Received {
    field_id: String,
    name: String,
    kind: Kind,
    bytes: Vec<u8>,
}

impl Batch {
    /// Starts a request for this form: the allowance is what the user's draft leaves of 25 MB.
    pub async fn start(app: &App, user_id: i64, form: &FormDef) -> Result<Batch, AppError> {
        let mut draft = crate::filing::draft_answers(app, user_id, form).await?;
        let (attached, _) = settle(app, user_id, form, &mut draft).await?;
        let used: u64 = attached.iter().map(|a| a.size).sum();
        Ok(Batch {
            accept: slots(form)
                .into_iter()
                .map(|(id, kinds, _)| (id.to_owned(), kinds))
                .collect(),
            remaining: MAX_TOTAL_BYTES.saturating_sub(used),
            received: Vec::new(),
            problems: Vec::new(),
        })
    }

    /// The intake for a file sent for `field_id`, or `None` when the form has no such slot (the
    /// part is then skipped).
    pub fn intake(&self, field_id: &str) -> Option<Intake> {
        self.accept
            .get(field_id)
            .map(|kinds| Intake::new(kinds, self.remaining))
    }

    /// A file has arrived (or was refused on the way, and the rest of it skipped).
    pub fn received(
        &mut self,
        field_id: &str,
        name: &str,
        result: Result<(Kind, Vec<u8>), Refusal>,
    ) {
        match result {
            Ok((kind, bytes)) => {
                self.remaining = self.remaining.saturating_sub(bytes.len() as u64);
                self.received.push(Received {
                    field_id: field_id.to_owned(),
                    name: zairyu_files::safe_name(name, kind),
                    kind,
                    bytes,
                });
            }
            Err(r) => self.problems.push(Problem::refused(field_id, name, &r)),
        }
    }

    /// The request went over the limit of a whole request: every file in it is refused, the
    /// other entries are kept.
    pub fn request_too_large(&mut self, field_id: &str) {
        self.received.clear();
        self.problems.push(Problem::new(
            field_id,
            "attach-err-request-too-large",
            Vec::new(),
        ));
    }

    /// Attach was pressed with no file chosen in any slot.
    pub fn is_empty(&self) -> bool {
        self.received.is_empty() && self.problems.is_empty()
    }
}

/// Attach: the batch's files are checked against the slot, count and total limits, parsed, stored
/// and recorded with the draft (`answers`: what the form posted, its file ids settled here) in one
/// transaction. Returns what went wrong, file by file; the accepted files are attached either way.
pub async fn attach(
    app: &App,
    user_id: i64,
    form: &FormDef,
    answers: &mut Answers,
    batch: Batch,
) -> Result<Vec<Problem>, AppError> {
    let (attached, mut problems) = settle(app, user_id, form, answers).await?;
    problems.extend(batch.problems);
    let limits: HashMap<&str, usize> = slots(form)
        .into_iter()
        .map(|(id, _, max)| (id, max))
        .collect();
    let mut count = attached.len();
    let mut total: u64 = attached.iter().map(|a| a.size).sum();
    let mut per_slot: HashMap<String, usize> = HashMap::new();
    for a in &attached {
        *per_slot.entry(a.field_id.clone()).or_default() += 1;
    }
    let mut accepted: Vec<(FileId, Received, String)> = Vec::new();
    for r in batch.received {
        let in_slot = per_slot.get(&r.field_id).copied().unwrap_or(0);
        let max = limits.get(r.field_id.as_str()).copied().unwrap_or(0);
        let file = vec![("file", r.name.clone())];
        if in_slot >= max {
            let mut args = file;
            args.push(("max", max.to_string()));
            problems.push(Problem::new(&r.field_id, "attach-err-slot-full", args));
            continue;
        }
        if count >= MAX_FILES {
            problems.push(Problem::new(&r.field_id, "attach-err-too-many", file));
            continue;
        }
        if total + r.bytes.len() as u64 > MAX_TOTAL_BYTES {
            problems.push(Problem::new(&r.field_id, "attach-err-over-total", file));
            continue;
        }
        // Parsing is CPU work on untrusted bytes: a blocking thread, and a panic in a parser is a
        // refusal of that file rather than a failed request.
        let (kind, field_id, name) = (r.kind, r.field_id.clone(), r.name.clone());
        let r =
            match tokio::task::spawn_blocking(move || (zairyu_files::inspect(kind, &r.bytes), r))
                .await
            {
                Ok((Ok(_), r)) => r,
                Ok((Err(refusal), _)) => {
                    problems.push(Problem::refused(&field_id, &name, &refusal));
                    continue;
                }
                Err(_) => {
                    let refusal = match kind {
                        Kind::Pdf => Refusal::PdfInvalid,
                        Kind::Jpeg => Refusal::JpegInvalid,
                    };
                    problems.push(Problem::refused(&field_id, &name, &refusal));
                    continue;
                }
            };
        count += 1;
        total += r.bytes.len() as u64;
        *per_slot.entry(r.field_id.clone()).or_default() += 1;
        let sha = hex(&Sha256::digest(&r.bytes));
        accepted.push((FileId::generate(), r, sha));
    }
    if accepted.is_empty() {
        crate::filing::save_draft(app, user_id, form, answers).await?;
        return Ok(problems);
    }
    // The bytes first: a row must never point at a file that is not there. Should the transaction
    // then fail, the files just stored are deleted again.
    for (id, r, _) in &accepted {
        if let Err(e) = app
            .files
            .put(id, bytes::Bytes::copy_from_slice(&r.bytes))
            .await
        {
            forget(app, accepted.iter().map(|(id, _, _)| id)).await;
            return Err(AppError::Internal(e.to_string()));
        }
    }
    for (id, r, _) in &accepted {
        let mut ids = ids_in(answers, &r.field_id);
        ids.push(id.to_string());
        answers.insert(r.field_id.clone(), Answer::Files(ids));
    }
    let recorded = async {
        let now = app.now();
        let mut tx = app.db.begin().await?;
        for (id, r, sha) in &accepted {
            uploads::insert(
                &mut tx,
                &uploads::NewUpload {
                    file_id: id.as_str(),
                    user_id,
                    procedure_id: form.id(),
                    field_id: &r.field_id,
                    file_name: &r.name,
                    kind: r.kind.code(),
                    size: r.bytes.len() as i64,
                    sha256: sha,
                },
                now,
            )
            .await?;
        }
        crate::filing::save_draft_on(&mut tx, app, user_id, form, answers).await?;
        tx.commit().await.map_err(StoreError::from_sqlx)?;
        Ok::<(), AppError>(())
    }
    .await;
    if let Err(e) = recorded {
        forget(app, accepted.iter().map(|(id, _, _)| id)).await;
        return Err(e);
    }
    Ok(problems)
}

/// Deletes stored bytes that no row will point at (best effort: a failure is logged, and leaves
/// only an unreachable file behind).
async fn forget(app: &App, ids: impl Iterator<Item = &FileId>) {
    for id in ids {
        if let Err(e) = app.files.delete(id).await {
            tracing::warn!(error = %e, "could not delete an unrecorded upload");
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Remove: takes one of the user's own uploads in progress off the form and deletes it. An id that
/// is not theirs changes nothing. The draft is saved with the other entries as posted.
pub async fn remove(
    app: &App,
    user_id: i64,
    form: &FormDef,
    answers: &mut Answers,
    file_id: &str,
) -> Result<Vec<Problem>, AppError> {
    for (slot, _, _) in slots(form) {
        let ids = ids_in(answers, slot);
        if ids.iter().any(|i| i == file_id) {
            let kept: Vec<String> = ids.into_iter().filter(|i| i != file_id).collect();
            if kept.is_empty() {
                answers.remove(slot);
            } else {
                answers.insert(slot, Answer::Files(kept));
            }
        }
    }
    let (_, problems) = settle(app, user_id, form, answers).await?;
    let deleted = {
        let mut tx = app.db.begin().await?;
        let gone = uploads::delete_pending(&mut tx, user_id, file_id).await?;
        crate::filing::save_draft_on(&mut tx, app, user_id, form, answers).await?;
        tx.commit().await.map_err(StoreError::from_sqlx)?;
        gone
    };
    if let Some(id) = deleted.as_deref().and_then(FileId::parse) {
        forget(app, std::iter::once(&id)).await;
    }
    Ok(problems)
}

/// Links every file of the confirmed answers to the new application, inside Apply's transaction.
/// False when one of them is no longer the user's to link: the caller rolls back.
pub async fn link(
    conn: &mut zairyu_store::Conn,
    user_id: i64,
    form: &FormDef,
    answers: &Answers,
    application_id: i64,
) -> Result<bool, AppError> {
    for (slot, _, _) in slots(form) {
        for id in ids_in(answers, slot) {
            if !uploads::link(conn, user_id, form.id(), &id, application_id).await? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// The files of an application. **No permission check:** the caller has established that whoever
/// asks may see this application (its owner through `filing::details`, or an officer).
pub async fn of_application(app: &App, application_id: i64) -> Result<Vec<Attached>, AppError> {
    let mut conn = app.db.read().await?;
    Ok(uploads::for_application(&mut conn, application_id)
        .await?
        .into_iter()
        .map(Attached::from_row)
        .collect())
}

/// A file on its way out: what to call it, what it is, and its bytes as a stream.
pub struct Download {
    pub file: Attached,
    /// The media type to serve it with (from its content, checked on upload).
    pub content_type: &'static str,
    /// `attachment; filename=…; filename*=UTF-8''…` (RFC 6266 / 5987).
    pub content_disposition: String,
    pub stream: ByteStream,
}

impl std::fmt::Debug for Download {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Download")
            .field("file", &self.file)
            .finish()
    }
}

/// Opens one file of an application for download. `None` when the application has no such file
/// (or its bytes are gone). **No permission check:** this is the entry point for the back office,
/// whose caller must first check that the officer may see the application; applicants go through
/// [`open_for_owner`].
pub async fn open_for_application(
    app: &App,
    application_id: i64,
    file_id: &str,
) -> Result<Option<Download>, AppError> {
    let Some(id) = FileId::parse(file_id) else {
        return Ok(None);
    };
    let row = {
        let mut conn = app.db.read().await?;
        uploads::of_application(&mut conn, application_id, id.as_str()).await?
    };
    let Some(row) = row else {
        return Ok(None);
    };
    let file = Attached::from_row(row);
    let Some((_, stream)) = app
        .files
        .open_stream(&id)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
    else {
        tracing::error!(file.id = %id, "an attachment's bytes are missing from the file store");
        return Ok(None);
    };
    Ok(Some(Download {
        content_type: file.kind.content_type(),
        content_disposition: content_disposition(&file.name),
        file,
        stream,
    }))
}

/// Opens a file of one of the user's own applications (by reference number). Another user's
/// application or file is `None`, exactly like one that does not exist.
pub async fn open_for_owner(
    app: &App,
    user_id: i64,
    reference: &str,
    file_id: &str,
) -> Result<Option<Download>, AppError> {
    match crate::filing::find(app, user_id, reference).await? {
        Some(a) => open_for_application(app, a.id, file_id).await,
        None => Ok(None),
    }
}

/// Deletes uploads in progress that no live draft lists any more (and their bytes). Run by the
/// worker's periodic purge.
pub async fn purge(app: &App) -> Result<usize, AppError> {
    let now = app.now();
    let gone = {
        let mut w = app
            .db
            .writer()
            .acquire()
            .await
            .map_err(StoreError::from_sqlx)?;
        uploads::purge_abandoned(&mut w, now - PURGE_GRACE_MS, now).await?
    };
    let ids: Vec<FileId> = gone.iter().filter_map(|s| FileId::parse(s)).collect();
    forget(app, ids.iter()).await;
    Ok(gone.len())
}

/// "1.2 MB", "350 KB": sizes as the pages show them.
pub fn size_text(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let text = format!("{:.1}", bytes as f64 / MB as f64);
        format!("{} MB", text.trim_end_matches(".0"))
    } else {
        format!("{} KB", bytes.div_ceil(KB).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(size_text(1), "1 KB");
        assert_eq!(size_text(350 * 1024), "350 KB");
        assert_eq!(size_text(1_258_291), "1.2 MB");
        assert_eq!(size_text(MAX_TOTAL_BYTES), "25 MB");
    }
}
