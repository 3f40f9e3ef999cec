//! The back office's administration screens (issue 5, items 1, 6–10): the dashboard, General
//! Notices, procedures (reception periods, form versions), the audit log with its CSV export,
//! officers (administrators only) and each officer's own API tokens. Handlers stay thin: the
//! signed-in officer goes to a use case in `zairyu_app::backoffice`, which asks `Role::allows`;
//! a refusal is the house 404 page, so what a role cannot reach does not show that it exists.

use crate::AppState;
use crate::ctx::{Ctx, format_jst};
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::pages;
use crate::routes::officer::{OfficerSignedIn, office_name};
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use http::{HeaderValue, StatusCode, header};
use std::sync::Arc;
use zairyu_app::backoffice::audit_log::{self, AuditQuery};
use zairyu_app::backoffice::notices::{self as bo_notices, NoticeInput, NoticeState, Saved};
use zairyu_app::backoffice::officer_admin::{self, Change};
use zairyu_app::backoffice::procedures::{self as bo_procedures, Changed, PeriodInput};
use zairyu_app::backoffice::{api_tokens, dashboard, datetime_input, day_iso, day_label, svg};
use zairyu_app::officers::{NewOfficerInput, OfficerSession};
use zairyu_domain::officer::{OFFICES, Permission, Role};
use zairyu_domain::{FieldError, FieldErrors};
use zairyu_i18n::{Locale, Value};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/officer/dashboard", get(dashboard_page))
        .route("/officer/admin/notices", get(notices_list))
        .route(
            "/officer/admin/notices/new",
            get(notice_new).post(notice_create),
        )
        .route(
            "/officer/admin/notices/{id}",
            get(notice_edit).post(notice_update),
        )
        .route(
            "/officer/admin/notices/{id}/withdraw",
            post(notice_withdraw),
        )
        .route("/officer/admin/notices/{id}/restore", post(notice_restore))
        .route("/officer/admin/procedures", get(procedures_list))
        .route("/officer/admin/procedures/{id}", get(procedure_view))
        .route(
            "/officer/admin/procedures/{id}/period",
            post(procedure_period),
        )
        .route(
            "/officer/admin/procedures/{id}/versions/{version}",
            post(procedure_version),
        )
        .route("/officer/admin/audit", get(audit_page))
        .route("/officer/admin/audit.csv", get(audit_csv))
        .route(
            "/officer/admin/officers",
            get(officers_list).post(officer_create),
        )
        .route(
            "/officer/admin/officers/{id}",
            get(officer_view).post(officer_update),
        )
        .route("/officer/api-tokens", get(tokens_page).post(token_create))
        .route("/officer/api-tokens/{id}/revoke", post(token_revoke))
}

/// The header links of this module's screens that the officer's role opens (added to the back
/// office's navigation by `officer::nav`).
pub fn nav(ctx: &Ctx, o: &OfficerSession) -> Vec<(String, String)> {
    let mut items = Vec::new();
    let links = [
        (
            Permission::ViewDashboard,
            "/officer/dashboard",
            "bo-nav-dashboard",
        ),
        (
            Permission::ManageNotices,
            "/officer/admin/notices",
            "bo-nav-notices",
        ),
        (
            Permission::ManageProcedures,
            "/officer/admin/procedures",
            "bo-nav-procedures",
        ),
        (
            Permission::ViewAudit,
            "/officer/admin/audit",
            "bo-nav-audit",
        ),
        (
            Permission::ManageOfficers,
            "/officer/admin/officers",
            "bo-nav-officers",
        ),
        (
            Permission::UseApi,
            "/officer/api-tokens",
            "bo-nav-api-tokens",
        ),
    ];
    for (p, href, key) in links {
        if o.allows(p) {
            items.push((href.to_owned(), ctx.t(key)));
        }
    }
    items
}

fn not_found() -> WebError {
    WebError(ErrorKind::NotFound)
}

/// `Err(Forbidden)` from a use case becomes the 404 page.
fn allowed<T>(r: Result<T, zairyu_app::backoffice::Forbidden>) -> Result<T, WebError> {
    r.map_err(|_| not_found())
}

fn parse_id(id: &str) -> Result<i64, WebError> {
    id.parse::<i64>().map_err(|_| not_found())
}

/// The message of a refused field whose label is already in the page's language.
fn message(ctx: &Ctx, label: &str, e: &FieldError) -> String {
    let mut args: Vec<(&str, Value<'_>)> = vec![("field", Value::from(label.to_owned()))];
    if let Some(b) = e.problem.bound() {
        args.push(("bound", Value::from(b as i64)));
    }
    ctx.i18n.ta(ctx.locale, e.problem.message_key(), &args)
}

/// (field id or name, message) pairs.
type Messages = Vec<(String, String)>;

/// The error summary and per-field messages of a form whose fields are (name, label).
fn field_errors(ctx: &Ctx, fields: &[(&str, String)], errs: &FieldErrors) -> (Messages, Messages) {
    let mut summary = Vec::new();
    let mut by_field = Vec::new();
    for (name, label) in fields {
        if let Some(e) = errs.get(name) {
            // An end before its start: said plainly rather than as a generic mismatch.
            let m = match (*name, e.problem) {
                ("end", zairyu_domain::Invalid::Mismatch) => ctx.t("bo-procedure-end-before-start"),
                ("to", zairyu_domain::Invalid::Mismatch) => ctx.t("bo-audit-to-before-from"),
                _ => message(ctx, label, e),
            };
            summary.push((format!("f-{name}"), m.clone()));
            by_field.push(((*name).to_owned(), m));
        }
    }
    (summary, by_field)
}

fn error_for(errors: &[(String, String)], name: &str) -> String {
    errors
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, m)| m.clone())
        .unwrap_or_default()
}

// --- dashboard ---

#[derive(Template)]
#[template(path = "officer/dashboard.html")]
struct DashboardPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    scope: String,
    /// (code, name, selected) for an administrator's choice of office.
    offices: Vec<(String, String, bool)>,
    per_day_svg: String,
    per_day: Vec<(String, i64)>,
    status_svg: String,
    by_status: Vec<(String, i64)>,
    procedure_svg: String,
    /// (procedure, office, count)
    by_procedure: Vec<(String, String, i64)>,
    median: String,
    /// Whether there is a median to show (else `median` says there is none).
    has_median: bool,
}

#[derive(serde::Deserialize, Default)]
struct DashboardQuery {
    #[serde(default)]
    office: String,
}

async fn dashboard_page(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Query(q): Query<DashboardQuery>,
) -> WebResult {
    let chosen = Some(q.office.as_str()).filter(|s| !s.is_empty());
    let d = allowed(dashboard::load(&st.app, &o, chosen).await?)?;
    let lang = ctx.lang();
    let procedure_name = |id: &str| {
        st.app
            .catalogue
            .get(id)
            .map(|p| p.name.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    };
    let scope = match &d.office {
        Some(code) => ctx.t1(
            "bo-dashboard-scope-office",
            "office",
            &office_name(&ctx, code),
        ),
        None => ctx.t("bo-dashboard-scope-all"),
    };
    let per_day: Vec<(String, i64)> = d
        .per_day
        .iter()
        .map(|(day, n)| (day_iso(*day), *n))
        .collect();
    let per_day_labels: Vec<(String, i64)> = d
        .per_day
        .iter()
        .map(|(day, n)| (day_label(*day), *n))
        .collect();
    let by_status: Vec<(String, i64)> = d
        .by_status
        .iter()
        .map(|(s, n)| (ctx.t(s.label_key()), *n))
        .collect();
    let by_procedure: Vec<(String, String, i64)> = d
        .by_procedure_office
        .iter()
        .map(|(p, office, n)| (procedure_name(p), office_name(&ctx, office), *n))
        .collect();
    // The chart sums offices per procedure (the table keeps them apart).
    let mut per_procedure: Vec<(String, i64)> = Vec::new();
    for (p, _, n) in &by_procedure {
        match per_procedure.iter_mut().find(|(q, _)| q == p) {
            Some(e) => e.1 += n,
            None => per_procedure.push((p.clone(), *n)),
        }
    }
    per_procedure.sort_by_key(|p| std::cmp::Reverse(p.1));
    let total_days: i64 = per_day.iter().map(|x| x.1).sum();
    let page = DashboardPage {
        per_day_svg: svg::columns(
            "chart-per-day",
            &ctx.t("bo-dashboard-per-day"),
            &ctx.t1(
                "bo-dashboard-per-day-desc",
                "count",
                &total_days.to_string(),
            ),
            &per_day_labels,
        ),
        status_svg: svg::bars(
            "chart-status",
            &ctx.t("bo-dashboard-by-status"),
            &ctx.t("bo-dashboard-by-status-desc"),
            &by_status,
        ),
        procedure_svg: svg::bars(
            "chart-procedure",
            &ctx.t("bo-dashboard-by-procedure"),
            &ctx.t("bo-dashboard-by-procedure-desc"),
            &per_procedure,
        ),
        has_median: d.median_days.is_some(),
        median: match d.median_days {
            Some(m) => ctx.i18n.ta(
                ctx.locale,
                "bo-dashboard-median-value",
                &[
                    ("days", Value::from(format!("{m:.1}"))),
                    ("count", Value::from(d.decided as i64)),
                ],
            ),
            None => ctx.t("bo-dashboard-median-none"),
        },
        offices: if o.role.all_offices() {
            OFFICES
                .iter()
                .map(|x| {
                    (
                        x.code.to_owned(),
                        office_name(&ctx, x.code),
                        d.office.as_deref() == Some(x.code),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        ctx: ctx.clone(),
        officer: Some(o),
        scope,
        per_day,
        by_status,
        by_procedure,
    };
    Ok(pages::ok(&ctx, &page))
}

// --- notices ---

struct NoticeItem {
    id: i64,
    title: String,
    state: String,
    state_code: &'static str,
    published: String,
    languages: String,
    withdrawn: bool,
}

#[derive(Template)]
#[template(path = "officer/admin_notices.html")]
struct NoticesPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    items: Vec<NoticeItem>,
    done: Option<String>,
}

fn state_label(ctx: &Ctx, s: NoticeState) -> String {
    ctx.t(match s {
        NoticeState::Draft => "bo-notice-state-draft",
        NoticeState::Scheduled => "bo-notice-state-scheduled",
        NoticeState::Published => "bo-notice-state-published",
        NoticeState::Withdrawn => "bo-notice-state-withdrawn",
    })
}

#[derive(serde::Deserialize, Default)]
struct DoneQuery {
    #[serde(default)]
    done: String,
}

async fn notices_list(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Query(q): Query<DoneQuery>,
) -> WebResult {
    let rows = allowed(bo_notices::list(&st.app, &o).await?)?;
    let now = st.app.now();
    let lang = ctx.lang();
    let items = rows
        .iter()
        .map(|n| {
            let state = NoticeState::of(n, now);
            let title = n
                .texts
                .iter()
                .find(|t| t.0 == lang)
                .or_else(|| n.texts.iter().find(|t| t.0 == "ja"))
                .or(n.texts.first())
                .map(|t| t.1.clone())
                .unwrap_or_default();
            NoticeItem {
                id: n.id,
                title,
                state: state_label(&ctx, state),
                state_code: state.code(),
                published: format_jst(n.published_at),
                languages: n
                    .texts
                    .iter()
                    .map(|t| t.0.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
                withdrawn: state == NoticeState::Withdrawn,
            }
        })
        .collect();
    let done = (q.done == "saved").then(|| ctx.t("bo-notice-saved"));
    let page = NoticesPage {
        ctx: ctx.clone(),
        officer: Some(o),
        items,
        done,
    };
    Ok(pages::ok(&ctx, &page))
}

struct LangText {
    code: &'static str,
    native: &'static str,
    required: bool,
    title_field: &'static str,
    body_field: &'static str,
    title_label: String,
    body_label: String,
    title: String,
    body: String,
    title_error: String,
    body_error: String,
}

#[derive(Template)]
#[template(path = "officer/admin_notice_form.html")]
struct NoticeFormPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    title: String,
    action: String,
    summary: Vec<(String, String)>,
    alert: Option<String>,
    langs: Vec<LangText>,
    publish: String,
    publish_at: String,
    publish_error: String,
    publish_at_error: String,
    /// For an existing notice: its state, and whether it can be withdrawn or put back.
    state: Option<String>,
    id: Option<i64>,
    withdrawn: bool,
}

fn notice_form(
    ctx: &Ctx,
    o: Arc<OfficerSession>,
    id: Option<i64>,
    input: &NoticeInput,
    errs: &FieldErrors,
) -> NoticeFormPage {
    let mut labels: Vec<(&str, String)> = Vec::new();
    let mut langs = Vec::new();
    for (code, title_field, body_field) in bo_notices::TEXT_FIELDS {
        let native = Locale::from_code(code).map_or(code, |l| l.native_name());
        let title_label = ctx.t1("bo-notice-field-title", "language", native);
        let body_label = ctx.t1("bo-notice-field-body", "language", native);
        labels.push((title_field, title_label.clone()));
        labels.push((body_field, body_label.clone()));
        let (title, body) = input
            .texts
            .iter()
            .find(|t| t.0 == code)
            .map(|t| (t.1.clone(), t.2.clone()))
            .unwrap_or_default();
        langs.push(LangText {
            code,
            native,
            required: bo_notices::REQUIRED.contains(&code),
            title_field,
            body_field,
            title_label,
            body_label,
            title,
            body,
            title_error: String::new(),
            body_error: String::new(),
        });
    }
    labels.push(("publish", ctx.t("bo-notice-publish")));
    labels.push(("publish_at", ctx.t("bo-notice-publish-at")));
    let (summary, by_field) = field_errors(ctx, &labels, errs);
    for l in &mut langs {
        l.title_error = error_for(&by_field, l.title_field);
        l.body_error = error_for(&by_field, l.body_field);
    }
    NoticeFormPage {
        ctx: ctx.clone(),
        officer: Some(o),
        title: ctx.t(if id.is_some() {
            "bo-notice-edit-title"
        } else {
            "bo-notice-new-title"
        }),
        action: id.map_or("/officer/admin/notices/new".to_owned(), |id| {
            format!("/officer/admin/notices/{id}")
        }),
        summary,
        alert: None,
        langs,
        publish: input.publish.clone(),
        publish_at: input.publish_at.clone(),
        publish_error: error_for(&by_field, "publish"),
        publish_at_error: error_for(&by_field, "publish_at"),
        state: None,
        id,
        withdrawn: false,
    }
}

fn notice_input(form: &FormData) -> NoticeInput {
    NoticeInput {
        texts: bo_notices::TEXT_FIELDS
            .iter()
            .map(|(code, t, b)| {
                (
                    (*code).to_owned(),
                    form.get(t).to_owned(),
                    form.get(b).to_owned(),
                )
            })
            .collect(),
        publish: form.get("publish").to_owned(),
        publish_at: form.get("publish_at").to_owned(),
    }
}

async fn notice_new(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
) -> WebResult {
    if !o.allows(Permission::ManageNotices) {
        return Err(not_found());
    }
    let input = NoticeInput {
        publish: "draft".into(),
        publish_at: datetime_input(st.app.now()),
        ..NoticeInput::default()
    };
    let page = notice_form(&ctx, o, None, &input, &FieldErrors::new());
    Ok(pages::ok(&ctx, &page))
}

async fn notice_edit(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
) -> WebResult {
    let id = parse_id(&id)?;
    let n = allowed(bo_notices::get(&st.app, &o, id).await?)?.ok_or_else(not_found)?;
    let now = st.app.now();
    let state = NoticeState::of(&n, now);
    let input = NoticeInput {
        texts: n.texts.clone(),
        publish: match state {
            NoticeState::Draft => "draft",
            NoticeState::Scheduled => "at",
            _ => "now",
        }
        .into(),
        publish_at: datetime_input(n.published_at),
    };
    let mut page = notice_form(&ctx, o, Some(id), &input, &FieldErrors::new());
    // A published notice saved again keeps its date unless the officer chooses otherwise.
    if state == NoticeState::Published || state == NoticeState::Withdrawn {
        page.publish = "at".into();
    }
    page.state = Some(state_label(&ctx, state));
    page.withdrawn = state == NoticeState::Withdrawn;
    Ok(pages::ok(&ctx, &page))
}

async fn notice_save(
    st: &AppState,
    ctx: Ctx,
    o: Arc<OfficerSession>,
    id: Option<i64>,
    form: FormData,
) -> WebResult {
    let input = notice_input(&form);
    match bo_notices::save(&st.app, &o, id, &input, &ctx.ip).await? {
        Saved::Saved(_) => Ok(pages::see_other("/officer/admin/notices?done=saved")),
        Saved::Fields(errs) => {
            let page = notice_form(&ctx, o, id, &input, &errs);
            Ok(pages::invalid(&ctx, &page))
        }
        Saved::NotFound | Saved::Forbidden => Err(not_found()),
    }
}

async fn notice_create(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    form: FormData,
) -> WebResult {
    notice_save(&st, ctx, o, None, form).await
}

async fn notice_update(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
    form: FormData,
) -> WebResult {
    let id = parse_id(&id)?;
    notice_save(&st, ctx, o, Some(id), form).await
}

async fn notice_set_withdrawn(
    st: &AppState,
    ctx: &Ctx,
    o: &OfficerSession,
    id: &str,
    withdraw: bool,
) -> WebResult {
    let id = parse_id(id)?;
    if allowed(bo_notices::set_withdrawn(&st.app, o, id, withdraw, &ctx.ip).await?)? {
        Ok(pages::see_other("/officer/admin/notices?done=saved"))
    } else {
        Err(not_found())
    }
}

async fn notice_withdraw(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
) -> WebResult {
    notice_set_withdrawn(&st, &ctx, &o, &id, true).await
}

async fn notice_restore(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
) -> WebResult {
    notice_set_withdrawn(&st, &ctx, &o, &id, false).await
}

// --- procedures ---

struct ProcedureItem {
    id: String,
    name: String,
    period: String,
    open: String,
    changed: bool,
    versions: String,
}

#[derive(Template)]
#[template(path = "officer/admin_procedures.html")]
struct ProceduresPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    items: Vec<ProcedureItem>,
}

fn reception_label(ctx: &Ctx, p: &zairyu_app::catalogue::Procedure, now: i64) -> String {
    use zairyu_app::catalogue::model::Reception;
    ctx.t(match p.reception(now) {
        Reception::Open => "bo-procedure-open",
        Reception::NotYet => "bo-procedure-not-yet",
        Reception::Closed => "bo-procedure-closed",
    })
}

async fn procedures_list(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
) -> WebResult {
    allowed(bo_procedures::may_manage(&o))?;
    let now = st.app.now();
    let items = st
        .app
        .catalogue
        .procedures
        .iter()
        .map(|p| {
            let offered = st.app.catalogue.offered_versions(p);
            ProcedureItem {
                id: p.id.clone(),
                name: p.name.get(ctx.lang()).to_owned(),
                period: crate::routes::procedures::period(&ctx, p),
                open: reception_label(&ctx, p, now),
                changed: p.period() != (p.reception_start, p.reception_end),
                versions: p
                    .form_versions
                    .iter()
                    .filter(|v| offered.contains(v))
                    .map(|v| format!("v{v}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })
        .collect();
    let page = ProceduresPage {
        ctx: ctx.clone(),
        officer: Some(o),
        items,
    };
    Ok(pages::ok(&ctx, &page))
}

struct VersionItem {
    version: u32,
    defined: bool,
    withdrawn: bool,
    latest_offered: bool,
}

#[derive(Template)]
#[template(path = "officer/admin_procedure.html")]
struct ProcedurePage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    id: String,
    name: String,
    open: String,
    period: String,
    file_period: String,
    changed: bool,
    start: String,
    end: String,
    summary: Vec<(String, String)>,
    alert: Option<String>,
    done: Option<String>,
    start_error: String,
    end_error: String,
    versions: Vec<VersionItem>,
}

#[allow(clippy::too_many_arguments)]
fn procedure_page(
    st: &AppState,
    ctx: &Ctx,
    o: Arc<OfficerSession>,
    id: &str,
    typed: Option<&PeriodInput>,
    errs: &FieldErrors,
    alert: Option<String>,
    done: Option<String>,
) -> Result<ProcedurePage, WebError> {
    let p = st.app.catalogue.get(id).ok_or_else(not_found)?;
    let (start, end) = p.period();
    let any = ctx.t("procedures-any-time");
    let file_period = format!(
        "{} – {}",
        format_jst(p.reception_start),
        p.reception_end
            .map(format_jst)
            .unwrap_or_else(|| any.clone())
    );
    let labels = [
        ("start", ctx.t("bo-procedure-start")),
        ("end", ctx.t("bo-procedure-end")),
    ];
    let (summary, by_field) = field_errors(ctx, &labels, errs);
    let entry = st.app.catalogue.entry_form(p).map(|f| f.version());
    let versions = p
        .form_versions
        .iter()
        .map(|v| VersionItem {
            version: *v,
            defined: st.app.catalogue.form(id, *v).is_some(),
            withdrawn: p.is_withdrawn(*v),
            latest_offered: entry == Some(*v),
        })
        .collect();
    Ok(ProcedurePage {
        ctx: ctx.clone(),
        officer: Some(o),
        id: p.id.clone(),
        name: p.name.get(ctx.lang()).to_owned(),
        open: reception_label(ctx, p, st.app.now()),
        period: crate::routes::procedures::period(ctx, p),
        file_period,
        changed: (start, end) != (p.reception_start, p.reception_end),
        start: typed.map_or_else(|| datetime_input(start), |t| t.start.clone()),
        end: typed.map_or_else(
            || end.map(datetime_input).unwrap_or_default(),
            |t| t.end.clone(),
        ),
        summary,
        alert,
        done,
        start_error: error_for(&by_field, "start"),
        end_error: error_for(&by_field, "end"),
        versions,
    })
}

async fn procedure_view(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> WebResult {
    allowed(bo_procedures::may_manage(&o))?;
    let done = (q.done == "saved").then(|| ctx.t("bo-procedure-saved"));
    let page = procedure_page(&st, &ctx, o, &id, None, &FieldErrors::new(), None, done)?;
    Ok(pages::ok(&ctx, &page))
}

async fn procedure_period(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
    form: FormData,
) -> WebResult {
    let input = PeriodInput {
        start: form.get("start").to_owned(),
        end: form.get("end").to_owned(),
    };
    let reset = form.get("action") == "reset";
    match bo_procedures::set_period(&st.app, &o, &id, &input, reset, &ctx.ip).await? {
        Changed::Done => Ok(pages::see_other(&format!(
            "/officer/admin/procedures/{id}?done=saved"
        ))),
        Changed::Fields(errs) => {
            let page = procedure_page(&st, &ctx, o, &id, Some(&input), &errs, None, None)?;
            Ok(pages::invalid(&ctx, &page))
        }
        Changed::NotFound | Changed::Forbidden | Changed::LastVersion => Err(not_found()),
    }
}

async fn procedure_version(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path((id, version)): Path<(String, String)>,
    form: FormData,
) -> WebResult {
    let version = version.parse::<u32>().map_err(|_| not_found())?;
    let withdraw = match form.get("action") {
        "withdraw" => true,
        "publish" => false,
        _ => return Err(WebError(ErrorKind::BadRequest)),
    };
    match bo_procedures::set_version(&st.app, &o, &id, version, withdraw, &ctx.ip).await? {
        Changed::Done => Ok(pages::see_other(&format!(
            "/officer/admin/procedures/{id}?done=saved"
        ))),
        Changed::LastVersion => {
            let alert = Some(ctx.t("bo-procedure-last-version"));
            let page = procedure_page(&st, &ctx, o, &id, None, &FieldErrors::new(), alert, None)?;
            Ok(pages::render(&ctx, StatusCode::CONFLICT, &page))
        }
        Changed::Fields(_) | Changed::NotFound | Changed::Forbidden => Err(not_found()),
    }
}

// --- audit log ---

#[derive(serde::Deserialize, Default, Clone)]
struct AuditParams {
    #[serde(default)]
    actor: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    subject: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: String,
}

impl AuditParams {
    fn query(&self) -> AuditQuery {
        AuditQuery {
            actor: self.actor.clone(),
            action: self.action.clone(),
            subject: self.subject.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }

    /// The query string of this search (for the pages and the export), without the page.
    fn qs(&self) -> String {
        serde_urlencoded::to_string([
            ("actor", self.actor.as_str()),
            ("action", self.action.as_str()),
            ("subject", self.subject.as_str()),
            ("from", self.from.as_str()),
            ("to", self.to.as_str()),
        ])
        .unwrap_or_default()
    }
}

struct AuditItem {
    at: String,
    actor: String,
    action: String,
    subject: String,
    ip: String,
    detail: String,
}

#[derive(Template)]
#[template(path = "officer/admin_audit.html")]
struct AuditPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    q: AuditParams,
    summary: Vec<(String, String)>,
    alert: Option<String>,
    from_error: String,
    to_error: String,
    items: Vec<AuditItem>,
    count_text: String,
    pages: Vec<(String, String, bool)>,
    export: String,
    scoped: bool,
}

const AUDIT_PER_PAGE: i64 = 50;

async fn audit_page(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Query(q): Query<AuditParams>,
) -> WebResult {
    if !o.allows(Permission::ViewAudit) {
        return Err(not_found());
    }
    let mut page = AuditPage {
        ctx: ctx.clone(),
        officer: Some(o.clone()),
        q: q.clone(),
        summary: Vec::new(),
        alert: None,
        from_error: String::new(),
        to_error: String::new(),
        items: Vec::new(),
        count_text: String::new(),
        pages: Vec::new(),
        export: format!("/officer/admin/audit.csv?{}", q.qs()),
        scoped: !o.role.all_offices(),
    };
    let filter = match audit_log::filter(&o, &q.query()) {
        Ok(f) => f,
        Err(errs) => {
            let labels = [
                ("from", ctx.t("bo-audit-from")),
                ("to", ctx.t("bo-audit-to")),
            ];
            let (summary, by_field) = field_errors(&ctx, &labels, &errs);
            page.summary = summary;
            page.from_error = error_for(&by_field, "from");
            page.to_error = error_for(&by_field, "to");
            return Ok(pages::invalid(&ctx, &page));
        }
    };
    let n = q.page.parse::<i64>().unwrap_or(1).max(1);
    let (rows, total) = allowed(audit_log::search(&st.app, &o, &filter, n, AUDIT_PER_PAGE).await?)?;
    page.items = rows
        .into_iter()
        .map(|r| AuditItem {
            at: format_jst(r.at),
            actor: r.actor,
            action: r.action,
            subject: r.subject.unwrap_or_default(),
            ip: r.ip.unwrap_or_default(),
            detail: r.detail.unwrap_or_default(),
        })
        .collect();
    page.count_text = ctx.i18n.ta(
        ctx.locale,
        "bo-audit-count",
        &[("count", Value::from(total))],
    );
    let total_pages = ((total + AUDIT_PER_PAGE - 1) / AUDIT_PER_PAGE).max(1) as usize;
    let qs = q.qs();
    page.pages = pages::pagination(&ctx, n as usize, total_pages, |p| {
        format!("/officer/admin/audit?{qs}&page={p}")
    });
    Ok(pages::ok(&ctx, &page))
}

async fn audit_csv(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Query(q): Query<AuditParams>,
) -> WebResult {
    if !o.allows(Permission::ViewAudit) {
        return Err(not_found());
    }
    let Ok(filter) = audit_log::filter(&o, &q.query()) else {
        // The screen shows what is wrong with the search.
        return Ok(pages::see_other(&format!(
            "/officer/admin/audit?{}",
            q.qs()
        )));
    };
    let (csv, cut) = allowed(audit_log::export_csv(&st.app, &o, &filter, &ctx.ip).await?)?;
    let name = format!(
        "audit-{}.csv",
        day_iso(zairyu_app::backoffice::today(st.app.now()))
    );
    let mut r = csv.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if cut {
        h.insert("x-export-truncated", HeaderValue::from_static("1"));
    }
    Ok(r)
}

// --- officers ---

struct OfficerItem {
    id: i64,
    login_id: String,
    name: String,
    role: String,
    office: String,
    enrolled: bool,
    disabled: bool,
    last_login: String,
}

fn officer_item(ctx: &Ctx, r: zairyu_app::views::OfficerRow) -> OfficerItem {
    OfficerItem {
        id: r.id,
        role: Role::parse(&r.role)
            .map(|x| ctx.t(x.label_key()))
            .unwrap_or(r.role.clone()),
        office: office_name(ctx, &r.office),
        enrolled: r.totp_sealed.is_some(),
        disabled: r.disabled_at.is_some(),
        last_login: r.last_login_at.map(format_jst).unwrap_or_default(),
        login_id: r.login_id,
        name: r.name,
    }
}

/// The fields of the new-officer form, as typed, and their messages.
#[derive(Default)]
struct NewOfficerForm {
    login_id: String,
    name: String,
    email: String,
    role: String,
    office: String,
    errors: Vec<(String, String)>,
}

impl NewOfficerForm {
    fn error(&self, name: &str) -> String {
        error_for(&self.errors, name)
    }

    /// The text inputs: (name, label key, input type, value, max length).
    fn texts(&self) -> Vec<(&'static str, &'static str, &'static str, String, usize)> {
        vec![
            (
                "login_id",
                "officer-field-login-id",
                "text",
                self.login_id.clone(),
                32,
            ),
            ("name", "bo-officer-name", "text", self.name.clone(), 60),
            (
                "email",
                "bo-officer-email",
                "email",
                self.email.clone(),
                254,
            ),
        ]
    }
}

#[derive(Template)]
#[template(path = "officer/admin_officers.html")]
struct OfficersPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    items: Vec<OfficerItem>,
    summary: Vec<(String, String)>,
    alert: Option<String>,
    form: NewOfficerForm,
    roles: Vec<(String, String)>,
    offices: Vec<(String, String)>,
}

fn roles(ctx: &Ctx) -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| (r.code().to_owned(), ctx.t(r.label_key())))
        .collect()
}

fn offices(ctx: &Ctx) -> Vec<(String, String)> {
    OFFICES
        .iter()
        .map(|o| (o.code.to_owned(), office_name(ctx, o.code)))
        .collect()
}

async fn officers_page(
    st: &AppState,
    ctx: &Ctx,
    o: Arc<OfficerSession>,
    form: NewOfficerForm,
    summary: Vec<(String, String)>,
) -> Result<OfficersPage, WebError> {
    let rows = allowed(officer_admin::list(&st.app, &o).await?)?;
    let items = rows.into_iter().map(|r| officer_item(ctx, r)).collect();
    Ok(OfficersPage {
        ctx: ctx.clone(),
        officer: Some(o),
        items,
        summary,
        alert: None,
        form,
        roles: roles(ctx),
        offices: offices(ctx),
    })
}

async fn officers_list(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
) -> WebResult {
    let form = NewOfficerForm {
        role: "clerk".into(),
        office: o.office.clone(),
        ..NewOfficerForm::default()
    };
    let page = officers_page(&st, &ctx, o, form, Vec::new()).await?;
    Ok(pages::ok(&ctx, &page))
}

/// A value shown once (an initial password, an API token), never again.
#[derive(Template)]
#[template(path = "officer/admin_secret.html")]
struct SecretPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    title: String,
    paras: Vec<String>,
    label: String,
    secret: String,
    back: (String, String),
}

async fn officer_create(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    form: FormData,
) -> WebResult {
    let input = NewOfficerInput {
        login_id: form.get("login_id"),
        name: form.get("name"),
        email: form.get("email"),
        role: form.get("role"),
        office: form.get("office"),
        locale: ctx.lang(),
    };
    match allowed(officer_admin::create(&st.app, &o, &input, &ctx.ip).await?)? {
        Ok(created) => {
            let page = SecretPage {
                ctx: ctx.clone(),
                officer: Some(o),
                title: ctx.t("bo-officer-created-title"),
                paras: vec![
                    ctx.t1("bo-officer-created-body", "login_id", input.login_id.trim()),
                    ctx.t("bo-officer-created-once"),
                ],
                label: ctx.t("bo-officer-initial-password"),
                secret: created.initial_password,
                back: (
                    "/officer/admin/officers".into(),
                    ctx.t("bo-officer-back-to-list"),
                ),
            };
            Ok(pages::ok(&ctx, &page))
        }
        Err(errs) => {
            let labels = [
                ("login_id", ctx.t("officer-field-login-id")),
                ("name", ctx.t("bo-officer-name")),
                ("email", ctx.t("bo-officer-email")),
                ("role", ctx.t("bo-officer-role")),
                ("office", ctx.t("bo-officer-office")),
            ];
            let (summary, errors) = field_errors(&ctx, &labels, &errs);
            let typed = NewOfficerForm {
                login_id: input.login_id.to_owned(),
                name: input.name.to_owned(),
                email: input.email.to_owned(),
                role: input.role.to_owned(),
                office: input.office.to_owned(),
                errors,
            };
            let page = officers_page(&st, &ctx, o, typed, summary).await?;
            Ok(pages::invalid(&ctx, &page))
        }
    }
}

#[derive(Template)]
#[template(path = "officer/admin_officer.html")]
struct OfficerPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    item: OfficerItem,
    role: String,
    office: String,
    roles: Vec<(String, String)>,
    offices: Vec<(String, String)>,
    alert: Option<String>,
    done: Option<String>,
    is_self: bool,
}

async fn officer_page(
    st: &AppState,
    ctx: &Ctx,
    o: Arc<OfficerSession>,
    id: i64,
    alert: Option<String>,
    done: Option<String>,
) -> Result<OfficerPage, WebError> {
    let r = allowed(officer_admin::get(&st.app, &o, id).await?)?.ok_or_else(not_found)?;
    Ok(OfficerPage {
        ctx: ctx.clone(),
        is_self: r.id == o.officer_id,
        officer: Some(o),
        role: r.role.clone(),
        office: r.office.clone(),
        item: officer_item(ctx, r),
        roles: roles(ctx),
        offices: offices(ctx),
        alert,
        done,
    })
}

async fn officer_view(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> WebResult {
    let id = parse_id(&id)?;
    let done = (q.done == "saved").then(|| ctx.t("bo-officer-saved"));
    let page = officer_page(&st, &ctx, o, id, None, done).await?;
    Ok(pages::ok(&ctx, &page))
}

async fn officer_update(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
    form: FormData,
) -> WebResult {
    let id = parse_id(&id)?;
    let app = &st.app;
    let change = match form.get("action") {
        "role" => {
            officer_admin::set_role_office(
                app,
                &o,
                id,
                form.get("role"),
                form.get("office"),
                &ctx.ip,
            )
            .await?
        }
        "disable" => officer_admin::set_disabled(app, &o, id, true, &ctx.ip).await?,
        "enable" => officer_admin::set_disabled(app, &o, id, false, &ctx.ip).await?,
        "reset_totp" => officer_admin::reset_totp(app, &o, id, &ctx.ip).await?,
        _ => return Err(WebError(ErrorKind::BadRequest)),
    };
    let refused = |key: &str| Some(ctx.t(key));
    let (alert, status) = match change {
        Change::Done => {
            return Ok(pages::see_other(&format!(
                "/officer/admin/officers/{id}?done=saved"
            )));
        }
        Change::Self_ => (refused("bo-officer-not-self"), StatusCode::CONFLICT),
        Change::Fields(_) => (
            refused("bo-officer-role-office-invalid"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Change::NotFound | Change::Forbidden => return Err(not_found()),
    };
    let page = officer_page(&st, &ctx, o, id, alert, None).await?;
    Ok(pages::render(&ctx, status, &page))
}

// --- API tokens ---

struct TokenItem {
    id: i64,
    label: String,
    prefix: String,
    created: String,
    last_used: String,
    revoked: String,
}

#[derive(Template)]
#[template(path = "officer/api_tokens.html")]
struct TokensPage {
    ctx: Ctx,
    officer: Option<Arc<OfficerSession>>,
    items: Vec<TokenItem>,
    summary: Vec<(String, String)>,
    alert: Option<String>,
    label: String,
    label_error: String,
    done: Option<String>,
}

async fn tokens(st: &AppState, ctx: &Ctx, o: Arc<OfficerSession>) -> Result<TokensPage, WebError> {
    let rows = api_tokens::list(&st.app, &o).await?;
    Ok(TokensPage {
        ctx: ctx.clone(),
        officer: Some(o),
        items: rows
            .into_iter()
            .map(|t| TokenItem {
                id: t.id,
                label: t.label,
                prefix: t.prefix,
                created: format_jst(t.created_at),
                last_used: t.last_used_at.map(format_jst).unwrap_or_default(),
                revoked: t.revoked_at.map(format_jst).unwrap_or_default(),
            })
            .collect(),
        summary: Vec::new(),
        alert: None,
        label: String::new(),
        label_error: String::new(),
        done: None,
    })
}

async fn tokens_page(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Query(q): Query<DoneQuery>,
) -> WebResult {
    if !o.allows(Permission::UseApi) {
        return Err(not_found());
    }
    let mut page = tokens(&st, &ctx, o).await?;
    page.done = (q.done == "revoked").then(|| ctx.t("bo-token-revoked"));
    Ok(pages::ok(&ctx, &page))
}

async fn token_create(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    form: FormData,
) -> WebResult {
    if !o.allows(Permission::UseApi) {
        return Err(not_found());
    }
    match api_tokens::create(&st.app, &o, form.get("label"), &ctx.ip).await? {
        Ok(token) => {
            let page = SecretPage {
                ctx: ctx.clone(),
                officer: Some(o),
                title: ctx.t("bo-token-created-title"),
                paras: vec![
                    ctx.t("bo-token-created-body"),
                    ctx.t("bo-token-created-once"),
                ],
                label: ctx.t("bo-token-value"),
                secret: token,
                back: ("/officer/api-tokens".into(), ctx.t("bo-token-back")),
            };
            Ok(pages::ok(&ctx, &page))
        }
        Err(errs) => {
            let labels = [("label", ctx.t("bo-token-label"))];
            let (summary, by_field) = field_errors(&ctx, &labels, &errs);
            let mut page = tokens(&st, &ctx, o).await?;
            page.summary = summary;
            page.label = form.get("label").to_owned();
            page.label_error = error_for(&by_field, "label");
            Ok(pages::invalid(&ctx, &page))
        }
    }
}

async fn token_revoke(
    State(st): State<AppState>,
    OfficerSignedIn(ctx, o): OfficerSignedIn,
    Path(id): Path<String>,
) -> WebResult {
    let id = parse_id(&id)?;
    allowed(api_tokens::revoke(&st.app, &o, id, &ctx.ip).await?)?;
    Ok(pages::see_other("/officer/api-tokens?done=revoked"))
}

#[cfg(test)]
mod tests {
    /// The dashboard's charts are drawn in `.panel` sections with the scheme's variables: bars in
    /// `--button-bg`, labels in `--fg`. In each of the four colour schemes the bars must stand out
    /// from the panel by 3:1 (WCAG 1.4.11, graphics) and the labels by 4.5:1 (1.4.3, text).
    #[test]
    fn chart_colours_keep_contrast_in_every_scheme() {
        let css = include_str!("../../static/app.css");
        let luminance = |hex: &str| {
            let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap();
            let ch = |shift: u32| {
                let c = f64::from((v >> shift) & 0xff) / 255.0;
                if c <= 0.03928 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(16) + 0.7152 * ch(8) + 0.0722 * ch(0)
        };
        let ratio = |a: &str, b: &str| {
            let (x, y) = (luminance(a), luminance(b));
            (x.max(y) + 0.05) / (x.min(y) + 0.05)
        };
        let mut schemes = 0;
        for block in css.split("[data-scheme=\"").skip(1).take(4) {
            let body = &block[..block.find('}').unwrap()];
            let var = |name: &str| {
                let i = body.find(&format!("{name}:")).unwrap() + name.len() + 1;
                body[i..].trim_start()[..7].to_owned()
            };
            let (panel, bar, text) = (var("--panel"), var("--button-bg"), var("--fg"));
            assert!(ratio(&bar, &panel) >= 3.0, "bars {bar} on {panel}");
            assert!(ratio(&text, &panel) >= 4.5, "labels {text} on {panel}");
            schemes += 1;
        }
        assert_eq!(schemes, 4);
        assert!(css.contains(".chart-bar { fill: var(--button-bg); }"));
        assert!(css.contains(".chart-label, .chart-tick, .chart-value { fill: var(--fg);"));
    }
}
