//! Save Data / Load Data (SPEC §6.4): the entries of a form page as a downloadable XML file that
//! only this service can read, that cannot be altered unnoticed, and that loads only on the
//! procedure's screen and form version it was saved from. Attachments are never saved: file ids
//! belong to the person's upload session, not to a file on their computer.
//!
//! The file is a small XML document. Its outer element says, in clear, which procedure and form
//! version it belongs to, so a file loaded on the wrong screen gets a precise message. Those
//! attributes are also the AES-256-GCM associated data, so editing them makes the file fail to
//! decrypt. The one child element holds base64 of `nonce ‖ ciphertext ‖ tag`. The plaintext is
//! again XML: the saved time and the answers as name–value pairs ([`Answers::to_pairs`]).
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <zairyu-save-data format="1" procedure="ens-notification" version="3" fingerprint="87194a6cb2e20a3d">
//! <encrypted>
//! AQIDBAUGBwgJCgsMh0OQ8wbKlEmXTWtx+5qBcfrVcxDXJVGIGsji+JF6E0p4IQx6ODnBaRzaPOwT
//! …(base64, 76 characters a line)…
//! </encrypted>
//! </zairyu-save-data>
//! ```
//!
//! Pure: the caller passes the key, the time and the nonce, so tests fix all three and this crate
//! keeps no clock and no random source. XML is read by a strict parser written for exactly these
//! two document shapes: no DTD, no entities beyond the five predefined ones and character
//! references, no comments or processing instructions, a bounded number of elements and attributes.

use crate::answers::{Answer, Answers, Name};
use crate::def::{FieldKind, FormDef};
use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use std::collections::HashSet;
use std::fmt;

/// Largest file [`decode`] reads (1 MiB). A form's entries are a few kilobytes; anything near this is
/// not a save file, and refusing it before parsing bounds the work a hostile upload can cause.
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// Most name–value pairs a file may hold. Far above any real form (a 1000-row group of ten fields);
/// it bounds the work of rebuilding answers even from an authentic file.
pub const MAX_PAIRS: usize = 10_000;

/// The file format written by [`encode`]; a different value is not a file this code can read.
const FORMAT: &str = "1";
const ROOT: &str = "zairyu-save-data";
const SEALED: &str = "encrypted";
const ENTRIES: &str = "entries";
const ENTRY: &str = "entry";
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// The key that seals save files. Derive it from the server's secret for this one purpose (for
/// example HMAC-SHA-256(server key, "save-file")), so that it is stable across restarts and
/// servers (a file saved yesterday must still load) and is never the key of anything else.
#[derive(Clone)]
pub struct SaveKey([u8; 32]);

impl SaveKey {
    /// Takes bytes the caller derived; this crate never sees the server secret itself.
    pub fn new(bytes: [u8; 32]) -> SaveKey {
        SaveKey(bytes)
    }
}

/// Redacted, so a key inside a logged config or error never reaches the logs.
impl fmt::Debug for SaveKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SaveKey(<redacted>)")
    }
}

/// What a save file gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The entries, ready to re-render the input page. They are raw input, as typed: validate them
    /// like any other answers.
    pub answers: Answers,
    /// When the file was saved (milliseconds since the Unix epoch, as the caller passed to
    /// [`encode`]), for "data saved on …".
    pub saved_at_ms: i64,
    /// Field paths in the file that the form does not have (`ghost`, `family[0].ghost`), so the
    /// person is told what was not restored instead of losing it silently.
    pub dropped: Vec<String>,
}

/// Why a file was not loaded. Each reason has its own message (see [`LoadError::message_key`]),
/// because "choose another file", "open the other procedure" and "enter the details again" are
/// different things to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Not a well-formed save file of a format this code reads: another file, a damaged or truncated
    /// one, or one with a DOCTYPE or anything else the format does not have.
    #[error("the file is not a save file")]
    NotASaveFile,
    /// Larger than [`MAX_FILE_BYTES`]; refused before it is parsed.
    #[error("the file is too large to be a save file")]
    TooLarge,
    /// A save file of another procedure (form id `saved`); it loads only on that procedure's screen.
    #[error("the file was saved for the procedure `{saved}`")]
    OtherProcedure { saved: String },
    /// Saved under an older version of this form. `saved` equals `current` when the definition
    /// changed without its version being raised (the schema fingerprint differs): the file is
    /// authentic, but its answers were made for a different form.
    #[error(
        "the file was saved for version {saved} of this form; the current version is {current}"
    )]
    OlderVersion { saved: u32, current: u32 },
    /// Saved under a newer version than the one this server runs (a rollback, or a file from
    /// another installation).
    #[error(
        "the file was saved for version {saved} of this form, newer than the current {current}"
    )]
    NewerVersion { saved: u32, current: u32 },
    /// It does not decrypt with this server's key: edited (its content or its clear attributes),
    /// or saved by another installation.
    #[error("the file was altered or was not saved by this service")]
    Altered,
}

impl LoadError {
    /// The translation key of the message shown on the Load Data screen.
    pub fn message_key(&self) -> &'static str {
        match self {
            LoadError::NotASaveFile => "load-error-not-a-save-file",
            LoadError::TooLarge => "load-error-too-large",
            LoadError::OtherProcedure { .. } => "load-error-other-procedure",
            LoadError::OlderVersion { .. } => "load-error-older-version",
            LoadError::NewerVersion { .. } => "load-error-newer-version",
            LoadError::Altered => "load-error-altered",
        }
    }
}

/// Whether saving these answers leaves out an attachment, so the page can say "attachments are not
/// included" when (and only when) something was uploaded.
pub fn attachments_left_out(form: &FormDef, answers: &Answers) -> bool {
    without_attachments(form, answers).1
}

/// Seals the answers of `form` into a save file. `nonce` must be fresh random bytes for every file
/// (AES-GCM must never see the same nonce twice under one key); `saved_at_ms` is the current time.
/// Every answer is kept exactly as typed, including fields currently hidden and answers that are no
/// field of the form (reported back as `dropped` on load), except attachments.
///
/// Answers from an HTTP form page of ordinary size make a file of a few kilobytes; a caller that
/// accepts unusually large bodies may check the result against [`MAX_FILE_BYTES`] before offering
/// it, since [`decode`] refuses anything larger.
pub fn encode(
    key: &SaveKey,
    form: &FormDef,
    answers: &Answers,
    saved_at_ms: i64,
    nonce: [u8; NONCE_LEN],
) -> Vec<u8> {
    let (kept, _) = without_attachments(form, answers);
    let plaintext = write_entries(&kept.to_pairs(), saved_at_ms);
    let version = form.version().to_string();
    let header = Header {
        procedure: form.id(),
        version: &version,
        fingerprint: form.schema_fingerprint(),
    };
    let sealed = seal(key, &header, nonce, plaintext.as_bytes());

    let mut out = String::with_capacity(sealed.len() * 4 / 3 + 256);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
    out.push_str(ROOT);
    for (name, value) in [
        ("format", FORMAT),
        ("procedure", header.procedure),
        ("version", header.version),
        ("fingerprint", header.fingerprint),
    ] {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        push_escaped(&mut out, value);
        out.push('"');
    }
    out.push_str(">\n<");
    out.push_str(SEALED);
    out.push_str(">\n");
    let b64 = BASE64.encode(sealed);
    // Lines of 76, as in MIME: the file stays pleasant in an editor and survives mail.
    for line in b64.as_bytes().chunks(76) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str("</");
    out.push_str(SEALED);
    out.push_str(">\n</");
    out.push_str(ROOT);
    out.push_str(">\n");
    out.into_bytes()
}

/// Opens a save file for `form`. Checks in order: size, shape, procedure, version, authenticity,
/// definition fingerprint, so each file gets the most useful message (a file of another
/// procedure says so even though it would also fail to decrypt with this form's attributes).
pub fn decode(key: &SaveKey, form: &FormDef, bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::NotASaveFile)?;
    let doc = xml::parse(text, 1).ok_or(LoadError::NotASaveFile)?;
    let (header, sealed_b64) = read_outer(&doc).ok_or(LoadError::NotASaveFile)?;

    if header.procedure != form.id() {
        return Err(LoadError::OtherProcedure {
            saved: header.procedure.to_owned(),
        });
    }
    let saved: u32 = header
        .version
        .parse()
        .map_err(|_| LoadError::NotASaveFile)?;
    let current = form.version();
    if saved < current {
        return Err(LoadError::OlderVersion { saved, current });
    }
    if saved > current {
        return Err(LoadError::NewerVersion { saved, current });
    }

    let compact: String = sealed_b64
        .chars()
        .filter(|c| !matches!(c, ' ' | '\t' | '\r' | '\n'))
        .collect();
    let sealed = BASE64.decode(compact).map_err(|_| LoadError::Altered)?;
    let plaintext = open(key, &header, &sealed).ok_or(LoadError::Altered)?;

    // Authentic, but made for a definition that changed under the same version number: its answers
    // belong to another form, exactly as with an older version (docs/FORMS.md, "Versions").
    if header.fingerprint != form.schema_fingerprint() {
        return Err(LoadError::OlderVersion { saved, current });
    }

    let plaintext = std::str::from_utf8(&plaintext).map_err(|_| LoadError::NotASaveFile)?;
    let (saved_at_ms, pairs) = read_entries(plaintext).ok_or(LoadError::NotASaveFile)?;

    let mut kept = Vec::with_capacity(pairs.len());
    let mut dropped = Vec::new();
    let mut seen = HashSet::new();
    for (name, value) in pairs {
        match slot(form, &name) {
            Slot::Field => kept.push((name, value)),
            // `encode` never writes attachments; should a file hold one, it is not loaded.
            Slot::Attachment => {}
            Slot::Unknown(path) => {
                if seen.insert(path.clone()) {
                    dropped.push(path);
                }
            }
        }
    }
    Ok(Loaded {
        answers: Answers::from_pairs(form, &kept),
        saved_at_ms,
        dropped,
    })
}

/// The clear attributes of a file, bound to the ciphertext as associated data.
struct Header<'a> {
    procedure: &'a str,
    version: &'a str,
    fingerprint: &'a str,
}

impl Header<'_> {
    /// One line per attribute; the values are checked to hold no line break, so the encoding is
    /// unambiguous. The leading label keeps these bytes from meaning anything to another use of a key.
    fn associated_data(&self) -> Vec<u8> {
        format!(
            "{ROOT}\nformat={FORMAT}\nprocedure={}\nversion={}\nfingerprint={}",
            self.procedure, self.version, self.fingerprint
        )
        .into_bytes()
    }
}

fn seal(key: &SaveKey, header: &Header<'_>, nonce: [u8; NONCE_LEN], plaintext: &[u8]) -> Vec<u8> {
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key.0));
    let aad = header.associated_data();
    let payload = Payload {
        msg: plaintext,
        aad: &aad,
    };
    // AES-GCM refuses only messages over 64 GiB, which answers held in memory never reach; were it
    // to happen, the file would simply not open (`Altered`) rather than the save page failing.
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(&nonce), payload)
        .unwrap_or_default();
    let mut out = Vec::with_capacity(NONCE_LEN + ciphertext.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&ciphertext);
    out
}

fn open(key: &SaveKey, header: &Header<'_>, sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return None;
    }
    let (nonce, ciphertext) = sealed.split_at(NONCE_LEN);
    let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key.0));
    let aad = header.associated_data();
    cipher
        .decrypt(
            Nonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad: &aad,
            },
        )
        .ok()
}

/// The outer document's header and the base64 text, or `None` when the document is not exactly
/// `<zairyu-save-data format="1" procedure=… version=… fingerprint=…><encrypted>…</encrypted>`.
fn read_outer(doc: &xml::Element) -> Option<(Header<'_>, &str)> {
    if doc.name != ROOT || doc.attrs.len() != 4 || !doc.text.is_empty() {
        return None;
    }
    if doc.attr("format")? != FORMAT {
        return None;
    }
    let procedure = doc.attr("procedure")?;
    let version = doc.attr("version")?;
    let fingerprint = doc.attr("fingerprint")?;
    let procedure_ok = !procedure.is_empty()
        && procedure.len() <= crate::def::ID_MAX
        && procedure
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-'));
    // The number as written by `encode`: no sign, no leading zero, fits in a u32.
    let version_ok = matches!(version.as_bytes().first(), Some(b'1'..=b'9'))
        && version.bytes().all(|b| b.is_ascii_digit())
        && version.parse::<u32>().is_ok();
    let fingerprint_ok = !fingerprint.is_empty()
        && fingerprint.len() <= 64
        && fingerprint.bytes().all(|b| b.is_ascii_alphanumeric());
    if !(procedure_ok && version_ok && fingerprint_ok) {
        return None;
    }
    let [sealed] = doc.children.as_slice() else {
        return None;
    };
    if sealed.name != SEALED || !sealed.attrs.is_empty() {
        return None;
    }
    Some((
        Header {
            procedure,
            version,
            fingerprint,
        },
        &sealed.text,
    ))
}

/// The answers minus attachments (file slots, and any answer holding file ids), and whether an
/// attachment that was actually filled in was left out.
fn without_attachments(form: &FormDef, answers: &Answers) -> (Answers, bool) {
    let is_file = |ix: Option<usize>| {
        ix.is_some_and(|ix| matches!(form.field_at(ix).kind(), FieldKind::File { .. }))
    };
    let mut kept = Answers::new();
    let mut left_out = false;
    for (id, answer) in answers.iter() {
        let top = form.top_index.get(id).copied();
        if matches!(answer, Answer::Files(_)) || is_file(top) {
            left_out |= !answer.is_blank();
            continue;
        }
        let Answer::Rows(rows) = answer else {
            kept.insert(id, answer.clone());
            continue;
        };
        let row_index = top.and_then(|t| form.row_index.get(&t).map(|r| (t, r)));
        let rows = rows
            .iter()
            .map(|row| {
                let mut out = Answers::new();
                for (cid, a) in row.iter() {
                    let cix = row_index.and_then(|(t, r)| r.get(cid).map(|pos| t + 1 + pos));
                    if matches!(a, Answer::Files(_)) || is_file(cix) {
                        left_out |= !a.is_blank();
                    } else {
                        out.insert(cid, a.clone());
                    }
                }
                out
            })
            .collect();
        kept.insert(id, Answer::Rows(rows));
    }
    (kept, left_out)
}

/// What a saved name is to the current form.
enum Slot {
    /// A field (or a date's unknown-part choice) the form has.
    Field,
    /// A file slot: never loaded from a file.
    Attachment,
    /// Nothing in the form: reported with this path.
    Unknown(String),
}

fn slot(form: &FormDef, name: &str) -> Slot {
    let Some(n) = Name::parse(name) else {
        return Slot::Unknown(name.to_owned());
    };
    let Some(&top) = form.top_index.get(n.top) else {
        return Slot::Unknown(n.top.to_owned());
    };
    let of = |ix: usize| match form.field_at(ix).kind() {
        FieldKind::File { .. } => Slot::Attachment,
        _ => Slot::Field,
    };
    let Some((row, child)) = n.row else {
        return of(top);
    };
    let pos = form.row_index.get(&top).and_then(|r| r.get(child));
    match (form.field_at(top).kind(), pos) {
        (FieldKind::Group { max_rows, .. }, Some(&pos)) if row < *max_rows => of(top + 1 + pos),
        _ => Slot::Unknown(format!("{}[{row}].{child}", n.top)),
    }
}

/// The plaintext: `<entries saved-at="…">` with one `<entry name="…">value</entry>` per pair. A name
/// or value holding a character XML 1.0 cannot carry at all (most control characters) is written
/// as base64 (`encoding="base64"`), so even such input, which validation will refuse, comes back
/// exactly as typed instead of being lost.
fn write_entries(pairs: &[(String, String)], saved_at_ms: i64) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
    out.push_str(ENTRIES);
    out.push_str(" saved-at=\"");
    out.push_str(&saved_at_ms.to_string());
    out.push_str("\">\n");
    for (name, value) in pairs {
        out.push('<');
        out.push_str(ENTRY);
        if name.chars().chain(value.chars()).all(xml::is_char) {
            out.push_str(" name=\"");
            push_escaped(&mut out, name);
            out.push_str("\">");
            push_escaped(&mut out, value);
        } else {
            out.push_str(" encoding=\"base64\" name=\"");
            out.push_str(&BASE64.encode(name));
            out.push_str("\">");
            out.push_str(&BASE64.encode(value));
        }
        out.push_str("</");
        out.push_str(ENTRY);
        out.push_str(">\n");
    }
    out.push_str("</");
    out.push_str(ENTRIES);
    out.push_str(">\n");
    out
}

fn read_entries(text: &str) -> Option<(i64, Vec<(String, String)>)> {
    let doc = xml::parse(text, MAX_PAIRS)?;
    if doc.name != ENTRIES || doc.attrs.len() != 1 || !doc.text.is_empty() {
        return None;
    }
    let saved_at: i64 = doc.attr("saved-at")?.parse().ok()?;
    let mut pairs = Vec::with_capacity(doc.children.len());
    for e in &doc.children {
        if e.name != ENTRY {
            return None;
        }
        let name = e.attr("name")?;
        let pair = match (e.attrs.len(), e.attr("encoding")) {
            (1, None) => (name.to_owned(), e.text.clone()),
            (2, Some("base64")) => {
                let name = String::from_utf8(BASE64.decode(name).ok()?).ok()?;
                let value = String::from_utf8(BASE64.decode(&e.text).ok()?).ok()?;
                (name, value)
            }
            _ => return None,
        };
        pairs.push(pair);
    }
    Some((saved_at, pairs))
}

/// Escapes text for an attribute value or element content. Besides the five markup characters, a
/// carriage return is written as a reference in both places, and tab and line feed in attributes,
/// because an XML parser normalises those when they appear literally. The caller has checked that
/// every character is one XML 1.0 allows.
fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
}

/// A strict reader for the two document shapes of this module: an optional XML declaration, one
/// root element with attributes, child elements holding only text, nothing else. It implements
/// the parts of XML 1.0 those shapes use (both quote styles, the five predefined entities,
/// character references, line-end and attribute-value normalisation, a byte order mark) and
/// refuses the rest: DOCTYPE (so no entity can be declared, expanded or fetched), comments,
/// processing instructions, CDATA, and characters XML does not allow.
mod xml {
    /// Most attributes on one element; bounds the duplicate check.
    const MAX_ATTRS: usize = 8;

    #[derive(Debug)]
    pub(super) struct Element {
        pub name: String,
        pub attrs: Vec<(String, String)>,
        /// Character data of a child element; always empty for the root, whose content may only be
        /// whitespace between its children.
        pub text: String,
        pub children: Vec<Element>,
    }

    impl Element {
        pub fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }
    }

    /// The characters XML 1.0 allows in a document (production `Char`).
    pub(super) fn is_char(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    }

    /// The root element and its children, or `None` when `src` is not such a document or the root has
    /// more than `max_children` children.
    pub(super) fn parse(src: &str, max_children: usize) -> Option<Element> {
        let src = src.strip_prefix('\u{FEFF}').unwrap_or(src);
        let mut c = Cursor { src, pos: 0 };
        c.declaration()?;
        c.skip_ws();
        if !c.eat("<") {
            return None;
        }
        let (mut root, empty) = c.start_tag()?;
        if !empty {
            loop {
                c.skip_ws();
                if c.eat("</") {
                    c.end_tag(&root.name)?;
                    break;
                }
                if !c.eat("<") || root.children.len() >= max_children {
                    return None;
                }
                let (mut child, empty) = c.start_tag()?;
                if !empty {
                    child.text = c.text()?;
                    if !c.eat("</") {
                        return None;
                    }
                    c.end_tag(&child.name)?;
                }
                root.children.push(child);
            }
        }
        c.skip_ws();
        c.rest().is_empty().then_some(root)
    }

    struct Cursor<'a> {
        src: &'a str,
        /// Always on a character boundary: it only moves past whole characters.
        pos: usize,
    }

    impl<'a> Cursor<'a> {
        fn rest(&self) -> &'a str {
            self.src.get(self.pos..).unwrap_or("")
        }

        fn peek(&self) -> Option<char> {
            self.rest().chars().next()
        }

        fn bump(&mut self) -> Option<char> {
            let c = self.peek()?;
            self.pos += c.len_utf8();
            Some(c)
        }

        fn eat(&mut self, lit: &str) -> bool {
            let hit = self.rest().starts_with(lit);
            if hit {
                self.pos += lit.len();
            }
            hit
        }

        fn skip_ws(&mut self) -> bool {
            let start = self.pos;
            while matches!(self.peek(), Some(' ' | '\t' | '\r' | '\n')) {
                self.pos += 1;
            }
            self.pos > start
        }

        /// An element or attribute name; only the ASCII names these documents use.
        fn name(&mut self) -> Option<&'a str> {
            let rest = self.rest();
            if !rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                return None;
            }
            let len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                .count();
            let name = rest.get(..len)?;
            self.pos += len;
            Some(name)
        }

        /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, if present.
        fn declaration(&mut self) -> Option<()> {
            if !self.eat("<?xml") {
                return Some(());
            }
            let mut seen: Vec<&str> = Vec::new();
            loop {
                let ws = self.skip_ws();
                if self.eat("?>") {
                    break;
                }
                if !ws {
                    return None;
                }
                let name = self.name()?;
                self.skip_ws();
                if !self.eat("=") {
                    return None;
                }
                self.skip_ws();
                let value = self.attr_value()?;
                let ok = match name {
                    "version" => seen.is_empty() && value == "1.0",
                    "encoding" => seen == ["version"] && value.eq_ignore_ascii_case("utf-8"),
                    "standalone" => {
                        seen.first() == Some(&"version")
                            && !seen.contains(&"standalone")
                            && matches!(value.as_str(), "yes" | "no")
                    }
                    _ => false,
                };
                if !ok {
                    return None;
                }
                seen.push(name);
            }
            (!seen.is_empty()).then_some(())
        }

        /// After `<`: the element with its name and attributes (no content yet), and whether the
        /// tag was empty (`/>`).
        fn start_tag(&mut self) -> Option<(Element, bool)> {
            let name = self.name()?.to_owned();
            let mut attrs: Vec<(String, String)> = Vec::new();
            loop {
                let ws = self.skip_ws();
                let empty = self.eat("/>");
                if empty || self.eat(">") {
                    let element = Element {
                        name,
                        attrs,
                        text: String::new(),
                        children: Vec::new(),
                    };
                    return Some((element, empty));
                }
                if !ws || attrs.len() >= MAX_ATTRS {
                    return None;
                }
                let attr = self.name()?;
                self.skip_ws();
                if !self.eat("=") {
                    return None;
                }
                self.skip_ws();
                let value = self.attr_value()?;
                if attrs.iter().any(|(n, _)| n == attr) {
                    return None;
                }
                attrs.push((attr.to_owned(), value));
            }
        }

        /// After `</`: the expected name, optional whitespace, `>`.
        fn end_tag(&mut self, name: &str) -> Option<()> {
            if !self.eat(name) {
                return None;
            }
            self.skip_ws();
            self.eat(">").then_some(())
        }

        /// A quoted attribute value, references resolved and literal whitespace normalised to spaces
        /// (XML 1.0 §3.3.3).
        fn attr_value(&mut self) -> Option<String> {
            let quote = self.bump()?;
            if quote != '"' && quote != '\'' {
                return None;
            }
            let mut out = String::new();
            loop {
                match self.bump()? {
                    c if c == quote => return Some(out),
                    '<' => return None,
                    '&' => out.push(self.reference()?),
                    '\r' => {
                        self.eat("\n");
                        out.push(' ');
                    }
                    '\t' | '\n' => out.push(' '),
                    c if is_char(c) => out.push(c),
                    _ => return None,
                }
            }
        }

        /// Character data up to the next `<`, references resolved and line ends normalised to `\n`
        /// (XML 1.0 §2.11).
        fn text(&mut self) -> Option<String> {
            let mut out = String::new();
            while let Some(c) = self.peek() {
                if c == '<' {
                    break;
                }
                self.pos += c.len_utf8();
                match c {
                    '&' => out.push(self.reference()?),
                    '\r' => {
                        self.eat("\n");
                        out.push('\n');
                    }
                    // `]]>` may not appear literally in character data.
                    '>' if self.src.get(..self.pos)?.ends_with("]]>") => return None,
                    c if is_char(c) => out.push(c),
                    _ => return None,
                }
            }
            Some(out)
        }

        /// After `&`: one of the five predefined entities or a character reference, up to `;`. Any
        /// other name is refused: no entity is ever declared in these documents.
        fn reference(&mut self) -> Option<char> {
            let rest = self.rest();
            let end = rest.bytes().take(10).position(|b| b == b';')?;
            let body = rest.get(..end)?;
            let c = match body {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let num = body.strip_prefix('#')?;
                    let (digits, radix) = match num.strip_prefix('x') {
                        Some(hex) => (hex, 16),
                        None => (num, 10),
                    };
                    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                        return None;
                    }
                    let code = u32::from_str_radix(digits, radix).ok()?;
                    char::from_u32(code).filter(|c| is_char(*c))?
                }
            };
            self.pos += end + 1;
            Some(c)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::OptionLists;

    const KEY: [u8; 32] = [7; 32];
    const NONCE: [u8; 12] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const SAVED_AT: i64 = 1_750_000_000_123;

    fn key() -> SaveKey {
        SaveKey::new(KEY)
    }

    /// The test form: every kind of answer a save file carries, a file slot at the top and one in
    /// the group's rows. `extra` adds fields to the first section (to change the definition).
    fn form_with(id: &str, version: u32, extra: &str) -> FormDef {
        let text = format!(
            r#"
id = "{id}"
version = {version}
title = {{ ja = "テスト", en = "Test" }}

[[sections]]
id = "main"
title = {{ ja = "本体", en = "Main" }}

[[sections.fields]]
id = "name"
kind = "text"
charset = "upper_alpha"
max_len = 104
label = {{ ja = "氏名", en = "Name" }}

[[sections.fields]]
id = "notes"
kind = "textarea"
max_len = 1000
label = {{ ja = "備考", en = "Notes" }}

[[sections.fields]]
id = "address"
kind = "address"
label = {{ ja = "住居地", en = "Address" }}

[[sections.fields]]
id = "status"
kind = "select"
label = {{ ja = "在留資格", en = "Status" }}
options = [
  {{ value = "student", label = {{ ja = "留学", en = "Student" }} }},
  {{ value = "spouse", label = {{ ja = "配偶者", en = "Spouse" }} }},
]

[[sections.fields]]
id = "langs"
kind = "checkboxes"
label = {{ ja = "言語", en = "Languages" }}
options = [
  {{ value = "ja", label = {{ ja = "日本語", en = "Japanese" }} }},
  {{ value = "en", label = {{ ja = "英語", en = "English" }} }},
  {{ value = "vi", label = {{ ja = "ベトナム語", en = "Vietnamese" }} }},
]

[[sections.fields]]
id = "confirmed"
kind = "checkbox"
label = {{ ja = "確認", en = "Confirmed" }}

[[sections.fields]]
id = "dob"
kind = "date"
allow_unknown = true
label = {{ ja = "生年月日", en = "Date of birth" }}

[[sections.fields]]
id = "event_date"
kind = "date"
label = {{ ja = "発生日", en = "Event date" }}

[[sections.fields]]
id = "documents"
kind = "file"
accept = ["pdf"]
max_files = 3
label = {{ ja = "添付書類", en = "Documents" }}
{extra}

[[sections]]
id = "family_section"
title = {{ ja = "家族", en = "Family" }}

[[sections.fields]]
id = "family"
kind = "group"
max_rows = 6
label = {{ ja = "家族", en = "Family" }}

[[sections.fields.fields]]
id = "name"
kind = "text"
max_len = 60
label = {{ ja = "氏名", en = "Name" }}

[[sections.fields.fields]]
id = "dob"
kind = "date"
allow_unknown = true
label = {{ ja = "生年月日", en = "Date of birth" }}

[[sections.fields.fields]]
id = "photo"
kind = "file"
accept = ["jpeg"]
label = {{ ja = "写真", en = "Photo" }}
"#
        );
        match FormDef::parse(&text, &OptionLists::new()) {
            Ok(f) => f,
            Err(e) => panic!("test form refused: {e:#?}"),
        }
    }

    fn form() -> FormDef {
        form_with("t", 1, "")
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    /// Answers touching every shape and the awkward characters.
    fn answers(form: &FormDef) -> Answers {
        Answers::from_pairs(
            form,
            &pairs(&[
                ("name", "  taro   YAMADA "),
                (
                    "notes",
                    "a & b < c > d \"q\" 'a' ]]> &amp; &#0;\r\nline 2\ttab\rCR\n\u{1F600}",
                ),
                ("address", "東京都千代田区霞が関１－１－１　合同庁舎"),
                ("status", "spouse"),
                ("langs", "vi"),
                ("langs", "ja"),
                ("langs", "not-an-option"),
                ("confirmed", "on"),
                ("dob", "1990"),
                ("dob.unknown", "month_day"),
                ("event_date", "20250401"),
                ("family[0].name", "Hanako <Yamada>"),
                ("family[0].dob", ""),
                ("family[0].dob.unknown", "all"),
                ("family[3].name", "ジロウ"),
                ("family[3].dob", "2001-02"),
                ("family[3].dob.unknown", "day"),
            ]),
        )
    }

    fn round_trip(form: &FormDef, answers: &Answers) -> Loaded {
        let file = encode(&key(), form, answers, SAVED_AT, NONCE);
        match decode(&key(), form, &file) {
            Ok(l) => l,
            Err(e) => panic!("did not load: {e:?}\n{}", String::from_utf8_lossy(&file)),
        }
    }

    fn text_of(file: &[u8]) -> String {
        String::from_utf8(file.to_vec()).unwrap()
    }

    /// The base64 payload of a file, and the text before and after it.
    fn split(file: &[u8]) -> (String, Vec<u8>, String) {
        let text = text_of(file);
        let start = text.find("<encrypted>").unwrap() + "<encrypted>".len();
        let end = text.find("</encrypted>").unwrap();
        let b64: String = text[start..end].split_whitespace().collect();
        (
            text[..start].to_owned(),
            BASE64.decode(b64).unwrap(),
            text[end..].to_owned(),
        )
    }

    fn join(head: &str, sealed: &[u8], tail: &str) -> Vec<u8> {
        format!("{head}\n{}\n{tail}", BASE64.encode(sealed)).into_bytes()
    }

    /// A file whose sealed content is `plaintext`, authentic for `form`.
    fn sealed_file(form: &FormDef, plaintext: &str) -> Vec<u8> {
        let file = encode(&key(), form, &Answers::new(), SAVED_AT, NONCE);
        let (head, _, tail) = split(&file);
        let version = form.version().to_string();
        let header = Header {
            procedure: form.id(),
            version: &version,
            fingerprint: form.schema_fingerprint(),
        };
        join(
            &head,
            &seal(&key(), &header, NONCE, plaintext.as_bytes()),
            &tail,
        )
    }

    #[test]
    fn round_trip_keeps_every_answer_as_typed() {
        let form = form();
        let answers = answers(&form);
        // Sanity: the fixture really has rows, a partial date, choices and a tick.
        assert!(matches!(answers.get("family"), Some(Answer::Rows(r)) if r.len() == 2));
        assert!(matches!(answers.get("langs"), Some(Answer::Many(v)) if v.len() == 3));
        let loaded = round_trip(&form, &answers);
        assert_eq!(loaded.answers, answers);
        assert_eq!(loaded.saved_at_ms, SAVED_AT);
        assert!(loaded.dropped.is_empty());
        assert_eq!(loaded.answers.to_pairs(), answers.to_pairs());
        assert_eq!(
            loaded.answers.get("dob"),
            Some(&Answer::Date {
                text: "1990".into(),
                unknown: "month_day".into()
            })
        );
    }

    #[test]
    fn round_trip_of_empty_answers_and_negative_time() {
        let form = form();
        let file = encode(&key(), &form, &Answers::new(), -5, NONCE);
        let loaded = decode(&key(), &form, &file).unwrap();
        assert!(loaded.answers.is_empty());
        assert_eq!(loaded.saved_at_ms, -5);
    }

    #[test]
    fn unticked_checkbox_comes_back_unticked() {
        let form = form();
        let answers = Answers::from_pairs(&form, &pairs(&[("confirmed", ""), ("name", "A")]));
        assert_eq!(answers.get("confirmed"), Some(&Answer::Bool(false)));
        let loaded = round_trip(&form, &answers);
        assert!(matches!(
            loaded.answers.get("confirmed"),
            None | Some(Answer::Bool(false))
        ));
        assert_eq!(loaded.answers.text("name"), Some("A"));
    }

    #[test]
    fn characters_xml_cannot_carry_survive() {
        let form = form();
        let mut answers = Answers::new();
        let nasty = "nul\u{0} bell\u{7} esc\u{1b} nonchar\u{FFFE}\u{FFFF} & <";
        answers.insert("notes", Answer::Text(nasty.into()));
        answers.insert("name", Answer::Text("plain".into()));
        let loaded = round_trip(&form, &answers);
        assert_eq!(loaded.answers, answers);
        // Only the entry that needs it is written as base64.
        let plain = write_entries(&answers.to_pairs(), 0);
        assert!(plain.contains("<entry name=\"name\">plain</entry>"));
        assert!(plain.contains("<entry encoding=\"base64\" name=\"bm90ZXM=\">"));
        assert!(xml::parse(&plain, 10).is_some());
    }

    #[test]
    fn the_file_is_xml_with_the_header_in_clear_and_the_entries_sealed() {
        let form = form();
        let file = encode(&key(), &form, &answers(&form), SAVED_AT, NONCE);
        let text = text_of(&file);
        assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
        let expected = format!(
            "<zairyu-save-data format=\"1\" procedure=\"t\" version=\"1\" fingerprint=\"{}\">",
            form.schema_fingerprint()
        );
        assert!(text.contains(&expected), "{text}");
        for secret in ["YAMADA", "spouse", "1990", "Hanako", "東京", "entry"] {
            assert!(!text.contains(secret), "{secret} in clear");
        }
        assert!(text.lines().all(|l| l.len() <= 120));
        let doc = xml::parse(&text, 1).unwrap();
        assert_eq!(doc.children.len(), 1);
        // Pure: the same inputs give the same bytes; another nonce gives another file.
        assert_eq!(
            file,
            encode(&key(), &form, &answers(&form), SAVED_AT, NONCE)
        );
        assert_ne!(
            file,
            encode(&key(), &form, &answers(&form), SAVED_AT, [9; 12])
        );
    }

    #[test]
    fn attachments_are_left_out_and_reported() {
        let form = form();
        let mut answers = answers(&form);
        assert!(!attachments_left_out(&form, &answers));
        let with_files = Answers::from_pairs(
            &form,
            &pairs(&[
                ("name", "TARO"),
                ("documents", "file-id-AAAA"),
                ("documents", "file-id-BBBB"),
                ("family[0].name", "HANAKO"),
                ("family[0].photo", "file-id-CCCC"),
            ]),
        );
        assert!(attachments_left_out(&form, &with_files));
        let plain = write_entries(&without_attachments(&form, &with_files).0.to_pairs(), 0);
        assert!(!plain.contains("file-id"), "{plain}");
        let loaded = round_trip(&form, &with_files);
        assert_eq!(loaded.answers.get("documents"), None);
        let Some(Answer::Rows(rows)) = loaded.answers.get("family") else {
            panic!("rows lost");
        };
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].text("name"), Some("HANAKO"));
        assert_eq!(rows[0].get("photo"), None);
        assert!(loaded.dropped.is_empty());

        // Only a row photo counts too; an empty slot or a stray file answer under another name
        // is handled the same way.
        let row_only = Answers::from_pairs(
            &form,
            &pairs(&[("family[0].name", "X"), ("family[0].photo", "p1")]),
        );
        assert!(attachments_left_out(&form, &row_only));
        answers.insert("documents", Answer::Files(vec![]));
        assert!(!attachments_left_out(&form, &answers));
        answers.insert("ghost", Answer::Files(vec!["id1".into()]));
        assert!(attachments_left_out(&form, &answers));
        let loaded = round_trip(&form, &answers);
        assert!(loaded.dropped.is_empty(), "{:?}", loaded.dropped);
    }

    #[test]
    fn a_file_loads_only_on_its_own_procedure() {
        let other = form_with("ens-notification", 1, "");
        let file = encode(&key(), &other, &answers(&other), SAVED_AT, NONCE);
        assert_eq!(
            decode(&key(), &form(), &file),
            Err(LoadError::OtherProcedure {
                saved: "ens-notification".into()
            })
        );
    }

    #[test]
    fn older_and_newer_versions_are_refused() {
        let v1 = form_with("t", 1, "");
        let v2 = form_with("t", 2, "");
        let old = encode(&key(), &v1, &answers(&v1), SAVED_AT, NONCE);
        let new = encode(&key(), &v2, &answers(&v2), SAVED_AT, NONCE);
        assert_eq!(
            decode(&key(), &v2, &old),
            Err(LoadError::OlderVersion {
                saved: 1,
                current: 2
            })
        );
        assert_eq!(
            decode(&key(), &v1, &new),
            Err(LoadError::NewerVersion {
                saved: 2,
                current: 1
            })
        );
        assert!(decode(&key(), &v2, &new).is_ok());
    }

    #[test]
    fn a_changed_definition_under_the_same_version_is_an_older_version() {
        let extra = r#"
[[sections.fields]]
id = "ghost"
kind = "text"
max_len = 10
label = { ja = "幽霊", en = "Ghost" }
"#;
        let before = form_with("t", 1, extra);
        let after = form_with("t", 1, "");
        assert_ne!(before.schema_fingerprint(), after.schema_fingerprint());
        let mut answers = answers(&before);
        answers.insert("ghost", Answer::Text("boo".into()));
        let file = encode(&key(), &before, &answers, SAVED_AT, NONCE);
        assert!(decode(&key(), &before, &file).is_ok());
        assert_eq!(
            decode(&key(), &after, &file),
            Err(LoadError::OlderVersion {
                saved: 1,
                current: 1
            })
        );
    }

    #[test]
    fn answers_the_form_does_not_have_are_reported_as_dropped() {
        let form = form();
        let mut answers = answers(&form);
        answers.insert("ghost", Answer::Text("boo".into()));
        answers.insert(
            "old_date",
            Answer::Date {
                text: "2000".into(),
                unknown: "month_day".into(),
            },
        );
        answers.insert("notes[0].x", Answer::Text("malformed".into()));
        let Some(Answer::Rows(mut rows)) = answers.remove("family") else {
            panic!("no rows");
        };
        rows[1].insert("pet", Answer::Text("cat".into()));
        answers.insert("family", Answer::Rows(rows));
        let loaded = round_trip(&form, &answers);
        assert_eq!(
            loaded.dropped,
            ["family[1].pet", "ghost", "notes[0].x", "old_date"]
        );
        let mut expected = answers.clone();
        for gone in ["ghost", "old_date", "notes[0].x"] {
            expected.remove(gone);
        }
        let Some(Answer::Rows(mut rows)) = expected.remove("family") else {
            panic!("no rows");
        };
        rows[1].remove("pet");
        expected.insert("family", Answer::Rows(rows));
        assert_eq!(loaded.answers, expected);
    }

    #[test]
    fn rows_beyond_the_group_limit_are_reported() {
        let form = form();
        let rows: Vec<Answers> = (0..8)
            .map(|i| {
                let mut r = Answers::new();
                r.insert("name", Answer::Text(format!("N{i}")));
                r
            })
            .collect();
        let mut answers = Answers::new();
        answers.insert("family", Answer::Rows(rows));
        let loaded = round_trip(&form, &answers);
        assert_eq!(loaded.dropped, ["family[6].name", "family[7].name"]);
        assert!(matches!(loaded.answers.get("family"), Some(Answer::Rows(r)) if r.len() == 6));
    }

    #[test]
    fn any_change_to_the_sealed_bytes_is_altered() {
        let form = form();
        let file = encode(&key(), &form, &answers(&form), SAVED_AT, NONCE);
        let (head, sealed, tail) = split(&file);
        assert!(decode(&key(), &form, &join(&head, &sealed, &tail)).is_ok());
        for i in [
            0,
            5,
            11,
            12,
            40,
            sealed.len() / 2,
            sealed.len() - 17,
            sealed.len() - 1,
        ] {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert_eq!(
                decode(&key(), &form, &join(&head, &bad, &tail)),
                Err(LoadError::Altered),
                "byte {i}"
            );
        }
        // Cut short, extended, emptied, or not base64 at all.
        for bad in [
            &sealed[..sealed.len() - 1],
            &sealed[..NONCE_LEN + TAG_LEN],
            &sealed[..3],
            &[][..],
        ] {
            assert_eq!(
                decode(&key(), &form, &join(&head, bad, &tail)),
                Err(LoadError::Altered)
            );
        }
        let mut longer = sealed.clone();
        longer.push(0);
        assert_eq!(
            decode(&key(), &form, &join(&head, &longer, &tail)),
            Err(LoadError::Altered)
        );
        let not_b64 = format!("{head}\n!!not base64!!\n{tail}");
        assert_eq!(
            decode(&key(), &form, not_b64.as_bytes()),
            Err(LoadError::Altered)
        );
    }

    #[test]
    fn edited_clear_attributes_are_altered() {
        let current = form();
        let fp = current.schema_fingerprint().to_owned();
        // Saved on another procedure, then relabelled as this one.
        let other = form_with("other", 1, "");
        let file = text_of(&encode(&key(), &other, &answers(&other), SAVED_AT, NONCE));
        let relabelled = file
            .replace("procedure=\"other\"", "procedure=\"t\"")
            .replace(other.schema_fingerprint(), &fp);
        assert_eq!(
            decode(&key(), &current, relabelled.as_bytes()),
            Err(LoadError::Altered)
        );
        // Saved under version 1, relabelled as the current version 2 (and its fingerprint).
        let v1 = form_with("t", 1, "");
        let v2 = form_with("t", 2, "");
        let file = text_of(&encode(&key(), &v1, &answers(&v1), SAVED_AT, NONCE));
        let relabelled = file
            .replace("version=\"1\"", "version=\"2\"")
            .replace(v1.schema_fingerprint(), v2.schema_fingerprint());
        assert_eq!(
            decode(&key(), &v2, relabelled.as_bytes()),
            Err(LoadError::Altered)
        );
        let version_only = file.replace("version=\"1\"", "version=\"2\"");
        assert_eq!(
            decode(&key(), &v2, version_only.as_bytes()),
            Err(LoadError::Altered)
        );
        // Only the fingerprint changed: still this form's version, but not authentic.
        let fp_only = file.replace(v1.schema_fingerprint(), "0000000000000000");
        assert_eq!(
            decode(&key(), &v1, fp_only.as_bytes()),
            Err(LoadError::Altered)
        );
    }

    #[test]
    fn another_key_cannot_open_a_file() {
        let form = form();
        let file = encode(&key(), &form, &answers(&form), SAVED_AT, NONCE);
        let mut other = KEY;
        other[31] ^= 0x80;
        assert_eq!(
            decode(&SaveKey::new(other), &form, &file),
            Err(LoadError::Altered)
        );
    }

    #[test]
    fn harmless_reformatting_still_loads() {
        let form = form();
        let answers = answers(&form);
        let file = text_of(&encode(&key(), &form, &answers, SAVED_AT, NONCE));
        let crlf = file.replace('\n', "\r\n");
        let bom = format!("\u{FEFF}{file}");
        let no_decl = file.replacen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "", 1);
        let quotes = file.replace("format=\"1\"", "format = '1'");
        let (head, sealed, tail) = split(file.as_bytes());
        let one_line = format!("{head}{}{tail}", BASE64.encode(&sealed));
        for variant in [crlf, bom, no_decl, quotes, one_line] {
            assert_eq!(
                decode(&key(), &form, variant.as_bytes()).map(|l| l.answers),
                Ok(answers.clone()),
                "{variant}"
            );
        }
    }

    #[test]
    fn things_that_are_not_save_files() {
        let form = form();
        let file = text_of(&encode(&key(), &form, &answers(&form), SAVED_AT, NONCE));
        let fp = form.schema_fingerprint();
        let good_head = format!(
            "<zairyu-save-data format=\"1\" procedure=\"t\" version=\"1\" fingerprint=\"{fp}\">"
        );
        let xxe = format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE zairyu-save-data [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n{good_head}<encrypted>&e;</encrypted></zairyu-save-data>"
        );
        let laughs = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>{good_head}<encrypted>&b;</encrypted></zairyu-save-data>"
        );
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", Vec::new()),
            ("whitespace", b"  \n ".to_vec()),
            ("plain text", b"name=TARO".to_vec()),
            ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec()),
            ("not utf-8", b"<?xml version=\"1.0\"?>\xff\xfe<a/>".to_vec()),
            ("xxe", xxe.into_bytes()),
            ("billion laughs", laughs.into_bytes()),
            (
                "other xml",
                b"<?xml version=\"1.0\"?><html><body/></html>".to_vec(),
            ),
            (
                "format 2",
                file.replace("format=\"1\"", "format=\"2\"").into(),
            ),
            ("no format", file.replace("format=\"1\" ", "").into()),
            (
                "extra attribute",
                file.replace("format=\"1\"", "format=\"1\" x=\"y\"").into(),
            ),
            (
                "duplicate attribute",
                file.replace("format=\"1\"", "format=\"1\" format=\"1\"")
                    .into(),
            ),
            (
                "comment",
                file.replace("<encrypted>", "<!-- hi --><encrypted>").into(),
            ),
            (
                "processing instruction",
                file.replace("<encrypted>", "<?php x?><encrypted>").into(),
            ),
            (
                "cdata",
                file.replace("<encrypted>\n", "<encrypted><![CDATA[").into(),
            ),
            (
                "two payloads",
                file.replace("</encrypted>", "</encrypted><encrypted>AAAA</encrypted>")
                    .into(),
            ),
            (
                "nested element",
                file.replace("<encrypted>", "<encrypted><x/>").into(),
            ),
            (
                "text in root",
                file.replace("<encrypted>", "hello<encrypted>").into(),
            ),
            ("trailing junk", format!("{file}<x/>").into_bytes()),
            (
                "renamed root",
                file.replace("zairyu-save-data", "zairyu-save-dat").into(),
            ),
            (
                "version 0",
                file.replace("version=\"1\"", "version=\"0\"").into(),
            ),
            (
                "version 01",
                file.replace("version=\"1\"", "version=\"01\"").into(),
            ),
            (
                "version huge",
                file.replace("version=\"1\"", "version=\"99999999999\"")
                    .into(),
            ),
            (
                "bad procedure",
                file.replace("procedure=\"t\"", "procedure=\"T<\"").into(),
            ),
            (
                "unknown entity",
                file.replace("procedure=\"t\"", "procedure=\"&t;\"").into(),
            ),
            (
                "xml 1.1",
                file.replace("version=\"1.0\"", "version=\"1.1\"").into(),
            ),
        ];
        for (what, bytes) in cases {
            assert_eq!(
                decode(&key(), &form, &bytes),
                Err(LoadError::NotASaveFile),
                "{what}"
            );
        }
    }

    #[test]
    fn every_truncation_is_refused() {
        let form = form();
        let file = encode(&key(), &form, &answers(&form), SAVED_AT, NONCE);
        let complete = file.iter().rposition(|&b| b == b'>').unwrap() + 1;
        for n in 0..complete {
            let got = decode(&key(), &form, &file[..n]);
            assert!(
                matches!(got, Err(LoadError::NotASaveFile)),
                "prefix {n}: {got:?}"
            );
        }
        assert!(decode(&key(), &form, &file[..complete]).is_ok());
    }

    /// A small deterministic generator, so the "random" inputs are the same on every run.
    fn xorshift(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn random_bytes_and_random_edits_never_load_wrong_answers() {
        let form = form();
        let answers = answers(&form);
        let file = encode(&key(), &form, &answers, SAVED_AT, NONCE);
        let mut s = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..300 {
            let len = (xorshift(&mut s) % 2000) as usize;
            let bytes: Vec<u8> = (0..len).map(|_| xorshift(&mut s) as u8).collect();
            assert_eq!(decode(&key(), &form, &bytes), Err(LoadError::NotASaveFile));
        }
        for _ in 0..2000 {
            let mut bad = file.clone();
            for _ in 0..=(xorshift(&mut s) % 3) {
                let i = (xorshift(&mut s) as usize) % bad.len();
                bad[i] = xorshift(&mut s) as u8;
            }
            // Whatever happens, it is an error or exactly the saved answers (an edit that only
            // touched whitespace).
            if let Ok(loaded) = decode(&key(), &form, &bad) {
                assert_eq!(loaded.answers, answers);
            }
        }
    }

    #[test]
    fn size_limit_comes_first() {
        let form = form();
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert_eq!(decode(&key(), &form, &big), Err(LoadError::TooLarge));
        // A valid file padded past the limit is refused before it is read.
        let mut padded = encode(&key(), &form, &answers(&form), SAVED_AT, NONCE);
        padded.resize(MAX_FILE_BYTES + 1, b'\n');
        assert_eq!(decode(&key(), &form, &padded), Err(LoadError::TooLarge));
        let limit = vec![b' '; MAX_FILE_BYTES];
        assert_eq!(decode(&key(), &form, &limit), Err(LoadError::NotASaveFile));
        // A valid file padded exactly to the limit still loads.
        let mut at_limit = encode(&key(), &form, &answers(&form), SAVED_AT, NONCE);
        at_limit.resize(MAX_FILE_BYTES, b'\n');
        assert!(decode(&key(), &form, &at_limit).is_ok());
    }

    #[test]
    fn authentic_but_unreadable_content_is_not_a_save_file() {
        let form = form();
        let many: String = (0..=MAX_PAIRS)
            .map(|i| format!("<entry name=\"n{i}\">v</entry>"))
            .collect();
        for plaintext in [
            "not xml".to_owned(),
            "<entries saved-at=\"x\"></entries>".to_owned(),
            "<entries></entries>".to_owned(),
            "<entries saved-at=\"1\"><other name=\"a\">b</other></entries>".to_owned(),
            "<entries saved-at=\"1\"><entry>b</entry></entries>".to_owned(),
            "<entries saved-at=\"1\"><entry name=\"a\" encoding=\"hex\">b</entry></entries>"
                .to_owned(),
            "<entries saved-at=\"1\"><entry name=\"YQ==\" encoding=\"base64\">//79</entry></entries>"
                .to_owned(),
            format!("<entries saved-at=\"1\">{many}</entries>"),
        ] {
            assert_eq!(
                decode(&key(), &form, &sealed_file(&form, &plaintext)),
                Err(LoadError::NotASaveFile),
                "{}",
                &plaintext[..plaintext.len().min(80)]
            );
        }
        // The same number of pairs the cap allows is fine.
        let most: String = (0..MAX_PAIRS)
            .map(|i| format!("<entry name=\"n{i}\"/>"))
            .collect();
        let loaded = decode(
            &key(),
            &form,
            &sealed_file(&form, &format!("<entries saved-at=\"1\">{most}</entries>")),
        )
        .unwrap();
        assert_eq!(loaded.dropped.len(), MAX_PAIRS);
    }

    #[test]
    fn message_keys_and_redacted_key() {
        let all = [
            LoadError::NotASaveFile,
            LoadError::TooLarge,
            LoadError::OtherProcedure { saved: "x".into() },
            LoadError::OlderVersion {
                saved: 1,
                current: 2,
            },
            LoadError::NewerVersion {
                saved: 2,
                current: 1,
            },
            LoadError::Altered,
        ];
        let keys: HashSet<&str> = all.iter().map(LoadError::message_key).collect();
        assert_eq!(keys.len(), all.len());
        assert!(keys.iter().all(|k| k.starts_with("load-error-")));
        let shown = format!("{:?}", SaveKey::new([0xAB; 32]));
        assert_eq!(shown, "SaveKey(<redacted>)");
        assert!(!shown.contains("171"));
    }

    #[test]
    fn the_parser_follows_xml_where_these_documents_need_it() {
        let doc = xml::parse(
            "<?xml version='1.0' standalone='yes'?>\r\n<r a=\"x&#9;y\r\nz&#x41;&lt;\" b='\"'>\r\n<c>1\r\n2\r3&#13;&amp;&#x1F600;</c><d/>\n</r>\n",
            5,
        )
        .unwrap();
        assert_eq!(doc.attr("a"), Some("x\ty zA<"));
        assert_eq!(doc.attr("b"), Some("\""));
        assert_eq!(doc.children[0].text, "1\n2\n3\r&\u{1F600}");
        assert_eq!(doc.children[1].text, "");
        for bad in [
            "<r>",
            "<r></s>",
            "<r><c></r>",
            "<r a='1'a='2'/>",
            "<r a='1' a='2'/>",
            "<r a=1/>",
            "<r><c>&#0;</c></r>",
            "<r><c>&#1;</c></r>",
            "<r><c>&#xD800;</c></r>",
            "<r><c>&#x110000;</c></r>",
            "<r><c>&#+65;</c></r>",
            "<r><c>&nbsp;</c></r>",
            "<r><c>&amp</c></r>",
            "<r><c>\u{1}</c></r>",
            "<r><c>]]></c></r>",
            "<r a='<'/>",
            "<r a='1' b='2' c='3' d='4' e='5' f='6' g='7' h='8' i='9'/>",
            "<?xml version='1.0' encoding='Shift_JIS'?><r/>",
            "<?xml encoding='UTF-8' version='1.0'?><r/>",
            "<?xml?><r/>",
            "<?xml-stylesheet href='a'?><r/>",
            "<r/><r/>",
            "<!DOCTYPE r><r/>",
            "<r><c/><c/><c/><c/><c/><c/></r>",
        ] {
            assert!(xml::parse(bad, 5).is_none(), "{bad}");
        }
        let mut escaped = String::new();
        let tricky = "&<>\"'\r\n\t]]>日本語";
        push_escaped(&mut escaped, tricky);
        let doc = xml::parse(&format!("<r a=\"{escaped}\"><c>{escaped}</c></r>"), 1).unwrap();
        assert_eq!(doc.attr("a"), Some(tricky));
        assert_eq!(doc.children[0].text, tricky);
    }
}
