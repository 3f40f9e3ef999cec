//! Embeds the procedure catalogue (`procedures/*/procedure.toml` and `procedures/synonyms.toml`) in
//! the binary, so an installation is one file and the catalogue cannot drift from the code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../procedures");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries: Vec<(String, String)> = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&root) {
        for e in rd.flatten() {
            let dir = e.path();
            let meta = dir.join("procedure.toml");
            if meta.is_file() {
                println!("cargo:rerun-if-changed={}", dir.display());
                println!("cargo:rerun-if-changed={}", meta.display());
                let id = e.file_name().to_string_lossy().into_owned();
                entries.push((id, meta.display().to_string()));
            }
        }
    }
    entries.sort();
    // Form definitions: procedures/<id>/form-v<N>.toml.
    let mut forms: Vec<(String, u32, String)> = Vec::new();
    for (id, _) in &entries {
        let dir = root.join(id);
        if let Ok(rd) = std::fs::read_dir(&dir) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if let Some(v) = name
                    .strip_prefix("form-v")
                    .and_then(|r| r.strip_suffix(".toml"))
                    .and_then(|v| v.parse::<u32>().ok())
                {
                    println!("cargo:rerun-if-changed={}", e.path().display());
                    forms.push((id.clone(), v, e.path().display().to_string()));
                }
            }
        }
    }
    forms.sort();
    // Shared option lists: procedures/_lists/*.toml.
    let mut lists: Vec<String> = Vec::new();
    let lists_dir = root.join("_lists");
    println!("cargo:rerun-if-changed={}", lists_dir.display());
    if let Ok(rd) = std::fs::read_dir(&lists_dir) {
        for e in rd.flatten() {
            if e.path().extension().and_then(|x| x.to_str()) == Some("toml") {
                println!("cargo:rerun-if-changed={}", e.path().display());
                lists.push(e.path().display().to_string());
            }
        }
    }
    lists.sort();
    let mut out = String::from(
        "/// (folder name, procedure.toml) for every procedure.\npub const PROCEDURES: &[(&str, &str)] = &[\n",
    );
    for (id, path) in &entries {
        let _ = writeln!(out, "    ({id:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    out.push_str("/// (procedure id, form version, form-v<N>.toml) for every form definition.\npub const FORMS: &[(&str, u32, &str)] = &[\n");
    for (id, v, path) in &forms {
        let _ = writeln!(out, "    ({id:?}, {v}, include_str!({path:?})),");
    }
    out.push_str(
        "];\n/// The shared option lists, one file each.\npub const LISTS: &[&str] = &[\n",
    );
    for path in &lists {
        let _ = writeln!(out, "    include_str!({path:?}),");
    }
    out.push_str("];\n");
    let synonyms = root.join("synonyms.toml");
    println!("cargo:rerun-if-changed={}", synonyms.display());
    if synonyms.is_file() {
        let _ = writeln!(
            out,
            "/// The maintained synonym list.\npub const SYNONYMS: &str = include_str!({:?});",
            synonyms.display().to_string()
        );
    } else {
        out.push_str(
            "/// The maintained synonym list.\npub const SYNONYMS: &str = \"groups = []\";\n",
        );
    }
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("catalogue_data.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        panic!("writing {}: {e}", dest.display());
    }
}
