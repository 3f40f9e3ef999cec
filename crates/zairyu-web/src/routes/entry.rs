//! The entry journey (SPEC §6.1, §6.3): Procedure screen → Proceed to Confirmation (every error at
//! once, in place) → Procedure confirmation → Apply → ProcedureCompleted with the reference number.
//! Every step is a GET that renders from the server's draft, so Back and reload are always safe, and
//! Apply is idempotent.

use super::attachments;
use super::procedures::period;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::{ErrorKind, WebError, WebResult};
use crate::form_view;
use crate::forms::FormData;
use crate::middleware::SignedIn;
use crate::pages::{self, Action, ConfirmPage, EntryPage, MessagePage};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use zairyu_app::catalogue::{Procedure, System};
use zairyu_app::filing::{self, Applied, Gate};
use zairyu_app::sessions::SessionUser;
use zairyu_forms::{Answers, FormDef, FormErrors, SummaryValue};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures/{id}/entry", get(entry).post(entry_submit))
        .route("/procedures/{id}/confirm", get(confirm).post(apply))
        .route("/procedures/{id}/completed/{reference}", get(completed))
        .route("/procedures/{id}/load", get(load_form).post(load))
}

/// The version chosen on the explanation page, when several are offered.
#[derive(serde::Deserialize, Default)]
pub struct VersionQuery {
    #[serde(default)]
    pub v: Option<u32>,
}

/// `?v=N` for any version but the latest (whose URLs stay plain), so every step stays on the version
/// the user chose.
pub fn version_suffix(st: &AppState, p: &Procedure, form: &FormDef) -> String {
    match st.app.catalogue.entry_form(p) {
        Some(latest) if latest.version() != form.version() => format!("?v={}", form.version()),
        _ => String::new(),
    }
}

fn paragraphs(s: &str) -> Vec<String> {
    s.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// The procedure, its entry form and (for procedures that need it) the session's card reading, or
/// the page that says why the user cannot enter it. Without a reading, a procedure that needs one
/// sends the user to the reading (SPEC §7.3: every residence application repeats it).
pub(crate) async fn open<'a>(
    st: &'a AppState,
    ctx: &Ctx,
    user: &SessionUser,
    session: &str,
    id: &str,
    v: Option<u32>,
) -> Result<Result<Opened<'a>, Response>, WebError> {
    let p = st
        .app
        .catalogue
        .get(id)
        .ok_or(WebError(ErrorKind::NotFound))?;
    let explanation = Action::secondary(&format!("/procedures/{id}"), ctx.t("button-back"));
    let page = match filing::gate(&st.app, p, user) {
        Gate::Open => {
            let form = st
                .app
                .catalogue
                .form_for(p, v)
                .ok_or(WebError(ErrorKind::NotFound))?;
            return Ok(Ok((p, form, None)));
        }
        Gate::NeedsCardReading => {
            let form = st
                .app
                .catalogue
                .form_for(p, v)
                .ok_or(WebError(ErrorKind::NotFound))?;
            return Ok(
                match zairyu_app::identity::reading(&st.app, user.user_id, session, &p.id).await? {
                    Some(r) => Ok((p, form, Some(r))),
                    None => Err(pages::see_other(&format!("/procedures/{}/identity", p.id))),
                },
            );
        }
        Gate::NotOpen => MessagePage::new(ctx, "entry-not-open-title")
            .para(ctx.t1("entry-not-open-text", "period", &period(ctx, p)))
            .action(explanation),
        Gate::NoForm => MessagePage::new(ctx, "entry-no-form-title")
            .para(ctx.t("procedure-entry-not-yet"))
            .action(explanation),
        Gate::UserType => MessagePage::new(ctx, "entry-user-type-title")
            .para(ctx.t("entry-user-type-text"))
            .action(explanation),
        Gate::NeedsRequestForUse(System::Ens) => MessagePage::new(ctx, "entry-needs-request-title")
            .para(ctx.t("entry-needs-ens-request-text"))
            .action(explanation)
            .action(Action::link(
                "/procedures/ens-request-for-use",
                ctx.t("entry-go-to-request"),
            )),
        Gate::NeedsRequestForUse(System::Rasens) => {
            MessagePage::new(ctx, "entry-needs-request-title")
                .para(ctx.t("entry-needs-rasens-request-text"))
                .action(explanation)
                .action(Action::link(
                    "/procedures/rasens-request-for-use",
                    ctx.t("entry-go-to-request"),
                ))
        }
    };
    Ok(Err(pages::render(ctx, http::StatusCode::FORBIDDEN, &page)))
}

/// What `open` gives a handler.
type Opened<'a> = (
    &'a Procedure,
    &'a FormDef,
    Option<zairyu_app::identity::Reading>,
);

pub(crate) fn entry_page(
    st: &AppState,
    ctx: &Ctx,
    p: &Procedure,
    form: &FormDef,
    answers: &Answers,
    errors: Option<&FormErrors>,
) -> EntryPage {
    let (sections, summary) = form_view::build(ctx, form, answers, errors);
    EntryPage {
        ctx: ctx.clone(),
        procedure_name: p.name.get(ctx.lang()).to_owned(),
        contact: paragraphs(p.contact.get(ctx.lang())),
        action: format!("/procedures/{}/entry{}", p.id, version_suffix(st, p, form)),
        back: format!("/procedures/{}", p.id),
        sections,
        summary,
        alert: None,
        tools: crate::pages::EntryTools {
            save_label: ctx.t("save-data"),
            load: (
                format!("/procedures/{}/load{}", p.id, version_suffix(st, p, form)),
                ctx.t("load-data"),
            ),
            autofill: (
                format!("/procedures/{}/past{}", p.id, version_suffix(st, p, form)),
                ctx.t("autofill-link"),
            ),
        },
    }
}

/// What Postal Code Address Search without the script found.
struct PostalFound {
    /// The postal code field searched.
    field: String,
    alert: Option<String>,
    /// Several addresses: the user picks one (`pick_address`).
    choices: Vec<String>,
}

/// Postal Code Address Search without the script (the script asks `/postal/{code}` instead): the
/// top-level postal code field whose button was pressed is looked up; one address fills its address
/// field, several are offered as choices, none is said. A picked choice fills it.
async fn postal_search(
    st: &AppState,
    ctx: &Ctx,
    form: &FormDef,
    data: &FormData,
    answers: &mut Answers,
) -> Result<Option<PostalFound>, WebError> {
    // The button names its postal code field (`postal-search:<field>`), a picked address too
    // (`<field>:<address>`): a form may have several.
    let (wanted, picked) = match data.get("pick_address").split_once(':') {
        Some((f, a)) => (f, Some(a)),
        None => (
            data.get("action")
                .strip_prefix("postal-search:")
                .unwrap_or_default(),
            None,
        ),
    };
    let Some((field, address)) = form.field(wanted).and_then(|f| match f.kind() {
        zairyu_forms::FieldKind::PostalCode {
            address_field: Some(a),
        } => Some((f.id().to_owned(), a.clone())),
        _ => None,
    }) else {
        return Ok(None);
    };
    let set = |answers: &mut Answers, text: &str| {
        answers.insert(address.clone(), zairyu_forms::Answer::Text(text.to_owned()));
    };
    if let Some(picked) = picked {
        set(answers, picked);
        return Ok(Some(PostalFound {
            field,
            alert: None,
            choices: Vec::new(),
        }));
    }
    let code = answers.text(&field).unwrap_or("").to_owned();
    let (alert, choices) = match zairyu_app::postal::search(&st.app, &code).await? {
        Ok(rows) => {
            let addrs: Vec<String> = rows
                .iter()
                .map(|r| format!("{}{}{}", r.prefecture, r.city, r.town))
                .collect();
            match addrs.as_slice() {
                [] => (Some(ctx.t("postal-not-found")), Vec::new()),
                [one] => {
                    set(answers, one);
                    (None, Vec::new())
                }
                _ => (Some(ctx.t("postal-choose")), addrs),
            }
        }
        Err(_) => (Some(ctx.t("postal-not-found")), Vec::new()),
    };
    Ok(Some(PostalFound {
        field,
        alert,
        choices,
    }))
}

#[derive(serde::Deserialize, Default)]
pub struct EntryQuery {
    #[serde(default)]
    v: Option<u32>,
    /// Set after Auto-Fill.
    #[serde(default)]
    filled: String,
    /// Set after Load Data.
    #[serde(default)]
    loaded: String,
    /// Labels of the saved fields the form no longer has, separated by U+001F.
    #[serde(default)]
    dropped: String,
    /// Set after Attach or Remove (routes/attachments.rs).
    #[serde(default)]
    attached: String,
    #[serde(default)]
    removed: String,
}

async fn entry(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<EntryQuery>,
) -> WebResult {
    let (p, form, reading) = match open(&st, &ctx, &user, &session, &id, q.v).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let mut answers = filing::starting_answers(&st.app, &user, form).await?;
    if let Some(r) = &reading {
        filing::overlay(p, form, &mut answers, r);
    }
    let mut page =
        attachments::entry_view(&st, &ctx, user.user_id, p, form, &answers, None, &[]).await?;
    super::identity::mark_card_fields(&ctx, p, &mut page, reading.as_ref());
    if q.attached == "1" {
        page.alert = Some(ctx.t("attach-done"));
    } else if q.removed == "1" {
        page.alert = Some(ctx.t("attach-removed"));
    } else if q.loaded == "1" {
        let dropped: Vec<&str> = q
            .dropped
            .split('\u{1f}')
            .filter(|s| !s.trim().is_empty())
            .take(50)
            .collect();
        let mut text = format!(
            "{} {}",
            ctx.t("load-done"),
            ctx.t("save-attachments-not-included")
        );
        if !dropped.is_empty() {
            text = format!(
                "{text} {}",
                ctx.t1("load-dropped-fields", "fields", &dropped.join(" / "))
            );
        }
        page.alert = Some(text);
    } else if q.filled == "1" {
        let dropped: Vec<&str> = q
            .dropped
            .split('\u{1f}')
            .filter(|s| !s.trim().is_empty())
            .take(50)
            .collect();
        page.alert = Some(if dropped.is_empty() {
            ctx.t("autofill-done")
        } else {
            ctx.t1("autofill-done-dropped", "fields", &dropped.join(" / "))
        });
    } else if let Some(orig) = filing::correcting(&st.app, user.user_id, &p.id).await? {
        // Modify (SPEC §9.3): say which filing this corrects.
        let shown = zairyu_domain::ReferenceNumber::parse(&orig)
            .map(|r| r.display())
            .unwrap_or(orig);
        page.alert = Some(ctx.t1("modify-correcting", "reference", &shown));
    }
    Ok(pages::ok(&ctx, &page))
}

async fn entry_submit(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(vq): axum::extract::Query<VersionQuery>,
    data: FormData,
) -> WebResult {
    let (p, form, reading) = match open(&st, &ctx, &user, &session, &id, vq.v).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let mut answers = Answers::from_pairs(form, &data.0);
    // What the card says wins over anything sent for its fields.
    if let Some(r) = &reading {
        filing::overlay(p, form, &mut answers, r);
    }
    if data.get("action") == "save" {
        // Save Data: the entries as a file to download (the draft is kept too).
        let (bytes, _attachments_left_out) =
            filing::save_file(&st.app, user.user_id, form, &answers).await?;
        let name = format!(
            "{}-{}.xml",
            p.id,
            zairyu_app::filing::jst_date(st.app.now()).replace(['/', ' ', ':'], "")
        );
        let mut r = axum::response::IntoResponse::into_response(bytes);
        let h = r.headers_mut();
        h.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/xml"),
        );
        if let Ok(v) = http::HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
            h.insert(http::header::CONTENT_DISPOSITION, v);
        }
        return Ok(r);
    }
    let postal = if data.get("action").starts_with("postal-search:") || data.has("pick_address") {
        postal_search(&st, &ctx, form, &data, &mut answers).await?
    } else {
        None
    };
    // Only the user's own uploads stay listed; anything else posted as a file id is named.
    let (_, mut problems) =
        zairyu_app::attachments::settle(&st.app, user.user_id, form, &mut answers).await?;
    // Every Proceed keeps a draft on the server, errors or not, so nothing typed is lost.
    filing::save_draft(&st.app, user.user_id, form, &answers).await?;
    if data.get("action") != "submit" {
        // A choice that changes the fields below, or "add a row": the form again, no errors yet.
        let mut page =
            attachments::entry_view(&st, &ctx, user.user_id, p, form, &answers, None, &problems)
                .await?;
        super::identity::mark_card_fields(&ctx, p, &mut page, reading.as_ref());
        if let Some(found) = postal {
            page.alert = found.alert.or(page.alert);
            for f in page.sections.iter_mut().flat_map(|s| s.fields.iter_mut()) {
                if f.name == found.field {
                    f.postal_choices = found.choices.clone();
                }
            }
        }
        return Ok(attachments::respond(&ctx, &page));
    }
    let checked = form.validate(&answers, filing::today(&st.app));
    if checked.is_ok() {
        problems
            .extend(zairyu_app::attachments::check(&st.app, user.user_id, form, &answers).await?);
    }
    match checked {
        Ok(_) if problems.is_empty() => Ok(pages::see_other(&format!(
            "/procedures/{}/confirm{}",
            p.id,
            version_suffix(&st, p, form)
        ))),
        checked => {
            let errs = checked.err();
            let mut page = attachments::entry_view(
                &st,
                &ctx,
                user.user_id,
                p,
                form,
                &answers,
                errs.as_ref(),
                &problems,
            )
            .await?;
            super::identity::mark_card_fields(&ctx, p, &mut page, reading.as_ref());
            Ok(pages::invalid(&ctx, &page))
        }
    }
}

async fn confirm(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(vq): axum::extract::Query<VersionQuery>,
) -> WebResult {
    let (p, form, reading) = match open(&st, &ctx, &user, &session, &id, vq.v).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let pending = filing::pending(&st.app, user.user_id, form)
        .await?
        .filter(|(cleaned, _)| {
            // Entries made with an earlier card reading go back to the entry screen.
            reading
                .as_ref()
                .is_none_or(|r| !filing::differs_from_card(p, form, cleaned.answers(), r))
        });
    let Some((cleaned, key)) = pending else {
        // Nothing confirmed (a bookmark, or Back after Apply): the entry screen.
        return Ok(pages::see_other(&format!(
            "/procedures/{}/entry{}",
            p.id,
            version_suffix(&st, p, form)
        )));
    };
    // File slots list their files rather than a count.
    let files = {
        let mut a = cleaned.answers().clone();
        let (attached, _) =
            zairyu_app::attachments::settle(&st.app, user.user_id, form, &mut a).await?;
        attachments::names_by_slot(&attached)
    };
    let rows = form
        .summary(&cleaned, ctx.lang())
        .into_iter()
        .map(|r| {
            if let Some(names) = files.get(&r.path) {
                return (r.label, names.clone());
            }
            let value = match r.value {
                SummaryValue::Heading => String::new(),
                SummaryValue::Empty => "—".to_owned(),
                SummaryValue::Text(t) => t,
                SummaryValue::Message { key, arg } => {
                    ctx.t1(key, "value", &arg.unwrap_or_default())
                }
            };
            (r.label, value)
        })
        .collect();
    let alert = deadline_note(&st, &ctx, p, &cleaned);
    let page = ConfirmPage {
        ctx: ctx.clone(),
        title: ctx.t("entry-confirm-title"),
        lead: format!(
            "{} {}",
            ctx.t("entry-confirm-not-complete"),
            ctx.t("entry-confirm-lead")
        ),
        summary: Vec::new(),
        alert,
        rows,
        action: format!(
            "/procedures/{}/confirm{}",
            p.id,
            version_suffix(&st, p, form)
        ),
        hidden: vec![("submit_key".into(), key)],
        back_href: Some(format!(
            "/procedures/{}/entry{}",
            p.id,
            version_suffix(&st, p, form)
        )),
        submit: ctx.t("button-apply"),
    };
    Ok(pages::ok(&ctx, &page))
}

/// The legal deadline of a notification (SPEC §8.3), counted from the event date in Japan: a warning
/// once it has passed (the notification is still accepted), else the date it falls on.
fn deadline_note(
    st: &AppState,
    ctx: &Ctx,
    p: &Procedure,
    cleaned: &zairyu_forms::Cleaned,
) -> Option<String> {
    let deadline = p.deadline.as_ref()?;
    let event = deadline.event_date(cleaned.answers())?;
    let last = deadline.last_day(event)?;
    let date = format!("{:04}/{:02}/{:02}", last.year(), last.month(), last.day());
    let args = [
        ("date", zairyu_i18n::Value::from(date)),
        ("days", zairyu_i18n::Value::from(deadline.days.to_string())),
    ];
    let key = if filing::today(&st.app) > last {
        "notification-deadline-passed"
    } else {
        "notification-deadline"
    };
    Some(ctx.i18n.ta(ctx.locale, key, &args))
}

async fn apply(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(vq): axum::extract::Query<VersionQuery>,
    data: FormData,
) -> WebResult {
    let (p, form, reading) = match open(&st, &ctx, &user, &session, &id, vq.v).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    match filing::apply(
        &st.app,
        &user,
        p,
        form,
        data.get("submit_key"),
        &ctx.ip,
        reading.as_ref(),
    )
    .await?
    {
        Applied::Filed { reference } => Ok(pages::see_other(&format!(
            "/procedures/{}/completed/{reference}",
            p.id
        ))),
        Applied::Stale => Ok(pages::see_other(&format!(
            "/procedures/{}/confirm{}",
            p.id,
            version_suffix(&st, p, form)
        ))),
        Applied::Invalid(_) => Ok(pages::see_other(&format!(
            "/procedures/{}/entry{}",
            p.id,
            version_suffix(&st, p, form)
        ))),
        Applied::NotReturnable => {
            let page = pages::MessagePage::new(&ctx, "modify-not-possible-title")
                .para(ctx.t("modify-not-possible"))
                .action(pages::Action::link(
                    "/applications",
                    ctx.t("applications-back"),
                ));
            Ok(pages::render(&ctx, http::StatusCode::CONFLICT, &page))
        }
    }
}

async fn completed(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Path((id, reference)): Path<(String, String)>,
) -> WebResult {
    let p = st
        .app
        .catalogue
        .get(&id)
        .ok_or(WebError(ErrorKind::NotFound))?;
    let row = filing::find(&st.app, user.user_id, &reference)
        .await?
        .filter(|a| a.procedure_id == p.id)
        .ok_or(WebError(ErrorKind::NotFound))?;
    let shown = zairyu_domain::ReferenceNumber::parse(&row.reference_number)
        .map(|r| r.display())
        .unwrap_or(row.reference_number.clone());
    let mut page = MessagePage::new(&ctx, "entry-completed-title")
        .para(ctx.t1("entry-completed-text", "procedure", p.name.get(ctx.lang())))
        .para(ctx.t("entry-completed-mail"));
    page.highlight = Some((ctx.t("entry-reference-number"), shown));
    page.important = Some(ctx.t("entry-reference-keep"));
    if p.id == "ens-request-for-use" {
        page = page.para(ctx.t("entry-ens-granted")).action(Action::link(
            "/procedures/ens-notification",
            ctx.t("entry-go-to-notification"),
        ));
    }
    if p.id == "rasens-request-for-use" {
        page = page
            .para(ctx.t("identity-rasens-granted"))
            .action(Action::link(
                "/procedures",
                ctx.t("identity-go-to-procedures"),
            ));
    }
    page = page.action(Action::secondary(
        "/procedures",
        ctx.t("button-return-to-list"),
    ));
    Ok(pages::ok(&ctx, &page))
}

fn load_page(
    ctx: &Ctx,
    p: &Procedure,
    suffix: &str,
    error: Option<String>,
) -> crate::pages::LoadPage {
    crate::pages::LoadPage {
        ctx: ctx.clone(),
        procedure_name: p.name.get(ctx.lang()).to_owned(),
        action: format!("/procedures/{}/load{suffix}", p.id),
        back: format!("/procedures/{}/entry{suffix}", p.id),
        summary: error
            .map(|e| vec![("f-file".to_owned(), e)])
            .unwrap_or_default(),
        alert: None,
    }
}

async fn load_form(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(vq): axum::extract::Query<VersionQuery>,
) -> WebResult {
    let (p, form, _) = match open(&st, &ctx, &user, &session, &id, vq.v).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    Ok(pages::ok(
        &ctx,
        &load_page(&ctx, p, &version_suffix(&st, p, form), None),
    ))
}

/// Load Data: a file saved on this screen restores the entries; any other file gets a clear message
/// on this page and nothing changes.
async fn load(
    State(st): State<AppState>,
    SignedIn(ctx, user, session): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(vq): axum::extract::Query<VersionQuery>,
    upload: crate::forms::Upload,
) -> WebResult {
    let (p, form, _) = match open(&st, &ctx, &user, &session, &id, vq.v).await? {
        Ok(x) => x,
        Err(page) => return Ok(page),
    };
    let Some(file) = upload.part("file").filter(|f| !f.bytes.is_empty()) else {
        return Ok(pages::invalid(
            &ctx,
            &load_page(
                &ctx,
                p,
                &version_suffix(&st, p, form),
                Some(ctx.t1("err-required", "field", &ctx.t("load-file"))),
            ),
        ));
    };
    match filing::load_file(&st.app, user.user_id, form, &file.bytes).await? {
        Ok(dropped) => {
            let qs = serde_urlencoded::to_string([
                ("loaded", "1".to_owned()),
                ("dropped", dropped.join("\u{1f}")),
            ])
            .unwrap_or_default();
            Ok(pages::see_other(&format!(
                "/procedures/{}/entry?{qs}{}",
                p.id,
                version_suffix(&st, p, form).replace('?', "&")
            )))
        }
        Err(e) => Ok(pages::invalid(
            &ctx,
            &load_page(
                &ctx,
                p,
                &version_suffix(&st, p, form),
                Some(ctx.t(e.message_key())),
            ),
        )),
    }
}
