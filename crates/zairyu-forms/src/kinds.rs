//! What each field kind does with an answer: parse it into the normalised stored value (or a code
//! saying why not), say whether it counts as filled for conditions, keep only what may be stored, and
//! show it on the confirmation screen. All in one place per kind, so adding a kind means adding one
//! arm to each function here and the compiler points at every one.

use crate::answers::Answer;
use crate::def::{Charset, Field, FieldKind};
use crate::errors::{DateLimit, ErrorCode, FormCode};
use crate::localized::ChoiceOption;
use crate::summary::SummaryValue;
use std::collections::HashSet;
use zairyu_domain::text::{char_len, fold_width, widen};
use zairyu_domain::{
    Address, Date, DateError, DateUnknown, Email, Invalid, PartialDate, PostalCode,
    ResidenceCardNumber, Telephone,
};

/// Longest file id accepted in a file slot (ids are issued by the file store).
const FILE_ID_MAX: usize = 64;

/// A checked answer: the value to store, and for dates the parsed date for cross-field rules.
pub(crate) struct Checked {
    pub answer: Option<Answer>,
    pub date: Option<PartialDate>,
}

impl Checked {
    fn value(a: Answer) -> Checked {
        Checked {
            answer: Some(a),
            date: None,
        }
    }

    fn none() -> Checked {
        Checked {
            answer: None,
            date: None,
        }
    }
}

fn date_error(e: DateError) -> ErrorCode {
    match e {
        DateError::Required => Invalid::Required.into(),
        DateError::Format => Invalid::Format.into(),
        DateError::NoSuchDate => FormCode::InvalidDate.into(),
    }
}

/// Checks one (non-group) field's answer. Called only for shown fields.
pub(crate) fn check(
    field: &Field,
    answer: Option<&Answer>,
    today: Date,
) -> Result<Checked, ErrorCode> {
    let kind = field.kind();
    let blank = answer.is_none_or(Answer::is_blank);
    if blank {
        return match kind {
            FieldKind::Checkbox if !field.required() => Ok(Checked::value(Answer::Bool(false))),
            _ if field.required() => Err(Invalid::Required.into()),
            _ => Ok(Checked::none()),
        };
    }
    let Some(answer) = answer else {
        return Ok(Checked::none());
    };
    let text = || match answer {
        Answer::Text(s) => Ok(s.as_str()),
        _ => Err(ErrorCode::from(Invalid::Format)),
    };
    let string = |s: &str| Ok(Checked::value(Answer::Text(s.to_owned())));
    match kind {
        FieldKind::Text {
            charset,
            max_len,
            min_len,
        } => {
            let s = normalize_text(*charset, text()?)?;
            lengths(&s, *max_len, *min_len)?;
            Ok(Checked::value(Answer::Text(s)))
        }
        FieldKind::Textarea { max_len, min_len } => {
            let s = text()?.replace("\r\n", "\n").replace('\r', "\n");
            let s = s.trim();
            if s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
                return Err(Invalid::Characters.into());
            }
            lengths(s, *max_len, *min_len)?;
            string(s)
        }
        FieldKind::Email => string(Email::parse(text()?)?.as_str()),
        FieldKind::Telephone => string(Telephone::parse(text()?)?.as_str()),
        FieldKind::PostalCode { .. } => string(PostalCode::parse(text()?)?.as_str()),
        FieldKind::Address => string(Address::parse(text()?)?.as_str()),
        FieldKind::ResidenceCardNumber => string(ResidenceCardNumber::parse(text()?)?.as_str()),
        FieldKind::Date {
            allow_unknown,
            not_future,
            not_before,
            not_after,
        } => {
            let (raw, unknown) = match answer {
                Answer::Text(s) => (s.as_str(), DateUnknown::None),
                Answer::Date { text, unknown } => (
                    text.as_str(),
                    DateUnknown::parse(unknown).ok_or(FormCode::NotAChoice)?,
                ),
                _ => return Err(Invalid::Format.into()),
            };
            if !allow_unknown && unknown != DateUnknown::None {
                return Err(FormCode::NotAChoice.into());
            }
            let date = PartialDate::parse(unknown, raw).map_err(date_error)?;
            if *not_future && date.earliest().is_some_and(|d| d > today) {
                return Err(FormCode::Future.into());
            }
            if let Some(limit) = not_before
                && date.latest().is_some_and(|d| d < *limit)
            {
                return Err(FormCode::BeforeDate {
                    limit: DateLimit::Date(*limit),
                }
                .into());
            }
            if let Some(limit) = not_after
                && date.earliest().is_some_and(|d| d > *limit)
            {
                return Err(FormCode::AfterDate {
                    limit: DateLimit::Date(*limit),
                }
                .into());
            }
            let answer = if *allow_unknown {
                Answer::Date {
                    text: date.canonical(),
                    unknown: date.unknown().code().to_owned(),
                }
            } else {
                Answer::Text(date.canonical())
            };
            Ok(Checked {
                answer: Some(answer),
                date: Some(date),
            })
        }
        FieldKind::Select { options } | FieldKind::Radio { options } => {
            let v = text()?.trim();
            if options.iter().any(|o| o.value() == v) {
                string(v)
            } else {
                Err(FormCode::NotAChoice.into())
            }
        }
        FieldKind::Checkboxes { options } => {
            let given: Vec<&str> = match answer {
                Answer::Many(v) => v
                    .iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect(),
                Answer::Text(s) => vec![s.trim()],
                _ => return Err(Invalid::Format.into()),
            };
            // Sets, so a tampered request with thousands of values stays linear.
            let given: HashSet<&str> = given.into_iter().collect();
            let values: HashSet<&str> = options.iter().map(ChoiceOption::value).collect();
            if !given.is_subset(&values) {
                return Err(FormCode::NotAChoice.into());
            }
            Ok(Checked::value(Answer::Many(in_option_order(
                options,
                |v| given.contains(v),
            ))))
        }
        FieldKind::Checkbox => match answer {
            Answer::Bool(b) => Ok(Checked::value(Answer::Bool(*b))),
            Answer::Text(_) => Ok(Checked::value(Answer::Bool(true))),
            _ => Err(Invalid::Format.into()),
        },
        FieldKind::File { max_files, .. } => {
            let ids: Vec<&str> = match answer {
                Answer::Files(v) => v
                    .iter()
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .collect(),
                Answer::Text(s) => vec![s.trim()],
                _ => return Err(Invalid::Format.into()),
            };
            if !ids.iter().all(|id| valid_file_id(id)) {
                return Err(Invalid::Format.into());
            }
            let mut seen = HashSet::new();
            let unique: Vec<String> = ids
                .into_iter()
                .filter(|id| seen.insert(*id))
                .map(str::to_owned)
                .collect();
            if unique.len() > *max_files {
                return Err(FormCode::TooManyFiles { max: *max_files }.into());
            }
            Ok(Checked::value(Answer::Files(unique)))
        }
        FieldKind::Group { .. } => Ok(Checked::none()),
    }
}

fn valid_file_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= FILE_ID_MAX
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn in_option_order(options: &[ChoiceOption], keep: impl Fn(&str) -> bool) -> Vec<String> {
    options
        .iter()
        .filter(|o| keep(o.value()))
        .map(|o| o.value().to_owned())
        .collect()
}

fn lengths(s: &str, max: usize, min: Option<usize>) -> Result<(), Invalid> {
    let n = char_len(s);
    if n > max {
        return Err(Invalid::TooLong { max });
    }
    if let Some(min) = min
        && n < min
    {
        return Err(Invalid::TooShort { min });
    }
    Ok(())
}

/// Folds what people type into the character class, or says which rule it breaks.
fn normalize_text(charset: Charset, raw: &str) -> Result<String, Invalid> {
    let all = |s: &str, ok: fn(char) -> bool| {
        if s.chars().all(ok) {
            Ok(())
        } else {
            Err(Invalid::Characters)
        }
    };
    match charset {
        Charset::Any => {
            let s = raw.trim();
            all(s, |c| !c.is_control())?;
            Ok(s.to_owned())
        }
        Charset::UpperAlpha => {
            let folded = fold_width(raw).to_ascii_uppercase();
            let s = folded.split_whitespace().collect::<Vec<_>>().join(" ");
            all(&s, |c| c.is_ascii_uppercase() || c == ' ')?;
            Ok(s)
        }
        Charset::UpperAlnum => {
            let s = fold_width(raw).trim().to_ascii_uppercase();
            all(&s, |c| c.is_ascii_uppercase() || c.is_ascii_digit())?;
            Ok(s)
        }
        Charset::Digits => {
            let s = fold_width(raw).trim().to_owned();
            all(&s, |c| c.is_ascii_digit())?;
            Ok(s)
        }
        Charset::Fullwidth => {
            let s = widen(raw.trim());
            // Half-width katakana (U+FF61–U+FF9F) are one-byte characters too.
            all(&s, |c| {
                !c.is_control() && (c as u32) >= 0x80 && !('\u{FF61}'..='\u{FF9F}').contains(&c)
            })?;
            Ok(s)
        }
        Charset::Ascii => {
            let s = fold_width(raw).trim().to_owned();
            all(&s, |c| (' '..='~').contains(&c))?;
            Ok(s)
        }
    }
}

/// Whether a shown field's answer counts as filled for a condition. Choices count only when they are
/// among the options, so a tampered value never opens a part of the form.
pub(crate) fn is_filled(field: &Field, answer: &Answer) -> bool {
    match (field.kind(), answer) {
        (FieldKind::Select { options } | FieldKind::Radio { options }, Answer::Text(v)) => {
            options.iter().any(|o| o.value() == v.trim())
        }
        (FieldKind::Checkboxes { options }, Answer::Many(vs)) => vs
            .iter()
            .any(|v| options.iter().any(|o| o.value() == v.trim())),
        (FieldKind::Select { .. } | FieldKind::Radio { .. } | FieldKind::Checkboxes { .. }, _) => {
            false
        }
        (FieldKind::Group { .. }, Answer::Rows(_)) => !answer.is_blank(),
        (FieldKind::Group { .. }, _) => false,
        (FieldKind::Checkbox, Answer::Bool(b)) => *b,
        (FieldKind::Checkbox, Answer::Text(t)) => !t.trim().is_empty(),
        (_, Answer::Rows(_)) => false,
        _ => !answer.is_blank(),
    }
}

/// Whether the answer is (or, for checkboxes, contains) `value`. Conditions only compare choice
/// fields, and their values are checked against the options at load time.
pub(crate) fn has_value(answer: &Answer, value: &str) -> bool {
    match answer {
        Answer::Text(v) => v.trim() == value,
        Answer::Many(vs) => vs.iter().any(|v| v.trim() == value),
        _ => false,
    }
}

/// What may be kept of an answer to a shown field: answers of the wrong shape are dropped, and so are
/// choices that are not options. Nothing is normalised here; that is [`check`]'s job.
pub(crate) fn keep(field: &Field, answer: &Answer) -> Option<Answer> {
    let is_option =
        |options: &[ChoiceOption], v: &str| options.iter().any(|o| o.value() == v.trim());
    match (field.kind(), answer) {
        (FieldKind::Select { options } | FieldKind::Radio { options }, Answer::Text(v)) => {
            is_option(options, v).then(|| answer.clone())
        }
        (FieldKind::Checkboxes { options }, Answer::Many(vs)) => Some(Answer::Many(
            vs.iter()
                .filter(|v| is_option(options, v))
                .cloned()
                .collect(),
        )),
        (FieldKind::Checkbox, Answer::Bool(_)) => Some(answer.clone()),
        (FieldKind::File { .. }, Answer::Files(_)) => Some(answer.clone()),
        (
            FieldKind::Date {
                allow_unknown: true,
                ..
            },
            Answer::Date { .. },
        ) => Some(answer.clone()),
        (
            FieldKind::Text { .. }
            | FieldKind::Textarea { .. }
            | FieldKind::Email
            | FieldKind::Telephone
            | FieldKind::PostalCode { .. }
            | FieldKind::Address
            | FieldKind::ResidenceCardNumber
            | FieldKind::Date { .. },
            Answer::Text(_),
        ) => Some(answer.clone()),
        _ => None,
    }
}

/// The confirmation screen's rendering of a checked answer, option labels in the language.
pub(crate) fn display(field: &Field, answer: Option<&Answer>, lang: &str) -> SummaryValue {
    let Some(answer) = answer else {
        return SummaryValue::Empty;
    };
    let label_of = |options: &[ChoiceOption], v: &str| {
        options
            .iter()
            .find(|o| o.value() == v)
            .map_or_else(|| v.to_owned(), |o| o.label().get(lang).to_owned())
    };
    match (field.kind(), answer) {
        (FieldKind::Select { options } | FieldKind::Radio { options }, Answer::Text(v)) => {
            SummaryValue::Text(label_of(options, v))
        }
        (FieldKind::Checkboxes { options }, Answer::Many(vs)) => {
            let sep = if lang.eq_ignore_ascii_case("ja") {
                "、"
            } else {
                ", "
            };
            SummaryValue::Text(
                vs.iter()
                    .map(|v| label_of(options, v))
                    .collect::<Vec<_>>()
                    .join(sep),
            )
        }
        (FieldKind::Checkbox, Answer::Bool(b)) => SummaryValue::Message {
            key: if *b { "form-yes" } else { "form-no" },
            arg: None,
        },
        (FieldKind::PostalCode { .. }, Answer::Text(v)) => match PostalCode::parse(v) {
            Ok(p) => SummaryValue::Text(p.display()),
            Err(_) => SummaryValue::Text(v.clone()),
        },
        (FieldKind::Date { .. }, Answer::Date { text, unknown }) => {
            match DateUnknown::parse(unknown) {
                Some(DateUnknown::All) => SummaryValue::Message {
                    key: "form-date-unknown",
                    arg: None,
                },
                Some(DateUnknown::MonthDay) => SummaryValue::Message {
                    key: "form-date-month-day-unknown",
                    arg: Some(text.clone()),
                },
                Some(DateUnknown::Day) => SummaryValue::Message {
                    key: "form-date-day-unknown",
                    arg: Some(text.clone()),
                },
                _ => SummaryValue::Text(text.clone()),
            }
        }
        (FieldKind::File { .. }, Answer::Files(ids)) => SummaryValue::Message {
            key: "form-files",
            arg: Some(ids.len().to_string()),
        },
        (_, Answer::Text(v)) => SummaryValue::Text(v.clone()),
        _ => SummaryValue::Empty,
    }
}
