//! Application situation confirmation (SPEC §9.1) and Details (§9.3): every user follows their own
//! filings — search by any number or the name, by procedure name, by date; the status with its
//! meaning; a dated history of every status change (better than the original); every answer as
//! entered; Print Details.

use crate::AppState;
use crate::ctx::format_jst;
use crate::error::{ErrorKind, WebError, WebResult};
use crate::middleware::SignedIn;
use crate::pages::{self, ApplicationItem, ApplicationPage, ApplicationsPage};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use zairyu_app::catalogue::search::PAGE_SIZES;
use zairyu_app::filing::{self, ListQuery};
use zairyu_domain::{ApplicationStatus, Date, ReferenceNumber};
use zairyu_forms::{Answers, SummaryValue};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/applications", get(list))
        .route("/applications/{reference}", get(details))
        .route("/applications/{reference}/modify", post(modify))
}

#[derive(serde::Deserialize, Default)]
pub struct Params {
    #[serde(default)]
    related: String,
    #[serde(default)]
    procedure: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    per: String,
    #[serde(default)]
    page: String,
}

fn status_label(ctx: &crate::ctx::Ctx, code: &str) -> String {
    ApplicationStatus::parse(code)
        .map(|s| ctx.t(s.label_key()))
        .unwrap_or_default()
}

fn meaning_key(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::Pending => "status-pending-meaning",
        ApplicationStatus::ApplicationCompleted => "status-application-completed-meaning",
        ApplicationStatus::UnderReview => "status-under-review-meaning",
        ApplicationStatus::AwaitingIssuance => "status-awaiting-issuance-meaning",
        ApplicationStatus::InReturnProcess => "status-in-return-process-meaning",
        ApplicationStatus::Completed => "status-completed-meaning",
        ApplicationStatus::CompletedNotPermitted => "status-completed-not-permitted-meaning",
    }
}

async fn list(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Query(q): Query<Params>,
) -> WebResult {
    let parse = |s: &str| {
        if s.trim().is_empty() {
            Ok(None)
        } else {
            Date::parse(s).map(Some)
        }
    };
    let (from, to) = (parse(&q.from), parse(&q.to));
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
    let per = q
        .per
        .parse::<usize>()
        .ok()
        .filter(|n| PAGE_SIZES.contains(n))
        .unwrap_or(PAGE_SIZES[0]);
    let page = q.page.parse::<i64>().unwrap_or(1).max(1);
    let oldest = q.sort == "old";
    let query = ListQuery {
        related: q.related.chars().take(100).collect(),
        procedure_keywords: q.procedure.chars().take(200).collect(),
        from: from.ok().flatten(),
        to: to.ok().flatten(),
        oldest_first: oldest,
        per_page: per as i64,
        page,
        lang: ctx.lang().to_owned(),
    };
    let (rows, total) = filing::list_applications(&st.app, user.user_id, &query).await?;
    let pages_total = (total as usize).div_ceil(per).max(1);
    let page = (page as usize).min(pages_total);
    let link = |n: usize| {
        let params = [
            ("related", q.related.clone()),
            ("procedure", q.procedure.clone()),
            ("from", q.from.clone()),
            ("to", q.to.clone()),
            ("sort", q.sort.clone()),
            ("per", per.to_string()),
            ("page", n.to_string()),
        ];
        format!(
            "/applications?{}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    };
    let nav = pages::pagination(&ctx, page, pages_total, link);
    let items = rows
        .into_iter()
        .map(|a| {
            let name = st
                .app
                .catalogue
                .get(&a.procedure_id)
                .map(|p| p.name.get(ctx.lang()).to_owned())
                .unwrap_or(a.procedure_id.clone());
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
            ApplicationItem {
                name,
                related,
                applied: format_jst(a.created_at),
                status: status_label(&ctx, &a.status),
                reference: a.reference_number,
            }
        })
        .collect();
    let page_view = ApplicationsPage {
        ctx: ctx.clone(),
        related: q.related.clone(),
        procedure: q.procedure.clone(),
        from: q.from.clone(),
        to: q.to.clone(),
        from_error: from.is_err(),
        to_error: to.is_err(),
        oldest,
        page_sizes: PAGE_SIZES.iter().map(|n| (*n, *n == per)).collect(),
        as_of: format_jst(st.app.now()),
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
        statuses: ApplicationStatus::ALL
            .iter()
            .map(|s| (ctx.t(s.label_key()), ctx.t(meaning_key(*s))))
            .collect(),
        summary,
        alert: None,
    };
    Ok(pages::ok(&ctx, &page_view))
}

async fn details(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Path(reference): Path<String>,
) -> WebResult {
    let (row, history) = filing::details(&st.app, user.user_id, &reference)
        .await?
        .ok_or(WebError(ErrorKind::NotFound))?;
    let procedure = st.app.catalogue.get(&row.procedure_id);
    let name = procedure
        .map(|p| p.name.get(ctx.lang()).to_owned())
        .unwrap_or(row.procedure_id.clone());
    let status = ApplicationStatus::parse(&row.status).ok();
    let mut facts = vec![
        (ctx.t("procedure-name"), name),
        (
            ctx.t("entry-reference-number"),
            ReferenceNumber::parse(&row.reference_number)
                .map(|r| r.display())
                .unwrap_or(row.reference_number.clone()),
        ),
        (ctx.t("past-applied-at"), format_jst(row.created_at)),
        (
            ctx.t("past-status"),
            status
                .map(|s| format!("{} — {}", ctx.t(s.label_key()), ctx.t(meaning_key(s))))
                .unwrap_or_default(),
        ),
    ];
    if let Some(n) = &row.reception_number {
        facts.push((ctx.t("applications-reception-number"), n.clone()));
    }
    if let Some(n) = &row.receipt_number {
        facts.push((ctx.t("applications-receipt-number"), n.clone()));
    }
    let history = history
        .into_iter()
        .map(|(at, status, note)| {
            (
                format_jst(at),
                status_label(&ctx, &status),
                note.map(|n| {
                    if n == "automatic approval" {
                        ctx.t("application-auto-approved")
                    } else {
                        n
                    }
                })
                .unwrap_or_default(),
            )
        })
        .collect();
    // The facial photo and attachments (SPEC §9.3), each a download of the user's own file.
    let files = zairyu_app::attachments::of_application(&st.app, row.id).await?;
    let base = format!("/applications/{}", row.reference_number);
    let attachments = attachment_links(&st, &ctx, &row, &files, &base);
    let answers = answers_summary(&st, &ctx, &row, &files);
    let (can_modify, corrected_by) = filing::correction_state(&st.app, &row).await?;
    if let Some(c) = &corrected_by {
        facts.push((
            ctx.t("modify-corrected-by"),
            ReferenceNumber::parse(&c.reference_number)
                .map(|r| r.display())
                .unwrap_or(c.reference_number.clone()),
        ));
    }
    let modify = can_modify.then(|| format!("/applications/{}/modify", row.reference_number));
    Ok(pages::ok(
        &ctx,
        &ApplicationPage {
            ctx: ctx.clone(),
            facts,
            history,
            answers,
            modify,
            attachments,
        },
    ))
}

/// Modify (SPEC §9.3): reopens the form of a filing In Return Process with its answers.
async fn modify(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Path(reference): Path<String>,
) -> WebResult {
    match filing::start_modify(&st.app, user.user_id, &reference).await? {
        None => Err(WebError(ErrorKind::NotFound)),
        Some(filing::Modify::Opened { procedure_id }) => Ok(pages::see_other(&format!(
            "/procedures/{procedure_id}/entry"
        ))),
        Some(filing::Modify::NotReturned | filing::Modify::NoForm) => {
            let page = pages::MessagePage::new(&ctx, "modify-not-possible-title")
                .para(ctx.t("modify-not-possible"))
                .action(pages::Action::link(
                    &format!("/applications/{reference}"),
                    ctx.t("button-back"),
                ));
            Ok(pages::render(&ctx, http::StatusCode::CONFLICT, &page))
        }
    }
}

/// The answers as the applicant saw them: the form version they were entered in, checked again on
/// the day of filing so the same rules give the same summary. Shared with the back office.
pub(crate) fn answers_summary(
    st: &AppState,
    ctx: &crate::ctx::Ctx,
    row: &zairyu_app::filing::FiledRow,
    files: &[zairyu_app::attachments::Attached],
) -> Vec<(String, String)> {
    // File slots list their files by name rather than a count.
    let names = super::attachments::names_by_slot(files);
    match (
        u32::try_from(row.form_version)
            .ok()
            .and_then(|v| st.app.catalogue.form(&row.procedure_id, v)),
        serde_json::from_str::<Answers>(&row.answers),
    ) {
        (Some(form), Ok(a)) => {
            let day = Date::from_time(
                time::OffsetDateTime::from_unix_timestamp(row.created_at / 1000)
                    .map(|t| {
                        t.to_offset(
                            time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC),
                        )
                        .date()
                    })
                    .unwrap_or(time::Date::MIN),
            );
            match form.validate(&a, day) {
                Ok(cleaned) => form
                    .summary(&cleaned, ctx.lang())
                    .into_iter()
                    .map(|r| {
                        if let Some(n) = names.get(&r.path) {
                            return (r.label, n.clone());
                        }
                        let v = match r.value {
                            SummaryValue::Heading => String::new(),
                            SummaryValue::Empty => "—".to_owned(),
                            SummaryValue::Text(t) => t,
                            SummaryValue::Message { key, arg } => {
                                ctx.t1(key, "value", &arg.unwrap_or_default())
                            }
                        };
                        (r.label, v)
                    })
                    .collect(),
                Err(_) => a.to_pairs(),
            }
        }
        (_, Ok(a)) => a.to_pairs(),
        _ => Vec::new(),
    }
}

/// The download links of an application's files: (slot label, href, name, size). `base` is where
/// the files are served: the owner's `/applications/<reference>` or the back office's view.
pub(crate) fn attachment_links(
    st: &AppState,
    ctx: &crate::ctx::Ctx,
    row: &zairyu_app::filing::FiledRow,
    files: &[zairyu_app::attachments::Attached],
    base: &str,
) -> Vec<(String, String, String, String)> {
    let form = u32::try_from(row.form_version)
        .ok()
        .and_then(|v| st.app.catalogue.form(&row.procedure_id, v));
    files
        .iter()
        .map(|f| {
            let slot = form
                .and_then(|form| form.field(&f.field_id))
                .map(|d| d.label().get(ctx.lang()).to_owned())
                .unwrap_or_else(|| f.field_id.clone());
            (
                slot,
                format!("{base}/files/{}", f.file_id),
                f.name.clone(),
                zairyu_app::attachments::size_text(f.size),
            )
        })
        .collect()
}
