//! User registration screens (SPEC §3): Explanation of User Registration → Email address enter →
//! Email Sent → UserRegister → UserRegister confirmation → UserRegisterCompleted.

use crate::AppState;
use crate::ctx::{Ctx, Field};
use crate::error::{ErrorKind, WebError, WebResult};
use crate::forms::FormData;
use crate::pages::{self, Action, ConfirmPage, FormPage, MessagePage};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use http::StatusCode;
use zairyu_app::accounts::registration::{self, Details, EmailEntry};
use zairyu_app::accounts::{LinkProblem, Refusal};
use zairyu_domain::UserType;
use zairyu_domain::contact::{EMAIL_MAX, NAME_MAX, TELEPHONE_MAX};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/register", get(terms).post(agree))
        .route("/register/email", get(email_form).post(email_submit))
        .route("/register/sent", get(sent))
        .route("/register/{token}", get(details_form).post(details_submit))
        .route(
            "/register/{token}/confirm",
            get(confirm_page).post(complete),
        )
}

fn link_error(problem: LinkProblem) -> WebError {
    WebError(ErrorKind::Link {
        problem,
        restart: "/register",
    })
}

/// The terms of use, shown before registering (the Japanese text is authoritative).
pub fn terms_paragraphs(ctx: &Ctx) -> Vec<String> {
    ["terms-1", "terms-2", "terms-3", "terms-4"]
        .iter()
        .map(|k| ctx.t(k))
        .collect()
}

async fn terms(ctx: Ctx) -> Response {
    let mut page = FormPage::new(
        &ctx,
        "register-explanation-title",
        "/register",
        "button-agree",
        Vec::new(),
    )
    .intro(ctx.t("register-explanation-text"))
    .intro(ctx.t("register-explanation-agree"));
    page.terms = Some(terms_paragraphs(&ctx));
    pages::ok(&ctx, &page)
}

async fn agree() -> Response {
    pages::see_other("/register/email")
}

fn email_page(ctx: &Ctx, input: &EmailEntry) -> FormPage {
    let fields = vec![
        Field::new(ctx, "email", "field-email", "email")
            .value(&input.email)
            .autocomplete("email")
            .maxlength(EMAIL_MAX)
            .hint(ctx, "hint-email"),
        Field::new(ctx, "email_confirm", "field-email-confirm", "email")
            .value(&input.email_confirm)
            .autocomplete("email")
            .maxlength(EMAIL_MAX),
    ];
    FormPage::new(
        ctx,
        "register-email-title",
        "/register/email",
        "button-register",
        fields,
    )
    .intro(ctx.t("register-email-intro"))
    .back("/register", ctx.t("button-back"))
}

async fn email_form(ctx: Ctx) -> Response {
    pages::ok(&ctx, &email_page(&ctx, &EmailEntry::default()))
}

async fn email_submit(State(st): State<AppState>, ctx: Ctx, form: FormData) -> WebResult {
    let input = EmailEntry {
        email: form.get("email").to_owned(),
        email_confirm: form.get("email_confirm").to_owned(),
    };
    match registration::request(&st.app, &input, ctx.lang(), &ctx.ip).await {
        Ok(()) => Ok(pages::see_other("/register/sent")),
        Err(r) => refused(&ctx, email_page(&ctx, &input), r),
    }
}

/// The same form again: every refused field marked, everything typed kept (passwords excepted).
pub fn refused(ctx: &Ctx, page: FormPage, r: Refusal) -> WebResult {
    match r {
        Refusal::Fields(errs) => Ok(pages::invalid(ctx, &page.errors(&errs))),
        Refusal::RateLimited => Ok(pages::render(
            ctx,
            StatusCode::TOO_MANY_REQUESTS,
            &page.alert(ctx.t("error-rate-limited-text")),
        )),
        Refusal::App(e) => Err(e.into()),
    }
}

async fn sent(ctx: Ctx) -> Response {
    let page = MessagePage::new(&ctx, "register-sent-title")
        .para(ctx.t("register-sent-text"))
        .para(ctx.t("register-sent-hours"))
        .para(ctx.t("mail-not-arriving"))
        .action(Action::link("/", ctx.t("button-home")));
    pages::ok(&ctx, &page)
}

fn details_page(ctx: &Ctx, st: &AppState, token: &str, email: &str, d: &Details) -> FormPage {
    let policy = st.app.cfg.password_policy;
    let types = UserType::ALL
        .iter()
        .map(|t| {
            (
                t.code().to_owned(),
                ctx.t(t.label_key()),
                d.user_type == t.code(),
            )
        })
        .collect();
    let pw_hint = ctx.i18n.ta(
        ctx.locale,
        "hint-password",
        &[
            ("min", (policy.min as i64).into()),
            ("max", (policy.max as i64).into()),
        ],
    );
    let fields = vec![
        Field::new(ctx, "user_type", "field-user-type", "radio").options(types),
        Field::new(ctx, "name", "field-name-en", "text")
            .value(&d.name)
            .autocomplete("name")
            .maxlength(NAME_MAX)
            .class("upper")
            .hint(ctx, "hint-name-en"),
        Field::new(ctx, "telephone", "field-telephone", "tel")
            .value(&d.telephone)
            .autocomplete("tel")
            .inputmode("numeric")
            .maxlength(TELEPHONE_MAX + 4)
            .hint(ctx, "hint-telephone"),
        Field {
            hint: Some(pw_hint),
            ..Field::new(ctx, "password", "field-password", "password")
                .autocomplete("new-password")
                .maxlength(policy.max)
        },
        Field::new(
            ctx,
            "password_confirm",
            "field-password-confirm",
            "password",
        )
        .autocomplete("new-password")
        .maxlength(policy.max)
        .hint(ctx, "hint-password-confirm"),
    ];
    FormPage::new(
        ctx,
        "register-details-title",
        &format!("/register/{token}"),
        "button-proceed-confirm",
        fields,
    )
    .intro(ctx.t("register-details-intro"))
    .intro(format!("{}: {}", ctx.t("field-email"), email))
}

async fn details_form(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult {
    let ticket = registration::open(&st.app, &token)
        .await?
        .map_err(link_error)?;
    let d = ticket
        .draft
        .map(|d| Details {
            user_type: d.user_type,
            name: d.name,
            telephone: d.telephone,
            ..Details::default()
        })
        .unwrap_or_default();
    Ok(pages::ok(
        &ctx,
        &details_page(&ctx, &st, &token, &ticket.email, &d),
    ))
}

async fn details_submit(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    form: FormData,
) -> WebResult {
    let ticket = registration::open(&st.app, &token)
        .await?
        .map_err(link_error)?;
    let d = Details {
        user_type: form.get("user_type").to_owned(),
        name: form.get("name").to_owned(),
        telephone: form.get("telephone").to_owned(),
        password: form.get("password").to_owned(),
        password_confirm: form.get("password_confirm").to_owned(),
    };
    match registration::confirm(&st.app, &token, &d).await {
        Ok(Ok(())) => Ok(pages::see_other(&format!("/register/{token}/confirm"))),
        Ok(Err(p)) => Err(link_error(p)),
        Err(r) => refused(&ctx, details_page(&ctx, &st, &token, &ticket.email, &d), r),
    }
}

fn user_type_label(ctx: &Ctx, code: &str) -> String {
    UserType::parse(code)
        .map(|t| ctx.t(t.label_key()))
        .unwrap_or_default()
}

async fn confirm_page(
    State(st): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> WebResult {
    let ticket = registration::open(&st.app, &token)
        .await?
        .map_err(link_error)?;
    let Some(d) = ticket.draft else {
        // Nothing confirmed yet (a bookmark or Back past the form): the form itself.
        return Ok(pages::see_other(&format!("/register/{token}")));
    };
    let page = ConfirmPage {
        ctx: ctx.clone(),
        title: ctx.t("register-confirm-title"),
        lead: ctx.t("confirm-lead"),
        summary: Vec::new(),
        alert: None,
        rows: vec![
            (
                ctx.t("field-user-type"),
                user_type_label(&ctx, &d.user_type),
            ),
            (ctx.t("field-name-en"), d.name),
            (ctx.t("field-telephone"), d.telephone),
            (ctx.t("field-email"), ticket.email),
        ],
        action: format!("/register/{token}/confirm"),
        hidden: Vec::new(),
        back_href: Some(format!("/register/{token}")),
        submit: ctx.t("button-register"),
    };
    Ok(pages::ok(&ctx, &page))
}

async fn complete(State(st): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> WebResult {
    let done = registration::complete(&st.app, &token, &ctx.ip)
        .await?
        .map_err(link_error)?;
    let mut page = MessagePage::new(&ctx, "register-complete-title")
        .para(ctx.t1("register-complete-text", "name", &done.name))
        .action(Action::link("/login", ctx.t("button-return-to-login")));
    page.highlight = Some((ctx.t("field-user-id"), done.login_id.to_string()));
    page.important = Some(format!(
        "{} {}",
        ctx.t("register-complete-screenshot"),
        ctx.t("register-complete-not-applied")
    ));
    Ok(pages::ok(&ctx, &page))
}
