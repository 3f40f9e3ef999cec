//! The back office's own door (SPEC §13): login with password then a TOTP code (enrolment by QR code
//! at the first login), the queue with its counts and search, the application view with its history
//! and audit trail, and the actions. Officers have their own cookie and sessions; an applicant's
//! session opens nothing here.

use crate::AppState;
use crate::ctx::{Ctx, Field, format_jst};
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::middleware::{cookie, set_cookie};
use crate::pages;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{StatusCode, header};
use std::sync::Arc;
use zairyu_app::officers::QueueFilter;
use zairyu_app::officers::{
    self, ActOutcome, OfficerSession, OfficerState, PasswordStep, SecondFactorOutcome,
};
use zairyu_domain::officer::{OFFICES, office};
use zairyu_domain::{ApplicationStatus, Date, Permission, ReferenceNumber};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/officer/login", get(login_form).post(login_submit))
        .route(
            "/officer/second-factor",
            get(second_form).post(second_submit),
        )
        .route("/officer", get(queue))
        .route("/officer/applications/{id}", get(view))
        .route("/officer/applications/{id}/act", post(act))
        .route("/officer/applications/{id}/files/{file}", get(download))
        .route("/officer/logout", post(logout))
        .route("/officer/session/extend", post(extend))
}

/// The officer session cookie; `__Host-` over HTTPS like the applicant's.
pub fn officer_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-zairyu_officer"
    } else {
        "zairyu_officer"
    }
}

/// A back-office page: a full (password + TOTP) officer session, or a redirect to the officer login.
pub struct OfficerSignedIn(pub Ctx, pub Arc<OfficerSession>);

impl axum::extract::FromRequestParts<AppState> for OfficerSignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        st: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Some(ctx) = parts.extensions.get::<Ctx>().cloned() else {
            return Err(WebError(ErrorKind::Internal).into_response());
        };
        let raw = cookie(&parts.headers, officer_cookie(st.web.secure))
            .unwrap_or("")
            .to_owned();
        match officers::resolve(&st.app, &raw).await {
            Ok(OfficerState::Active(s)) => Ok(OfficerSignedIn(ctx, Arc::new(*s))),
            Ok(OfficerState::SecondFactor { .. }) => {
                Err(pages::see_other("/officer/second-factor"))
            }
            Ok(OfficerState::Expired) => Err(pages::see_other("/officer/login?expired=1")),
            Ok(OfficerState::None) => Err(pages::see_other("/officer/login")),
            Err(e) => Err(WebError::from(e).into_response()),
        }
    }
}

/// The raw officer session id from the cookie.
fn raw_session(st: &AppState, headers: &http::HeaderMap) -> String {
    cookie(headers, officer_cookie(st.web.secure))
        .unwrap_or("")
        .to_owned()
}

/// The header links an officer's role opens. Other back-office route groups add theirs here.
pub fn nav(ctx: &Ctx, o: &OfficerSession) -> Vec<(String, String)> {
    let mut items = Vec::new();
    if o.allows(Permission::ViewQueue) {
        items.push(("/officer".to_owned(), ctx.t("officer-nav-queue")));
    }
    items.extend(crate::routes::officer_admin::nav(ctx, o));
    items
}

pub fn office_name(ctx: &Ctx, code: &str) -> String {
    office(code)
        .map(|o| {
            if ctx.lang() == "ja" {
                o.name_ja
            } else {
                o.name_en
            }
            .to_owned()
        })
        .unwrap_or_else(|| code.to_owned())
}

#[derive(Template)]
#[template(path = "officer/form.html")]
pub struct OfficerFormPage {
    pub ctx: Ctx,
    pub officer: Option<Arc<OfficerSession>>,
    pub title: String,
    pub intro: Vec<String>,
    pub alert: Option<String>,
    pub summary: Vec<(String, String)>,
    pub action: String,
    pub fields: Vec<Field>,
    pub submit: String,
    pub links: Vec<(String, String)>,
    pub qr: Option<String>,
    pub secret: String,
    pub postal_choices: Vec<String>,
}

impl OfficerFormPage {
    fn new(ctx: &Ctx, title_key: &str, action: &str, submit_key: &str, fields: Vec<Field>) -> Self {
        OfficerFormPage {
            ctx: ctx.clone(),
            officer: None,
            title: ctx.t(title_key),
            intro: Vec::new(),
            alert: None,
            summary: Vec::new(),
            action: action.to_owned(),
            fields,
            submit: ctx.t(submit_key),
            links: Vec::new(),
            qr: None,
            secret: String::new(),
            postal_choices: Vec::new(),
        }
    }

    fn errors(mut self, errs: &zairyu_domain::FieldErrors) -> Self {
        self.summary = crate::ctx::attach_errors(&self.ctx, &mut self.fields, errs);
        self
    }
}

fn with_cookie(mut r: Response, st: &AppState, value: &str, max_age: Option<i64>) -> Response {
    r.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(
            officer_cookie(st.web.secure),
            value,
            max_age,
            true,
            st.web.secure,
        ),
    );
    r
}

// --- login ---

#[derive(serde::Deserialize, Default)]
pub struct LoginQuery {
    expired: Option<String>,
}

fn login_page(ctx: &Ctx, login_id: &str) -> OfficerFormPage {
    let fields = vec![
        Field::new(ctx, "login_id", "officer-field-login-id", "text")
            .value(login_id)
            .autocomplete("username")
            .maxlength(32),
        Field::new(ctx, "password", "field-password-login", "password")
            .autocomplete("current-password")
            .maxlength(64),
    ];
    let mut p = OfficerFormPage::new(
        ctx,
        "officer-login-title",
        "/officer/login",
        "button-login",
        fields,
    );
    p.intro.push(ctx.t("officer-login-intro"));
    p
}

async fn login_form(ctx: Ctx, Query(q): Query<LoginQuery>) -> Response {
    let mut page = login_page(&ctx, "");
    if q.expired.is_some() {
        page.alert = Some(ctx.t("officer-session-expired"));
    }
    pages::ok(&ctx, &page)
}

async fn login_submit(State(st): State<AppState>, ctx: Ctx, form: FormData) -> WebResult {
    let login_id = form.get("login_id");
    let mut page = login_page(&ctx, login_id);
    Ok(
        match officers::login_password(&st.app, login_id, form.get("password"), &ctx.ip).await? {
            PasswordStep::SecondFactor { session, .. } => with_cookie(
                pages::see_other("/officer/second-factor"),
                &st,
                &session,
                None,
            ),
            PasswordStep::Fields(errs) => pages::invalid(&ctx, &page.errors(&errs)),
            PasswordStep::Invalid => {
                page.alert = Some(ctx.t("officer-login-invalid"));
                pages::render(&ctx, StatusCode::UNAUTHORIZED, &page)
            }
            PasswordStep::Locked => {
                page.alert = Some(ctx.t("officer-login-locked"));
                pages::render(&ctx, StatusCode::FORBIDDEN, &page)
            }
            PasswordStep::RateLimited => {
                page.alert = Some(ctx.t("error-rate-limited-text"));
                pages::render(&ctx, StatusCode::TOO_MANY_REQUESTS, &page)
            }
        },
    )
}

async fn second_page(
    st: &AppState,
    ctx: &Ctx,
    raw: &str,
) -> Result<Option<OfficerFormPage>, WebError> {
    let OfficerState::SecondFactor {
        officer_id, enrol, ..
    } = officers::resolve(&st.app, raw).await?
    else {
        return Ok(None);
    };
    let field = Field::new(ctx, "code", "officer-field-code", "text")
        .autocomplete("one-time-code")
        .inputmode("numeric")
        .maxlength(6);
    let mut page = if enrol {
        let mut p = OfficerFormPage::new(
            ctx,
            "officer-enrol-title",
            "/officer/second-factor",
            "officer-enrol-confirm",
            vec![field],
        );
        p.intro.push(ctx.t("officer-enrol-intro"));
        if let Some((secret, uri)) = officers::enrolment(&st.app, officer_id).await? {
            p.qr = crate::qr::svg(&uri, &ctx.t("officer-enrol-qr-label"));
            p.secret = secret;
        }
        p
    } else {
        let mut p = OfficerFormPage::new(
            ctx,
            "officer-totp-title",
            "/officer/second-factor",
            "officer-totp-submit",
            vec![field],
        );
        p.intro.push(ctx.t("officer-totp-intro"));
        p
    };
    page.links
        .push(("/officer/login".into(), ctx.t("officer-start-again")));
    Ok(Some(page))
}

async fn second_form(State(st): State<AppState>, ctx: Ctx, headers: http::HeaderMap) -> WebResult {
    let raw = raw_session(&st, &headers);
    match second_page(&st, &ctx, &raw).await? {
        Some(page) => Ok(pages::ok(&ctx, &page)),
        None => Ok(pages::see_other("/officer/login?expired=1")),
    }
}

async fn second_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    headers: http::HeaderMap,
    form: FormData,
) -> WebResult {
    let raw = raw_session(&st, &headers);
    let code = form.get("code");
    let Some(mut page) = second_page(&st, &ctx, &raw).await? else {
        return Ok(pages::see_other("/officer/login?expired=1"));
    };
    Ok(
        match officers::second_factor(&st.app, &raw, code, &ctx.ip).await? {
            SecondFactorOutcome::LoggedIn { session } => {
                with_cookie(pages::see_other("/officer"), &st, &session, None)
            }
            SecondFactorOutcome::Required => {
                let mut errs = zairyu_domain::FieldErrors::new();
                errs.add("code", zairyu_domain::Invalid::Required);
                pages::invalid(&ctx, &page.errors(&errs))
            }
            SecondFactorOutcome::Wrong => {
                let mut errs = zairyu_domain::FieldErrors::new();
                errs.add("code", zairyu_domain::Invalid::Format);
                page.alert = Some(ctx.t("officer-code-wrong"));
                pages::render(&ctx, StatusCode::UNAUTHORIZED, &page.errors(&errs))
            }
            SecondFactorOutcome::Locked => {
                let mut p = login_page(&ctx, "");
                p.alert = Some(ctx.t("officer-login-locked"));
                with_cookie(
                    pages::render(&ctx, StatusCode::FORBIDDEN, &p),
                    &st,
                    "",
                    Some(0),
                )
            }
            SecondFactorOutcome::Expired => with_cookie(
                pages::see_other("/officer/login?expired=1"),
                &st,
                "",
                Some(0),
            ),
        },
    )
}

async fn logout(State(st): State<AppState>, ctx: Ctx, headers: http::HeaderMap) -> WebResult {
    let raw = raw_session(&st, &headers);
    match officers::resolve(&st.app, &raw).await? {
        OfficerState::Active(s) => officers::logout(&st.app, &raw, s.officer_id, &ctx.ip).await?,
        OfficerState::SecondFactor { officer_id, .. } => {
            officers::logout(&st.app, &raw, officer_id, &ctx.ip).await?
        }
        OfficerState::None | OfficerState::Expired => {}
    }
    let mut page = login_page(&ctx, "");
    page.alert = Some(ctx.t("officer-logged-out"));
    Ok(with_cookie(pages::ok(&ctx, &page), &st, "", Some(0)))
}

async fn extend(
    State(st): State<AppState>,
    OfficerSignedIn(_, _): OfficerSignedIn,
    headers: http::HeaderMap,
) -> WebResult {
    let expires_at = officers::extend(&st.app, &raw_session(&st, &headers)).await?;
    Ok(axum::Json(serde_json::json!({ "expires_at": expires_at })).into_response())
}

// --- the queue ---

#[derive(serde::Deserialize, Default)]
pub struct QueueParams {
    #[serde(default)]
    related: String,
    #[serde(default)]
    procedure: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
}

pub struct QueueItem {
    pub id: i64,
    pub name: String,
    pub reference: String,
    pub related: Vec<String>,
    pub office: String,
    pub applied: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "officer/queue.html")]
pub struct QueuePage {
    pub ctx: Ctx,
    pub officer: Option<Arc<OfficerSession>>,
    pub summary: Vec<(String, String)>,
    pub alert: Option<String>,
    /// (label, count, link, current)
    pub counts: Vec<(String, i64, String, bool)>,
    pub related: String,
    pub procedures: Vec<(String, String, bool)>,
    pub offices: Vec<(String, String, bool)>,
    pub statuses: Vec<(String, String, bool)>,
    pub from: String,
    pub to: String,
    pub from_error: bool,
    pub to_error: bool,
    pub newest: bool,
    pub count_text: String,
    pub items: Vec<QueueItem>,
    pub pages: Vec<(String, String, bool)>,
}

const QUEUE_PAGE: i64 = 50;

/// The numbers and name of a filing, as the lists show them.
pub fn related_lines(ctx: &Ctx, a: &zairyu_app::filing::FiledRow) -> Vec<String> {
    let mut related = vec![format!(
        "{}: {}",
        ctx.t("entry-reference-number"),
        ReferenceNumber::parse(&a.reference_number)
            .map(|r| r.display())
            .unwrap_or(a.reference_number.clone())
    )];
    if let Some(n) = &a.reception_number {
        related.push(format!("{}: {n}", ctx.t("applications-reception-number")));
    }
    if let Some(n) = &a.receipt_number {
        related.push(format!("{}: {n}", ctx.t("applications-receipt-number")));
    }
    if let Some(n) = &a.related_name {
        related.push(n.clone());
    }
    related
}

async fn queue(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Query(q): Query<QueueParams>,
) -> WebResult {
    let date = |s: &str| {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse(s).map(Some)
        }
    };
    let (from, to) = (date(&q.from), date(&q.to));
    let mut summary = Vec::new();
    if from.is_err() {
        summary.push((
            "f-from".to_owned(),
            ctx.t1("err-format", "field", &ctx.t("past-from")),
        ));
    }
    if to.is_err() {
        summary.push((
            "f-to".to_owned(),
            ctx.t1("err-format", "field", &ctx.t("past-to")),
        ));
    }
    let status = ApplicationStatus::parse(&q.status).ok();
    let procedure = st.app.catalogue.get(&q.procedure).map(|p| p.id.clone());
    let chosen_office = office(&q.office).map(|o| o.code.to_owned());
    let newest = q.sort == "new";
    let filter = QueueFilter {
        office: chosen_office.clone(),
        procedure: procedure.clone(),
        status: status.map(|s| s.code().to_owned()),
        related: zairyu_domain::text::fold_width(q.related.trim())
            .to_uppercase()
            .replace('-', "")
            .chars()
            .take(100)
            .collect(),
        from: from.ok().flatten().map(zairyu_app::filing::jst_midnight),
        to: to
            .ok()
            .flatten()
            .and_then(|d| d.plus_days(1))
            .map(zairyu_app::filing::jst_midnight),
        newest_first: newest,
    };
    let page = q.page.parse::<i64>().unwrap_or(1).max(1);
    let (rows, total) = officers::queue(&st.app, &o, filter, page, QUEUE_PAGE).await?;
    let pages_total = (total as usize).div_ceil(QUEUE_PAGE as usize).max(1);
    let page = (page as usize).min(pages_total);
    let link_with = |status: &str, n: usize| {
        let params = [
            ("related", q.related.clone()),
            ("procedure", q.procedure.clone()),
            ("office", q.office.clone()),
            ("status", status.to_owned()),
            ("from", q.from.clone()),
            ("to", q.to.clone()),
            ("sort", q.sort.clone()),
            ("page", n.to_string()),
        ];
        format!(
            "/officer?{}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    };
    let nav = pages::pagination(&ctx, page, pages_total, |n| link_with(&q.status, n));
    let counts = officers::counts(&st.app, &o, chosen_office.as_deref())
        .await?
        .into_iter()
        .map(|(s, n)| {
            (
                ctx.t(s.label_key()),
                n,
                link_with(s.code(), 1),
                Some(s) == status,
            )
        })
        .collect();
    let items = rows
        .into_iter()
        .map(|a| QueueItem {
            id: a.id,
            name: st
                .app
                .catalogue
                .get(&a.procedure_id)
                .map(|p| p.name.get(ctx.lang()).to_owned())
                .unwrap_or(a.procedure_id.clone()),
            reference: a.reference_number.clone(),
            related: related_lines(&ctx, &a),
            office: office_name(&ctx, &a.office),
            applied: format_jst(a.created_at),
            status: ApplicationStatus::parse(&a.status)
                .map(|s| ctx.t(s.label_key()))
                .unwrap_or_default(),
        })
        .collect();
    let offices = if o.role.all_offices() {
        OFFICES
            .iter()
            .map(|x| {
                (
                    x.code.to_owned(),
                    office_name(&ctx, x.code),
                    Some(x.code.to_owned()) == chosen_office,
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let view = QueuePage {
        ctx: ctx.clone(),
        officer: Some(o.clone()),
        summary,
        alert: None,
        counts,
        related: q.related.clone(),
        procedures: st
            .app
            .catalogue
            .procedures
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.name.get(ctx.lang()).to_owned(),
                    Some(&p.id) == procedure.as_ref(),
                )
            })
            .collect(),
        offices,
        statuses: ApplicationStatus::ALL
            .iter()
            .map(|s| {
                (
                    s.code().to_owned(),
                    ctx.t(s.label_key()),
                    Some(*s) == status,
                )
            })
            .collect(),
        from: q.from.clone(),
        to: q.to.clone(),
        from_error: from.is_err(),
        to_error: to.is_err(),
        newest,
        count_text: ctx.i18n.ta(
            ctx.locale,
            "applications-count",
            &[
                ("total", total.into()),
                ("page", (page as i64).into()),
                ("pages", (pages_total as i64).into()),
            ],
        ),
        items,
        pages: nav,
    };
    Ok(pages::ok(&ctx, &view))
}

// --- one filing ---

#[derive(Template)]
#[template(path = "officer/application.html")]
pub struct OfficerApplicationPage {
    pub ctx: Ctx,
    pub officer: Option<Arc<OfficerSession>>,
    pub summary: Vec<(String, String)>,
    pub alert: Option<String>,
    pub done: Option<String>,
    pub id: i64,
    pub reference: String,
    /// (label, value, link)
    pub facts: Vec<(String, String, String)>,
    /// (code, label, primary)
    pub actions: Vec<(String, String, bool)>,
    pub note: String,
    pub note_error: Option<String>,
    /// (when, status, who, note)
    pub history: Vec<(String, String, String, String)>,
    pub answers: Vec<(String, String)>,
    /// (slot, href, name, size)
    pub attachments: Vec<(String, String, String, String)>,
    /// (when, who, what, from where)
    pub audit: Vec<(String, String, String, String)>,
}

fn action_label_key(a: zairyu_domain::Action, kind: zairyu_domain::FilingKind) -> &'static str {
    use zairyu_domain::{Action as A, FilingKind as K};
    match (kind, a) {
        (K::Notification, A::Accept) => "officer-action-accept-notification",
        (_, A::Accept) => "officer-action-accept",
        (_, A::StartReview) => "officer-action-start-review",
        (K::Notification, A::Return) => "officer-action-register-error",
        (_, A::Return) => "officer-action-return",
        (K::Notification, A::Complete) => "officer-action-register-complete",
        (_, A::Complete) => "officer-action-approve-request",
        (_, A::Approve) => "officer-action-approve",
        (_, A::Handover) => "officer-action-handover",
        (_, A::Refuse) => "officer-action-refuse",
        (_, A::Resubmit) => "officer-action-resubmit",
    }
}

/// Who made a history entry, in words.
fn actor_label(ctx: &Ctx, actor: &str) -> String {
    match actor.split_once(':') {
        Some(("user", _)) => ctx.t("officer-actor-applicant"),
        Some(("officer", id)) => format!("{} #{id}", ctx.t("officer-actor-officer")),
        _ => ctx.t("officer-actor-system"),
    }
}

/// What the application view shows besides the filing: the note being typed and any message.
#[derive(Default)]
struct ViewState {
    note: String,
    note_error: Option<String>,
    done: Option<String>,
    alert: Option<String>,
}

async fn render_view(
    st: &AppState,
    ctx: &Ctx,
    o: &Arc<OfficerSession>,
    id: i64,
    vs: ViewState,
    status: StatusCode,
) -> WebResult {
    let ViewState {
        note,
        note_error,
        done,
        alert,
    } = vs;
    let v = officers::view(&st.app, o, id)
        .await?
        .ok_or(WebError(ErrorKind::NotFound))?;
    let row = &v.row;
    let kind = officers::kind_of(row);
    let reference = ReferenceNumber::parse(&row.reference_number)
        .map(|r| r.display())
        .unwrap_or(row.reference_number.clone());
    let name = st
        .app
        .catalogue
        .get(&row.procedure_id)
        .map(|p| p.name.get(ctx.lang()).to_owned())
        .unwrap_or(row.procedure_id.clone());
    let mut facts = vec![
        (ctx.t("procedure-name"), name, String::new()),
        (
            ctx.t("entry-reference-number"),
            reference.clone(),
            String::new(),
        ),
        (
            ctx.t("past-applied-at"),
            format_jst(row.created_at),
            String::new(),
        ),
        (
            ctx.t("officer-col-office"),
            office_name(ctx, &row.office),
            String::new(),
        ),
        (
            ctx.t("past-status"),
            ApplicationStatus::parse(&row.status)
                .map(|s| ctx.t(s.label_key()))
                .unwrap_or_default(),
            String::new(),
        ),
        (
            ctx.t("officer-form-version"),
            row.form_version.to_string(),
            String::new(),
        ),
    ];
    if let Some(n) = &row.reception_number {
        facts.push((
            ctx.t("applications-reception-number"),
            n.clone(),
            String::new(),
        ));
    }
    if let Some(n) = &row.receipt_number {
        facts.push((
            ctx.t("applications-receipt-number"),
            n.clone(),
            String::new(),
        ));
    }
    if let Some(n) = &row.related_name {
        facts.push((ctx.t("officer-applicant-name"), n.clone(), String::new()));
    }
    if let Some(c) = &v.corrects {
        facts.push((
            ctx.t("officer-corrects"),
            c.reference_number.clone(),
            format!("/officer/applications/{}", c.id),
        ));
    }
    if let Some(c) = &v.corrected_by {
        facts.push((
            ctx.t("officer-corrected-by"),
            c.reference_number.clone(),
            format!("/officer/applications/{}", c.id),
        ));
    }
    let actions = v
        .actions
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                officers::action_code(*a).to_owned(),
                ctx.t(action_label_key(*a, kind)),
                i == 0,
            )
        })
        .collect();
    let history = v
        .events
        .iter()
        .map(|e| {
            (
                format_jst(e.at),
                ApplicationStatus::parse(&e.status)
                    .map(|s| ctx.t(s.label_key()))
                    .unwrap_or_default(),
                actor_label(ctx, &e.actor),
                e.note.clone().unwrap_or_default(),
            )
        })
        .collect();
    let audit = v
        .audit
        .iter()
        .map(|a| {
            (
                format_jst(a.at),
                a.actor.clone(),
                a.action.clone(),
                a.ip.clone().unwrap_or_default(),
            )
        })
        .collect();
    let files = zairyu_app::attachments::of_application(&st.app, row.id).await?;
    let answers = super::applications::answers_summary(st, ctx, row, &files);
    let attachments = super::applications::attachment_links(
        st,
        ctx,
        row,
        &files,
        &format!("/officer/applications/{id}"),
    );
    let page = OfficerApplicationPage {
        ctx: ctx.clone(),
        officer: Some(o.clone()),
        summary: note_error
            .iter()
            .map(|e| ("f-note".to_owned(), e.clone()))
            .collect(),
        alert,
        done,
        id,
        reference,
        facts,
        actions,
        note,
        note_error,
        history,
        answers,
        attachments,
        audit,
    };
    Ok(pages::render(ctx, status, &page))
}

#[derive(serde::Deserialize, Default)]
pub struct ViewParams {
    done: Option<String>,
}

async fn view(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
    Query(q): Query<ViewParams>,
) -> WebResult {
    let id = id
        .parse::<i64>()
        .map_err(|_| WebError(ErrorKind::NotFound))?;
    let done = q
        .done
        .as_deref()
        .and_then(ApplicationStatus::parse_opt)
        .map(|s| ctx.t1("officer-action-done", "status", &ctx.t(s.label_key())));
    let vs = ViewState {
        done,
        ..ViewState::default()
    };
    render_view(&st, &ctx, &o, id, vs, StatusCode::OK).await
}

async fn act(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
    form: FormData,
) -> WebResult {
    let id = id
        .parse::<i64>()
        .map_err(|_| WebError(ErrorKind::NotFound))?;
    let note = form.get("note").to_owned();
    let alert = |msg: String| ViewState {
        note: note.clone(),
        alert: Some(msg),
        ..ViewState::default()
    };
    let note_error = |msg: String| ViewState {
        note: note.clone(),
        note_error: Some(msg),
        ..ViewState::default()
    };
    let Some(action) = officers::parse_action(form.get("action")) else {
        let vs = alert(ctx.t("officer-action-unknown"));
        return render_view(&st, &ctx, &o, id, vs, StatusCode::BAD_REQUEST).await;
    };
    match officers::act(&st.app, &o, id, action, &note, &ctx.ip).await? {
        ActOutcome::Done(to) => Ok(pages::see_other(&format!(
            "/officer/applications/{id}?done={}",
            to.code()
        ))),
        ActOutcome::NotFound => Err(WebError(ErrorKind::NotFound)),
        ActOutcome::Forbidden => {
            let vs = alert(ctx.t("officer-action-forbidden"));
            render_view(&st, &ctx, &o, id, vs, StatusCode::FORBIDDEN).await
        }
        ActOutcome::WrongStatus(s) => {
            let vs = alert(ctx.t1(
                "officer-action-wrong-status",
                "status",
                &ctx.t(s.label_key()),
            ));
            render_view(&st, &ctx, &o, id, vs, StatusCode::CONFLICT).await
        }
        ActOutcome::NoteRequired => {
            let vs = note_error(ctx.t1("err-required", "field", &ctx.t("officer-note")));
            render_view(&st, &ctx, &o, id, vs, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        ActOutcome::NoteTooLong => {
            let vs = note_error(ctx.i18n.ta(
                ctx.locale,
                "err-too-long",
                &[
                    ("field", ctx.t("officer-note").into()),
                    ("bound", (officers::NOTE_MAX as i64).into()),
                ],
            ));
            render_view(&st, &ctx, &o, id, vs, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// An attachment of a filing in the officer's reach (SPEC §13: "open an application with its
/// attachments"); another office's filing gets the same 404 as a missing one.
async fn download(
    State(st): State<AppState>,
    OfficerSignedIn(_, o): OfficerSignedIn,
    Path((id, file)): Path<(String, String)>,
) -> WebResult {
    let id = id
        .parse::<i64>()
        .map_err(|_| WebError(ErrorKind::NotFound))?;
    if officers::view(&st.app, &o, id).await?.is_none() {
        return Err(WebError(ErrorKind::NotFound));
    }
    let d = zairyu_app::attachments::open_for_application(&st.app, id, &file)
        .await?
        .ok_or(WebError(ErrorKind::NotFound))?;
    Ok(super::attachments::download_response(d))
}
