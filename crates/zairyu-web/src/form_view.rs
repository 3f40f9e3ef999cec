//! Turns a form definition and answers into what the entry template shows: every section and field
//! with its value, options, hint and error, in the user's language.
//!
//! The server decides what is shown (the form works without JavaScript: a choice that changes the
//! fields below offers an "Update the form" button that re-renders on the server). Every section and
//! field is rendered all the same, so the browser can mirror the conditions: a wrapper with a
//! condition carries it as JSON in `data-show-if`, one the server judged hidden has the `hidden`
//! attribute, and the inputs of a hidden field are `disabled`, so the browser never sends them (the
//! server would drop them anyway). `static/app.js` re-evaluates the conditions as the user answers.
//!
//! The JSON has the shape of the definition's `show_if`, with field ids replaced by the HTML names
//! the browser reads (row-scoped references already resolved to `group[i].id`):
//! `{"field":"status","equals":"student"}`, `{"field":"status","in":["a","b"]}`,
//! `{"field":"mobile","filled":true}`, `{"all":[…]}`, `{"any":[…]}`, `{"not":{…}}`.

use crate::ctx::Ctx;
use serde_json::{Value, json};
use std::collections::HashMap;
use zairyu_forms::{
    Answers, Condition, DateUnknown, Field, FieldKind, FormDef, FormErrors, RefScope, Visibility,
};

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
    /// The field's own condition as JSON for the browser (`data-show-if`); empty when it has none.
    pub show_if: String,
    /// The wrapper carries `hidden`: the field has a condition and the server judged it hidden.
    pub hidden: bool,
    /// The field is not shown (its own condition, its section's or its group's): its inputs are
    /// `disabled` and no error is placed on it.
    pub disabled: bool,
    /// For file slots (filled in by `routes::attachments::decorate`): the files attached, what the
    /// file input accepts, how many files the slot holds, and where Attach and Remove post.
    pub files: Vec<FileItem>,
    pub accept: &'static str,
    pub max_files: usize,
    pub upload_action: String,
    pub remove_action: String,
    /// Filled from the My Number Card reading: shown as text marked "Basic 4 Info Read", no input
    /// (the server puts the card's value in whatever is sent).
    pub card_read: bool,
    /// For a top-level postal code with an address field: that field's element id, for Postal Code
    /// Address Search (the button's script fills it; without the script the server does).
    pub postal_address: String,
    /// Addresses to choose from after a search without the script found several.
    pub postal_choices: Vec<String>,
}

/// A file attached to a slot.
#[derive(Debug, Clone, Default)]
pub struct FileItem {
    pub id: String,
    pub name: String,
    /// "1.2 MB".
    pub size: String,
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
    /// The element id (`s-user_info`).
    pub id: String,
    pub title: String,
    pub hint: Option<String>,
    pub fields: Vec<FieldView>,
    /// The section's condition as JSON for the browser; empty when it has none.
    pub show_if: String,
    /// The server judged the section hidden (it has a condition that does not hold).
    pub hidden: bool,
}

/// A condition as the JSON the browser evaluates, field references turned into HTML names: within
/// row `row` of group `group`, a row-scoped reference names that row's field.
pub fn condition_json(c: &Condition, row: Option<(&str, usize)>) -> Value {
    let name = |f: &zairyu_forms::FieldRef| match (f.scope(), row) {
        (RefScope::Row, Some((group, i))) => format!("{group}[{i}].{}", f.id()),
        _ => f.id().to_owned(),
    };
    match c {
        Condition::Equals { field, value } => json!({ "field": name(field), "equals": value }),
        Condition::In { field, values } => json!({ "field": name(field), "in": values }),
        Condition::Filled { field, filled } => json!({ "field": name(field), "filled": filled }),
        Condition::All(cs) => {
            json!({ "all": cs.iter().map(|c| condition_json(c, row)).collect::<Vec<_>>() })
        }
        Condition::Any(cs) => {
            json!({ "any": cs.iter().map(|c| condition_json(c, row)).collect::<Vec<_>>() })
        }
        Condition::Not(c) => json!({ "not": condition_json(c, row) }),
    }
}

fn show_if_attr(c: Option<&Condition>, row: Option<(&str, usize)>) -> String {
    c.map(|c| condition_json(c, row).to_string())
        .unwrap_or_default()
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

    /// The view of field `f` rendered as `name`; `row` is the group and row it sits in, if any.
    fn field(
        &mut self,
        f: &Field,
        name: &str,
        visible: bool,
        row: Option<(&str, usize)>,
    ) -> FieldView {
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
            show_if: show_if_attr(f.show_if(), row),
            hidden: !visible && f.show_if().is_some(),
            disabled: !visible,
            ..FieldView::default()
        };
        // Answers to hidden fields are dropped, so they never carry errors; the summary links only
        // to fields on show.
        if visible {
            v.error = self.error(name, &id);
        }
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
            FieldKind::PostalCode { address_field } => {
                if row.is_none()
                    && let Some(a) = address_field
                {
                    v.postal_address = element_id(a);
                }
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
            FieldKind::File { accept, max_files } => {
                v.widget = "file";
                v.max_files = *max_files;
                let pdf = accept.contains(&zairyu_forms::FileType::Pdf);
                let jpeg = accept.contains(&zairyu_forms::FileType::Jpeg);
                // A hint to the browser's file picker only; the server judges the content.
                v.accept = match (pdf, jpeg) {
                    (true, false) => ".pdf,application/pdf",
                    (false, true) => ".jpg,.jpeg,image/jpeg",
                    _ => ".pdf,.jpg,.jpeg,application/pdf,image/jpeg",
                };
            }
            FieldKind::Group { max_rows, .. } => {
                v.widget = "group";
                v.max_rows = *max_rows;
            }
        }
        v
    }
}

/// Every section, field and row for `answers`, each marked shown or hidden as the server judges it,
/// with errors placed on the shown ones; also the summary of errors (element id, message) for the
/// top of the page.
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
        let section_shown = vis.section(s.id());
        let mut fields = Vec::new();
        for f in s.fields() {
            let mut view = b.field(f, f.id(), vis.field(f.id()), None);
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
                        // Rows past the answered ones are judged as empty rows.
                        let visible = vis.row_field(f.id(), row, cf.id());
                        cells.push(b.field(cf, &name, visible, Some((f.id(), row))));
                    }
                    view.rows.push(cells);
                }
            }
            fields.push(view);
        }
        sections.push(SectionView {
            id: format!("s-{}", s.id()),
            title: s.title().get(lang).to_owned(),
            hint: s.hint().map(|h| h.get(lang).to_owned()),
            fields,
            show_if: show_if_attr(s.show_if(), None),
            hidden: !section_shown && s.show_if().is_some(),
        });
    }
    (sections, b.summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ctx::Scheme;
    use askama::Template;
    use std::sync::Arc;
    use zairyu_forms::{Date, OptionLists};
    use zairyu_i18n::{I18n, Locale};

    const FORM: &str = r#"
id = "conditions"
version = 1
title = { ja = "条件", en = "Conditions" }

[[sections]]
id = "first"
title = { ja = "一", en = "First" }

[[sections.fields]]
id = "status"
kind = "radio"
label = { ja = "資格", en = "Status" }
options = [
  { value = "student", label = { ja = "留学", en = "Student" } },
  { value = "worker", label = { ja = "就労", en = "Worker" } },
]

[[sections.fields]]
id = "school"
kind = "text"
max_len = 40
required = true
label = { ja = "学校", en = "School" }
show_if = { field = "status", equals = "student" }

[[sections.fields]]
id = "family"
kind = "group"
max_rows = 3
label = { ja = "家族", en = "Family" }
show_if = { any = [ { field = "status", in = ["student", "worker"] }, { not = { field = "school", filled = true } } ] }

[[sections.fields.fields]]
id = "relationship"
kind = "select"
label = { ja = "続柄", en = "Relationship" }
options = [
  { value = "child", label = { ja = "子", en = "Child" } },
  { value = "other", label = { ja = "その他", en = "Others" } },
]

[[sections.fields.fields]]
id = "relationship_other"
kind = "text"
max_len = 40
required = true
label = { ja = "続柄（その他）", en = "Relationship (others)" }
show_if = { all = [ { field = "relationship", equals = "other" }, { field = "status", filled = true } ] }

[[sections]]
id = "work"
title = { ja = "勤務", en = "Work" }
show_if = { field = "status", equals = "worker" }

[[sections.fields]]
id = "employer"
kind = "text"
max_len = 40
required = true
label = { ja = "勤務先", en = "Employer" }
"#;

    fn ctx() -> Ctx {
        Ctx {
            locale: Locale::En,
            scheme: Scheme::Standard,
            csrf: "token".into(),
            path: "/".into(),
            user: None,
            session: None,
            session_expired: false,
            ip: "127.0.0.1".into(),
            i18n: Arc::new(I18n::load().expect("locales")),
            dev_mailbox: false,
        }
    }

    fn form() -> FormDef {
        FormDef::parse(FORM, &OptionLists::new()).expect("the test form is valid")
    }

    fn answers(form: &FormDef, pairs: &[(&str, &str)]) -> Answers {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Answers::from_pairs(form, &pairs)
    }

    fn field<'a>(sections: &'a [SectionView], name: &str) -> &'a FieldView {
        sections
            .iter()
            .flat_map(|s| s.fields.iter())
            .flat_map(|f| std::iter::once(f).chain(f.rows.iter().flatten()))
            .find(|f| f.name == name)
            .unwrap_or_else(|| panic!("{name} is rendered"))
    }

    #[test]
    fn conditions_become_json_with_html_names() {
        let form = form();
        let school = form.field("school").unwrap().show_if().unwrap();
        assert_eq!(
            condition_json(school, None).to_string(),
            r#"{"equals":"student","field":"status"}"#
        );
        let family = form.field("family").unwrap().show_if().unwrap();
        assert_eq!(
            condition_json(family, None),
            json!({ "any": [
                { "field": "status", "in": ["student", "worker"] },
                { "not": { "field": "school", "filled": true } },
            ] })
        );
        // Row scope resolves to the same row's field; form scope stays top-level.
        let other = form
            .field_at_path("family.relationship_other")
            .unwrap()
            .show_if()
            .unwrap();
        assert_eq!(
            condition_json(other, Some(("family", 2))),
            json!({ "all": [
                { "field": "family[2].relationship", "equals": "other" },
                { "field": "status", "filled": true },
            ] })
        );
    }

    #[test]
    fn hidden_parts_are_rendered_hidden_and_disabled() {
        let form = form();
        let ctx = ctx();
        let a = answers(&form, &[("status", "student")]);
        let (sections, _) = build(&ctx, &form, &a, None);
        assert_eq!(sections.len(), 2, "hidden sections are rendered too");
        let work = &sections[1];
        assert!(work.hidden);
        assert_eq!(work.id, "s-work");
        assert_eq!(work.show_if, r#"{"equals":"worker","field":"status"}"#);
        let employer = field(&sections, "employer");
        assert!(employer.disabled, "inside a hidden section");
        assert!(
            !employer.hidden,
            "no condition of its own: the section hides it"
        );
        assert!(employer.show_if.is_empty());
        let school = field(&sections, "school");
        assert!(!school.hidden && !school.disabled);
        let status = field(&sections, "status");
        assert!(status.changes_following && status.show_if.is_empty());
        // The empty row of the group: its conditional field is judged as in an empty row.
        let other = field(&sections, "family[0].relationship_other");
        assert!(other.hidden && other.disabled);
        assert!(other.show_if.contains("family[0].relationship"));
        assert!(!field(&sections, "family[0].relationship").disabled);

        let a = answers(
            &form,
            &[
                ("status", "worker"),
                ("family[0].relationship", "other"),
                ("family[1].relationship", "child"),
            ],
        );
        let (sections, _) = build(&ctx, &form, &a, None);
        assert!(!sections[1].hidden);
        assert!(!field(&sections, "employer").disabled);
        assert!(field(&sections, "school").hidden);
        assert_eq!(sections[0].fields[2].rows.len(), 3);
        assert!(!field(&sections, "family[0].relationship_other").hidden);
        assert!(field(&sections, "family[1].relationship_other").hidden);
        assert!(field(&sections, "family[2].relationship_other").hidden);
    }

    #[test]
    fn errors_and_the_summary_name_shown_fields_only() {
        let form = form();
        let ctx = ctx();
        let a = answers(&form, &[("status", "worker")]);
        let errs = form
            .validate(&a, Date::from_ymd(2026, 1, 1).unwrap())
            .expect_err("the employer is required");
        let (sections, summary) = build(&ctx, &form, &a, Some(&errs));
        let ids: Vec<&str> = summary.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["f-employer"]);
        assert!(field(&sections, "employer").error.is_some());
        assert!(field(&sections, "school").error.is_none());
    }

    #[test]
    fn the_page_marks_hidden_wrappers_and_disables_their_inputs() {
        let form = form();
        let ctx = ctx();
        let a = answers(&form, &[("status", "student")]);
        let (sections, summary) = build(&ctx, &form, &a, None);
        let html = crate::pages::EntryPage {
            ctx: ctx.clone(),
            procedure_name: "Conditions".into(),
            contact: Vec::new(),
            action: "/procedures/x/entry".into(),
            back: "/procedures/x".into(),
            sections,
            summary,
            alert: None,
            tools: crate::pages::EntryTools {
                save_label: "Save Data".into(),
                load: ("/procedures/x/load".into(), "Load Data".into()),
                autofill: ("/procedures/x/past".into(), "Auto-Fill".into()),
            },
        }
        .render()
        .unwrap();
        assert!(html.contains(
            r#"<section class="form-section" id="s-work" data-show-if="{&#34;equals&#34;:&#34;worker&#34;,&#34;field&#34;:&#34;status&#34;}" hidden>"#
        ), "{html}");
        assert!(html.contains(r#"name="employer" id="f-employer" value="" disabled"#));
        assert!(html.contains(r#"name="school" id="f-school" value="" maxlength"#));
        assert!(html.contains(
            r#"<fieldset class="group" id="f-family" data-field="family" data-show-if="#
        ));
        assert!(html.contains(r#"name="family[0].relationship_other" id="f-family-0-relationship_other" value="" disabled"#));
        // The server's "Update the form" stays for pages without JavaScript; the script hides it.
        assert!(html.contains(r#"value="refresh" class="button-small js-refresh""#));
        assert!(!html.contains("style="), "CSP: no inline styles");
    }
}
