//! My Page and user information (SPEC §11): UserDetails, Change Email Address, Change Password,
//! Change Other Information with Postal Code Address Search. Every handler acts only on the
//! signed-in user's own record.

use super::recovery::new_password_fields;
use super::registration::refused;
use crate::AppState;
use crate::ctx::{Ctx, Field};
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::middleware::{SignedIn, session_cookie, set_cookie};
use crate::pages::{self, Action, ConfirmPage, DetailsPage, FormPage, MessagePage, MyPage};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::header;
use zairyu_app::accounts::{LinkProblem, Refusal, profile};
use zairyu_app::views::UserRow;
use zairyu_domain::contact::{ADDRESS_MAX, EMAIL_MAX, TELEPHONE_MAX};
use zairyu_domain::{
    CardSex, DateUnknown, FieldErrors, Invalid, PartialDate, PostalCode, UserType,
};
use zairyu_i18n::Value;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/mypage", get(mypage))
        .route("/mypage/user", get(details))
        .route("/mypage/user/email", get(email_form).post(email_submit))
        .route("/mypage/user/email/sent", get(email_sent))
        .route(
            "/email-change/{token}",
            get(email_change_open).post(email_change_confirm),
        )
        .route("/email-change-done", get(email_change_done))
        .route(
            "/mypage/user/password",
            get(password_form).post(password_submit),
        )
        .route("/mypage/user/password/done", get(password_done))
        .route("/mypage/user/edit", get(edit_form).post(edit_submit))
        .route(
            "/mypage/user/edit/confirm",
            axum::routing::post(edit_confirm),
        )
        .route("/mypage/user/edit/done", get(edit_done))
        .route("/postal/{code}", get(postal_json))
        .route("/mypage/drafts", get(drafts))
        .route(
            "/mypage/drafts/{procedure}/delete",
            axum::routing::post(delete_draft),
        )
}

async fn mypage(SignedIn(ctx, _, _): SignedIn) -> Response {
    pages::ok(&ctx, &MyPage { ctx: ctx.clone() })
}

fn or_dash(v: &Option<String>) -> String {
    v.clone()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "—".to_owned())
}

/// The stored sex code (`male`, `female`, `unknown`: what the card reading recorded) in the page's
/// language; anything else (never expected) as stored, rather than hidden.
fn sex_text(ctx: &Ctx, stored: &Option<String>) -> String {
    match stored.as_deref().map(str::trim) {
        None | Some("") => "—".to_owned(),
        Some(code) => match CardSex::from_code(code) {
            Some(sex) => ctx.t(match sex {
                CardSex::Male => "user-sex-male",
                CardSex::Female => "user-sex-female",
                CardSex::Unknown => "user-sex-unknown",
            }),
            None => code.to_owned(),
        },
    }
}

/// The stored date of birth (`YYYY-MM-DD`, `YYYY-MM` or `YYYY` with the rest unknown, empty when
/// nothing is known; `None` before any card reading) as a date in the page's language.
fn date_of_birth_text(ctx: &Ctx, stored: &Option<String>) -> String {
    let Some(raw) = stored.as_deref().map(str::trim) else {
        return "—".to_owned();
    };
    let unknown = match raw.len() {
        0 => DateUnknown::All,
        4 => DateUnknown::MonthDay,
        7 => DateUnknown::Day,
        _ => DateUnknown::None,
    };
    let num = |n: i64| Value::from(n);
    match PartialDate::parse(unknown, raw) {
        Ok(PartialDate::Full(d)) => ctx.ta(
            "user-date-full",
            &[
                ("year", num(d.year().into())),
                ("month", num(d.month().into())),
                ("day", num(d.day().into())),
            ],
        ),
        Ok(PartialDate::YearMonth { year, month }) => {
            let known = ctx.ta(
                "user-date-year-month",
                &[("year", num(year.into())), ("month", num(month.into()))],
            );
            ctx.t1("form-date-day-unknown", "value", &known)
        }
        Ok(PartialDate::Year(year)) => {
            ctx.t1("form-date-month-day-unknown", "value", &year.to_string())
        }
        Ok(PartialDate::Unknown) => ctx.t("form-date-unknown"),
        Err(_) => raw.to_owned(),
    }
}

fn user_rows(ctx: &Ctx, u: &UserRow) -> Vec<(String, String)> {
    let user_type = UserType::parse(&u.user_type)
        .map(|t| ctx.t(t.label_key()))
        .unwrap_or_default();
    let postal = u
        .postal_code
        .as_deref()
        .and_then(|p| PostalCode::parse(p).ok())
        .map(|p| p.display());
    vec![
        (ctx.t("field-user-type"), user_type),
        (ctx.t("field-user-id"), u.login_id.clone()),
        (ctx.t("field-name-en"), u.name_en.clone()),
        (ctx.t("field-sex"), sex_text(ctx, &u.sex)),
        (
            ctx.t("field-date-of-birth"),
            date_of_birth_text(ctx, &u.date_of_birth),
        ),
        (ctx.t("field-postal-code"), or_dash(&postal)),
        (ctx.t("field-address"), or_dash(&u.address)),
        (ctx.t("field-telephone"), u.telephone.clone()),
        (ctx.t("field-email"), u.email.clone()),
    ]
}

async fn details(State(st): State<AppState>, SignedIn(ctx, su, _): SignedIn) -> WebResult {
    let u = profile::details(&st.app, su.user_id).await?;
    let page = DetailsPage {
        ctx: ctx.clone(),
        title: ctx.t("user-details-title"),
        alert: None,
        rows: user_rows(&ctx, &u),
        actions: vec![
            Action::link("/mypage/user/email", ctx.t("user-change-email")),
            Action::link("/mypage/user/password", ctx.t("user-change-password")),
            Action::link("/mypage/user/edit", ctx.t("user-change-other")),
            Action::secondary("/mypage", ctx.t("button-back-mypage")),
        ],
    };
    Ok(pages::ok(&ctx, &page))
}

fn email_page(ctx: &Ctx, email: &str, confirm: &str) -> FormPage {
    let fields = vec![
        Field::new(ctx, "email", "field-new-email", "email")
            .value(email)
            .autocomplete("email")
            .maxlength(EMAIL_MAX),
        Field::new(ctx, "email_confirm", "field-new-email-confirm", "email")
            .value(confirm)
            .autocomplete("email")
            .maxlength(EMAIL_MAX),
    ];
    FormPage::new(
        ctx,
        "email-change-title",
        "/mypage/user/email",
        "button-change",
        fields,
    )
    .intro(ctx.t("email-change-intro"))
    .back("/mypage/user", ctx.t("button-return-to-details"))
}

async fn email_form(SignedIn(ctx, _, _): SignedIn) -> Response {
    pages::ok(&ctx, &email_page(&ctx, "", ""))
}

async fn email_submit(
    State(st): State<AppState>,
    SignedIn(ctx, su, _): SignedIn,
    form: FormData,
) -> WebResult {
    let (email, confirm) = (form.get("email"), form.get("email_confirm"));
    match profile::request_email_change(&st.app, su.user_id, email, confirm, ctx.lang(), &ctx.ip)
        .await
    {
        Ok(()) => Ok(pages::see_other("/mypage/user/email/sent")),
        Err(r) => refused(&ctx, email_page(&ctx, email, confirm), r),
    }
}

async fn email_sent(SignedIn(ctx, _, _): SignedIn) -> Response {
    let page = MessagePage::new(&ctx, "email-change-sent-title")
        .para(ctx.t("email-change-sent-text"))
        .para(ctx.t("mail-not-arriving"))
        .action(Action::link(
            "/mypage/user",
            ctx.t("button-return-to-details"),
        ));
    pages::ok(&ctx, &page)
}

fn email_link_error(problem: LinkProblem) -> WebError {
    WebError(ErrorKind::Link {
        problem,
        restart: "/mypage/user/email",
    })
}

/// The link from the email shows what will change and asks for one press, so that mail scanners
/// that open links cannot make the change by themselves.
async fn email_change_open(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult {
    let new_email = profile::open_email_change(&st.app, &token)
        .await?
        .map_err(email_link_error)?;
    let page = MessagePage::new(&ctx, "email-change-confirm-title")
        .para(ctx.t1("email-change-confirm-text", "email", &new_email))
        .action(Action::post(
            &format!("/email-change/{token}"),
            ctx.t("button-confirm-change"),
        ));
    Ok(pages::ok(&ctx, &page))
}

async fn email_change_confirm(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult {
    profile::confirm_email_change(&st.app, &token, &ctx.ip)
        .await?
        .map_err(email_link_error)?;
    Ok(pages::see_other("/email-change-done"))
}

async fn email_change_done(ctx: Ctx) -> Response {
    let page = MessagePage::new(&ctx, "email-change-done-title")
        .para(ctx.t("email-change-done-text"))
        .action(Action::link(
            "/mypage/user",
            ctx.t("button-return-to-details"),
        ));
    pages::ok(&ctx, &page)
}

fn password_page(ctx: &Ctx, st: &AppState) -> FormPage {
    let mut fields = vec![
        Field::new(
            ctx,
            "current_password",
            "field-current-password",
            "password",
        )
        .autocomplete("current-password")
        .maxlength(64),
    ];
    fields.extend(new_password_fields(ctx, st));
    FormPage::new(
        ctx,
        "password-change-title",
        "/mypage/user/password",
        "button-change",
        fields,
    )
    .intro(ctx.t("password-change-intro"))
    .back("/mypage/user", ctx.t("button-return-to-details"))
}

async fn password_form(State(st): State<AppState>, SignedIn(ctx, _, _): SignedIn) -> Response {
    pages::ok(&ctx, &password_page(&ctx, &st))
}

async fn password_submit(
    State(st): State<AppState>,
    SignedIn(ctx, su, session): SignedIn,
    form: FormData,
) -> WebResult {
    match profile::change_password(
        &st.app,
        su.user_id,
        &session,
        form.get("current_password"),
        form.get("password"),
        form.get("password_confirm"),
        &ctx.ip,
    )
    .await
    {
        Ok(new_session) => {
            let mut r = pages::see_other("/mypage/user/password/done");
            r.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(
                    session_cookie(st.web.secure),
                    &new_session,
                    None,
                    true,
                    st.web.secure,
                ),
            );
            Ok(r)
        }
        Err(r) => refused(&ctx, password_page(&ctx, &st), r),
    }
}

async fn password_done(SignedIn(ctx, _, _): SignedIn) -> Response {
    let page = MessagePage::new(&ctx, "password-change-done-title")
        .para(ctx.t("password-change-done-text"))
        .action(Action::link(
            "/mypage/user",
            ctx.t("button-return-to-details"),
        ));
    pages::ok(&ctx, &page)
}

/// The entries of Change Other Information as typed.
#[derive(Debug, Clone, Default)]
struct OtherForm {
    telephone: String,
    postal_code: String,
    address: String,
}

impl OtherForm {
    fn from(form: &FormData) -> OtherForm {
        OtherForm {
            telephone: form.get("telephone").to_owned(),
            postal_code: form.get("postal_code").to_owned(),
            address: form.get("address").to_owned(),
        }
    }
}

fn edit_page(ctx: &Ctx, u: &UserRow, f: &OtherForm) -> FormPage {
    let mut fields = Vec::new();
    if u.rasens_approved_at.is_some() {
        fields.push(
            Field::new(ctx, "postal_code", "field-postal-code", "text")
                .value(&f.postal_code)
                .autocomplete("postal-code")
                .inputmode("numeric")
                .maxlength(8)
                .hint(ctx, "hint-postal-code"),
        );
        fields.push(
            Field::new(ctx, "address", "field-address", "text")
                .value(&f.address)
                .autocomplete("street-address")
                .maxlength(ADDRESS_MAX)
                .hint(ctx, "hint-address"),
        );
    }
    fields.push(
        Field::new(ctx, "telephone", "field-telephone", "tel")
            .value(&f.telephone)
            .autocomplete("tel")
            .inputmode("numeric")
            .maxlength(TELEPHONE_MAX + 4)
            .hint(ctx, "hint-telephone"),
    );
    let mut page = FormPage::new(
        ctx,
        "user-edit-title",
        "/mypage/user/edit",
        "button-proceed-confirm",
        fields,
    )
    .intro(ctx.t("user-edit-intro"))
    .back("/mypage/user", ctx.t("button-return-to-details"));
    if u.rasens_approved_at.is_none() {
        page = page.intro(ctx.t("user-edit-address-needs-rasens"));
    }
    page
}

async fn edit_form(State(st): State<AppState>, SignedIn(ctx, su, _): SignedIn) -> WebResult {
    let u = profile::details(&st.app, su.user_id).await?;
    let f = OtherForm {
        telephone: u.telephone.clone(),
        postal_code: u.postal_code.clone().unwrap_or_default(),
        address: u.address.clone().unwrap_or_default(),
    };
    Ok(pages::ok(&ctx, &edit_page(&ctx, &u, &f)))
}

/// Proceed to Confirmation, Postal Code Address Search (without JavaScript), or picking one of the
/// addresses it found.
async fn edit_submit(
    State(st): State<AppState>,
    SignedIn(ctx, su, _): SignedIn,
    form: FormData,
) -> WebResult {
    let u = profile::details(&st.app, su.user_id).await?;
    let mut f = OtherForm::from(&form);
    if form.has("pick_address") {
        f.address = form.get("pick_address").to_owned();
        return Ok(pages::ok(&ctx, &edit_page(&ctx, &u, &f)));
    }
    if form.get("action") == "postal-search" && u.rasens_approved_at.is_some() {
        let mut page;
        match zairyu_app::postal::search(&st.app, &f.postal_code).await? {
            Ok(found) if found.is_empty() => {
                page = edit_page(&ctx, &u, &f).alert(ctx.t("postal-not-found"));
            }
            Ok(found) => {
                let addrs: Vec<String> = found
                    .iter()
                    .map(|r| format!("{}{}{}", r.prefecture, r.city, r.town))
                    .collect();
                if addrs.len() == 1 {
                    f.address = addrs[0].clone();
                    page = edit_page(&ctx, &u, &f);
                } else {
                    page = edit_page(&ctx, &u, &f).alert(ctx.t("postal-choose"));
                    page.postal_choices = addrs;
                }
            }
            Err(problem) => {
                let mut errs = FieldErrors::new();
                errs.add("postal_code", problem);
                return Ok(pages::invalid(&ctx, &edit_page(&ctx, &u, &f).errors(&errs)));
            }
        }
        return Ok(pages::ok(&ctx, &page));
    }
    match profile::check_other_info(&u, &f.telephone, &f.postal_code, &f.address) {
        Ok(info) => {
            let mut rows = user_rows(&ctx, &u);
            for (label, value) in rows.iter_mut() {
                if *label == ctx.t("field-telephone") {
                    *value = info.telephone.clone();
                } else if *label == ctx.t("field-postal-code")
                    && let Some(p) = info
                        .postal_code
                        .as_deref()
                        .and_then(|p| PostalCode::parse(p).ok())
                {
                    *value = p.display();
                } else if *label == ctx.t("field-address")
                    && let Some(a) = &info.address
                {
                    *value = a.clone();
                }
            }
            let page = ConfirmPage {
                ctx: ctx.clone(),
                title: ctx.t("user-edit-confirm-title"),
                lead: ctx.t("confirm-lead"),
                summary: Vec::new(),
                alert: None,
                rows,
                action: "/mypage/user/edit/confirm".into(),
                hidden: vec![
                    ("telephone".into(), info.telephone),
                    ("postal_code".into(), info.postal_code.unwrap_or_default()),
                    ("address".into(), info.address.unwrap_or_default()),
                ],
                back_href: None,
                submit: ctx.t("button-change"),
            };
            Ok(pages::ok(&ctx, &page))
        }
        Err(errs) => Ok(pages::invalid(&ctx, &edit_page(&ctx, &u, &f).errors(&errs))),
    }
}

async fn edit_confirm(
    State(st): State<AppState>,
    SignedIn(ctx, su, _): SignedIn,
    form: FormData,
) -> WebResult {
    let u = profile::details(&st.app, su.user_id).await?;
    let f = OtherForm::from(&form);
    if form.get("action") == "back" {
        return Ok(pages::ok(&ctx, &edit_page(&ctx, &u, &f)));
    }
    match profile::change_other_info(
        &st.app,
        su.user_id,
        &f.telephone,
        &f.postal_code,
        &f.address,
        &ctx.ip,
    )
    .await
    {
        Ok(()) => Ok(pages::see_other("/mypage/user/edit/done")),
        Err(Refusal::Fields(errs)) => {
            Ok(pages::invalid(&ctx, &edit_page(&ctx, &u, &f).errors(&errs)))
        }
        Err(r) => refused(&ctx, edit_page(&ctx, &u, &f), r),
    }
}

async fn edit_done(SignedIn(ctx, _, _): SignedIn) -> Response {
    let page = MessagePage::new(&ctx, "user-edit-done-title")
        .para(ctx.t("user-edit-done-text"))
        .action(Action::link(
            "/mypage/user",
            ctx.t("button-return-to-details"),
        ));
    pages::ok(&ctx, &page)
}

/// Postal Code Address Search for the page script: the addresses for a code, as JSON.
async fn postal_json(
    State(st): State<AppState>,
    SignedIn(_, _, _): SignedIn,
    Path(code): Path<String>,
) -> WebResult {
    let body = match zairyu_app::postal::search(&st.app, &code).await? {
        Ok(rows) => {
            serde_json::json!({ "addresses": rows.iter().map(|r| format!("{}{}{}", r.prefecture, r.city, r.town)).collect::<Vec<_>>() })
        }
        Err(Invalid::Required) | Err(_) => serde_json::json!({ "addresses": [], "invalid": true }),
    };
    Ok(axum::Json(body).into_response())
}

/// Saved entries: every procedure with a draft, to resume or delete.
async fn drafts(State(st): State<AppState>, SignedIn(ctx, su, _): SignedIn) -> WebResult {
    let rows = zairyu_app::filing::drafts(&st.app, su.user_id).await?;
    let items = rows
        .into_iter()
        .map(|d| {
            let name = st
                .app
                .catalogue
                .get(&d.procedure_id)
                .map(|p| p.name.get(ctx.lang()).to_owned())
                .unwrap_or(d.procedure_id.clone());
            (
                d.procedure_id,
                name,
                crate::ctx::format_jst(d.updated_at),
                crate::ctx::format_jst(d.expires_at),
            )
        })
        .collect();
    Ok(pages::ok(
        &ctx,
        &crate::pages::DraftsPage {
            ctx: ctx.clone(),
            days: (st.app.cfg.draft_ttl_ms / zairyu_app::clock::DAY).to_string(),
            items,
        },
    ))
}

async fn delete_draft(
    State(st): State<AppState>,
    SignedIn(_, su, _): SignedIn,
    Path(procedure): Path<String>,
) -> WebResult {
    zairyu_app::filing::delete_draft(&st.app, su.user_id, &procedure).await?;
    Ok(pages::see_other("/mypage/drafts"))
}
