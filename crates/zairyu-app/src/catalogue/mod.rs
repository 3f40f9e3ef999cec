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

    /// Every text of every shipped form (title, sections, labels, hints and the choices, including
    /// those of the shared option lists) is written in all eight languages: a missing one would show
    /// English in the middle of a translated page.
    #[test]
    fn every_form_text_is_in_all_eight_languages() {
        fn field(at: &str, f: &zairyu_forms::Field, gaps: &mut Vec<String>) {
            let at = format!("{at} field {}", f.id());
            check(&format!("{at} label"), f.label(), gaps);
            if let Some(h) = f.hint() {
                check(&format!("{at} hint"), h, gaps);
            }
            for o in f.kind().options().unwrap_or_default() {
                check(&format!("{at} option {}", o.value()), o.label(), gaps);
            }
            for r in f.row_fields() {
                field(&at, r, gaps);
            }
        }
        fn check(at: &str, t: &zairyu_forms::LocalizedText, gaps: &mut Vec<String>) {
            let missing = t.missing_languages();
            if !missing.is_empty() {
                gaps.push(format!("{at}: {}", missing.join(", ")));
            }
        }
        let c = embedded().unwrap();
        assert!(!c.forms.is_empty());
        let mut gaps = Vec::new();
        for ((id, version), form) in &c.forms {
            let at = format!("{id}/form-v{version}");
            check(&format!("{at} title"), form.title(), &mut gaps);
            for s in form.sections() {
                let at = format!("{at} section {}", s.id());
                check(&format!("{at} title"), s.title(), &mut gaps);
                if let Some(h) = s.hint() {
                    check(&format!("{at} hint"), h, &mut gaps);
                }
                for f in s.fields() {
                    field(&at, f, &mut gaps);
                }
            }
        }
        assert!(
            gaps.is_empty(),
            "texts lacking languages:\n{}",
            gaps.join("\n")
        );
    }

    /// The name, explanation, contact and terms of every procedure are written in all eight
    /// languages. (Keywords are only a search aid: translated names and explanations are searched.)
    #[test]
    fn every_procedure_text_is_in_all_eight_languages() {
        let c = embedded().unwrap();
        let mut gaps = Vec::new();
        for p in &c.procedures {
            let texts = [
                ("name", Some(&p.name)),
                ("explanation", Some(&p.explanation)),
                ("contact", Some(&p.contact)),
                ("terms", p.terms.as_ref()),
            ];
            for (what, t) in texts {
                let Some(t) = t else { continue };
                let missing: Vec<&str> = ["zh-Hans", "zh-Hant", "ko", "es", "vi", "tl"]
                    .into_iter()
                    .filter(|l| t.0.get(*l).is_none_or(|s| s.trim().is_empty()))
                    .collect();
                if !missing.is_empty() {
                    gaps.push(format!("{}.{what}: {}", p.id, missing.join(", ")));
                }
            }
        }
        assert!(
            gaps.is_empty(),
            "texts lacking languages:\n{}",
            gaps.join("\n")
        );
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

    #[test]
    fn file_slots_inside_groups_are_refused() {
        let dir = std::env::temp_dir().join(format!("zairyu-check-files-{}", std::process::id()));
        let p = dir.join("p");
        std::fs::create_dir_all(&p).unwrap();
        std::fs::write(
            p.join("procedure.toml"),
            "id = \"p\"\nsystem = \"rasens\"\ncategory = \"application\"\norder = 1\nname = { ja = \"申\", en = \"A\" }\n\
             explanation = { ja = \"説\", en = \"E\" }\ncontact = { ja = \"窓\", en = \"C\" }\n\
             reception_start = \"2025-01-01T00:00:00+09:00\"\nuser_types = [\"foreign_national\"]\nform_versions = [1]\n",
        )
        .unwrap();
        std::fs::write(
            p.join("form-v1.toml"),
            "id = \"p\"\nversion = 1\ntitle = { ja = \"申\", en = \"A\" }\n[[sections]]\nid = \"s\"\ntitle = { ja = \"s\", en = \"s\" }\n\
             [[sections.fields]]\nid = \"family\"\nkind = \"group\"\nmax_rows = 2\nlabel = { ja = \"家族\", en = \"Family\" }\n\
             [[sections.fields.fields]]\nid = \"doc\"\nkind = \"file\"\naccept = [\"pdf\"]\nlabel = { ja = \"書類\", en = \"Document\" }\n",
        )
        .unwrap();
        let err = load_dir(&dir).unwrap_err();
        assert!(
            err.0.join("\n").contains("\"doc\" is inside a group"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
