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
    let mut out = String::from(
        "/// (folder name, procedure.toml) for every procedure.\npub const PROCEDURES: &[(&str, &str)] = &[\n",
    );
    for (id, path) in &entries {
        let _ = writeln!(out, "    ({id:?}, include_str!({path:?})),");
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
