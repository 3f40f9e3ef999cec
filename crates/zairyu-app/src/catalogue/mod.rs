//! The procedure catalogue (SPEC §5): procedures as data (`procedures/`, embedded at build time),
//! checked when loaded, searched by keyword with synonyms, and favorites.

pub mod favorites;
pub mod model;
pub mod search;

pub use model::{Catalogue, CatalogueError, Category, Localized, Procedure, System};
pub use search::{SearchQuery, SearchResult, Sort};

mod data {
    include!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));
}

/// The catalogue shipped with this build.
pub fn embedded() -> Result<Catalogue, CatalogueError> {
    Catalogue::parse(data::PROCEDURES, data::SYNONYMS)?.with_forms(data::FORMS, data::LISTS)
}
