//! The form engine (DESIGN: `zairyu-forms`). Forms are data: TOML definitions checked when loaded
//! (unknown keys, duplicate ids, dangling references and cycles in conditions are errors), a closed
//! set of field kinds each owning its parsing and display, conditions that decide on the server which
//! sections, fields and group rows are shown, and validation that reports every problem at once as
//! codes that map to translation keys. Pure: no I/O beyond the text it is given, no async.
//!
//! The flow of one submission:
//!
//! ```text
//! HTTP pairs ──Answers::from_pairs──▶ Answers ──FormDef::validate──▶ Cleaned ──summary──▶ confirmation
//!                                        │                        └──▶ FormErrors (all, in form order)
//!                                        └──FormDef::visible──▶ Visibility (what the page renders)
//! ```
//!
//! How to write a definition: `docs/FORMS.md`.

mod answers;
mod def;
mod errors;
mod eval;
mod graph;
mod kinds;
mod localized;
pub mod save_file;
mod summary;
#[cfg(test)]
mod tests;

pub use answers::{Answer, Answers, UNKNOWN_SUFFIX};
pub use def::{
    Charset, Condition, DefError, FILES_LIMIT, Field, FieldKind, FieldRef, FileType, FormDef,
    ID_MAX, ROWS_LIMIT, RefScope, Rule, Section,
};
pub use errors::{DateLimit, ErrorCode, FormCode, FormError, FormErrors};
pub use eval::{Cleaned, Visibility};
pub use localized::{ChoiceOption, LocalizedText, OptionLists};
pub use save_file::{LoadError, Loaded, SaveKey};
pub use summary::{SummaryRow, SummaryValue};

/// Re-exported so callers can pass `today` without depending on the domain crate's module layout.
pub use zairyu_domain::{Date, DateUnknown, PartialDate};
