//! The eight languages of the portal (SPEC §2.4). Every visible string and every message is a Fluent
//! key in `locales/<lang>/*.ftl`, embedded in the binary at build time. Every file is complete in
//! all eight languages (the `completeness` tests fail on a missing key or variable); should a key
//! ever be missing at run time, it falls back to English, key by key.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashSet;

pub use fluent_bundle::FluentValue as Value;

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Ja,
    En,
    ZhHans,
    ZhHant,
    Ko,
    Es,
    Vi,
    Tl,
}

impl Locale {
    /// In the order of the manual's language menu (000 §1.5).
    pub const ALL: [Locale; 8] = [
        Locale::Ja,
        Locale::En,
        Locale::ZhHans,
        Locale::ZhHant,
        Locale::Ko,
        Locale::Es,
        Locale::Vi,
        Locale::Tl,
    ];

    /// The BCP 47 tag, used in URLs, cookies, the database and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
            Locale::ZhHans => "zh-Hans",
            Locale::ZhHant => "zh-Hant",
            Locale::Ko => "ko",
            Locale::Es => "es",
            Locale::Vi => "vi",
            Locale::Tl => "tl",
        }
    }

    /// The language's name in itself, as the language menu shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Ja => "日本語",
            Locale::En => "English",
            Locale::ZhHans => "中文(简体字)",
            Locale::ZhHant => "中文(繁体字)",
            Locale::Ko => "한국어",
            Locale::Es => "Español",
            Locale::Vi => "Tiếng Việt",
            Locale::Tl => "Tagalog",
        }
    }

    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The best language for an `Accept-Language` header (quality values respected), if any matches.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut offers: Vec<(f32, Locale)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut it = part.trim().split(';');
                let tag = it.next()?.trim().to_ascii_lowercase();
                let q = it
                    .find_map(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|v| v.parse::<f32>().ok())
                    })
                    .unwrap_or(1.0);
                let loc = match tag.as_str() {
                    t if t.starts_with("ja") => Locale::Ja,
                    t if t.starts_with("en") => Locale::En,
                    "zh-hant" | "zh-tw" | "zh-hk" | "zh-mo" => Locale::ZhHant,
                    t if t.starts_with("zh-hant") => Locale::ZhHant,
                    t if t.starts_with("zh") => Locale::ZhHans,
                    t if t.starts_with("ko") => Locale::Ko,
                    t if t.starts_with("es") => Locale::Es,
                    t if t.starts_with("vi") => Locale::Vi,
                    t if t.starts_with("tl") || t.starts_with("fil") => Locale::Tl,
                    _ => return None,
                };
                Some((q, loc))
            })
            .collect();
        offers.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        offers.first().map(|(_, l)| *l)
    }
}

macro_rules! ftl_files {
    ($lang:literal) => {
        &[
            include_str!(concat!("../../../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/account.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/mail.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/procedures.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/officer.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/identity.ftl")),
            include_str!(concat!("../../../locales/", $lang, "/attachments.ftl")),
        ]
    };
}

/// The embedded sources of one language, file by file.
pub fn sources(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::Ja => ftl_files!("ja"),
        Locale::En => ftl_files!("en"),
        Locale::ZhHans => ftl_files!("zh-Hans"),
        Locale::ZhHant => ftl_files!("zh-Hant"),
        Locale::Ko => ftl_files!("ko"),
        Locale::Es => ftl_files!("es"),
        Locale::Vi => ftl_files!("vi"),
        Locale::Tl => ftl_files!("tl"),
    }
}

/// Errors found while loading the translations: a broken file must stop the build's tests, not
/// show a raw key to a user.
#[derive(Debug)]
pub struct LoadError(pub Vec<String>);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("; "))
    }
}

impl std::error::Error for LoadError {}

/// All bundles, loaded once at start-up and shared.
pub struct I18n {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
    /// Every message without arguments, already formatted, per language: most of a page's texts,
    /// served without formatting on every request.
    plain: std::collections::HashMap<Locale, std::collections::HashMap<String, String>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("I18n")
    }
}

impl I18n {
    /// Parses every embedded file; any syntax error or duplicate key is an error.
    pub fn load() -> Result<I18n, LoadError> {
        let mut errors = Vec::new();
        let mut bundles = Vec::new();
        for locale in Locale::ALL {
            let langid: unic_langid::LanguageIdentifier = match locale.code().parse() {
                Ok(l) => l,
                Err(e) => {
                    errors.push(format!("{}: {e}", locale.code()));
                    continue;
                }
            };
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            // Isolation marks would end up inside email subjects and input values.
            bundle.set_use_isolating(false);
            for (i, src) in sources(locale).iter().enumerate() {
                match FluentResource::try_new((*src).to_owned()) {
                    Ok(res) => {
                        if let Err(errs) = bundle.add_resource(res) {
                            errors.push(format!("{} file {i}: {errs:?}", locale.code()));
                        }
                    }
                    Err((_, errs)) => errors.push(format!("{} file {i}: {errs:?}", locale.code())),
                }
            }
            bundles.push((locale, bundle));
        }
        if errors.is_empty() {
            let mut i = I18n {
                bundles,
                plain: std::collections::HashMap::new(),
            };
            let mut plain = std::collections::HashMap::new();
            for locale in Locale::ALL {
                let mut table = std::collections::HashMap::new();
                for key in i.keys(Locale::En).into_iter().chain(i.keys(locale)) {
                    if let Some(text) = i.format_plain(locale, &key) {
                        table.insert(key, text);
                    }
                }
                plain.insert(locale, table);
            }
            i.plain = plain;
            Ok(i)
        } else {
            Err(LoadError(errors))
        }
    }

    fn bundle(&self, locale: Locale) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, b)| b)
    }

    /// The message `key` in `locale`, else in English, else the key itself (and a log line).
    pub fn t(&self, locale: Locale, key: &str) -> String {
        if let Some(s) = self.plain.get(&locale).and_then(|t| t.get(key)) {
            return s.clone();
        }
        self.format(locale, key, None)
    }

    /// A message that formats without arguments and without errors, for the precomputed table.
    fn format_plain(&self, locale: Locale, key: &str) -> Option<String> {
        for loc in [locale, Locale::En] {
            let Some(bundle) = self.bundle(loc) else {
                continue;
            };
            let Some(msg) = bundle.get_message(key) else {
                continue;
            };
            let pattern = msg.value()?;
            let mut errs = Vec::new();
            let out = bundle.format_pattern(pattern, None, &mut errs);
            return errs.is_empty().then(|| out.into_owned());
        }
        None
    }

    /// The message with arguments, e.g. `[("field", "Password".into())]`.
    pub fn ta(&self, locale: Locale, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(locale, key, Some(&fa))
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for loc in [locale, Locale::En] {
            let Some(bundle) = self.bundle(loc) else {
                continue;
            };
            let Some(msg) = bundle.get_message(key) else {
                continue;
            };
            let Some(pattern) = msg.value() else { continue };
            let mut errs = Vec::new();
            let out = bundle.format_pattern(pattern, args, &mut errs);
            if !errs.is_empty() {
                tracing::warn!(
                    i18n.key = key,
                    i18n.locale = loc.code(),
                    "translation had errors"
                );
            }
            return out.into_owned();
        }
        tracing::error!(i18n.key = key, "missing translation");
        key.to_owned()
    }

    /// The message ids of one language (for the completeness tests).
    pub fn keys(&self, locale: Locale) -> HashSet<String> {
        sources(locale)
            .iter()
            .filter_map(|src| FluentResource::try_new((*src).to_owned()).ok())
            .flat_map(|res| {
                res.entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_languages_load() {
        let i = I18n::load().unwrap();
        assert_eq!(
            i.t(Locale::Ja, "portal-name"),
            "在留申請オンラインシステム及び電子届出システム"
        );
    }

    #[test]
    fn japanese_and_english_have_the_same_keys() {
        let i = I18n::load().unwrap();
        let ja = i.keys(Locale::Ja);
        let en = i.keys(Locale::En);
        let only_en: Vec<_> = en.difference(&ja).collect();
        let only_ja: Vec<_> = ja.difference(&en).collect();
        assert!(only_en.is_empty(), "missing in ja: {only_en:?}");
        assert!(only_ja.is_empty(), "missing in en: {only_ja:?}");
    }

    #[test]
    fn other_languages_only_translate_known_keys() {
        let i = I18n::load().unwrap();
        let en = i.keys(Locale::En);
        for l in Locale::ALL {
            let extra: Vec<_> = i.keys(l).difference(&en).cloned().collect();
            assert!(
                extra.is_empty(),
                "{} has keys English lacks: {extra:?}",
                l.code()
            );
        }
    }

    #[test]
    fn negotiation_respects_quality() {
        assert_eq!(
            Locale::negotiate("en-US,en;q=0.9,ja;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(Locale::negotiate("fr, ja;q=0.5"), Some(Locale::Ja));
        assert_eq!(Locale::negotiate("zh-TW"), Some(Locale::ZhHant));
        assert_eq!(Locale::negotiate("zh-CN"), Some(Locale::ZhHans));
        assert_eq!(Locale::negotiate("fr"), None);
    }
}

#[cfg(test)]
mod completeness {
    use super::*;
    use fluent_syntax::ast;
    use std::collections::{BTreeMap, BTreeSet};

    /// The files translated into all eight languages, by their position in `ftl_files!`: all of them.
    const TRANSLATED: [(usize, &str); 7] = [
        (0, "common"),
        (1, "account"),
        (2, "mail"),
        (3, "procedures"),
        (4, "officer"),
        (5, "identity"),
        (6, "attachments"),
    ];

    /// Each message of one file with the variables it uses (`$name`), in selectors too.
    fn messages(src: &str) -> BTreeMap<String, BTreeSet<String>> {
        let res = match FluentResource::try_new(src.to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        res.entries()
            .filter_map(|e| match e {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(p) = &m.value {
                        pattern_vars(p, &mut vars);
                    }
                    for a in &m.attributes {
                        pattern_vars(&a.value, &mut vars);
                    }
                    Some((m.id.name.to_owned(), vars))
                }
                _ => None,
            })
            .collect()
    }

    fn pattern_vars(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
        for el in &p.elements {
            if let ast::PatternElement::Placeable { expression } = el {
                expression_vars(expression, out);
            }
        }
    }

    fn expression_vars(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
        match e {
            ast::Expression::Inline(i) => inline_vars(i, out),
            ast::Expression::Select { selector, variants } => {
                inline_vars(selector, out);
                for v in variants {
                    pattern_vars(&v.value, out);
                }
            }
        }
    }

    fn inline_vars(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => {
                out.insert(id.name.to_owned());
            }
            ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => {
                for a in &arguments.positional {
                    inline_vars(a, out);
                }
                for a in &arguments.named {
                    inline_vars(&a.value, out);
                }
            }
            _ => {}
        }
    }

    /// The strict form of `other_languages_only_translate_known_keys`: every language has every
    /// English message of the translated files, in the same file, and uses the same variables (a
    /// translation that drops `{ $url }` would send an email without its link).
    #[test]
    fn every_language_translates_every_key_of_the_translated_files() {
        let en = sources(Locale::En);
        let mut problems = Vec::new();
        for locale in Locale::ALL {
            let files = sources(locale);
            for (i, name) in TRANSLATED {
                let want = messages(en[i]);
                let have = messages(files[i]);
                for (key, vars) in &want {
                    match have.get(key) {
                        None => problems.push(format!("{}/{name}.ftl lacks {key}", locale.code())),
                        Some(v) if v != vars => problems.push(format!(
                            "{}/{name}.ftl {key} uses {v:?}, English uses {vars:?}",
                            locale.code()
                        )),
                        Some(_) => {}
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    /// A translation that formats with an error (a misspelt variable, a broken selector) would show
    /// a raw placeholder: format every message with the variables English uses.
    #[test]
    fn every_translation_formats_without_errors() {
        let i = I18n::load().unwrap();
        let en = sources(Locale::En);
        let mut problems = Vec::new();
        for locale in Locale::ALL {
            let bundle = i.bundle(locale).unwrap();
            for (f, _) in TRANSLATED {
                for (key, vars) in messages(en[f]) {
                    let mut args = FluentArgs::new();
                    for v in &vars {
                        args.set(v.as_str(), FluentValue::from(1));
                    }
                    let Some(msg) = bundle.get_message(&key) else {
                        continue;
                    };
                    let Some(pattern) = msg.value() else { continue };
                    let mut errs = Vec::new();
                    let out = bundle.format_pattern(pattern, Some(&args), &mut errs);
                    if !errs.is_empty() || out.trim().is_empty() {
                        problems.push(format!("{} {key}: {errs:?}", locale.code()));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

#[cfg(test)]
mod usage {
    use super::*;
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else {
            return;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                if !p.ends_with("target") && !p.ends_with("node_modules") {
                    sources(&p, out);
                }
            } else if matches!(
                p.extension().and_then(|x| x.to_str()),
                Some("rs" | "html" | "js")
            ) {
                out.push(p);
            }
        }
    }

    /// Every English message is used somewhere (as a quoted key in code or templates): a key that
    /// nothing shows is either dead or a typo waiting to be found by a user.
    #[test]
    fn every_key_is_used() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut files = Vec::new();
        sources(&root.join("crates"), &mut files);
        let code: String = files
            .iter()
            .filter(|p| !p.ends_with("zairyu-i18n/src/lib.rs"))
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        let i = I18n::load().unwrap();
        let mut unused: Vec<String> = i
            .keys(Locale::En)
            .into_iter()
            .filter(|k| !code.contains(&format!("\"{k}\"")))
            .collect();
        unused.sort();
        assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    }
}
