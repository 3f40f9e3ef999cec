//! Turns a form definition and answers into what the entry template shows: every visible section
//! and field with its value, options, hint and error, in the user's language. Hidden fields are not
//! rendered at all, so the form works without JavaScript: a choice that changes the fields below
//! offers an "Update the form" button that re-renders on the server.

use crate::ctx::Ctx;
use std::collections::HashMap;
use zairyu_forms::{Answers, DateUnknown, Field, FieldKind, FormDef, FormErrors, Visibility};

/// One input as the template draws it.
#[derive(Debug, Clone, Default)]
pub struct FieldView {
    /// The HTML name (`name_en`, `family[0].name`).
    pub name: String,
    /// The element id (`f-name_en`, `f-family-0-name`).
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub required: bool,
    /// input, textarea, select, radio, checkbox, checkboxes, date, group, file.
    pub widget: &'static str,
    /// For `input`: text, email, tel.
    pub input_type: &'static str,
    pub inputmode: &'static str,
    pub maxlength: usize,
    pub value: String,
    /// (value, label, selected)
    pub options: Vec<(String, String, bool)>,
    /// For dates with unknown parts: the chosen unknown-part code.
    pub unknown_options: Vec<(String, String, bool)>,
    pub changes_following: bool,
    /// For groups: the rows, each a list of fields.
    pub rows: Vec<Vec<FieldView>>,
    pub max_rows: usize,
}

impl FieldView {
    pub fn describedby(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

#[derive(Debug, Clone)]
pub struct SectionView {
    pub title: String,
    pub hint: Option<String>,
    pub fields: Vec<FieldView>,
}

fn element_id(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("f-{}", cleaned.trim_matches('-').replace("--", "-"))
}

struct Builder<'a> {
    ctx: &'a Ctx,
    form: &'a FormDef,
    values: HashMap<String, Vec<String>>,
    errors: Option<&'a FormErrors>,
    summary: Vec<(String, String)>,
}

impl Builder<'_> {
    fn first(&self, name: &str) -> String {
        self.values
            .get(name)
            .and_then(|v| v.last())
            .cloned()
            .unwrap_or_default()
    }

    fn error(&mut self, path: &str, id: &str) -> Option<String> {
        let e = self.errors?.get(path)?;
        let args = self.form.error_args(e, self.ctx.lang());
        let values: Vec<(&str, zairyu_i18n::Value<'_>)> = args
            .iter()
            .map(|(k, v)| (*k, zairyu_i18n::Value::from(v.clone())))
            .collect();
        let msg = self
            .ctx
            .i18n
            .ta(self.ctx.locale, e.code.message_key(), &values);
        self.summary.push((id.to_owned(), msg.clone()));
        Some(msg)
    }

    fn field(&mut self, f: &Field, name: &str, visible: bool) -> Option<FieldView> {
        if !visible {
            return None;
        }
        let lang = self.ctx.lang();
        let id = element_id(name);
        let mut v = FieldView {
            name: name.to_owned(),
            id: id.clone(),
            label: f.label().get(lang).to_owned(),
            hint: f.hint().map(|h| h.get(lang).to_owned()),
            required: f.required(),
            widget: "input",
            input_type: "text",
            changes_following: f.changes_following() || self.form.affects_others(f),
            ..FieldView::default()
        };
        v.error = self.error(name, &id);
        let value = self.first(name);
        match f.kind() {
            FieldKind::Text { max_len, .. } => {
                v.maxlength = *max_len;
                v.value = value;
            }
            FieldKind::Textarea { max_len, .. } => {
                v.widget = "textarea";
                v.maxlength = *max_len;
                v.value = value;
            }
            FieldKind::Email => {
                v.input_type = "email";
                v.maxlength = 60;
                v.value = value;
            }
            FieldKind::Telephone => {
                v.input_type = "tel";
                v.inputmode = "numeric";
                v.maxlength = 16;
                v.value = value;
            }
            FieldKind::PostalCode { .. } => {
                v.inputmode = "numeric";
                v.maxlength = 8;
                v.value = value;
            }
            FieldKind::Address => {
                v.maxlength = 85;
                v.value = value;
            }
            FieldKind::ResidenceCardNumber => {
                v.maxlength = 14;
                v.value = value;
            }
            FieldKind::Date { allow_unknown, .. } => {
                v.widget = "date";
                v.inputmode = "numeric";
                v.maxlength = 10;
                v.value = value;
                if *allow_unknown {
                    let chosen = self.first(&format!("{name}.unknown"));
                    v.unknown_options = [
                        DateUnknown::None,
                        DateUnknown::All,
                        DateUnknown::MonthDay,
                        DateUnknown::Day,
                    ]
                    .iter()
                    .map(|u| {
                        let selected =
                            chosen == u.code() || (chosen.is_empty() && *u == DateUnknown::None);
                        (u.code().to_owned(), self.ctx.t(u.label_key()), selected)
                    })
                    .collect();
                }
            }
            FieldKind::Select { options } | FieldKind::Radio { options } => {
                v.widget = if matches!(f.kind(), FieldKind::Select { .. }) {
                    "select"
                } else {
                    "radio"
                };
                v.options = options
                    .iter()
                    .map(|o| {
                        (
                            o.value().to_owned(),
                            o.label().get(lang).to_owned(),
                            o.value() == value,
                        )
                    })
                    .collect();
            }
            FieldKind::Checkbox => {
                v.widget = "checkbox";
                v.value = value;
            }
            FieldKind::Checkboxes { options } => {
                v.widget = "checkboxes";
                let chosen = self.values.get(name).cloned().unwrap_or_default();
                v.options = options
                    .iter()
                    .map(|o| {
                        (
                            o.value().to_owned(),
                            o.label().get(lang).to_owned(),
                            chosen.iter().any(|c| c == o.value()),
                        )
                    })
                    .collect();
            }
            FieldKind::File { .. } => {
                v.widget = "file";
            }
            FieldKind::Group { max_rows, .. } => {
                v.widget = "group";
                v.max_rows = *max_rows;
            }
        }
        Some(v)
    }
}

/// The visible sections, fields and rows for `answers`, with errors placed; also the summary of
/// errors (element id, message) for the top of the page.
pub fn build(
    ctx: &Ctx,
    form: &FormDef,
    answers: &Answers,
    errors: Option<&FormErrors>,
) -> (Vec<SectionView>, Vec<(String, String)>) {
    let mut values: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in answers.to_pairs() {
        values.entry(k).or_default().push(v);
    }
    let mut b = Builder {
        ctx,
        form,
        values,
        errors,
        summary: Vec::new(),
    };
    let vis: Visibility<'_> = form.visible(answers);
    let lang = ctx.lang();
    let mut sections = Vec::new();
    for s in form.sections() {
        if !vis.section(s.id()) {
            continue;
        }
        let mut fields = Vec::new();
        for f in s.fields() {
            let Some(mut view) = b.field(f, f.id(), vis.field(f.id())) else {
                continue;
            };
            if let FieldKind::Group { max_rows, .. } = f.kind() {
                let filled = match answers.get(f.id()) {
                    Some(zairyu_forms::Answer::Rows(r)) => r.len(),
                    _ => 0,
                };
                // The filled rows and one empty row to add another, up to the maximum.
                let shown = (filled + 1).min(*max_rows);
                for row in 0..shown {
                    let mut cells = Vec::new();
                    for cf in f.row_fields() {
                        let name = format!("{}[{row}].{}", f.id(), cf.id());
                        let visible = row >= filled || vis.row_field(f.id(), row, cf.id());
                        if let Some(c) = b.field(cf, &name, visible) {
                            cells.push(c);
                        }
                    }
                    view.rows.push(cells);
                }
            }
            fields.push(view);
        }
        sections.push(SectionView {
            title: s.title().get(lang).to_owned(),
            hint: s.hint().map(|h| h.get(lang).to_owned()),
            fields,
        });
    }
    (sections, b.summary)
}
