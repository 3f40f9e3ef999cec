//! The confirmation screen ("check your answers", SPEC §6.3): every shown answer in form order, with
//! option labels rather than codes, in the person's language.

use crate::def::FormDef;
use crate::eval::{Cleaned, group_rows};
use crate::kinds;

/// What the value cell of a confirmation row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SummaryValue {
    /// A heading row (a section, a group, a group row): no value.
    Heading,
    /// Nothing was entered (an optional field left blank).
    Empty,
    /// Text to show as it is (escaped by the template).
    Text(String),
    /// A UI message to translate: `form-yes`, `form-no`, `form-date-unknown`,
    /// `form-date-month-day-unknown` / `form-date-day-unknown` (`$value` = the known part),
    /// `form-files` (`$value` = the number of files).
    Message {
        key: &'static str,
        arg: Option<String>,
    },
}

/// One row of the confirmation screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryRow {
    /// The section id, or the field's path (`name`, `family`, `family[0]`, `family[0].name`), for
    /// "Change" links and test assertions.
    pub path: String,
    /// The section title or field label in the language; a group row is the group label and its
    /// number (`Family member 1`).
    pub label: String,
    pub value: SummaryValue,
    /// 0 for sections, 1 for fields, 2 for a group's rows, 3 for the fields of a row.
    pub depth: u8,
}

impl FormDef {
    /// Every shown section and field of the checked answers, in form order. `lang` is a BCP 47 code
    /// (`ja`, `en`, `zh-Hans` …); missing translations fall back to English.
    pub fn summary(&self, cleaned: &Cleaned, lang: &str) -> Vec<SummaryRow> {
        let answers = cleaned.answers();
        let vis = self.visible(answers);
        let mut out = Vec::new();
        for (s, section) in self.sections.iter().enumerate() {
            if !vis.section_at(s) {
                continue;
            }
            out.push(SummaryRow {
                path: section.id().to_owned(),
                label: section.title().get(lang).to_owned(),
                value: SummaryValue::Heading,
                depth: 0,
            });
            for field in section.fields() {
                if !vis.field_ix(field.ix) {
                    continue;
                }
                let label = field.label().get(lang);
                if field.row_fields().is_empty() {
                    out.push(SummaryRow {
                        path: field.id().to_owned(),
                        label: label.to_owned(),
                        value: kinds::display(field, answers.get(field.id()), lang),
                        depth: 1,
                    });
                    continue;
                }
                let rows = group_rows(answers, field);
                out.push(SummaryRow {
                    path: field.id().to_owned(),
                    label: label.to_owned(),
                    value: if rows.is_empty() {
                        SummaryValue::Empty
                    } else {
                        SummaryValue::Heading
                    },
                    depth: 1,
                });
                for (i, row) in rows.iter().enumerate() {
                    out.push(SummaryRow {
                        path: format!("{}[{i}]", field.id()),
                        label: format!("{label} {}", i + 1),
                        value: SummaryValue::Heading,
                        depth: 2,
                    });
                    for (pos, c) in field.row_fields().iter().enumerate() {
                        if !vis.row_ix(field.ix, i, pos) {
                            continue;
                        }
                        out.push(SummaryRow {
                            path: format!("{}[{i}].{}", field.id(), c.id()),
                            label: c.label().get(lang).to_owned(),
                            value: kinds::display(c, row.get(c.id()), lang),
                            depth: 3,
                        });
                    }
                }
            }
        }
        out
    }
}
