//! Form definitions: read from TOML, checked once at load time, and kept in a shape the engine can
//! evaluate without looking anything up by name again. Every mistake an author can make that the
//! engine would otherwise discover while a person fills in the form (a condition naming a field that
//! does not exist, a value that is not among the options, visibility that depends on itself) is
//! found here, all at once, so `zairyu forms check` can refuse the file before anyone sees it.

use crate::graph;
use crate::localized::{ChoiceOption, LocalizedText, OptionLists, check_options};
use serde::Deserialize;
use std::collections::HashMap;
use zairyu_domain::Date;

/// Longest id of a form, section, field or list: ids end up in HTML names and stored keys.
pub const ID_MAX: usize = 64;
/// Most rows a group may allow; row indexes above it in HTTP names are ignored.
pub const ROWS_LIMIT: usize = 1000;
/// Most files a file slot may hold (SPEC §10.7: up to 20 files per application).
pub const FILES_LIMIT: usize = 20;

/// A field, section or list id: lower-case ASCII letter first, then letters, digits and `_`. Dots,
/// brackets and hyphens are kept out because ids are joined into paths like `family[0].name`.
pub(crate) fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.len() <= ID_MAX
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

/// A form id may also hold hyphens (`ens-notification`): it names a file and a URL segment, never
/// part of a field path.
fn valid_form_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('a'..='z'))
        && id.len() <= ID_MAX
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_' | '-'))
}

/// Something wrong with a definition. `at` says where, in words an author can search for
/// (a field path such as "field `family.name`", a section, or `rules[0]`), so no line number is
/// needed after the TOML itself has been read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DefError {
    /// The TOML could not be read: bad syntax, an unknown key, a missing required key, a value of the
    /// wrong type, or an unknown `kind`. The message carries the line and column. Only the first such
    /// problem is reported, because the file cannot be read further.
    #[error("{0}")]
    Syntax(String),
    /// An id that does not follow the id rule.
    #[error("{at}: `{id}` is not a valid id (a lower-case letter, then a-z, 0-9 or _; at most 64)")]
    BadId { at: String, id: String },
    /// An id used twice in the same scope.
    #[error("{at}: the id `{id}` is used more than once")]
    DuplicateId { at: String, id: String },
    /// A reference to something that does not exist in the scope where it is looked up.
    #[error("{at}: `{key}` names `{target}`, which does not exist here")]
    Dangling {
        at: String,
        key: &'static str,
        target: String,
    },
    /// A reference to a field of a kind that cannot be used there.
    #[error("{at}: `{key}` names `{target}`, a {found} field, but needs {expected}")]
    WrongKind {
        at: String,
        key: &'static str,
        target: String,
        found: &'static str,
        expected: &'static str,
    },
    /// Visibility that depends on itself, directly or through other fields or sections.
    #[error("conditions form a cycle: {}", .path.join(" → "))]
    Cycle { path: Vec<String> },
    /// A condition value that the referenced field can never have.
    #[error("{at}: `{value}` is not an option of `{field}`")]
    NotAnOption {
        at: String,
        field: String,
        value: String,
    },
    /// A choice field (or shared list) without any choice.
    #[error("{at}: needs options (`options` or `options_from`), and at least one")]
    NoOptions { at: String },
    /// Two options with the same value.
    #[error("{at}: the option value `{value}` appears more than once")]
    DuplicateOption { at: String, value: String },
    /// A group inside a group.
    #[error("{at}: groups cannot be nested (one level of repeating rows only)")]
    NestedGroup { at: String },
    /// A key this kind of field must have.
    #[error("{at}: a {kind} field needs `{key}`")]
    MissingKey {
        at: String,
        kind: &'static str,
        key: &'static str,
    },
    /// A key that exists, but not for this kind of field.
    #[error("{at}: `{key}` does not apply to a {kind} field")]
    KeyNotForKind {
        at: String,
        key: &'static str,
        kind: &'static str,
    },
    /// A date in the definition that is not a date.
    #[error("{at}: `{key} = \"{value}\"` is not a date (YYYY-MM-DD)")]
    BadDate {
        at: String,
        key: &'static str,
        value: String,
    },
    /// A Japanese or English text left blank.
    #[error("{at}: the `ja` and `en` texts must not be blank")]
    EmptyText { at: String },
    /// Any other value that makes no sense (bounds the wrong way round, an empty `all`, a condition
    /// with two tests …); the reason says which.
    #[error("{at}: {reason}")]
    Invalid { at: String, reason: &'static str },
}

/// The character classes of text fields, as the manuals name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Charset {
    /// Anything printable.
    Any,
    /// One-byte capital letters and spaces: names in the alphabet. Small letters are raised.
    UpperAlpha,
    /// One-byte capital letters and digits (document numbers). Small letters are raised.
    UpperAlnum,
    /// One-byte digits.
    Digits,
    /// Two-byte (full-width) characters; one-byte letters, digits and spaces are widened.
    Fullwidth,
    /// One-byte printable ASCII.
    Ascii,
}

/// The file types a file slot accepts. Checking the files themselves belongs to `zairyu-files`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FileType {
    /// PDF attachments (SPEC §10.7).
    Pdf,
    /// JPEG facial photos (SPEC §10.6).
    Jpeg,
}

/// The closed set of field kinds as written in TOML.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Text,
    Textarea,
    Email,
    Telephone,
    PostalCode,
    Address,
    ResidenceCardNumber,
    Date,
    Select,
    Radio,
    Checkbox,
    Checkboxes,
    Group,
    File,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Textarea => "textarea",
            Kind::Email => "email",
            Kind::Telephone => "telephone",
            Kind::PostalCode => "postal_code",
            Kind::Address => "address",
            Kind::ResidenceCardNumber => "residence_card_number",
            Kind::Date => "date",
            Kind::Select => "select",
            Kind::Radio => "radio",
            Kind::Checkbox => "checkbox",
            Kind::Checkboxes => "checkboxes",
            Kind::Group => "group",
            Kind::File => "file",
        }
    }

    /// The kind-specific keys this kind accepts; any other kind-specific key is an error.
    fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::Text => &["charset", "max_len", "min_len"],
            Kind::Textarea => &["max_len", "min_len"],
            Kind::PostalCode => &["address_field"],
            Kind::Date => &["allow_unknown", "not_future", "not_before", "not_after"],
            Kind::Select | Kind::Radio | Kind::Checkboxes => &["options", "options_from"],
            Kind::Group => &["fields", "max_rows", "min_rows"],
            Kind::File => &["accept", "max_files"],
            Kind::Email
            | Kind::Telephone
            | Kind::Address
            | Kind::ResidenceCardNumber
            | Kind::Checkbox => &[],
        }
    }

    fn has_options(self) -> bool {
        matches!(self, Kind::Select | Kind::Radio | Kind::Checkboxes)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForm {
    id: String,
    version: u32,
    title: LocalizedText,
    sections: Vec<RawSection>,
    #[serde(default)]
    rules: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    title: LocalizedText,
    hint: Option<LocalizedText>,
    show_if: Option<RawCondition>,
    #[serde(default)]
    fields: Vec<RawField>,
}

/// One flat struct for every kind, so that a key belonging to another kind gets a message naming the
/// kind ("`options` does not apply to a text field") and all such problems are collected, instead of
/// serde stopping at the first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawField {
    id: String,
    kind: Kind,
    label: LocalizedText,
    hint: Option<LocalizedText>,
    #[serde(default)]
    required: bool,
    show_if: Option<RawCondition>,
    #[serde(default)]
    changes_following: bool,
    charset: Option<Charset>,
    max_len: Option<usize>,
    min_len: Option<usize>,
    address_field: Option<String>,
    allow_unknown: Option<bool>,
    not_future: Option<bool>,
    not_before: Option<String>,
    not_after: Option<String>,
    options: Option<Vec<ChoiceOption>>,
    options_from: Option<String>,
    fields: Option<Vec<RawField>>,
    max_rows: Option<usize>,
    min_rows: Option<usize>,
    accept: Option<Vec<FileType>>,
    max_files: Option<usize>,
}

impl RawField {
    fn present_keys(&self) -> Vec<&'static str> {
        let mut keys = Vec::new();
        let mut mark = |present: bool, key: &'static str| {
            if present {
                keys.push(key);
            }
        };
        mark(self.charset.is_some(), "charset");
        mark(self.max_len.is_some(), "max_len");
        mark(self.min_len.is_some(), "min_len");
        mark(self.address_field.is_some(), "address_field");
        mark(self.allow_unknown.is_some(), "allow_unknown");
        mark(self.not_future.is_some(), "not_future");
        mark(self.not_before.is_some(), "not_before");
        mark(self.not_after.is_some(), "not_after");
        mark(self.options.is_some(), "options");
        mark(self.options_from.is_some(), "options_from");
        mark(self.fields.is_some(), "fields");
        mark(self.max_rows.is_some(), "max_rows");
        mark(self.min_rows.is_some(), "min_rows");
        mark(self.accept.is_some(), "accept");
        mark(self.max_files.is_some(), "max_files");
        keys
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    field: Option<String>,
    equals: Option<String>,
    #[serde(rename = "in")]
    in_: Option<Vec<String>>,
    filled: Option<bool>,
    all: Option<Vec<RawCondition>>,
    any: Option<Vec<RawCondition>>,
    not: Option<Box<RawCondition>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RuleKind {
    Equals,
    NotAfter,
    NotBefore,
    NotFuture,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    kind: RuleKind,
    field: String,
    other: Option<String>,
}

/// Where a referenced field is looked up: in the same row of the group the referring field belongs
/// to, or among the form's top-level fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefScope {
    /// A sibling in the same row of a group.
    Row,
    /// A top-level field of the form.
    Form,
}

/// A resolved reference to a field: its id as written, and where the engine finds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRef {
    id: String,
    pub(crate) ix: usize,
    scope: RefScope,
}

impl FieldRef {
    /// The referenced field's id (the same id the browser uses in its `name`, within the row for
    /// row-scoped references).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Whether the field is a sibling in the same group row or a top-level field.
    pub fn scope(&self) -> RefScope {
        self.scope
    }
}

/// When a section or field is shown. Evaluated on the server; exposed so the page can mirror it in
/// the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The select/radio answer is `value`, or the checkboxes answer contains it.
    Equals { field: FieldRef, value: String },
    /// The answer is (or, for checkboxes, contains) one of `values`.
    In {
        field: FieldRef,
        values: Vec<String>,
    },
    /// The field has (`true`) or has not (`false`) an answer: text typed, a valid choice made, the
    /// checkbox ticked, a group row or a file given.
    Filled { field: FieldRef, filled: bool },
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

impl Condition {
    /// Every field the condition reads.
    pub fn fields(&self) -> Vec<&FieldRef> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a FieldRef>) {
        match self {
            Condition::Equals { field, .. }
            | Condition::In { field, .. }
            | Condition::Filled { field, .. } => out.push(field),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.collect(out)),
            Condition::Not(c) => c.collect(out),
        }
    }
}

/// A check between two top-level fields, applied only when both are shown and each is valid on its
/// own (so a person sees one message per problem, not two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// `field` must equal `other` (re-entered email). Error `Mismatch` on `field`.
    Equals { field: FieldRef, other: FieldRef },
    /// The date `field` must not be after the date `other`. Error `AfterDate` on `field`.
    NotAfter { field: FieldRef, other: FieldRef },
    /// The date `field` must not be before the date `other`. Error `BeforeDate` on `field`.
    NotBefore { field: FieldRef, other: FieldRef },
    /// The date `field` must not be after today. Error `Future` on `field`.
    NotFuture { field: FieldRef },
}

/// What kind of answer a field takes, with the settings of that kind. A closed set: every kind owns
/// its parsing, its normalised stored value and its display (see `kinds.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text of a character class.
    Text {
        charset: Charset,
        max_len: usize,
        min_len: Option<usize>,
    },
    /// Several lines of free text.
    Textarea {
        max_len: usize,
        min_len: Option<usize>,
    },
    /// An email address, at most 60 characters.
    Email,
    /// A telephone number, digits only (hyphens dropped), at most 12.
    Telephone,
    /// A postal code of seven digits. `address_field` is the address field the address search
    /// fills, when there is one.
    PostalCode { address_field: Option<String> },
    /// An address in Japan in two-byte characters, at most 85.
    Address,
    /// A residence card number, `AB12345678CD`.
    ResidenceCardNumber,
    /// A date typed as YYYYMMDD or picked. With `allow_unknown`, the four unknown-part choices of a
    /// date of birth are offered.
    Date {
        allow_unknown: bool,
        not_future: bool,
        not_before: Option<Date>,
        not_after: Option<Date>,
    },
    /// One choice from a drop-down.
    Select { options: Vec<ChoiceOption> },
    /// One choice from radio buttons.
    Radio { options: Vec<ChoiceOption> },
    /// One tick box: yes or no.
    Checkbox,
    /// Any number of choices from tick boxes.
    Checkboxes { options: Vec<ChoiceOption> },
    /// Repeating rows of the same fields (family members).
    Group {
        min_rows: usize,
        max_rows: usize,
        fields: Vec<Field>,
    },
    /// A slot for attachments; the answer holds file ids.
    File {
        accept: Vec<FileType>,
        max_files: usize,
    },
}

impl FieldKind {
    /// The kind as written in TOML.
    pub fn name(&self) -> &'static str {
        match self {
            FieldKind::Text { .. } => "text",
            FieldKind::Textarea { .. } => "textarea",
            FieldKind::Email => "email",
            FieldKind::Telephone => "telephone",
            FieldKind::PostalCode { .. } => "postal_code",
            FieldKind::Address => "address",
            FieldKind::ResidenceCardNumber => "residence_card_number",
            FieldKind::Date { .. } => "date",
            FieldKind::Select { .. } => "select",
            FieldKind::Radio { .. } => "radio",
            FieldKind::Checkbox => "checkbox",
            FieldKind::Checkboxes { .. } => "checkboxes",
            FieldKind::Group { .. } => "group",
            FieldKind::File { .. } => "file",
        }
    }

    /// The choices of a select, radio or checkboxes field.
    pub fn options(&self) -> Option<&[ChoiceOption]> {
        match self {
            FieldKind::Select { options }
            | FieldKind::Radio { options }
            | FieldKind::Checkboxes { options } => Some(options),
            _ => None,
        }
    }
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    id: String,
    label: LocalizedText,
    hint: Option<LocalizedText>,
    required: bool,
    changes_following: bool,
    show_if: Option<Condition>,
    kind: FieldKind,
    pub(crate) ix: usize,
}

impl Field {
    /// The id: the HTML `name` of a top-level field, the last part of a row field's name.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn label(&self) -> &LocalizedText {
        &self.label
    }

    /// Help shown under the label (the manuals' "Up to 12 1-byte letters, Example) 0312345678").
    pub fn hint(&self) -> Option<&LocalizedText> {
        self.hint.as_ref()
    }

    /// Whether an answer is needed when the field is shown; a hidden field is never required.
    pub fn required(&self) -> bool {
        self.required
    }

    /// The manuals' "This item will cause the below entry items to change": the page marks the field
    /// and, without JavaScript, offers to re-render after choosing.
    pub fn changes_following(&self) -> bool {
        self.changes_following
    }

    pub fn show_if(&self) -> Option<&Condition> {
        self.show_if.as_ref()
    }

    pub fn kind(&self) -> &FieldKind {
        &self.kind
    }

    /// The fields of one row, for a group; empty for other kinds.
    pub fn row_fields(&self) -> &[Field] {
        match &self.kind {
            FieldKind::Group { fields, .. } => fields,
            _ => &[],
        }
    }
}

/// A titled part of a form, shown or hidden as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    id: String,
    title: LocalizedText,
    hint: Option<LocalizedText>,
    show_if: Option<Condition>,
    fields: Vec<Field>,
}

impl Section {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn title(&self) -> &LocalizedText {
        &self.title
    }

    /// Explanation shown under the title.
    pub fn hint(&self) -> Option<&LocalizedText> {
        self.hint.as_ref()
    }

    pub fn show_if(&self) -> Option<&Condition> {
        self.show_if.as_ref()
    }

    /// The section's top-level fields, in form order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }
}

/// Where field number `ix` lives in the tree.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Loc {
    pub section: usize,
    pub pos: usize,
    pub child: Option<usize>,
}

/// A checked form definition. Fields are numbered in form order (`ix`, depth first); the engine keeps
/// indexes by id and the order in which visibility must be computed, so evaluating a form never walks
/// names or dependencies again.
#[derive(Debug, Clone)]
pub struct FormDef {
    pub(crate) id: String,
    pub(crate) version: u32,
    pub(crate) title: LocalizedText,
    pub(crate) sections: Vec<Section>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) fingerprint: String,
    pub(crate) locs: Vec<Loc>,
    pub(crate) top_index: HashMap<String, usize>,
    pub(crate) section_index: HashMap<String, usize>,
    /// For each group `ix`: its children's ids → position in the row.
    pub(crate) row_index: HashMap<usize, HashMap<String, usize>>,
    /// Top-level fields in dependency order (a field after every field its visibility reads).
    pub(crate) top_order: Vec<usize>,
    /// For each group `ix`: row positions in dependency order.
    pub(crate) row_order: HashMap<usize, Vec<usize>>,
    /// Fields that other fields' or sections' visibility reads.
    pub(crate) sources: Vec<bool>,
}

impl FormDef {
    /// Reads and checks a definition. Shared option lists named by `options_from` come from `lists`
    /// (use `OptionLists::new()` when there are none). Every problem after the TOML is read is
    /// reported, not only the first.
    pub fn parse(text: &str, lists: &OptionLists) -> Result<FormDef, Vec<DefError>> {
        let raw: RawForm =
            toml::from_str(text).map_err(|e| vec![DefError::Syntax(e.to_string())])?;
        Builder::new(lists).build(&raw)
    }

    /// The form's id, stable across versions.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The author's version number; answers are recorded with it.
    pub fn version(&self) -> u32 {
        self.version
    }

    pub fn title(&self) -> &LocalizedText {
        &self.title
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// A hash of the parsed definition (16 hex digits, FNV-1a 64 over a canonical rendering,
    /// including the labels of options taken from shared lists). Saved data and drafts record it
    /// with the version, so data is only loaded into exactly the form it was made with, even when an
    /// author forgot to raise `version`.
    pub fn schema_fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// A top-level field by id.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.top_index.get(id).map(|&ix| self.field_at(ix))
    }

    /// A field by path: `name`, `family[2].name` or `family.name`.
    pub fn field_at_path(&self, path: &str) -> Option<&Field> {
        let (top, row) = match crate::answers::Name::parse(path) {
            Some(name) => (name.top, name.row.map(|(_, child)| child)),
            None => {
                let (top, child) = path.split_once('.')?;
                (top, Some(child))
            }
        };
        let &top = self.top_index.get(top)?;
        match row {
            None => Some(self.field_at(top)),
            Some(child) => {
                let pos = *self.row_index.get(&top)?.get(child)?;
                Some(self.field_at(top + 1 + pos))
            }
        }
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.section_index.get(id).map(|&s| &self.sections[s])
    }

    /// Whether other fields' or sections' visibility depends on this field: the page re-renders (or
    /// the browser re-evaluates) when it changes, whatever `changes_following` says.
    pub fn affects_others(&self, field: &Field) -> bool {
        self.sources.get(field.ix).copied().unwrap_or(false)
    }

    /// Number of fields, group rows' fields counted once.
    pub fn field_count(&self) -> usize {
        self.locs.len()
    }

    pub(crate) fn field_at(&self, ix: usize) -> &Field {
        let loc = self.locs[ix];
        let top = &self.sections[loc.section].fields[loc.pos];
        match loc.child {
            None => top,
            Some(c) => &top.row_fields()[c],
        }
    }
}

/// A field as met in the first pass: enough to resolve references in the second.
struct Node<'r> {
    raw: &'r RawField,
    path: String,
    section: usize,
    parent: Option<usize>,
    pos: usize,
    options: Option<Vec<ChoiceOption>>,
}

struct Builder<'l> {
    lists: &'l OptionLists,
    errors: Vec<DefError>,
}

impl<'l> Builder<'l> {
    fn new(lists: &'l OptionLists) -> Builder<'l> {
        Builder {
            lists,
            errors: Vec::new(),
        }
    }

    fn err(&mut self, e: DefError) {
        self.errors.push(e);
    }

    fn build(mut self, raw: &RawForm) -> Result<FormDef, Vec<DefError>> {
        if !valid_form_id(&raw.id) {
            self.err(DefError::BadId {
                at: "form".to_owned(),
                id: raw.id.clone(),
            });
        }
        if raw.version == 0 {
            self.err(DefError::Invalid {
                at: "form".to_owned(),
                reason: "`version` starts at 1",
            });
        }
        if raw.title.has_blank() {
            self.err(DefError::EmptyText {
                at: "form title".to_owned(),
            });
        }
        if raw.sections.is_empty() {
            self.err(DefError::Invalid {
                at: "form".to_owned(),
                reason: "a form needs at least one section",
            });
        }

        // Pass 1: number the fields, index the ids, resolve options.
        let mut nodes: Vec<Node<'_>> = Vec::new();
        let mut top_index: HashMap<String, usize> = HashMap::new();
        let mut row_index: HashMap<usize, HashMap<String, usize>> = HashMap::new();
        let mut section_index: HashMap<String, usize> = HashMap::new();
        for (s, sec) in raw.sections.iter().enumerate() {
            let at = format!("section `{}`", sec.id);
            if !valid_id(&sec.id) {
                self.err(DefError::BadId {
                    at: at.clone(),
                    id: sec.id.clone(),
                });
            }
            if section_index.insert(sec.id.clone(), s).is_some() {
                self.err(DefError::DuplicateId {
                    at: "form sections".to_owned(),
                    id: sec.id.clone(),
                });
            }
            if sec.title.has_blank() || sec.hint.as_ref().is_some_and(LocalizedText::has_blank) {
                self.err(DefError::EmptyText { at: at.clone() });
            }
            if sec.fields.is_empty() {
                self.err(DefError::Invalid {
                    at,
                    reason: "a section needs at least one field",
                });
            }
            for (pos, f) in sec.fields.iter().enumerate() {
                let ix = nodes.len();
                self.register(&mut nodes, &mut top_index, f, s, None, pos);
                if f.kind == Kind::Group {
                    let mut children = HashMap::new();
                    for (cpos, c) in f.fields.iter().flatten().enumerate() {
                        if c.kind == Kind::Group {
                            // Registered so references resolve, but its own fields are not.
                            self.err(DefError::NestedGroup {
                                at: format!("field `{}.{}`", f.id, c.id),
                            });
                        }
                        self.register(&mut nodes, &mut children, c, s, Some(ix), cpos);
                    }
                    row_index.insert(ix, children);
                }
            }
        }

        // Pass 2: build typed fields with resolved references.
        let scopes = Scopes {
            nodes: &nodes,
            top: &top_index,
            rows: &row_index,
        };
        let mut built: Vec<Field> = Vec::with_capacity(nodes.len());
        for (ix, node) in nodes.iter().enumerate() {
            let field = self.field(&scopes, ix, node);
            built.push(field);
        }
        let mut sections: Vec<Section> = Vec::with_capacity(raw.sections.len());
        for sec in &raw.sections {
            let show_if = sec
                .show_if
                .as_ref()
                .and_then(|c| self.condition(&scopes, c, &format!("section `{}`", sec.id), None));
            sections.push(Section {
                id: sec.id.clone(),
                title: sec.title.clone(),
                hint: sec.hint.clone(),
                show_if,
                fields: Vec::new(),
            });
        }
        let rules: Vec<Rule> = raw
            .rules
            .iter()
            .enumerate()
            .filter_map(|(i, r)| self.rule(&scopes, i, r))
            .collect();

        // Pass 3: the dependency graph, cycles and evaluation order.
        let n = nodes.len();
        let mut deps: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sources = vec![false; n];
        for (ix, node) in nodes.iter().enumerate() {
            let mut d: Vec<usize> = Vec::new();
            if let Some(c) = &built[ix].show_if {
                d.extend(c.fields().iter().map(|r| r.ix));
            }
            match node.parent {
                Some(p) => d.push(p),
                None => {
                    if let Some(c) = &sections[node.section].show_if {
                        d.extend(c.fields().iter().map(|r| r.ix));
                    }
                }
            }
            for &t in &d {
                if Some(t) != node.parent {
                    sources[t] = true;
                }
            }
            d.sort_unstable();
            d.dedup();
            deps[ix] = d;
        }
        let analysis = graph::analyse(&deps);
        for cycle in analysis.cycles {
            let mut path: Vec<String> = cycle.iter().map(|&i| nodes[i].path.clone()).collect();
            if let Some(first) = path.first().cloned() {
                path.push(first);
            }
            self.err(DefError::Cycle { path });
        }

        if !self.errors.is_empty() {
            return Err(self.errors);
        }

        // Assemble the tree: children follow their group directly in `ix` order.
        let mut locs = Vec::with_capacity(n);
        for (node, field) in nodes.iter().zip(built) {
            let section = &mut sections[node.section];
            match node.parent {
                None => {
                    locs.push(Loc {
                        section: node.section,
                        pos: section.fields.len(),
                        child: None,
                    });
                    section.fields.push(field);
                }
                Some(_) => {
                    let pos = section.fields.len().saturating_sub(1);
                    let child = if let Some(FieldKind::Group { fields, .. }) =
                        section.fields.last_mut().map(|g| &mut g.kind)
                    {
                        fields.push(field);
                        fields.len() - 1
                    } else {
                        0
                    };
                    locs.push(Loc {
                        section: node.section,
                        pos,
                        child: Some(child),
                    });
                }
            }
        }

        let mut top_order = Vec::new();
        let mut row_order: HashMap<usize, Vec<usize>> = HashMap::new();
        for &ix in &analysis.order {
            match nodes[ix].parent {
                None => top_order.push(ix),
                Some(p) => row_order.entry(p).or_default().push(nodes[ix].pos),
            }
        }

        let fingerprint = fingerprint(&format!(
            "{:?}|{:?}|{:?}|{:?}|{:?}",
            raw.id, raw.version, raw.title, sections, rules
        ));
        Ok(FormDef {
            id: raw.id.clone(),
            version: raw.version,
            title: raw.title.clone(),
            sections,
            rules,
            fingerprint,
            locs,
            top_index,
            section_index,
            row_index,
            top_order,
            row_order,
            sources,
        })
    }

    fn register<'r>(
        &mut self,
        nodes: &mut Vec<Node<'r>>,
        index: &mut HashMap<String, usize>,
        f: &'r RawField,
        section: usize,
        parent: Option<usize>,
        pos: usize,
    ) {
        let ix = nodes.len();
        let path = match parent {
            Some(p) => format!("{}.{}", nodes[p].raw.id, f.id),
            None => f.id.clone(),
        };
        let at = format!("field `{path}`");
        if !valid_id(&f.id) {
            self.err(DefError::BadId {
                at: at.clone(),
                id: f.id.clone(),
            });
        }
        let stored = match parent {
            Some(_) => pos,
            None => ix,
        };
        if index.contains_key(&f.id) {
            let scope = match parent {
                Some(p) => format!("group `{}`", nodes[p].raw.id),
                None => "form".to_owned(),
            };
            self.err(DefError::DuplicateId {
                at: scope,
                id: f.id.clone(),
            });
        } else {
            index.insert(f.id.clone(), stored);
        }
        let options = self.options(f, &at);
        nodes.push(Node {
            raw: f,
            path,
            section,
            parent,
            pos,
            options,
        });
    }

    fn options(&mut self, f: &RawField, at: &str) -> Option<Vec<ChoiceOption>> {
        if !f.kind.has_options() {
            return None;
        }
        let options = match (&f.options, &f.options_from) {
            (Some(_), Some(_)) => {
                self.err(DefError::Invalid {
                    at: at.to_owned(),
                    reason: "give either `options` or `options_from`, not both",
                });
                return None;
            }
            (Some(o), None) => o.clone(),
            (None, Some(list)) => match self.lists.get(list) {
                Some(o) => o.to_vec(),
                None => {
                    self.err(DefError::Dangling {
                        at: at.to_owned(),
                        key: "options_from",
                        target: list.clone(),
                    });
                    return None;
                }
            },
            (None, None) => Vec::new(),
        };
        if options.is_empty() {
            self.err(DefError::NoOptions { at: at.to_owned() });
            return None;
        }
        check_options(&options, at, &mut self.errors);
        Some(options)
    }

    fn field(&mut self, scopes: &Scopes<'_, '_>, ix: usize, node: &Node<'_>) -> Field {
        let f = node.raw;
        let at = format!("field `{}`", node.path);
        let kind_name = f.kind.name();
        for key in f.present_keys() {
            if !f.kind.keys().contains(&key) {
                self.err(DefError::KeyNotForKind {
                    at: at.clone(),
                    key,
                    kind: kind_name,
                });
            }
        }
        if f.label.has_blank() || f.hint.as_ref().is_some_and(LocalizedText::has_blank) {
            self.err(DefError::EmptyText { at: at.clone() });
        }
        let show_if = f
            .show_if
            .as_ref()
            .and_then(|c| self.condition(scopes, c, &at, node.parent));
        let kind = self.kind(scopes, node, &at);
        Field {
            id: f.id.clone(),
            label: f.label.clone(),
            hint: f.hint.clone(),
            required: f.required,
            changes_following: f.changes_following,
            show_if,
            kind,
            ix,
        }
    }

    fn max_len(&mut self, f: &RawField, at: &str) -> (usize, Option<usize>) {
        let kind = f.kind.name();
        let max = match f.max_len {
            Some(0) => {
                self.err(DefError::Invalid {
                    at: at.to_owned(),
                    reason: "`max_len` must be at least 1",
                });
                1
            }
            Some(m) => m,
            None => {
                self.err(DefError::MissingKey {
                    at: at.to_owned(),
                    kind,
                    key: "max_len",
                });
                1
            }
        };
        if f.min_len.is_some_and(|min| min > max) {
            self.err(DefError::Invalid {
                at: at.to_owned(),
                reason: "`min_len` is greater than `max_len`",
            });
        }
        (max, f.min_len.filter(|&m| m > 0))
    }

    fn date_key(&mut self, at: &str, key: &'static str, value: &Option<String>) -> Option<Date> {
        let v = value.as_ref()?;
        // Only the canonical form: a definition is written once, and read by people.
        let ok = v.len() == 10 && v.as_bytes().get(4) == Some(&b'-');
        match Date::parse(v) {
            Ok(d) if ok => Some(d),
            _ => {
                self.err(DefError::BadDate {
                    at: at.to_owned(),
                    key,
                    value: v.clone(),
                });
                None
            }
        }
    }

    fn kind(&mut self, scopes: &Scopes<'_, '_>, node: &Node<'_>, at: &str) -> FieldKind {
        let f = node.raw;
        let options = || node.options.clone().unwrap_or_default();
        match f.kind {
            Kind::Text => {
                let (max_len, min_len) = self.max_len(f, at);
                FieldKind::Text {
                    charset: f.charset.unwrap_or(Charset::Any),
                    max_len,
                    min_len,
                }
            }
            Kind::Textarea => {
                let (max_len, min_len) = self.max_len(f, at);
                FieldKind::Textarea { max_len, min_len }
            }
            Kind::Email => FieldKind::Email,
            Kind::Telephone => FieldKind::Telephone,
            Kind::Address => FieldKind::Address,
            Kind::ResidenceCardNumber => FieldKind::ResidenceCardNumber,
            Kind::Checkbox => FieldKind::Checkbox,
            Kind::PostalCode => {
                if let Some(target) = &f.address_field {
                    match scopes.resolve(target, node.parent) {
                        None => self.err(DefError::Dangling {
                            at: at.to_owned(),
                            key: "address_field",
                            target: target.clone(),
                        }),
                        Some((t, _)) if scopes.nodes[t].raw.kind != Kind::Address => {
                            self.err(DefError::WrongKind {
                                at: at.to_owned(),
                                key: "address_field",
                                target: target.clone(),
                                found: scopes.nodes[t].raw.kind.name(),
                                expected: "an address field",
                            })
                        }
                        Some(_) => {}
                    }
                }
                FieldKind::PostalCode {
                    address_field: f.address_field.clone(),
                }
            }
            Kind::Date => {
                let not_before = self.date_key(at, "not_before", &f.not_before);
                let not_after = self.date_key(at, "not_after", &f.not_after);
                if let (Some(b), Some(a)) = (not_before, not_after)
                    && b > a
                {
                    self.err(DefError::Invalid {
                        at: at.to_owned(),
                        reason: "`not_before` is after `not_after`",
                    });
                }
                FieldKind::Date {
                    allow_unknown: f.allow_unknown.unwrap_or(false),
                    not_future: f.not_future.unwrap_or(false),
                    not_before,
                    not_after,
                }
            }
            Kind::Select => FieldKind::Select { options: options() },
            Kind::Radio => FieldKind::Radio { options: options() },
            Kind::Checkboxes => FieldKind::Checkboxes { options: options() },
            Kind::Group => {
                let max_rows = match f.max_rows {
                    Some(m) if (1..=ROWS_LIMIT).contains(&m) => m,
                    Some(_) => {
                        self.err(DefError::Invalid {
                            at: at.to_owned(),
                            reason: "`max_rows` must be between 1 and 1000",
                        });
                        1
                    }
                    None => {
                        self.err(DefError::MissingKey {
                            at: at.to_owned(),
                            kind: "group",
                            key: "max_rows",
                        });
                        1
                    }
                };
                let min_rows = f.min_rows.unwrap_or(0);
                if min_rows > max_rows {
                    self.err(DefError::Invalid {
                        at: at.to_owned(),
                        reason: "`min_rows` is greater than `max_rows`",
                    });
                }
                if f.fields.as_ref().is_none_or(Vec::is_empty) && node.parent.is_none() {
                    self.err(DefError::MissingKey {
                        at: at.to_owned(),
                        kind: "group",
                        key: "fields",
                    });
                }
                FieldKind::Group {
                    min_rows,
                    max_rows,
                    fields: Vec::new(),
                }
            }
            Kind::File => {
                let accept = match &f.accept {
                    Some(a) if !a.is_empty() => {
                        let mut a = a.clone();
                        a.dedup();
                        a
                    }
                    _ => {
                        self.err(DefError::MissingKey {
                            at: at.to_owned(),
                            kind: "file",
                            key: "accept",
                        });
                        Vec::new()
                    }
                };
                let max_files = f.max_files.unwrap_or(1);
                if !(1..=FILES_LIMIT).contains(&max_files) {
                    self.err(DefError::Invalid {
                        at: at.to_owned(),
                        reason: "`max_files` must be between 1 and 20",
                    });
                }
                FieldKind::File { accept, max_files }
            }
        }
    }

    fn condition(
        &mut self,
        scopes: &Scopes<'_, '_>,
        c: &RawCondition,
        at: &str,
        parent: Option<usize>,
    ) -> Option<Condition> {
        let tests = usize::from(c.equals.is_some())
            + usize::from(c.in_.is_some())
            + usize::from(c.filled.is_some());
        let groups = usize::from(c.all.is_some())
            + usize::from(c.any.is_some())
            + usize::from(c.not.is_some());
        let bad = |reason| DefError::Invalid {
            at: at.to_owned(),
            reason,
        };
        if let Some(target) = &c.field {
            if groups > 0 || tests != 1 {
                self.err(bad(
                    "a condition on a field has exactly one of `equals`, `in`, `filled`",
                ));
                return None;
            }
            let Some((tix, scope)) = scopes.resolve(target, parent) else {
                self.err(DefError::Dangling {
                    at: at.to_owned(),
                    key: "show_if",
                    target: target.clone(),
                });
                return None;
            };
            let field = FieldRef {
                id: target.clone(),
                ix: tix,
                scope,
            };
            if let Some(filled) = c.filled {
                return Some(Condition::Filled { field, filled });
            }
            let tnode = &scopes.nodes[tix];
            let values: Vec<String> = match (&c.equals, &c.in_) {
                (Some(v), _) => vec![v.clone()],
                (None, Some(vs)) => vs.clone(),
                (None, None) => Vec::new(),
            };
            if !tnode.raw.kind.has_options() {
                self.err(DefError::WrongKind {
                    at: at.to_owned(),
                    key: "show_if",
                    target: target.clone(),
                    found: tnode.raw.kind.name(),
                    expected: "a select, radio or checkboxes field (use `filled` for others)",
                });
                return None;
            }
            if values.is_empty() {
                self.err(bad("`in` needs at least one value"));
                return None;
            }
            if let Some(options) = &tnode.options {
                for v in &values {
                    if !options.iter().any(|o| o.value() == v) {
                        self.err(DefError::NotAnOption {
                            at: at.to_owned(),
                            field: tnode.path.clone(),
                            value: v.clone(),
                        });
                    }
                }
            }
            return Some(match &c.equals {
                Some(v) => Condition::Equals {
                    field,
                    value: v.clone(),
                },
                None => Condition::In { field, values },
            });
        }
        if tests > 0 || groups != 1 {
            self.err(bad(
                "a condition has either `field` with one test, or exactly one of `all`, `any`, `not`",
            ));
            return None;
        }
        if let Some(inner) = &c.not {
            return self
                .condition(scopes, inner, at, parent)
                .map(|c| Condition::Not(Box::new(c)));
        }
        let (list, all) = match (&c.all, &c.any) {
            (Some(l), _) => (l, true),
            (None, Some(l)) => (l, false),
            (None, None) => return None,
        };
        if list.is_empty() {
            self.err(bad("`all` and `any` need at least one condition"));
            return None;
        }
        let built: Vec<Condition> = list
            .iter()
            .filter_map(|c| self.condition(scopes, c, at, parent))
            .collect();
        if built.len() != list.len() {
            return None;
        }
        Some(if all {
            Condition::All(built)
        } else {
            Condition::Any(built)
        })
    }

    fn rule(&mut self, scopes: &Scopes<'_, '_>, i: usize, r: &RawRule) -> Option<Rule> {
        let at = format!("rules[{i}]");
        let resolve = |this: &mut Self, key: &'static str, id: &str| -> Option<FieldRef> {
            match scopes.top.get(id) {
                Some(&ix) => Some(FieldRef {
                    id: id.to_owned(),
                    ix,
                    scope: RefScope::Form,
                }),
                None => {
                    this.err(DefError::Dangling {
                        at: at.clone(),
                        key,
                        target: id.to_owned(),
                    });
                    None
                }
            }
        };
        let field = resolve(self, "field", &r.field);
        let other = match (r.kind, &r.other) {
            (RuleKind::NotFuture, None) => None,
            (RuleKind::NotFuture, Some(_)) => {
                self.err(DefError::Invalid {
                    at: at.clone(),
                    reason: "a not_future rule has no `other`",
                });
                return None;
            }
            (_, Some(o)) => Some(resolve(self, "other", o)?),
            (_, None) => {
                self.err(DefError::Invalid {
                    at: at.clone(),
                    reason: "this rule needs `other`",
                });
                return None;
            }
        };
        let field = field?;
        let kind_of = |f: &FieldRef| scopes.nodes[f.ix].raw.kind;
        let want_date = |this: &mut Self, f: &FieldRef, key: &'static str| {
            if kind_of(f) != Kind::Date {
                this.err(DefError::WrongKind {
                    at: at.clone(),
                    key,
                    target: f.id.clone(),
                    found: kind_of(f).name(),
                    expected: "a date field",
                });
            }
        };
        match (r.kind, other) {
            (RuleKind::NotFuture, _) => {
                want_date(self, &field, "field");
                Some(Rule::NotFuture { field })
            }
            (_, None) => None,
            (kind, Some(other)) => {
                if field.ix == other.ix {
                    self.err(DefError::Invalid {
                        at,
                        reason: "a rule cannot compare a field with itself",
                    });
                    return None;
                }
                match kind {
                    RuleKind::Equals => {
                        let (a, b) = (kind_of(&field), kind_of(&other));
                        let comparable = |k: Kind| {
                            !matches!(
                                k,
                                Kind::Group | Kind::File | Kind::Checkbox | Kind::Checkboxes
                            )
                        };
                        if a != b || !comparable(a) {
                            self.err(DefError::WrongKind {
                                at,
                                key: "other",
                                target: other.id.clone(),
                                found: b.name(),
                                expected: "a field of the same (single-valued) kind as `field`",
                            });
                        }
                        Some(Rule::Equals { field, other })
                    }
                    RuleKind::NotAfter => {
                        want_date(self, &field, "field");
                        want_date(self, &other, "other");
                        Some(Rule::NotAfter { field, other })
                    }
                    RuleKind::NotBefore => {
                        want_date(self, &field, "field");
                        want_date(self, &other, "other");
                        Some(Rule::NotBefore { field, other })
                    }
                    RuleKind::NotFuture => None,
                }
            }
        }
    }
}

/// Id lookup during building: a row scope first (for fields inside a group), then the form scope.
struct Scopes<'a, 'r> {
    nodes: &'a [Node<'r>],
    top: &'a HashMap<String, usize>,
    rows: &'a HashMap<usize, HashMap<String, usize>>,
}

impl Scopes<'_, '_> {
    fn resolve(&self, id: &str, parent: Option<usize>) -> Option<(usize, RefScope)> {
        if let Some(p) = parent
            && let Some(&pos) = self.rows.get(&p).and_then(|r| r.get(id))
        {
            return Some((p + 1 + pos, RefScope::Row));
        }
        self.top.get(id).map(|&ix| (ix, RefScope::Form))
    }
}

/// FNV-1a 64: tiny, dependency-free and stable across platforms and Rust versions (unlike
/// `std::hash`), which is all a fingerprint needs.
fn fingerprint(canonical: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in canonical.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(valid_id("family_name2"));
        assert!(!valid_id("Family"));
        assert!(!valid_id("2x"));
        assert!(!valid_id("a.b"));
        assert!(!valid_id("a-b"));
        assert!(!valid_id(""));
        assert!(!valid_id(&"a".repeat(65)));
        assert!(valid_form_id("ens-notification"));
    }

    #[test]
    fn fnv_is_the_reference_function() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_eq!(fingerprint("foobar"), "85944171f73967e8");
    }
}
