//! The life of a user account: registration (SPEC §3), login and recovery (§4), user information
//! (§11.2).

pub mod login;
pub mod profile;
pub mod recovery;
pub mod registration;
pub mod tokens;

use crate::AppError;
use zairyu_domain::FieldErrors;

/// Why a submission was not carried out. `Fields` is shown on the same page beside the fields;
/// the others are shown as a message at the top of it.
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("fields")]
    Fields(FieldErrors),
    #[error("rate limited")]
    RateLimited,
    #[error(transparent)]
    App(#[from] AppError),
}

impl From<zairyu_store::StoreError> for Refusal {
    fn from(e: zairyu_store::StoreError) -> Self {
        Refusal::App(e.into())
    }
}

impl From<crate::passwords::HashError> for Refusal {
    fn from(e: crate::passwords::HashError) -> Self {
        Refusal::App(e.into())
    }
}

/// Why an emailed link cannot be used. Each gets a page that offers to start again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// Not a link we issued (mistyped, cut short or forged).
    Unknown,
    /// Older than its lifetime.
    Expired,
    /// Already used once.
    Used,
}

/// Hides most of an address for messages sent elsewhere: `j***@example.jp`.
pub fn mask_email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_owned(),
    }
}

/// What audit records name an actor by: the internal id, never the name or address.
pub(crate) fn user_actor(id: i64) -> String {
    format!("user:{id}")
}
