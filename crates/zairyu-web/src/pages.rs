//! Page structs (one per screen shape) and the helpers that turn them into responses.

use crate::ctx::{Ctx, Field};
use crate::error::ErrorKind;
use askama::Template;
use axum::response::{Html, IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use zairyu_app::accounts::LinkProblem;

/// Renders a page; a template failure is logged and becomes the error page.
pub fn render<T: Template>(ctx: &Ctx, status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            error_page(ctx, ErrorKind::Internal)
        }
    }
}

pub fn ok<T: Template>(ctx: &Ctx, page: &T) -> Response {
    render(ctx, StatusCode::OK, page)
}

/// A form page shown again with its errors: 422, so tools and tests can tell it from success.
pub fn invalid<T: Template>(ctx: &Ctx, page: &T) -> Response {
    render(ctx, StatusCode::UNPROCESSABLE_ENTITY, page)
}

/// Post/Redirect/Get.
pub fn see_other(to: &str) -> Response {
    let mut r = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        r.headers_mut().insert(header::LOCATION, v);
    }
    r
}

/// A link or a button on a message page.
#[derive(Debug, Clone)]
pub struct Action {
    pub href: String,
    pub label: String,
    pub primary: bool,
    /// A button that POSTs (with the CSRF token) instead of a link.
    pub post: bool,
}

impl Action {
    pub fn link(href: &str, label: String) -> Action {
        Action {
            href: href.to_owned(),
            label,
            primary: true,
            post: false,
        }
    }

    pub fn secondary(href: &str, label: String) -> Action {
        Action {
            href: href.to_owned(),
            label,
            primary: false,
            post: false,
        }
    }

    pub fn post(href: &str, label: String) -> Action {
        Action {
            href: href.to_owned(),
            label,
            primary: true,
            post: true,
        }
    }
}

/// A page that tells something: email sent, completed, a link that cannot be used, an error.
#[derive(Template)]
#[template(path = "message.html")]
pub struct MessagePage {
    pub ctx: Ctx,
    pub title: String,
    pub alert: Option<String>,
    pub paras: Vec<String>,
    pub highlight: Option<(String, String)>,
    pub important: Option<String>,
    pub actions: Vec<Action>,
}

impl MessagePage {
    pub fn new(ctx: &Ctx, title_key: &str) -> MessagePage {
        MessagePage {
            ctx: ctx.clone(),
            title: ctx.t(title_key),
            alert: None,
            paras: Vec::new(),
            highlight: None,
            important: None,
            actions: Vec::new(),
        }
    }

    pub fn para(mut self, text: String) -> MessagePage {
        self.paras.push(text);
        self
    }

    pub fn action(mut self, a: Action) -> MessagePage {
        self.actions.push(a);
        self
    }
}

/// A form screen.
#[derive(Template)]
#[template(path = "form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    pub title: String,
    pub intro: Vec<String>,
    pub terms: Option<Vec<String>>,
    pub alert: Option<String>,
    pub summary: Vec<(String, String)>,
    pub action: String,
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<Field>,
    pub links: Vec<(String, String)>,
    pub back: Option<(String, String)>,
    pub submit: String,
    /// Addresses found by Postal Code Address Search, offered as buttons (works without JavaScript).
    pub postal_choices: Vec<String>,
}

impl FormPage {
    pub fn new(
        ctx: &Ctx,
        title_key: &str,
        action: &str,
        submit_key: &str,
        fields: Vec<Field>,
    ) -> FormPage {
        FormPage {
            ctx: ctx.clone(),
            title: ctx.t(title_key),
            intro: Vec::new(),
            terms: None,
            alert: None,
            summary: Vec::new(),
            action: action.to_owned(),
            hidden: Vec::new(),
            fields,
            links: Vec::new(),
            back: None,
            submit: ctx.t(submit_key),
            postal_choices: Vec::new(),
        }
    }

    pub fn intro(mut self, text: String) -> FormPage {
        self.intro.push(text);
        self
    }

    pub fn back(mut self, href: &str, label: String) -> FormPage {
        self.back = Some((href.to_owned(), label));
        self
    }

    pub fn link(mut self, href: &str, label: String) -> FormPage {
        self.links.push((href.to_owned(), label));
        self
    }

    /// Shows the refused fields in place and in the summary at the top.
    pub fn errors(mut self, errs: &zairyu_domain::FieldErrors) -> FormPage {
        self.summary = crate::ctx::attach_errors(&self.ctx, &mut self.fields, errs);
        self
    }

    pub fn alert(mut self, text: String) -> FormPage {
        self.alert = Some(text);
        self
    }
}

/// A confirmation screen ("May I register by the following contents?").
#[derive(Template)]
#[template(path = "confirm.html")]
pub struct ConfirmPage {
    pub ctx: Ctx,
    pub title: String,
    pub lead: String,
    pub summary: Vec<(String, String)>,
    pub alert: Option<String>,
    pub rows: Vec<(String, String)>,
    pub action: String,
    pub hidden: Vec<(String, String)>,
    /// Return to Input as a link (when the entries are kept on the server); otherwise a button that
    /// posts the hidden entries back.
    pub back_href: Option<String>,
    pub submit: String,
}

/// The page for an error, in the user's language, with a way on.
pub fn error_page(ctx: &Ctx, kind: ErrorKind) -> Response {
    let home = Action::link("/", ctx.t("button-home"));
    let page = match kind {
        ErrorKind::NotFound => MessagePage::new(ctx, "error-not-found-title")
            .para(ctx.t("error-not-found-text"))
            .action(home),
        ErrorKind::Csrf => MessagePage::new(ctx, "error-csrf-title")
            .para(ctx.t("error-csrf-text"))
            .action(home),
        ErrorKind::TooLarge => MessagePage::new(ctx, "error-too-large-title")
            .para(ctx.t("error-too-large-text"))
            .action(home),
        ErrorKind::BadRequest => MessagePage::new(ctx, "error-bad-request-title")
            .para(ctx.t("error-bad-request-text"))
            .action(home),
        ErrorKind::MethodNotAllowed => MessagePage::new(ctx, "error-bad-request-title")
            .para(ctx.t("error-bad-request-text"))
            .action(home),
        ErrorKind::RateLimited => MessagePage::new(ctx, "error-rate-limited-title")
            .para(ctx.t("error-rate-limited-text"))
            .action(home),
        ErrorKind::Internal => MessagePage::new(ctx, "error-internal-title")
            .para(ctx.t("error-internal-text"))
            .action(home),
        ErrorKind::Link { problem, restart } => {
            let (title, text) = match problem {
                LinkProblem::Expired => ("link-expired-title", "link-expired-text"),
                LinkProblem::Used => ("link-used-title", "link-used-text"),
                LinkProblem::Unknown => ("link-unknown-title", "link-unknown-text"),
            };
            MessagePage::new(ctx, title)
                .para(ctx.t(text))
                .action(Action::link(restart, ctx.t("link-start-again")))
                .action(Action::secondary("/", ctx.t("button-home")))
        }
    };
    render(ctx, kind.status(), &page)
}

/// A notice as listed.
#[derive(Debug, Clone)]
pub struct NoticeItem {
    pub id: i64,
    pub title: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "top.html")]
pub struct TopPage {
    pub ctx: Ctx,
    pub notices: Vec<NoticeItem>,
}

#[derive(Template)]
#[template(path = "notices.html")]
pub struct NoticesPage {
    pub ctx: Ctx,
    pub notices: Vec<NoticeItem>,
}

#[derive(Template)]
#[template(path = "notice.html")]
pub struct NoticePage {
    pub ctx: Ctx,
    pub title: String,
    pub date: String,
    pub paras: Vec<String>,
}

#[derive(Template)]
#[template(path = "mypage.html")]
pub struct MyPage {
    pub ctx: Ctx,
}

/// One mail in the development mailbox; lines flagged true are links.
#[derive(Debug, Clone)]
pub struct MailItem {
    pub subject: String,
    pub to: String,
    pub date: String,
    pub lines: Vec<(String, bool)>,
}

#[derive(Template)]
#[template(path = "mailbox.html")]
pub struct MailboxPage {
    pub ctx: Ctx,
    pub mails: Vec<MailItem>,
}

/// A read-only list of facts with actions below (UserDetails).
#[derive(Template)]
#[template(path = "details.html")]
pub struct DetailsPage {
    pub ctx: Ctx,
    pub title: String,
    pub alert: Option<String>,
    pub rows: Vec<(String, String)>,
    pub actions: Vec<Action>,
}

/// One procedure in the search result.
#[derive(Debug, Clone)]
pub struct ProcedureItem {
    pub id: String,
    /// The explanation page (with `?v=` for an older offered version).
    pub href: String,
    pub name: String,
    pub system: String,
    pub period: String,
}

#[derive(Template)]
#[template(path = "procedures.html")]
pub struct ProceduresPage {
    pub ctx: Ctx,
    pub q: String,
    pub synonyms: bool,
    pub sorts: Vec<(&'static str, String, bool)>,
    pub page_sizes: Vec<(usize, bool)>,
    pub as_of: String,
    pub count_text: String,
    pub items: Vec<ProcedureItem>,
    /// (href, label, current); an empty href is a disabled link.
    pub pages: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "procedure.html")]
pub struct ProcedurePage {
    pub ctx: Ctx,
    pub id: String,
    pub name: String,
    pub explanation: Vec<String>,
    pub contact: Vec<String>,
    pub terms: Vec<String>,
    pub period: String,
    pub facts: Vec<(String, String)>,
    pub closed: Option<String>,
    pub alert: Option<String>,
    pub entry_note: Option<String>,
    /// The online entry screen exists and the procedure is open: offer Agree.
    pub can_enter: bool,
    /// Where Agree leads: the entry screen of the chosen version.
    pub entry_href: String,
    pub favorite: bool,
}

#[derive(Template)]
#[template(path = "favorites.html")]
pub struct FavoritesPage {
    pub ctx: Ctx,
    pub items: Vec<(String, String)>,
}

/// A procedure's entry screen (SPEC §6.1).
#[derive(Template)]
#[template(path = "entry.html")]
pub struct EntryPage {
    pub ctx: Ctx,
    pub procedure_name: String,
    pub contact: Vec<String>,
    pub action: String,
    pub back: String,
    pub sections: Vec<crate::form_view::SectionView>,
    pub summary: Vec<(String, String)>,
    pub alert: Option<String>,
    pub tools: EntryTools,
}

/// The helper links of an entry screen: Save Data (a submit button), Load Data, Auto-Fill.
#[derive(Debug, Clone)]
pub struct EntryTools {
    pub save_label: String,
    pub load: (String, String),
    pub autofill: (String, String),
}

/// Saved entries (server-side drafts) in My Page: (procedure id, name, saved, expires).
#[derive(Template)]
#[template(path = "drafts.html")]
pub struct DraftsPage {
    pub ctx: Ctx,
    pub days: String,
    pub items: Vec<(String, String, String, String)>,
}

/// Auto-Fill's past procedure list (SPEC §6.5).
#[derive(Template)]
#[template(path = "past.html")]
pub struct PastPage {
    pub ctx: Ctx,
    pub procedure_name: String,
    pub action: String,
    /// The form version searched for (kept by the search form as a hidden field).
    pub version: Option<u32>,
    pub select_action: String,
    pub back: String,
    pub q: String,
    pub from: String,
    pub to: String,
    pub from_error: bool,
    pub to_error: bool,
    pub oldest: bool,
    pub page_sizes: Vec<(usize, bool)>,
    pub as_of: String,
    pub count_text: String,
    /// (reference shown, related name, applied at, status, reference value)
    pub items: Vec<(String, String, String, String, String)>,
    pub pages: Vec<(String, String, bool)>,
    pub summary: Vec<(String, String)>,
    pub alert: Option<String>,
}

/// Load Data (SPEC §6.4): choose the file saved with Save Data.
#[derive(Template)]
#[template(path = "load.html")]
pub struct LoadPage {
    pub ctx: Ctx,
    pub procedure_name: String,
    pub action: String,
    pub back: String,
    pub summary: Vec<(String, String)>,
    pub alert: Option<String>,
}

/// One row of the application list.
#[derive(Debug, Clone)]
pub struct ApplicationItem {
    pub name: String,
    pub related: Vec<String>,
    pub applied: String,
    pub status: String,
    pub reference: String,
}

/// Application situation confirmation (SPEC §9.1).
#[derive(Template)]
#[template(path = "applications.html")]
pub struct ApplicationsPage {
    pub ctx: Ctx,
    pub related: String,
    pub procedure: String,
    pub from: String,
    pub to: String,
    pub from_error: bool,
    pub to_error: bool,
    pub oldest: bool,
    pub page_sizes: Vec<(usize, bool)>,
    pub as_of: String,
    pub count_text: String,
    pub items: Vec<ApplicationItem>,
    pub pages: Vec<(String, String, bool)>,
    /// Every status with its meaning (SPEC §9.2).
    pub statuses: Vec<(String, String)>,
    pub summary: Vec<(String, String)>,
    pub alert: Option<String>,
}

/// Details of one filing (SPEC §9.3).
#[derive(Template)]
#[template(path = "application.html")]
pub struct ApplicationPage {
    pub ctx: Ctx,
    pub facts: Vec<(String, String)>,
    /// (when, status, note)
    pub history: Vec<(String, String, String)>,
    pub answers: Vec<(String, String)>,
    /// The facial photo and attachments to download (SPEC §9.3): (slot label, href, file name, size).
    pub attachments: Vec<(String, String, String, String)>,
    /// Where Modify posts, when the filing was sent back and can be corrected.
    pub modify: Option<String>,
}

/// First / Previous / page numbers (two either side) / Next / Last (SPEC §5.1, §9.1), as
/// (href, label, current); an empty href is a disabled link. Nothing when there is one page.
pub fn pagination(
    ctx: &Ctx,
    page: usize,
    pages: usize,
    link: impl Fn(usize) -> String,
) -> Vec<(String, String, bool)> {
    let mut nav = Vec::new();
    if pages <= 1 {
        return nav;
    }
    let maybe = |ok: bool, n: usize| if ok { link(n) } else { String::new() };
    nav.push((maybe(page > 1, 1), ctx.t("pagination-first"), false));
    nav.push((
        maybe(page > 1, page.saturating_sub(1).max(1)),
        ctx.t("pagination-previous"),
        false,
    ));
    for n in page.saturating_sub(2).max(1)..=(page + 2).min(pages) {
        nav.push((link(n), n.to_string(), n == page));
    }
    nav.push((
        maybe(page < pages, (page + 1).min(pages)),
        ctx.t("pagination-next"),
        false,
    ));
    nav.push((maybe(page < pages, pages), ctx.t("pagination-last"), false));
    nav
}
