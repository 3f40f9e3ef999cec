//! The per-request context every page is rendered with.

use std::sync::Arc;
use zairyu_app::sessions::SessionUser;
use zairyu_domain::FieldErrors;
use zairyu_i18n::{I18n, Locale, Value};

/// The four colour schemes of SPEC §2.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    #[default]
    Standard,
    Blue,
    Yellow,
    Black,
}

impl Scheme {
    pub const ALL: [Scheme; 4] = [
        Scheme::Standard,
        Scheme::Blue,
        Scheme::Yellow,
        Scheme::Black,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Scheme::Standard => "standard",
            Scheme::Blue => "blue",
            Scheme::Yellow => "yellow",
            Scheme::Black => "black",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Scheme::Standard => "scheme-standard",
            Scheme::Blue => "scheme-blue",
            Scheme::Yellow => "scheme-yellow",
            Scheme::Black => "scheme-black",
        }
    }

    pub fn from_code(s: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// Everything a page needs to know about the request.
#[derive(Clone)]
pub struct Ctx {
    pub locale: Locale,
    pub scheme: Scheme,
    /// The CSRF token for forms on this page.
    pub csrf: String,
    /// Path and query of this request, for "come back here" links.
    pub path: String,
    pub user: Option<Arc<SessionUser>>,
    /// The raw session id from the cookie (only when the session is live).
    pub session: Option<String>,
    /// The request carried a session cookie that has run out.
    pub session_expired: bool,
    pub ip: String,
    pub i18n: Arc<I18n>,
    /// The development mailbox is on (mail goes to files).
    pub dev_mailbox: bool,
}

impl std::fmt::Debug for Ctx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx")
            .field("locale", &self.locale)
            .field("path", &self.path)
            .finish()
    }
}

impl Ctx {
    /// A message in the page's language.
    pub fn t(&self, key: &str) -> String {
        self.i18n.t(self.locale, key)
    }

    /// A message with one argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        self.i18n
            .ta(self.locale, key, &[(name, Value::from(value.to_owned()))])
    }

    /// A message with several arguments (numbers stay numbers, for Fluent's selectors).
    pub fn ta(&self, key: &str, args: &[(&str, Value<'_>)]) -> String {
        self.i18n.ta(self.locale, key, args)
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub fn locales(&self) -> Vec<(&'static str, &'static str, bool)> {
        Locale::ALL
            .iter()
            .map(|l| (l.code(), l.native_name(), *l == self.locale))
            .collect()
    }

    pub fn schemes(&self) -> Vec<(&'static str, String, bool)> {
        Scheme::ALL
            .iter()
            .map(|s| (s.code(), self.t(s.label_key()), *s == self.scheme))
            .collect()
    }

    /// "Last login date" in Japan time.
    pub fn last_login(&self) -> Option<String> {
        self.user
            .as_ref()
            .and_then(|u| u.previous_login_at)
            .map(format_jst)
    }

    /// Session deadline (ms since epoch) for the idle-timeout dialog, or 0 when not logged in.
    pub fn session_expires(&self) -> i64 {
        self.user.as_ref().map(|u| u.expires_at).unwrap_or(0)
    }

    /// The message shown for a refused field: "{label} is a required field." and the like.
    pub fn field_message(&self, label_key: &str, e: &zairyu_domain::FieldError) -> String {
        let label = self.t(label_key);
        let mut args: Vec<(&str, Value<'_>)> = vec![("field", Value::from(label))];
        if let Some(b) = e.problem.bound() {
            args.push(("bound", Value::from(b as i64)));
        }
        self.i18n.ta(self.locale, e.problem.message_key(), &args)
    }
}

/// An instant as `2026/11/21 14:05` in Japan Standard Time.
pub fn format_jst(ms: i64) -> String {
    zairyu_app::filing::jst_date(ms)
}

/// A field as a form page shows it.
#[derive(Debug, Clone, Default)]
pub struct Field {
    pub name: &'static str,
    pub label_key: &'static str,
    pub label: String,
    pub value: String,
    /// text, email, password, tel or radio.
    pub kind: &'static str,
    pub required: bool,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub autocomplete: &'static str,
    pub maxlength: usize,
    /// For radio groups: (value, label, checked).
    pub options: Vec<(String, String, bool)>,
    /// Extra CSS class on the input (e.g. upper-case display).
    pub class: &'static str,
    pub inputmode: &'static str,
}

impl Field {
    pub fn new(
        ctx: &Ctx,
        name: &'static str,
        label_key: &'static str,
        kind: &'static str,
    ) -> Field {
        Field {
            name,
            label_key,
            label: ctx.t(label_key),
            kind,
            required: true,
            ..Field::default()
        }
    }

    pub fn value(mut self, v: &str) -> Field {
        self.value = v.to_owned();
        self
    }

    pub fn hint(mut self, ctx: &Ctx, key: &str) -> Field {
        self.hint = Some(ctx.t(key));
        self
    }

    pub fn autocomplete(mut self, a: &'static str) -> Field {
        self.autocomplete = a;
        self
    }

    pub fn maxlength(mut self, n: usize) -> Field {
        self.maxlength = n;
        self
    }

    pub fn class(mut self, c: &'static str) -> Field {
        self.class = c;
        self
    }

    pub fn inputmode(mut self, m: &'static str) -> Field {
        self.inputmode = m;
        self
    }

    pub fn optional(mut self) -> Field {
        self.required = false;
        self
    }

    pub fn options(mut self, opts: Vec<(String, String, bool)>) -> Field {
        self.options = opts;
        self
    }

    pub fn describedby(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }
}

/// Puts each refused field's message on its field, and returns the error summary (field id, message).
pub fn attach_errors(ctx: &Ctx, fields: &mut [Field], errs: &FieldErrors) -> Vec<(String, String)> {
    let mut summary = Vec::new();
    for f in fields.iter_mut() {
        if let Some(e) = errs.get(f.name) {
            let msg = ctx.field_message(f.label_key, e);
            summary.push((format!("f-{}", f.name), msg.clone()));
            f.error = Some(msg);
        }
    }
    summary
}
