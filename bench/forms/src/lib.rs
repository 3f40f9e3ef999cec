//! Benchmarks of issue 3's targets, run by hand (never in tests): see docs/PERFORMANCE.md.
//!
//! - `forms-bench`: a generated 300-field form with 20 conditions, parsed once; then reading a POST
//!   body, visibility, validation, the entry page and the confirmation page, timed per iteration.
//! - `search-bench`: 1,000 generated procedures loaded with `Catalogue::parse`, searched with one,
//!   two and three keywords, with and without the real `procedures/synonyms.toml`.

pub mod catalogue_gen;
pub mod form_gen;
pub mod stats;
