//! Auto-Fill Input Values from Past Applications (SPEC §6.5): the past procedure list (the same
//! procedure, the last two years, with the search of §9.1) and Select, which fills the entry screen.

use crate::AppState;
use crate::ctx::format_jst;
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::middleware::SignedIn;
use crate::pages::{self, PastPage};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use zairyu_app::catalogue::search::PAGE_SIZES;
use zairyu_app::filing::{self, Gate};
use zairyu_domain::{ApplicationStatus, Date, ReferenceNumber};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures/{id}/past", get(list))
        .route("/procedures/{id}/autofill", post(select))
}

#[derive(serde::Deserialize, Default)]
pub struct PastQuery {
    #[serde(default)]
    v: Option<u32>,
    #[serde(default)]
    q: String,
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

async fn list(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<PastQuery>,
) -> WebResult {
    let p = st
        .app
        .catalogue
        .get(&id)
        .ok_or(WebError(ErrorKind::NotFound))?;
    if !matches!(
        filing::gate(&st.app, p, &user),
        Gate::Open | Gate::NeedsCardReading
    ) {
        return Ok(pages::see_other(&format!("/procedures/{id}/entry")));
    }
    let form = st
        .app
        .catalogue
        .form_for(p, q.v)
        .ok_or(WebError(ErrorKind::NotFound))?;
    let suffix = super::entry::version_suffix(&st, p, form);
    let amp = suffix.replace('?', "&");
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
    let oldest = q.sort == "old";
    let rows = filing::past(
        &st.app,
        user.user_id,
        &p.id,
        &q.q,
        from.ok().flatten(),
        to.ok().flatten(),
        oldest,
    )
    .await?;
    let per = q
        .per
        .parse::<usize>()
        .ok()
        .filter(|n| PAGE_SIZES.contains(n))
        .unwrap_or(PAGE_SIZES[0]);
    let pages_total = rows.len().div_ceil(per).max(1);
    let page = q.page.parse::<usize>().unwrap_or(1).clamp(1, pages_total);
    let link = |n: usize| {
        let params = [
            ("q", q.q.as_str()),
            ("from", q.from.as_str()),
            ("to", q.to.as_str()),
            ("sort", q.sort.as_str()),
            ("per", &per.to_string()),
            ("page", &n.to_string()),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect::<Vec<_>>();
        format!(
            "/procedures/{id}/past?{}{amp}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    };
    let nav = pages::pagination(&ctx, page, pages_total, link);
    let total = rows.len();
    let items = rows
        .into_iter()
        .skip((page - 1) * per)
        .take(per)
        .map(|a| {
            let shown = ReferenceNumber::parse(&a.reference_number)
                .map(|r| r.display())
                .unwrap_or(a.reference_number.clone());
            let status = ApplicationStatus::parse(&a.status)
                .map(|s| ctx.t(s.label_key()))
                .unwrap_or_default();
            (
                shown,
                a.related_name.unwrap_or_default(),
                format_jst(a.created_at),
                status,
                a.reference_number,
            )
        })
        .collect();
    let page_view = PastPage {
        ctx: ctx.clone(),
        procedure_name: p.name.get(ctx.lang()).to_owned(),
        action: format!("/procedures/{id}/past"),
        version: q.v.filter(|_| !suffix.is_empty()),
        select_action: format!("/procedures/{id}/autofill{suffix}"),
        back: format!("/procedures/{id}/entry{suffix}"),
        q: q.q.clone(),
        from: q.from.clone(),
        to: q.to.clone(),
        from_error: from.is_err(),
        to_error: to.is_err(),
        oldest,
        page_sizes: PAGE_SIZES.iter().map(|n| (*n, *n == per)).collect(),
        as_of: format_jst(st.app.now()),
        count_text: ctx.i18n.ta(
            ctx.locale,
            "procedures-count",
            &[
                ("total", (total as i64).into()),
                ("page", (page as i64).into()),
                ("pages", (pages_total as i64).into()),
            ],
        ),
        items,
        pages: nav,
        summary,
        alert: None,
    };
    Ok(pages::ok(&ctx, &page_view))
}

async fn select(
    State(st): State<AppState>,
    SignedIn(ctx, user, _): SignedIn,
    Path(id): Path<String>,
    axum::extract::Query(vq): axum::extract::Query<super::entry::VersionQuery>,
    data: FormData,
) -> WebResult {
    let p = st
        .app
        .catalogue
        .get(&id)
        .ok_or(WebError(ErrorKind::NotFound))?;
    if !matches!(
        filing::gate(&st.app, p, &user),
        Gate::Open | Gate::NeedsCardReading
    ) {
        return Ok(pages::see_other(&format!("/procedures/{id}/entry")));
    }
    let form = st
        .app
        .catalogue
        .form_for(p, vq.v)
        .ok_or(WebError(ErrorKind::NotFound))?;
    let _ = &ctx;
    match filing::autofill(&st.app, user.user_id, form, data.get("reference")).await? {
        Some(dropped) => {
            let qs = serde_urlencoded::to_string([
                ("filled", "1".to_owned()),
                ("dropped", dropped.join("\u{1f}")),
            ])
            .unwrap_or_default();
            let v = super::entry::version_suffix(&st, p, form).replace('?', "&");
            Ok(pages::see_other(&format!("/procedures/{id}/entry?{qs}{v}")))
        }
        None => Err(WebError(ErrorKind::NotFound)),
    }
}
