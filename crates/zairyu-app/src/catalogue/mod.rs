//! The procedure catalogue (SPEC §5): procedures as data (`procedures/`, embedded at build time),
//! checked when loaded, searched by keyword with synonyms, and favorites.

pub mod favorites;
pub mod model;
pub mod search;

pub use model::{
    Catalogue, CatalogueError, Category, Localized, Override, Overrides, Procedure, System,
};
pub use search::{SearchQuery, SearchResult, Sort};

mod data {
    include!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));
}

/// The catalogue shipped with this build.
pub fn embedded() -> Result<Catalogue, CatalogueError> {
    Catalogue::parse(data::PROCEDURES, data::SYNONYMS)?.with_forms(data::FORMS, data::LISTS)
}

/// The catalogue as it stands on disk (for `zairyu forms check` before a build embeds it): the same
/// files, read the same way as the build script does.
pub fn load_dir(root: &std::path::Path) -> Result<Catalogue, CatalogueError> {
    let read = |p: &std::path::Path| {
        std::fs::read_to_string(p)
            .map_err(|e| CatalogueError(vec![format!("{}: {e}", p.display())]))
    };
    let mut procedures: Vec<(String, String)> = Vec::new();
    let mut forms: Vec<(String, u32, String)> = Vec::new();
    let entries = std::fs::read_dir(root)
        .map_err(|e| CatalogueError(vec![format!("{}: {e}", root.display())]))?;
    for e in entries.flatten() {
        let dir = e.path();
        let meta = dir.join("procedure.toml");
        if !meta.is_file() {
            continue;
        }
        let id = e.file_name().to_string_lossy().into_owned();
        procedures.push((id.clone(), read(&meta)?));
        if let Ok(files) = std::fs::read_dir(&dir) {
            for f in files.flatten() {
                let name = f.file_name().to_string_lossy().into_owned();
                if let Some(v) = name
                    .strip_prefix("form-v")
                    .and_then(|r| r.strip_suffix(".toml"))
                    .and_then(|v| v.parse::<u32>().ok())
                {
                    forms.push((id.clone(), v, read(&f.path())?));
                } else if name != "procedure.toml" {
                    // A stray file is most likely a misnamed form (form_v1.toml, form-1.toml…).
                    return Err(CatalogueError(vec![format!(
                        "{}: not a procedure.toml or form-v<N>.toml",
                        f.path().display()
                    )]));
                }
            }
        }
    }
    procedures.sort();
    forms.sort();
    let mut lists: Vec<String> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(root.join("_lists")) {
        let mut paths: Vec<_> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().and_then(|x| x.to_str()) == Some("toml"))
            .collect();
        paths.sort();
        for p in paths {
            lists.push(read(&p)?);
        }
    }
    let synonyms = read(&root.join("synonyms.toml")).unwrap_or_else(|_| "groups = []".to_owned());
    let p: Vec<(&str, &str)> = procedures
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let f: Vec<(&str, u32, &str)> = forms
        .iter()
        .map(|(a, v, b)| (a.as_str(), *v, b.as_str()))
        .collect();
    let l: Vec<&str> = lists.iter().map(String::as_str).collect();
    Catalogue::parse(&p, &synonyms)?.with_forms(&f, &l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_in_procedures_load_from_disk_as_embedded() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../procedures");
        let disk = load_dir(&root).unwrap();
        let embedded = embedded().unwrap();
        assert_eq!(disk.procedures.len(), embedded.procedures.len());
        assert_eq!(disk.forms.len(), embedded.forms.len());
    }

    #[test]
    fn a_broken_form_is_refused_with_every_problem() {
        let dir = std::env::temp_dir().join(format!("zairyu-check-{}", std::process::id()));
        let p = dir.join("p");
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(
            p.join("procedure.toml"),
            "id = \"p\"\nsystem = \"ens\"\ncategory = \"notification\"\norder = 1\nname = { ja = \"届\", en = \"N\" }\n\
             explanation = { ja = \"説\", en = \"E\" }\ncontact = { ja = \"窓\", en = \"C\" }\n\
             reception_start = \"2025-01-01T00:00:00+09:00\"\nuser_types = [\"foreign_national\"]\nform_versions = [1]\n",
        )
        .unwrap();
        std::fs::write(
            p.join("form-v1.toml"),
            "id = \"p\"\nversion = 1\ntitle = { ja = \"届\", en = \"N\" }\ncolour = \"red\"\n[[sections]]\nid = \"s\"\ntitle = { ja = \"s\", en = \"s\" }\n\
             [[sections.fields]]\nid = \"a\"\nkind = \"text\"\nmax_len = 5\nlabel = { ja = \"a\", en = \"a\" }\n",
        )
        .unwrap();
        let err = load_dir(&dir).unwrap_err();
        assert!(err.0.join("\n").contains("colour"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
