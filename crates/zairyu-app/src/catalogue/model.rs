//! What a procedure is (SPEC §5.2), read from `procedure.toml` with every key checked: an unknown
//! key, a missing language, a bad date or an unknown user type stops the build's tests rather than
//! showing a broken page.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use zairyu_domain::UserType;
use zairyu_forms::{FormDef, OptionLists};

/// Text in several languages; Japanese and English are required, the others fall back to English.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct Localized(pub BTreeMap<String, String>);

impl Localized {
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.get("ja"))
            .map(String::as_str)
            .unwrap_or("")
    }

    fn check(&self, what: &str, errors: &mut Vec<String>) {
        for lang in ["ja", "en"] {
            if self.0.get(lang).is_none_or(|s| s.trim().is_empty()) {
                errors.push(format!("{what}: the {lang} text is missing"));
            }
        }
        for lang in self.0.keys() {
            if zairyu_i18n_codes().iter().all(|c| c != lang) {
                errors.push(format!("{what}: unknown language {lang}"));
            }
        }
    }
}

fn zairyu_i18n_codes() -> [&'static str; 8] {
    ["ja", "en", "zh-Hans", "zh-Hant", "ko", "es", "vi", "tl"]
}

/// Which of the two systems a procedure belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum System {
    /// Electronic Notification System (電子届出システム).
    Ens,
    /// Online Residence Application System (在留申請オンラインシステム).
    Rasens,
}

impl System {
    pub fn label_key(self) -> &'static str {
        match self {
            System::Ens => "system-ens",
            System::Rasens => "system-rasens",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    RequestForUse,
    Notification,
    Application,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: String,
    system: System,
    category: Category,
    order: i64,
    name: Localized,
    explanation: Localized,
    contact: Localized,
    #[serde(default)]
    terms: Option<Localized>,
    reception_start: String,
    #[serde(default)]
    reception_end: String,
    user_types: Vec<String>,
    #[serde(default)]
    requires_request_for_use: String,
    #[serde(default)]
    requires_card_reading: bool,
    #[serde(default)]
    only_with_another_application: bool,
    #[serde(default)]
    keywords: BTreeMap<String, Vec<String>>,
    form_versions: Vec<u32>,
    #[serde(default)]
    deadline_days: Option<u32>,
    #[serde(default)]
    deadline_field: Option<String>,
    #[serde(default)]
    deadline_fields: Vec<String>,
}

/// A legal deadline counted from the date of the event (SPEC §8.3: a notification is due within 14
/// days). Passing it never refuses a filing; the confirmation page only says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub days: u32,
    /// The date fields that can hold the event date, one per content; the first one answered (hidden
    /// fields are never answered in cleaned answers) is the event date.
    pub fields: Vec<String>,
}

impl Deadline {
    /// The event date among the (cleaned) answers: the first listed field holding a whole date.
    pub fn event_date(&self, answers: &zairyu_forms::Answers) -> Option<zairyu_domain::Date> {
        self.fields
            .iter()
            .filter_map(|f| answers.text(f))
            .find_map(|t| zairyu_domain::Date::parse(t).ok())
    }

    /// The last day on which a notification of an event on `event` is still in time.
    pub fn last_day(&self, event: zairyu_domain::Date) -> Option<zairyu_domain::Date> {
        event.plus_days(i64::from(self.days))
    }
}

/// A procedure of the catalogue.
#[derive(Debug, Clone)]
pub struct Procedure {
    pub id: String,
    pub system: System,
    pub category: Category,
    pub order: i64,
    pub name: Localized,
    pub explanation: Localized,
    pub contact: Localized,
    pub terms: Option<Localized>,
    /// Milliseconds since the epoch, as the file says (`period()` gives what applies now).
    pub reception_start: i64,
    /// None: "At Any Time", as the file says.
    pub reception_end: Option<i64>,
    pub user_types: Vec<UserType>,
    pub requires_request_for_use: Option<System>,
    pub requires_card_reading: bool,
    pub only_with_another_application: bool,
    pub keywords: BTreeMap<String, Vec<String>>,
    /// Form versions offered side by side, the latest last.
    pub form_versions: Vec<u32>,
    /// Name, explanation and keywords per language, folded once at load for searching.
    pub search_text: BTreeMap<String, String>,
    /// The synonym groups (indexes) whose words occur in any of the texts, for "Search for Synonyms".
    pub synonym_groups: Vec<usize>,
    /// `deadline_days` with `deadline_field` / `deadline_fields`.
    pub deadline: Option<Deadline>,
    /// What the back office changed, shared by every procedure of the catalogue.
    pub overrides: Overrides,
}

/// A back-office change to a procedure, over what its file says (issue 5, item 7).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Override {
    pub reception_start: Option<i64>,
    /// Some(None): "At Any Time".
    pub reception_end: Option<Option<i64>>,
    /// Form versions not offered for new entries.
    pub withdrawn: BTreeSet<u32>,
}

/// The overrides of every procedure by id. Behind a lock so that the catalogue, shared read-only
/// by the whole application, follows a change without being rebuilt.
pub type Overrides = Arc<RwLock<BTreeMap<String, Override>>>;

/// Where a procedure stands against its reception period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reception {
    NotYet,
    Open,
    Closed,
}

impl Procedure {
    fn with_override<T>(&self, f: impl FnOnce(Option<&Override>) -> T) -> T {
        match self.overrides.read() {
            Ok(map) => f(map.get(&self.id)),
            // A poisoned lock means a writer panicked mid-change; the file's values are safe.
            Err(_) => f(None),
        }
    }

    /// The reception period that applies: the back office's where it set one, else the file's.
    pub fn period(&self) -> (i64, Option<i64>) {
        self.with_override(|o| {
            (
                o.and_then(|o| o.reception_start)
                    .unwrap_or(self.reception_start),
                o.and_then(|o| o.reception_end)
                    .unwrap_or(self.reception_end),
            )
        })
    }

    /// Whether the back office withdrew a form version from new entries.
    pub fn is_withdrawn(&self, version: u32) -> bool {
        self.with_override(|o| o.is_some_and(|o| o.withdrawn.contains(&version)))
    }

    pub fn reception(&self, now: i64) -> Reception {
        let (start, end) = self.period();
        if now < start {
            Reception::NotYet
        } else if end.is_some_and(|end| now >= end) {
            Reception::Closed
        } else {
            Reception::Open
        }
    }

    pub fn latest_form_version(&self) -> Option<u32> {
        self.form_versions.last().copied()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("procedure catalogue: {}", .0.join("; "))]
pub struct CatalogueError(pub Vec<String>);

/// All procedures, their form definitions and the synonym groups (folded for matching).
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub procedures: Vec<Procedure>,
    pub synonyms: Vec<Vec<String>>,
    /// Form definitions by (procedure id, version).
    pub forms: BTreeMap<(String, u32), FormDef>,
    /// The back office's changes, the same handle every procedure holds.
    pub overrides: Overrides,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSynonyms {
    groups: Vec<Vec<String>>,
}

fn instant(s: &str, what: &str, errors: &mut Vec<String>) -> Option<i64> {
    match OffsetDateTime::parse(s, &Rfc3339) {
        Ok(t) => Some((t.unix_timestamp_nanos() / 1_000_000) as i64),
        Err(e) => {
            errors.push(format!("{what}: {s:?} is not an RFC 3339 date-time ({e})"));
            None
        }
    }
}

impl Catalogue {
    /// Parses every procedure and the synonyms, collecting all problems.
    pub fn parse(files: &[(&str, &str)], synonyms: &str) -> Result<Catalogue, CatalogueError> {
        let mut errors = Vec::new();
        let mut procedures = Vec::new();
        let overrides = Overrides::default();
        for (folder, text) in files {
            let raw: Raw = match toml::from_str(text) {
                Ok(r) => r,
                Err(e) => {
                    errors.push(format!("{folder}: {e}"));
                    continue;
                }
            };
            let what = |field: &str| format!("{folder}.{field}");
            if raw.id != *folder {
                errors.push(format!("{folder}: id {:?} differs from its folder", raw.id));
            }
            raw.name.check(&what("name"), &mut errors);
            raw.explanation.check(&what("explanation"), &mut errors);
            raw.contact.check(&what("contact"), &mut errors);
            if let Some(t) = &raw.terms {
                t.check(&what("terms"), &mut errors);
            }
            let start = instant(&raw.reception_start, &what("reception_start"), &mut errors);
            let end = if raw.reception_end.trim().is_empty() {
                None
            } else {
                instant(&raw.reception_end, &what("reception_end"), &mut errors)
            };
            let mut user_types = Vec::new();
            for t in &raw.user_types {
                match UserType::parse(t) {
                    Ok(t) => user_types.push(t),
                    Err(_) => {
                        errors.push(format!("{}: unknown user type {t:?}", what("user_types")))
                    }
                }
            }
            if user_types.is_empty() {
                errors.push(format!("{}: at least one user type", what("user_types")));
            }
            let requires = match raw.requires_request_for_use.as_str() {
                "" => None,
                "ens" => Some(System::Ens),
                "rasens" => Some(System::Rasens),
                other => {
                    errors.push(format!(
                        "{}: {other:?} is not ens or rasens",
                        what("requires_request_for_use")
                    ));
                    None
                }
            };
            if raw.form_versions.is_empty() || raw.form_versions.windows(2).any(|w| w[0] >= w[1]) {
                errors.push(format!(
                    "{}: at least one, in increasing order",
                    what("form_versions")
                ));
            }
            for lang in raw.keywords.keys() {
                if zairyu_i18n_codes().iter().all(|c| c != lang) {
                    errors.push(format!("{}: unknown language {lang}", what("keywords")));
                }
            }
            let mut deadline_fields = raw.deadline_fields.clone();
            if let Some(f) = &raw.deadline_field {
                if !deadline_fields.is_empty() {
                    errors.push(format!(
                        "{}: give deadline_field or deadline_fields, not both",
                        what("deadline_field")
                    ));
                }
                deadline_fields.insert(0, f.clone());
            }
            let deadline = match raw.deadline_days {
                Some(0) => {
                    errors.push(format!("{}: at least 1", what("deadline_days")));
                    None
                }
                Some(days) if deadline_fields.is_empty() => {
                    errors.push(format!(
                        "{}: {days} days from which date? Name it in deadline_field",
                        what("deadline_days")
                    ));
                    None
                }
                Some(days) => Some(Deadline {
                    days,
                    fields: deadline_fields,
                }),
                None => {
                    if !deadline_fields.is_empty() {
                        errors.push(format!(
                            "{}: a deadline field without deadline_days",
                            what("deadline_field")
                        ));
                    }
                    None
                }
            };
            if let Some(start) = start {
                procedures.push(Procedure {
                    id: raw.id,
                    system: raw.system,
                    category: raw.category,
                    order: raw.order,
                    name: raw.name,
                    explanation: raw.explanation,
                    contact: raw.contact,
                    terms: raw.terms,
                    reception_start: start,
                    reception_end: end,
                    user_types,
                    requires_request_for_use: requires,
                    requires_card_reading: raw.requires_card_reading,
                    only_with_another_application: raw.only_with_another_application,
                    keywords: raw.keywords,
                    form_versions: raw.form_versions,
                    deadline,
                    search_text: BTreeMap::new(),
                    synonym_groups: Vec::new(),
                    overrides: overrides.clone(),
                });
            }
        }
        let synonyms = match toml::from_str::<RawSynonyms>(synonyms) {
            Ok(s) => s
                .groups
                .into_iter()
                .map(|g| g.iter().map(|w| super::search::fold(w)).collect())
                .collect(),
            Err(e) => {
                errors.push(format!("synonyms.toml: {e}"));
                Vec::new()
            }
        };
        for p in &mut procedures {
            let langs: std::collections::BTreeSet<&String> = p
                .name
                .0
                .keys()
                .chain(p.explanation.0.keys())
                .chain(p.keywords.keys())
                .collect();
            let mut texts = BTreeMap::new();
            for l in langs {
                let words = p.keywords.get(l).map(|w| w.join("\n")).unwrap_or_default();
                let name = p.name.0.get(l).map(String::as_str).unwrap_or("");
                let explanation = p.explanation.0.get(l).map(String::as_str).unwrap_or("");
                texts.insert(
                    l.clone(),
                    super::search::fold(&format!("{name}\n{explanation}\n{words}")),
                );
            }
            p.synonym_groups = synonyms
                .iter()
                .enumerate()
                .filter(|(_, g): &(usize, &Vec<String>)| {
                    g.iter()
                        .any(|w| texts.values().any(|t| t.contains(w.as_str())))
                })
                .map(|(i, _)| i)
                .collect();
            p.search_text = texts;
        }
        if errors.is_empty() {
            procedures.sort_by_key(|p| p.order);
            Ok(Catalogue {
                procedures,
                synonyms,
                forms: BTreeMap::new(),
                overrides,
            })
        } else {
            Err(CatalogueError(errors))
        }
    }

    pub fn get(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }

    /// Adds the form definitions (`(procedure id, version, text)`) with the shared option lists,
    /// checking each against its procedure: same id, a version the procedure offers.
    pub fn with_forms(
        mut self,
        forms: &[(&str, u32, &str)],
        lists: &[&str],
    ) -> Result<Catalogue, CatalogueError> {
        let mut errors = Vec::new();
        let mut all_lists = OptionLists::new();
        for (i, text) in lists.iter().enumerate() {
            if let Err(es) = OptionLists::parse(text).and_then(|l| all_lists.extend(l)) {
                errors.extend(es.iter().map(|e| format!("option list file {i}: {e}")));
            }
        }
        for (procedure, version, text) in forms {
            let at = format!("{procedure}/form-v{version}.toml");
            let Some(p) = self.get(procedure) else {
                errors.push(format!("{at}: no procedure {procedure}"));
                continue;
            };
            if !p.form_versions.contains(version) {
                errors.push(format!(
                    "{at}: version {version} is not in the procedure's form_versions"
                ));
            }
            match FormDef::parse(text, &all_lists) {
                Ok(form) => {
                    if form.id() != *procedure {
                        errors.push(format!(
                            "{at}: form id {} differs from the procedure",
                            form.id()
                        ));
                    }
                    if form.version() != *version {
                        errors.push(format!(
                            "{at}: form version {} differs from the file name",
                            form.version()
                        ));
                    }
                    for f in p.deadline.iter().flat_map(|d| d.fields.iter()) {
                        match form.field(f).map(|x| x.kind()) {
                            Some(zairyu_forms::FieldKind::Date { .. }) => {}
                            Some(_) => errors
                                .push(format!("{at}: deadline field {f:?} is not a date field")),
                            None => errors.push(format!(
                                "{at}: deadline field {f:?} is not a field of the form"
                            )),
                        }
                    }
                    // The entry screen attaches files per slot of the application (SPEC §10.7
                    // counts files per application), so slots must be top-level fields.
                    for row_field in form
                        .sections()
                        .iter()
                        .flat_map(|s| s.fields())
                        .flat_map(|f| f.row_fields())
                    {
                        if matches!(row_field.kind(), zairyu_forms::FieldKind::File { .. }) {
                            errors.push(format!(
                                "{at}: file slot {:?} is inside a group; the entry screen takes attachments only in top-level fields",
                                row_field.id()
                            ));
                        }
                    }
                    self.forms.insert(((*procedure).to_owned(), *version), form);
                }
                Err(es) => errors.extend(es.iter().map(|e| format!("{at}: {e}"))),
            }
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(CatalogueError(errors))
        }
    }

    /// The form offered for new entries: the latest listed version that has a definition and was
    /// not withdrawn in the back office.
    pub fn entry_form(&self, procedure: &Procedure) -> Option<&FormDef> {
        procedure
            .form_versions
            .iter()
            .rev()
            .filter(|v| !procedure.is_withdrawn(**v))
            .find_map(|v| self.forms.get(&(procedure.id.clone(), *v)))
    }

    /// The versions of a procedure that can be entered now, oldest first: two or more are offered
    /// side by side (the manual's "_latest" variant). Withdrawn versions are left out.
    pub fn offered_versions(&self, procedure: &Procedure) -> Vec<u32> {
        procedure
            .form_versions
            .iter()
            .copied()
            .filter(|v| {
                !procedure.is_withdrawn(*v) && self.forms.contains_key(&(procedure.id.clone(), *v))
            })
            .collect()
    }

    /// Replaces the back office's changes (read from the database at start and after a change).
    pub fn set_overrides(&self, all: BTreeMap<String, Override>) {
        if let Ok(mut map) = self.overrides.write() {
            *map = all;
        }
    }

    /// The form for a requested version when it is offered, else the latest.
    pub fn form_for(&self, procedure: &Procedure, version: Option<u32>) -> Option<&FormDef> {
        version
            .filter(|v| self.offered_versions(procedure).contains(v))
            .and_then(|v| self.form(&procedure.id, v))
            .or_else(|| self.entry_form(procedure))
    }

    pub fn form(&self, procedure_id: &str, version: u32) -> Option<&FormDef> {
        self.forms.get(&(procedure_id.to_owned(), version))
    }

    /// Versions listed by procedures that have no definition yet (reported by `zairyu forms check`).
    pub fn missing_forms(&self) -> Vec<String> {
        self.procedures
            .iter()
            .flat_map(|p| p.form_versions.iter().map(move |v| (p, *v)))
            .filter(|(p, v)| !self.forms.contains_key(&(p.id.clone(), *v)))
            .map(|(p, v)| format!("{}/form-v{v}.toml", p.id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
id = "p"
system = "ens"
category = "notification"
order = 1
name = { ja = "届出", en = "Notification" }
explanation = { ja = "説明", en = "Explanation" }
contact = { ja = "連絡先", en = "Contact" }
reception_start = "2025-12-19T00:00:00+09:00"
user_types = ["foreign_national"]
form_versions = [1]
"#;

    #[test]
    fn the_embedded_catalogue_loads() {
        let c = crate::catalogue::embedded().unwrap();
        assert!(c.procedures.iter().all(|p| !p.name.get("ja").is_empty()));
        let n = c.get("ens-notification").unwrap();
        assert_eq!(n.deadline.as_ref().map(|d| d.days), Some(14));
    }

    #[test]
    fn a_good_file_parses() {
        let c = Catalogue::parse(&[("p", GOOD)], "groups = [[\"spouse\", \"配偶者\"]]").unwrap();
        let p = c.get("p").unwrap();
        assert_eq!(p.reception(p.reception_start - 1), Reception::NotYet);
        assert_eq!(p.reception(p.reception_start), Reception::Open);
        assert_eq!(p.name.get("vi"), "Notification", "falls back to English");
    }

    #[test]
    fn every_problem_is_reported() {
        let bad = GOOD
            .replace("id = \"p\"", "id = \"q\"")
            .replace("en = \"Explanation\"", "ko = \"설명\"")
            .replace("2025-12-19T00:00:00+09:00", "19 Dec 2025")
            .replace("[\"foreign_national\"]", "[\"officer\"]")
            .replace("form_versions = [1]", "form_versions = [2, 1]");
        let e = Catalogue::parse(&[("p", &bad)], "groups = []").unwrap_err();
        let all = e.0.join("\n");
        for needle in [
            "differs from its folder",
            "en text is missing",
            "RFC 3339",
            "unknown user type",
            "increasing order",
        ] {
            assert!(all.contains(needle), "{needle} in {all}");
        }
        let no_field = format!("{GOOD}\ndeadline_days = 14");
        let e = Catalogue::parse(&[("p", &no_field)], "groups = []").unwrap_err();
        assert!(e.0.join("").contains("from which date"));
        let unknown = format!("{GOOD}\ncolour = \"red\"");
        assert!(Catalogue::parse(&[("p", &unknown)], "groups = []").is_err());
    }

    #[test]
    fn deadline_fields_must_be_date_fields_of_the_form() {
        let form = r#"
id = "p"
version = 1
title = { ja = "届出", en = "Notification" }
[[sections]]
id = "s"
title = { ja = "節", en = "Section" }
[[sections.fields]]
id = "event_date"
kind = "date"
label = { ja = "年月日", en = "Date" }
[[sections.fields]]
id = "name"
kind = "text"
max_len = 10
label = { ja = "氏名", en = "Name" }
"#;
        let with = |keys: &str| {
            Catalogue::parse(&[("p", &format!("{GOOD}\n{keys}"))], "groups = []")
                .and_then(|c| c.with_forms(&[("p", 1, form)], &[]))
        };
        let c = with("deadline_days = 14\ndeadline_field = \"event_date\"").unwrap();
        let d = c.get("p").unwrap().deadline.clone().unwrap();
        assert_eq!(d.fields, vec!["event_date".to_owned()]);
        let event = zairyu_domain::Date::parse("20250401").unwrap();
        assert_eq!(
            d.last_day(event),
            zairyu_domain::Date::parse("20250415").ok()
        );
        let mut answers = zairyu_forms::Answers::new();
        answers.insert(
            "event_date",
            zairyu_forms::Answer::Text("2025-04-01".into()),
        );
        assert_eq!(d.event_date(&answers), Some(event));
        let e = with("deadline_days = 14\ndeadline_fields = [\"name\", \"nope\"]").unwrap_err();
        let all = e.0.join("\n");
        assert!(
            all.contains("not a date field") && all.contains("not a field of the form"),
            "{all}"
        );
        assert!(
            with("deadline_field = \"event_date\"").is_err(),
            "without days"
        );
        assert!(with("deadline_days = 0\ndeadline_field = \"event_date\"").is_err());
    }
}
