//! Attachments (SPEC §9.3, §10.6, §10.7): Attach and Remove on the entry screen, and downloads from
//! the Details page.
//!
//! Attach and Remove are buttons of the entry form itself (`formaction`), so they post everything
//! typed with them and work without JavaScript; both keep the draft and come back to the entry
//! screen — by redirect when all went well, or with the page and its messages (422) when not.
//! Downloads are only ever of the signed-in user's own applications: someone else's file id gets
//! the same 404 as one that does not exist.

use super::entry::VersionQuery;
use super::entry::{entry_page, open, version_suffix};
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{ErrorKind, WebError, WebResult};
use crate::form_view::FileItem;
use crate::forms::FormData;
use crate::middleware::SignedIn;
use crate::pages::{self, EntryPage};
use crate::uploads::{self, StreamedForm};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use std::collections::HashMap;
use zairyu_app::attachments::{
    self, ASPECT_TOLERANCE, Attached, Batch, MAX_FILES, MAX_PHOTO_BYTES, MAX_TOTAL_BYTES, Problem,
    size_text,
};
use zairyu_app::catalogue::Procedure;
use zairyu_forms::{Answers, FieldKind, FileType, FormDef, FormErrors};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures/{id}/files/attach", post(attach))
        .route("/procedures/{id}/files/remove", post(remove))
        .route("/applications/{reference}/files/{file_id}", get(download))
}

/// The entry screen for `answers` (the file ids already settled), with the files of each slot,
/// the form's errors and the attachment problems in the error summary.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn entry_view(
    st: &AppState,
    ctx: &Ctx,
    user_id: i64,
    p: &Procedure,
    form: &FormDef,
    answers: &Answers,
    errors: Option<&FormErrors>,
    problems: &[Problem],
) -> Result<EntryPage, WebError> {
    let mut shown = answers.clone();
    let (attached, _) = attachments::settle(&st.app, user_id, form, &mut shown).await?;
    let mut page = entry_page(st, ctx, p, form, &shown, errors);
    decorate(st, ctx, p, form, &mut page, &attached, problems);
    Ok(page)
}

/// 200 for a clean page, 422 for one that shows problems.
pub(crate) fn respond(ctx: &Ctx, page: &EntryPage) -> Response {
    if page.summary.is_empty() {
        pages::ok(ctx, page)
    } else {
        pages::invalid(ctx, page)
    }
}

/// Fills in the file slots of an entry page: their files, limits, actions and problems.
fn decorate(
    st: &AppState,
    ctx: &Ctx,
    p: &Procedure,
    form: &FormDef,
    page: &mut EntryPage,
    attached: &[Attached],
    problems: &[Problem],
) {
    let suffix = version_suffix(st, p, form);
    let total: u64 = attached.iter().map(|a| a.size).sum();
    let usage = ctx.i18n.ta(
        ctx.locale,
        "attach-usage",
        &[
            ("count", (attached.len() as i64).into()),
            ("max", (MAX_FILES as i64).into()),
            ("size", size_text(total).into()),
            ("limit", size_text(MAX_TOTAL_BYTES).into()),
        ],
    );
    for section in &mut page.sections {
        for f in &mut section.fields {
            if f.widget != "file" {
                continue;
            }
            let Some(def) = form.field(&f.name) else {
                continue;
            };
            let label = def.label().get(ctx.lang()).to_owned();
            f.files = attached
                .iter()
                .filter(|a| a.field_id == f.name)
                .map(|a| FileItem {
                    id: a.file_id.clone(),
                    name: a.name.clone(),
                    size: size_text(a.size),
                })
                .collect();
            f.upload_action = format!("/procedures/{}/files/attach{suffix}", p.id);
            f.remove_action = format!("/procedures/{}/files/remove{suffix}", p.id);
            let rules = match def.kind() {
                FieldKind::File { accept, max_files } if accept == &[FileType::Jpeg] => {
                    ctx.i18n.ta(
                        ctx.locale,
                        "attach-rules-photo",
                        &[
                            ("size", size_text(MAX_PHOTO_BYTES).into()),
                            (
                                "tolerance",
                                format!("{:.0}", ASPECT_TOLERANCE * 100.0).into(),
                            ),
                            ("max", (*max_files as i64).into()),
                        ],
                    )
                }
                FieldKind::File { max_files, .. } => ctx.i18n.ta(
                    ctx.locale,
                    "attach-rules-pdf",
                    &[("max", (*max_files as i64).into())],
                ),
                _ => String::new(),
            };
            let own_hint = f.hint.take().map(|h| format!("{h} ")).unwrap_or_default();
            f.hint = Some(format!("{own_hint}{rules} {usage}"));
            if f.disabled {
                continue;
            }
            let messages: Vec<String> = problems
                .iter()
                .filter(|pr| pr.field_id == f.name)
                .map(|pr| message(ctx, pr, &label))
                .collect();
            for m in &messages {
                page.summary.push((f.id.clone(), m.clone()));
            }
            if !messages.is_empty() {
                let joined = messages.join(" ");
                f.error = Some(match f.error.take() {
                    Some(e) => format!("{e} {joined}"),
                    None => joined,
                });
            }
        }
    }
}

/// A problem in the user's language.
fn message(ctx: &Ctx, p: &Problem, field_label: &str) -> String {
    let mut args: Vec<(&str, zairyu_i18n::Value<'_>)> =
        vec![("field", field_label.to_owned().into())];
    for (k, v) in &p.args {
        args.push((k, v.clone().into()));
    }
    ctx.i18n.ta(ctx.locale, p.key, &args)
}

/// The file names of each slot, one per line, for the confirmation and Details pages (instead of
/// a bare count).
pub(crate) fn names_by_slot(attached: &[Attached]) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for a in attached {
        let line = format!("{} ({})", a.name, size_text(a.size));
        out.entry(a.field_id.clone())
            .and_modify(|s| {
                s.push('\n');
                s.push_str(&line);
            })
            .or_insert(line);
    }
    out
}

/// Where to come back to: the entry screen at the slot.
fn back_to_slot(st: &AppState, p: &Procedure, form: &FormDef, note: &str, slot: &str) -> String {
    let suffix = version_suffix(st, p, form).replace('?', "&");
    let anchor = if slot.is_empty() {
        String::new()
    } else {
        format!("#f-{slot}")
    };
    format!("/procedures/{}/entry?{note}=1{suffix}{anchor}", p.id)
}

/// Attach: the files chosen, judged as they stream in, stored and listed in the slot; the other
/// entries kept as the draft.
async fn attach(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Path(id): Path<String>,
    Query(vq): Query<VersionQuery>,
    body: StreamedForm,
) -> WebResult {
    let (p, form) = match open(&st, &ctx, &user, &id, vq.v)? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let mut batch = Batch::start(&st.app, user.user_id, form).await?;
    let posted = uploads::read(body, &mut batch, st.web.body_limit).await?;
    let slots = attachments::slots(form);
    let pressed = posted
        .pairs
        .iter()
        .find(|(k, _)| k == "attach")
        .map(|(_, v)| v.clone())
        .filter(|v| slots.iter().any(|(s, _, _)| s == v))
        .or_else(|| slots.first().map(|(s, _, _)| (*s).to_owned()))
        .unwrap_or_default();
    if posted.cut_short {
        batch.request_too_large(&pressed);
    }
    let mut answers = Answers::from_pairs(form, &posted.pairs);
    let mut problems = Vec::new();
    if batch.is_empty() {
        problems.push(Problem {
            field_id: pressed.clone(),
            key: "attach-err-none-chosen",
            args: Vec::new(),
        });
    }
    problems.extend(attachments::attach(&st.app, user.user_id, form, &mut answers, batch).await?);
    if problems.is_empty() {
        return Ok(pages::see_other(&back_to_slot(
            &st, p, form, "attached", &pressed,
        )));
    }
    let page = entry_view(&st, &ctx, user.user_id, p, form, &answers, None, &problems).await?;
    Ok(pages::invalid(&ctx, &page))
}

/// Remove: one file off its slot (and deleted), the other entries kept as the draft.
async fn remove(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Path(id): Path<String>,
    Query(vq): Query<VersionQuery>,
    data: FormData,
) -> WebResult {
    let (p, form) = match open(&st, &ctx, &user, &id, vq.v)? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let file_id = data.get("remove").to_owned();
    let slot = data
        .0
        .iter()
        .find(|(k, v)| *v == file_id && k != "remove")
        .map(|(k, _)| k.clone())
        .unwrap_or_default();
    let mut answers = Answers::from_pairs(form, &data.0);
    let problems = attachments::remove(&st.app, user.user_id, form, &mut answers, &file_id).await?;
    if problems.is_empty() {
        return Ok(pages::see_other(&back_to_slot(
            &st, p, form, "removed", &slot,
        )));
    }
    let page = entry_view(&st, &ctx, user.user_id, p, form, &answers, None, &problems).await?;
    Ok(pages::invalid(&ctx, &page))
}

/// A file of one of the user's own applications, as a download.
async fn download(
    State(st): State<AppState>,
    SignedIn(_, user, _): SignedIn,
    Path((reference, file_id)): Path<(String, String)>,
) -> WebResult {
    let d = attachments::open_for_owner(&st.app, user.user_id, &reference, &file_id)
        .await?
        .ok_or(WebError(ErrorKind::NotFound))?;
    Ok(download_response(d))
}

/// The response for a download: saved, never shown inline; its type from its checked content;
/// never sniffed; never cached.
pub fn download_response(d: attachments::Download) -> Response {
    let mut r = axum::body::Body::from_stream(d.stream).into_response();
    let h = r.headers_mut();
    h.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(d.content_type),
    );
    if let Ok(v) = http::HeaderValue::from_str(&d.content_disposition) {
        h.insert(http::header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        http::header::CONTENT_LENGTH,
        http::HeaderValue::from(d.file.size),
    );
    h.insert(
        http::header::X_CONTENT_TYPE_OPTIONS,
        http::HeaderValue::from_static("nosniff"),
    );
    h.insert(
        http::header::CACHE_CONTROL,
        http::HeaderValue::from_static("private, no-store"),
    );
    r
}
