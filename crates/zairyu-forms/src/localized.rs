//! Text written by form authors in the eight languages, and the choices of select, radio and
//! checkboxes fields, including the shared option lists (statuses of residence, nationalities …) that
//! many forms use and that should be maintained in one place.

use crate::def::{DefError, valid_id};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A text in the portal's languages. Japanese and English are required because the Japanese text is
/// authoritative and English is the fallback of every other language (SPEC §2.4); the six others are
/// optional and fall back to English when missing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    ja: String,
    en: String,
    #[serde(rename = "zh-Hans")]
    zh_hans: Option<String>,
    #[serde(rename = "zh-Hant")]
    zh_hant: Option<String>,
    ko: Option<String>,
    es: Option<String>,
    vi: Option<String>,
    tl: Option<String>,
}

impl LocalizedText {
    /// The text in the language with this BCP 47 code (`ja`, `en`, `zh-Hans`, `zh-Hant`, `ko`, `es`,
    /// `vi`, `tl`; case-insensitive). A missing translation or an unknown code gives the English text,
    /// so a page is never blank.
    pub fn get(&self, lang: &str) -> &str {
        let other = match lang.to_ascii_lowercase().as_str() {
            "ja" => return &self.ja,
            "zh-hans" => &self.zh_hans,
            "zh-hant" => &self.zh_hant,
            "ko" => &self.ko,
            "es" => &self.es,
            "vi" => &self.vi,
            "tl" => &self.tl,
            _ => &None,
        };
        other.as_deref().unwrap_or(&self.en)
    }

    /// The Japanese text, the authoritative one.
    pub fn ja(&self) -> &str {
        &self.ja
    }

    /// The English text, the fallback of every other language.
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The codes of the optional languages this text lacks (missing or blank), which show English
    /// instead: the completeness tests of the shipped forms use it.
    pub fn missing_languages(&self) -> Vec<&'static str> {
        [
            ("zh-Hans", &self.zh_hans),
            ("zh-Hant", &self.zh_hant),
            ("ko", &self.ko),
            ("es", &self.es),
            ("vi", &self.vi),
            ("tl", &self.tl),
        ]
        .into_iter()
        .filter(|(_, t)| t.as_deref().is_none_or(|t| t.trim().is_empty()))
        .map(|(code, _)| code)
        .collect()
    }

    /// True when the Japanese or English text is blank: such a label would show nothing.
    pub(crate) fn has_blank(&self) -> bool {
        self.ja.trim().is_empty() || self.en.trim().is_empty()
    }
}

/// One choice of a select, radio or checkboxes field: the stable code that is stored and sent by the
/// browser, and the label shown to people.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    value: String,
    label: LocalizedText,
}

impl ChoiceOption {
    /// The code stored and compared by conditions; never shown.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// What people read.
    pub fn label(&self) -> &LocalizedText {
        &self.label
    }
}

/// Checks a list of choices: not empty, values unique and non-blank, labels present.
pub(crate) fn check_options(options: &[ChoiceOption], at: &str, errors: &mut Vec<DefError>) {
    let mut seen = std::collections::HashSet::new();
    for o in options {
        if o.value.trim().is_empty() || o.value.trim() != o.value {
            errors.push(DefError::Invalid {
                at: at.to_owned(),
                reason: "an option value must not be blank or start or end with spaces",
            });
        }
        if !seen.insert(o.value.as_str()) {
            errors.push(DefError::DuplicateOption {
                at: at.to_owned(),
                value: o.value.clone(),
            });
        }
        if o.label.has_blank() {
            errors.push(DefError::EmptyText {
                at: format!("{at} option `{}`", o.value),
            });
        }
    }
}

/// Option lists shared between forms, named by id and referred to with `options_from`. Loaded from a
/// TOML file whose top-level keys are the list ids:
///
/// ```toml
/// status_of_residence = [
///   { value = "professor", label = { ja = "教授", en = "Professor" } },
/// ]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OptionLists(BTreeMap<String, Vec<ChoiceOption>>);

impl OptionLists {
    /// No lists: for forms whose choices are all inline.
    pub fn new() -> OptionLists {
        OptionLists::default()
    }

    /// Reads and checks a lists file, reporting every problem found after the TOML itself is read.
    pub fn parse(text: &str) -> Result<OptionLists, Vec<DefError>> {
        let raw: BTreeMap<String, Vec<ChoiceOption>> =
            toml::from_str(text).map_err(|e| vec![DefError::Syntax(e.to_string())])?;
        let mut errors = Vec::new();
        for (id, options) in &raw {
            let at = format!("list `{id}`");
            if !valid_id(id) {
                errors.push(DefError::BadId {
                    at: at.clone(),
                    id: id.clone(),
                });
            }
            if options.is_empty() {
                errors.push(DefError::NoOptions { at: at.clone() });
            }
            check_options(options, &at, &mut errors);
        }
        if errors.is_empty() {
            Ok(OptionLists(raw))
        } else {
            Err(errors)
        }
    }

    /// Adds the lists of another file; a list id defined twice is an error, because which of the two
    /// a form would get would depend on load order.
    pub fn extend(&mut self, other: OptionLists) -> Result<(), Vec<DefError>> {
        let dups: Vec<DefError> = other
            .0
            .keys()
            .filter(|k| self.0.contains_key(*k))
            .map(|k| DefError::DuplicateId {
                at: "option lists".to_owned(),
                id: k.clone(),
            })
            .collect();
        if !dups.is_empty() {
            return Err(dups);
        }
        self.0.extend(other.0);
        Ok(())
    }

    /// The choices of one list.
    pub fn get(&self, id: &str) -> Option<&[ChoiceOption]> {
        self.0.get(id).map(Vec::as_slice)
    }

    /// The ids of all lists, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_fall_back_to_english() {
        let t: LocalizedText = toml::from_str(
            r#"ja = "教授"
en = "Professor"
ko = "교수""#,
        )
        .unwrap();
        assert_eq!(t.get("ja"), "教授");
        assert_eq!(t.get("en"), "Professor");
        assert_eq!(t.get("ko"), "교수");
        assert_eq!(t.get("zh-Hans"), "Professor");
        assert_eq!(t.get("xx"), "Professor");
        assert_eq!(
            t.missing_languages(),
            ["zh-Hans", "zh-Hant", "es", "vi", "tl"]
        );
        let missing_en = toml::from_str::<LocalizedText>(r#"ja = "教授""#);
        assert!(missing_en.is_err());
        let unknown = toml::from_str::<LocalizedText>(
            r#"ja = "a"
en = "b"
fr = "c""#,
        );
        assert!(unknown.is_err());
    }

    #[test]
    fn lists_are_checked() {
        let ok = OptionLists::parse(
            r#"sex = [
  { value = "m", label = { ja = "男", en = "Male" } },
  { value = "f", label = { ja = "女", en = "Female" } },
]"#,
        )
        .unwrap();
        assert_eq!(ok.get("sex").unwrap().len(), 2);
        assert_eq!(ok.ids().collect::<Vec<_>>(), ["sex"]);

        let errs = OptionLists::parse(
            r#"Bad-Id = [ { value = "m", label = { ja = "男", en = "Male" } } ]
empty = []
dup = [
  { value = "m", label = { ja = "男", en = "Male" } },
  { value = "m", label = { ja = "", en = "Male" } },
]"#,
        )
        .unwrap_err();
        assert!(errs.iter().any(|e| matches!(e, DefError::BadId { .. })));
        assert!(errs.iter().any(|e| matches!(e, DefError::NoOptions { .. })));
        assert!(
            errs.iter()
                .any(|e| matches!(e, DefError::DuplicateOption { .. }))
        );
        assert!(errs.iter().any(|e| matches!(e, DefError::EmptyText { .. })));

        let unknown_key = OptionLists::parse(
            r#"x = [ { value = "m", label = { ja = "男", en = "M" }, colour = "red" } ]"#,
        );
        assert!(matches!(unknown_key.unwrap_err()[0], DefError::Syntax(_)));
    }

    #[test]
    fn extending_refuses_a_list_defined_twice() {
        let a = OptionLists::parse(r#"x = [ { value = "1", label = { ja = "一", en = "One" } } ]"#)
            .unwrap();
        let mut b = a.clone();
        assert!(b.extend(a).is_err());
        let c = OptionLists::parse(r#"y = [ { value = "1", label = { ja = "一", en = "One" } } ]"#)
            .unwrap();
        b.extend(c).unwrap();
        assert!(b.get("y").is_some());
    }
}
