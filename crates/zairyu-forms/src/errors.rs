//! Why an answer was refused, as codes that map to translation keys (DESIGN rule 4): the engine never
//! builds a sentence, so every message appears in the person's language.

use zairyu_domain::{Date, Invalid};

/// The other end of a date comparison, for the message ("must not be before {$limit}").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateLimit {
    /// A fixed date from the definition (`not_before = "1900-01-01"`).
    Date(Date),
    /// Another field, by path; its label is shown.
    Field(String),
}

/// Problems particular to forms, next to the value rules of [`Invalid`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormCode {
    /// A value that is not among the field's choices (a tampered request, or an old draft).
    #[error("not a choice")]
    NotAChoice,
    /// Shaped like a date, but no such day exists (`20250230`).
    #[error("no such date")]
    InvalidDate,
    /// A date after today where the event must already have happened (SPEC §8.3).
    #[error("in the future")]
    Future,
    /// A date before the allowed limit.
    #[error("before the limit")]
    BeforeDate { limit: DateLimit },
    /// A date after the allowed limit.
    #[error("after the limit")]
    AfterDate { limit: DateLimit },
    /// More group rows than allowed.
    #[error("too many rows (max {max})")]
    TooManyRows { max: usize },
    /// Fewer group rows than needed.
    #[error("too few rows (min {min})")]
    TooFewRows { min: usize },
    /// More files than the slot holds.
    #[error("too many files (max {max})")]
    TooManyFiles { max: usize },
}

/// The reason for one error: a value rule shared with the rest of the system, or a form rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorCode {
    #[error(transparent)]
    Invalid(#[from] Invalid),
    #[error(transparent)]
    Form(#[from] FormCode),
}

impl ErrorCode {
    /// The Fluent message id. Arguments: `$field` (the label), `$bound` (see [`ErrorCode::bound`]),
    /// `$limit` (a date or another field's label, see [`ErrorCode::limit`]).
    pub fn message_key(&self) -> &'static str {
        match self {
            ErrorCode::Invalid(i) => i.message_key(),
            ErrorCode::Form(f) => match f {
                FormCode::NotAChoice => "err-not-a-choice",
                FormCode::InvalidDate => "err-invalid-date",
                FormCode::Future => "err-future",
                FormCode::BeforeDate { .. } => "err-before-date",
                FormCode::AfterDate { .. } => "err-after-date",
                FormCode::TooManyRows { .. } => "err-too-many-rows",
                FormCode::TooFewRows { .. } => "err-too-few-rows",
                FormCode::TooManyFiles { .. } => "err-too-many-files",
            },
        }
    }

    /// The number the message mentions, if any (`$bound`).
    pub fn bound(&self) -> Option<usize> {
        match self {
            ErrorCode::Invalid(i) => i.bound(),
            ErrorCode::Form(
                FormCode::TooManyRows { max: n }
                | FormCode::TooFewRows { min: n }
                | FormCode::TooManyFiles { max: n },
            ) => Some(*n),
            ErrorCode::Form(_) => None,
        }
    }

    /// The date limit the message mentions, if any (`$limit`).
    pub fn limit(&self) -> Option<&DateLimit> {
        match self {
            ErrorCode::Form(FormCode::BeforeDate { limit } | FormCode::AfterDate { limit }) => {
                Some(limit)
            }
            _ => None,
        }
    }
}

/// One refused answer: where (`email_confirm`, `family[1].name`, the HTML name of the input) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub path: String,
    pub code: ErrorCode,
}

/// Every refused answer of one submission, in form order, so all errors are shown at once with an
/// error summary at the top (SPEC §3.6).
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[error("{} answer(s) refused", .0.len())]
pub struct FormErrors(pub(crate) Vec<FormError>);

impl FormErrors {
    pub fn iter(&self) -> impl Iterator<Item = &FormError> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first error of a field, to show next to it.
    pub fn get(&self, path: &str) -> Option<&FormError> {
        self.0.iter().find(|e| e.path == path)
    }

    pub fn into_vec(self) -> Vec<FormError> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_arguments() {
        let c = ErrorCode::from(Invalid::TooLong { max: 5 });
        assert_eq!(c.message_key(), "err-too-long");
        assert_eq!(c.bound(), Some(5));
        let c = ErrorCode::from(FormCode::TooManyRows { max: 6 });
        assert_eq!(c.message_key(), "err-too-many-rows");
        assert_eq!(c.bound(), Some(6));
        let c = ErrorCode::from(FormCode::BeforeDate {
            limit: DateLimit::Field("joined".into()),
        });
        assert_eq!(c.message_key(), "err-before-date");
        assert_eq!(c.limit(), Some(&DateLimit::Field("joined".into())));
        for (code, key) in [
            (FormCode::NotAChoice, "err-not-a-choice"),
            (FormCode::InvalidDate, "err-invalid-date"),
            (FormCode::Future, "err-future"),
            (FormCode::TooFewRows { min: 1 }, "err-too-few-rows"),
            (FormCode::TooManyFiles { max: 1 }, "err-too-many-files"),
            (
                FormCode::AfterDate {
                    limit: DateLimit::Field("x".into()),
                },
                "err-after-date",
            ),
        ] {
            assert_eq!(ErrorCode::Form(code).message_key(), key);
        }
    }
}
