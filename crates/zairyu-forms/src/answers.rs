//! What a person entered, before it is checked: read from the HTTP form (or a save file, or a draft)
//! into a shape that follows the form, so re-rendering a page after an error shows exactly what was
//! typed (DESIGN rule 9: nothing typed is lost).

use crate::def::{FieldKind, FormDef, ROWS_LIMIT};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Suffix of the HTTP name carrying a date's unknown-part choice: `dob.unknown`,
/// `family[0].dob.unknown`.
pub const UNKNOWN_SUFFIX: &str = "unknown";

/// One field's raw answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Text, a single choice, or a plain date as typed.
    Text(String),
    /// The ticked values of a checkboxes field.
    Many(Vec<String>),
    /// The rows of a group, each with its own answers.
    Rows(Vec<Answers>),
    /// A checkbox.
    Bool(bool),
    /// File ids in a file slot.
    Files(Vec<String>),
    /// A date with an unknown-part choice (`none`, `all`, `month_day`, `day`; empty means `none`).
    Date { text: String, unknown: String },
}

impl Answer {
    /// Whether nothing was entered. A ticked box, a chosen value (valid or not) or a date marked
    /// "all unknown" counts as entered.
    pub fn is_blank(&self) -> bool {
        match self {
            Answer::Text(s) => s.trim().is_empty(),
            Answer::Many(v) | Answer::Files(v) => v.iter().all(|s| s.trim().is_empty()),
            Answer::Rows(rows) => rows.iter().all(Answers::is_blank),
            Answer::Bool(b) => !b,
            Answer::Date { text, unknown } => text.trim().is_empty() && unknown.trim() != "all",
        }
    }
}

/// Answers by field id. A map ordered by id, so two equal sets of answers serialise identically.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Answer>);

/// An HTTP field name split into its parts: `id`, `id.unknown`, `group[3].id`, `group[3].id.unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Name<'a> {
    pub top: &'a str,
    pub row: Option<(usize, &'a str)>,
    pub unknown: bool,
}

impl<'a> Name<'a> {
    /// `None` for anything malformed, including row indexes above 1000.
    pub(crate) fn parse(name: &'a str) -> Option<Name<'a>> {
        let split_unknown = |s: &'a str| -> Option<(&'a str, bool)> {
            match s.split_once('.') {
                None => Some((s, false)),
                Some((id, UNKNOWN_SUFFIX)) => Some((id, true)),
                Some(_) => None,
            }
        };
        let Some(open) = name.find('[') else {
            let (top, unknown) = split_unknown(name)?;
            return Some(Name {
                top,
                row: None,
                unknown,
            });
        };
        let top = &name[..open];
        let rest = &name[open + 1..];
        let close = rest.find(']')?;
        let digits = &rest[..close];
        if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let row: usize = digits.parse().ok()?;
        if row > ROWS_LIMIT {
            return None;
        }
        let child = rest[close + 1..].strip_prefix('.')?;
        let (child, unknown) = split_unknown(child)?;
        Some(Name {
            top,
            row: Some((row, child)),
            unknown,
        })
    }
}

/// Values people send for a ticked box; anything else non-empty also counts as ticked except these.
fn truthy(v: &str) -> bool {
    !matches!(
        v.trim().to_ascii_lowercase().as_str(),
        "" | "0" | "false" | "off" | "no"
    )
}

impl Answers {
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Reads the fields of an HTTP form body. Names that are no field of `form` are ignored; group
    /// rows are named `group[i].field` and their indexes need not be contiguous (they are compacted,
    /// in index order); indexes from `max_rows` on, and above 1000, are ignored; rows left wholly
    /// blank are dropped, so a page can always offer an empty row. A single-valued field sent twice
    /// keeps the last value; checkboxes and file slots collect every value.
    pub fn from_pairs(form: &FormDef, pairs: &[(String, String)]) -> Answers {
        let mut out = Answers::new();
        let mut rows: BTreeMap<usize, BTreeMap<usize, Answers>> = BTreeMap::new();
        for (name, value) in pairs {
            let Some(n) = Name::parse(name) else { continue };
            let Some(&top) = form.top_index.get(n.top) else {
                continue;
            };
            let field = form.field_at(top);
            match n.row {
                None => out.put(field.id(), field.kind(), value, n.unknown),
                Some((row, child)) => {
                    let FieldKind::Group { max_rows, .. } = field.kind() else {
                        continue;
                    };
                    if row >= *max_rows {
                        continue;
                    }
                    let Some(&pos) = form.row_index.get(&top).and_then(|r| r.get(child)) else {
                        continue;
                    };
                    let cf = form.field_at(top + 1 + pos);
                    rows.entry(top).or_default().entry(row).or_default().put(
                        cf.id(),
                        cf.kind(),
                        value,
                        n.unknown,
                    );
                }
            }
        }
        for (top, by_index) in rows {
            let kept: Vec<Answers> = by_index.into_values().filter(|r| !r.is_blank()).collect();
            if !kept.is_empty() {
                out.0
                    .insert(form.field_at(top).id().to_owned(), Answer::Rows(kept));
            }
        }
        out
    }

    fn put(&mut self, id: &str, kind: &FieldKind, value: &str, unknown: bool) {
        match kind {
            FieldKind::Date {
                allow_unknown: true,
                ..
            } => {
                let entry = self.0.entry(id.to_owned()).or_insert(Answer::Date {
                    text: String::new(),
                    unknown: String::new(),
                });
                if let Answer::Date { text, unknown: u } = entry {
                    if unknown {
                        *u = value.to_owned();
                    } else {
                        *text = value.to_owned();
                    }
                }
            }
            _ if unknown => {}
            FieldKind::Checkboxes { .. } | FieldKind::File { .. } => {
                if value.trim().is_empty() {
                    return;
                }
                let many = matches!(kind, FieldKind::Checkboxes { .. });
                let entry = self.0.entry(id.to_owned()).or_insert_with(|| {
                    if many {
                        Answer::Many(Vec::new())
                    } else {
                        Answer::Files(Vec::new())
                    }
                });
                if let Answer::Many(v) | Answer::Files(v) = entry {
                    v.push(value.to_owned());
                }
            }
            FieldKind::Checkbox => {
                self.0.insert(id.to_owned(), Answer::Bool(truthy(value)));
            }
            FieldKind::Group { .. } => {}
            _ => {
                self.0.insert(id.to_owned(), Answer::Text(value.to_owned()));
            }
        }
    }

    /// The inverse of [`Answers::from_pairs`]: name–value pairs to fill the HTML form again, or to
    /// write a save file. An unticked checkbox gives no pair, like a browser.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        self.write_pairs("", &mut out);
        out
    }

    fn write_pairs(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        for (id, answer) in &self.0 {
            let name = format!("{prefix}{id}");
            match answer {
                Answer::Text(s) => out.push((name, s.clone())),
                Answer::Many(v) | Answer::Files(v) => {
                    out.extend(v.iter().map(|s| (name.clone(), s.clone())));
                }
                Answer::Bool(true) => out.push((name, "on".to_owned())),
                Answer::Bool(false) => {}
                Answer::Date { text, unknown } => {
                    out.push((format!("{name}.{UNKNOWN_SUFFIX}"), unknown.clone()));
                    out.push((name, text.clone()));
                }
                Answer::Rows(rows) => {
                    for (i, row) in rows.iter().enumerate() {
                        row.write_pairs(&format!("{id}[{i}]."), out);
                    }
                }
            }
        }
    }

    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.0.get(id)
    }

    /// The text of a text answer, for pre-filling an input.
    pub fn text(&self, id: &str) -> Option<&str> {
        match self.0.get(id) {
            Some(Answer::Text(s)) => Some(s),
            Some(Answer::Date { text, .. }) => Some(text),
            _ => None,
        }
    }

    pub fn insert(&mut self, id: impl Into<String>, answer: Answer) {
        self.0.insert(id.into(), answer);
    }

    pub fn remove(&mut self, id: &str) -> Option<Answer> {
        self.0.remove(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether every answer is blank (an empty group row).
    pub fn is_blank(&self) -> bool {
        self.0.values().all(Answer::is_blank)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            Name::parse("name"),
            Some(Name {
                top: "name",
                row: None,
                unknown: false
            })
        );
        assert_eq!(
            Name::parse("dob.unknown"),
            Some(Name {
                top: "dob",
                row: None,
                unknown: true
            })
        );
        assert_eq!(
            Name::parse("family[12].dob.unknown"),
            Some(Name {
                top: "family",
                row: Some((12, "dob")),
                unknown: true
            })
        );
        for bad in [
            "family[1001].name",
            "family[99999].name",
            "family[-1].name",
            "family[].name",
            "family[1]name",
            "family[1",
            "family[1].name.other",
            "a.b.c",
            "family.name",
        ] {
            assert_eq!(Name::parse(bad), None, "{bad}");
        }
        assert!(Name::parse("family[1000].name").is_some());
    }

    #[test]
    fn blankness() {
        assert!(Answer::Text(" \u{3000}".into()).is_blank());
        assert!(!Answer::Text("x".into()).is_blank());
        assert!(Answer::Bool(false).is_blank());
        assert!(Answer::Many(vec![]).is_blank());
        assert!(
            Answer::Date {
                text: "".into(),
                unknown: "day".into()
            }
            .is_blank()
        );
        assert!(
            !Answer::Date {
                text: "".into(),
                unknown: "all".into()
            }
            .is_blank()
        );
        assert!(truthy("on") && truthy("1") && !truthy("false") && !truthy(""));
    }
}
