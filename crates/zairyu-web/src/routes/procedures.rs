//! Online Application Procedures (SPEC §5.1), the Procedure Explanation (§5.3) and Favorite
//! Procedures (§5.3, §11.1). Favorites work without JavaScript: Add and Remove each have a
//! confirmation page of their own.

use crate::AppState;
use crate::ctx::{Ctx, format_jst};
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::middleware::SignedIn;
use crate::pages::{
    self, Action, FavoritesPage, MessagePage, ProcedureItem, ProcedurePage, ProceduresPage,
};
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use zairyu_app::catalogue::model::Reception;
use zairyu_app::catalogue::search::PAGE_SIZES;
use zairyu_app::catalogue::{Procedure, SearchQuery, Sort, favorites};
use zairyu_domain::UserType;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures", get(list))
        .route("/procedures/{id}", get(explanation))
        .route("/procedures/{id}/favorite", get(add_confirm).post(add))
        .route(
            "/procedures/{id}/unfavorite",
            get(remove_confirm).post(remove),
        )
        .route("/mypage/favorites", get(my_favorites))
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    syn: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    per: String,
    #[serde(default)]
    page: String,
}

/// "2025/12/19 00:00 – At Any Time".
pub fn period(ctx: &Ctx, p: &Procedure) -> String {
    let (start, end) = p.period();
    let end = match end {
        Some(e) => format_jst(e),
        None => ctx.t("procedures-any-time"),
    };
    format!("{} – {}", format_jst(start), end)
}

fn paragraphs(s: &str) -> Vec<String> {
    s.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

async fn list(State(st): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Response {
    let query = SearchQuery {
        keywords: q.q.chars().take(200).collect(),
        synonyms: q.syn == "1",
        sort: Sort::from_code(&q.sort),
        per_page: q.per.parse().unwrap_or(PAGE_SIZES[0]),
        page: q.page.parse().unwrap_or(1),
        lang: ctx.lang().to_owned(),
    };
    let now = st.app.now();
    let result = st.app.catalogue.search(&query, now);
    let link = |page: usize| {
        let mut params: Vec<(&str, String)> = vec![("q", query.keywords.clone())];
        if query.synonyms {
            params.push(("syn", "1".into()));
        }
        params.push(("sort", query.sort.code().into()));
        params.push(("per", result.per_page.to_string()));
        params.push(("page", page.to_string()));
        format!(
            "/procedures?{}",
            serde_urlencoded::to_string(params).unwrap_or_default()
        )
    };
    let nav = pages::pagination(&ctx, result.page, result.pages, link);
    // A procedure offered in several versions is listed once per version, the newest marked
    // "_latest" as the real system does.
    let mut items = Vec::new();
    for p in &result.items {
        let versions = st.app.catalogue.offered_versions(p);
        let name = p.name.get(ctx.lang()).to_owned();
        if versions.len() > 1 {
            let latest = versions.last().copied().unwrap_or(1);
            for v in versions {
                let (href, shown) = if v == latest {
                    (format!("/procedures/{}", p.id), format!("{name}_latest"))
                } else {
                    (
                        format!("/procedures/{}?v={v}", p.id),
                        ctx.i18n.ta(
                            ctx.locale,
                            "procedure-version-name",
                            &[
                                ("name", name.clone().into()),
                                ("version", i64::from(v).into()),
                            ],
                        ),
                    )
                };
                items.push(ProcedureItem {
                    id: p.id.clone(),
                    href,
                    name: shown,
                    system: ctx.t(p.system.label_key()),
                    period: period(&ctx, p),
                });
            }
        } else {
            items.push(ProcedureItem {
                id: p.id.clone(),
                href: format!("/procedures/{}", p.id),
                name,
                system: ctx.t(p.system.label_key()),
                period: period(&ctx, p),
            });
        }
    }
    let page = ProceduresPage {
        ctx: ctx.clone(),
        q: query.keywords.clone(),
        synonyms: query.synonyms,
        sorts: Sort::ALL
            .iter()
            .map(|s| (s.code(), ctx.t(s.label_key()), *s == query.sort))
            .collect(),
        page_sizes: PAGE_SIZES
            .iter()
            .map(|n| (*n, *n == result.per_page))
            .collect(),
        as_of: format_jst(now),
        count_text: ctx.i18n.ta(
            ctx.locale,
            "procedures-count",
            &[
                ("total", (result.total as i64).into()),
                ("page", (result.page as i64).into()),
                ("pages", (result.pages as i64).into()),
            ],
        ),
        items,
        pages: nav,
    };
    pages::ok(&ctx, &page)
}

fn find<'a>(st: &'a AppState, id: &str) -> Result<&'a Procedure, WebError> {
    st.app
        .catalogue
        .get(id)
        .ok_or(WebError(ErrorKind::NotFound))
}

#[derive(serde::Deserialize, Default)]
pub struct ExplanationQuery {
    /// A form version other than the latest, when several are offered.
    #[serde(default)]
    v: Option<u32>,
    #[serde(default)]
    added: String,
    #[serde(default)]
    removed: String,
}

async fn explanation(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Query(q): Query<ExplanationQuery>,
) -> WebResult {
    let p = find(&st, &id)?;
    let lang = ctx.lang();
    let closed = match p.reception(st.app.now()) {
        Reception::Open => None,
        Reception::NotYet => {
            Some(ctx.t1("procedure-not-yet-open", "start", &format_jst(p.period().0)))
        }
        Reception::Closed => Some(ctx.t1(
            "procedure-closed",
            "end",
            &p.period().1.map(format_jst).unwrap_or_default(),
        )),
    };
    let yes_no = |b: bool| ctx.t(if b { "answer-yes" } else { "answer-no" });
    let mut facts = vec![
        (ctx.t("procedure-system"), ctx.t(p.system.label_key())),
        (
            ctx.t("procedure-user-types"),
            p.user_types
                .iter()
                .map(|t: &UserType| ctx.t(t.label_key()))
                .collect::<Vec<_>>()
                .join(" / "),
        ),
        (
            ctx.t("procedure-request-for-use"),
            match p.requires_request_for_use {
                Some(s) => ctx.t1(
                    "procedure-request-for-use-needed",
                    "system",
                    &ctx.t(s.label_key()),
                ),
                None => ctx.t("answer-no"),
            },
        ),
        (
            ctx.t("procedure-card-reading"),
            yes_no(p.requires_card_reading),
        ),
    ];
    if p.only_with_another_application {
        facts.push((ctx.t("procedure-only-with-another"), ctx.t("answer-yes")));
    }
    let favorite = match &ctx.user {
        Some(u) => favorites::contains(&st.app, u.user_id, &p.id).await?,
        None => false,
    };
    let alert = if q.added == "1" {
        Some(ctx.t("favorites-added"))
    } else if q.removed == "1" {
        Some(ctx.t("favorites-removed"))
    } else {
        None
    };
    let page = ProcedurePage {
        ctx: ctx.clone(),
        id: p.id.clone(),
        name: p.name.get(lang).to_owned(),
        explanation: paragraphs(p.explanation.get(lang)),
        contact: paragraphs(p.contact.get(lang)),
        terms: p
            .terms
            .as_ref()
            .map(|t| paragraphs(t.get(lang)))
            .unwrap_or_default(),
        period: period(&ctx, p),
        facts,
        entry_note: (closed.is_none() && st.app.catalogue.entry_form(p).is_none())
            .then(|| ctx.t("procedure-entry-not-yet")),
        can_enter: closed.is_none() && st.app.catalogue.entry_form(p).is_some(),
        entry_href: match q.v.filter(|v| {
            st.app.catalogue.offered_versions(p).contains(v)
                && Some(*v) != st.app.catalogue.entry_form(p).map(|f| f.version())
        }) {
            Some(v) => format!("/procedures/{}/entry?v={v}", p.id),
            None => format!("/procedures/{}/entry", p.id),
        },
        closed,
        alert,
        favorite,
    };
    Ok(pages::ok(&ctx, &page))
}

#[derive(serde::Deserialize, Default)]
pub struct BackQuery {
    #[serde(default)]
    back: String,
}

fn back_target(id: &str, back: &str, param: &str) -> String {
    if back == "favorites" {
        "/mypage/favorites".to_owned()
    } else {
        format!("/procedures/{id}?{param}=1")
    }
}

async fn add_confirm(
    State(st): State<AppState>,
    SignedIn(ctx, _, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult {
    let p = find(&st, &id)?;
    let page = MessagePage::new(&ctx, "favorites-add-title")
        .para(ctx.t1("favorites-add-question", "name", p.name.get(ctx.lang())))
        .action(Action::secondary(
            &format!("/procedures/{id}"),
            ctx.t("button-back"),
        ))
        .action(Action::post(
            &format!("/procedures/{id}/favorite"),
            ctx.t("button-register"),
        ));
    Ok(pages::ok(&ctx, &page))
}

async fn add(
    State(st): State<AppState>,
    SignedIn(_, user, _): SignedIn,
    Path(id): Path<String>,
) -> WebResult {
    let p = find(&st, &id)?;
    favorites::add(&st.app, user.user_id, &p.id).await?;
    Ok(pages::see_other(&back_target(&p.id, "", "added")))
}

async fn remove_confirm(
    State(st): State<AppState>,
    SignedIn(ctx, _, _): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<BackQuery>,
) -> WebResult {
    let p = find(&st, &id)?;
    let back = if q.back == "favorites" {
        "/mypage/favorites".to_owned()
    } else {
        format!("/procedures/{id}")
    };
    let mut page = MessagePage::new(&ctx, "favorites-remove-title")
        .para(ctx.t1("favorites-remove-question", "name", p.name.get(ctx.lang())))
        .action(Action::secondary(&back, ctx.t("button-back")));
    let target = if q.back == "favorites" {
        format!("/procedures/{id}/unfavorite?back=favorites")
    } else {
        format!("/procedures/{id}/unfavorite")
    };
    page = page.action(Action::post(&target, ctx.t("button-delete")));
    Ok(pages::ok(&ctx, &page))
}

async fn remove(
    State(st): State<AppState>,
    SignedIn(_, user, _): SignedIn,
    Path(id): Path<String>,
    Query(q): Query<BackQuery>,
    _form: FormData,
) -> WebResult {
    let p = find(&st, &id)?;
    favorites::remove(&st.app, user.user_id, &p.id).await?;
    Ok(pages::see_other(&back_target(&p.id, &q.back, "removed")))
}

async fn my_favorites(State(st): State<AppState>, SignedIn(ctx, user, _): SignedIn) -> WebResult {
    let ids = favorites::list(&st.app, user.user_id).await?;
    let items = ids
        .iter()
        .filter_map(|id| st.app.catalogue.get(id))
        .map(|p| (p.id.clone(), p.name.get(ctx.lang()).to_owned()))
        .collect();
    Ok(pages::ok(
        &ctx,
        &FavoritesPage {
            ctx: ctx.clone(),
            items,
        },
    ))
}
