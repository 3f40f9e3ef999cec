//! Pure types and rules of zairyu. Every value with a rule is a newtype that can only be built by
//! `parse`, so code further in never re-validates (DESIGN rule 1). No I/O and no async here.

pub mod account;
pub mod application;
pub mod contact;
pub mod dates;
pub mod identity;
pub mod invalid;
pub mod officer;
pub mod password;
pub mod residence;
pub mod text;

pub use account::{LoginId, UserType};
pub use application::{Action, ApplicationStatus, FilingKind, ReferenceNumber};
pub use contact::{Address, Email, EnglishName, PostalCode, Telephone};
pub use dates::{Date, DateError, DateUnknown, PartialDate};
pub use identity::{Basic4, CardSex, CertKind, Era, IdentityFailure};
pub use invalid::{FieldError, FieldErrors, Invalid};
pub use officer::{Office, Permission, Role};
pub use password::{Password, PasswordPolicy};
pub use residence::ResidenceCardNumber;
