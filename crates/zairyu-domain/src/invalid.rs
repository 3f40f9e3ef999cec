//! Why a value was refused. Each variant maps to one translation key, so a message is always shown in
//! the user's language and never built from English in code.

/// The reason a typed value failed its rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    /// Nothing was entered where something is required.
    #[error("required")]
    Required,
    /// Longer than the field allows.
    #[error("too long (max {max})")]
    TooLong { max: usize },
    /// Shorter than the field allows.
    #[error("too short (min {min})")]
    TooShort { min: usize },
    /// Not in the form the field expects (an email without `@`, a postal code of six digits …).
    #[error("format")]
    Format,
    /// Contains characters the field does not accept.
    #[error("characters")]
    Characters,
    /// A password without all four kinds of character.
    #[error("password kinds")]
    PasswordKinds,
    /// A confirmation entry that differs from the first entry.
    #[error("mismatch")]
    Mismatch,
    /// A value that must be unique and is already in use (an officer's login ID).
    #[error("taken")]
    Taken,
}

impl Invalid {
    /// The Fluent message id that explains this problem; `$field` names the field, `$max`/`$min` the bound.
    pub fn message_key(&self) -> &'static str {
        match self {
            Invalid::Required => "err-required",
            Invalid::TooLong { .. } => "err-too-long",
            Invalid::TooShort { .. } => "err-too-short",
            Invalid::Format => "err-format",
            Invalid::Characters => "err-characters",
            Invalid::PasswordKinds => "err-password-kinds",
            Invalid::Mismatch => "err-mismatch",
            Invalid::Taken => "err-taken",
        }
    }

    /// The bound that the message mentions, if any.
    pub fn bound(&self) -> Option<usize> {
        match self {
            Invalid::TooLong { max } => Some(*max),
            Invalid::TooShort { min } => Some(*min),
            _ => None,
        }
    }
}

/// One refused field: the form field's name and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub problem: Invalid,
}

/// Every refused field of one submission, in form order, so all errors are shown at once (SPEC §3.6).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> FieldErrors {
        FieldErrors(Vec::new())
    }

    pub fn add(&mut self, field: &'static str, problem: Invalid) {
        self.0.push(FieldError { field, problem });
    }

    /// Parses one field, recording the problem and giving `None` when it is refused.
    pub fn check<T>(&mut self, field: &'static str, r: Result<T, Invalid>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(p) => {
                self.add(field, p);
                None
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }
}
