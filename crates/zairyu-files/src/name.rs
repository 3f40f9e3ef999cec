//! File names: what the browser sent is only a label. It is cleaned when a file is received and
//! encoded again (RFC 6266 / RFC 5987) when the file is sent back.

use crate::policy::Kind;

/// The longest name kept, in characters (the extension included).
const MAX_CHARS: usize = 100;

/// The name to keep for an uploaded file: the last path component only (browsers on Windows used to
/// send `C:\…\name.pdf`), control and bidirectional-override characters removed, at most 100
/// characters, and ending in the extension of what the content **is** — a JPEG named `.pdf` cannot
/// come back as a `.pdf`, whatever it was called.
pub fn safe_name(original: &str, kind: Kind) -> String {
    let last = original
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect::<String>();
    let trimmed = last.trim().trim_matches('.').trim();
    let (stem, ext) = match trimmed.rsplit_once('.') {
        Some((s, e)) if !s.trim().is_empty() => (s.trim(), e.to_ascii_lowercase()),
        _ => (trimmed, String::new()),
    };
    let ext = if kind.extensions().contains(&ext.as_str()) {
        ext
    } else {
        kind.extensions()[0].to_owned()
    };
    let stem = if stem.is_empty() { "attachment" } else { stem };
    let room = MAX_CHARS.saturating_sub(ext.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    format!("{}.{ext}", stem.trim_end())
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A `Content-Disposition` value that makes the browser save the file rather than show it, under
/// its name: an ASCII `filename` for old clients (anything else replaced by `_`), and the exact
/// name as UTF-8 in `filename*` (RFC 5987 percent-encoding), which current browsers prefer.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '%' | ';') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for b in name.bytes() {
        // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_cleaned_and_take_the_extension_of_the_content() {
        assert_eq!(safe_name("passport.pdf", Kind::Pdf), "passport.pdf");
        assert_eq!(
            safe_name("C:\\Users\\me\\photo.JPG", Kind::Jpeg),
            "photo.jpg"
        );
        assert_eq!(safe_name("../../etc/passwd", Kind::Pdf), "passwd.pdf");
        assert_eq!(safe_name("photo.pdf", Kind::Jpeg), "photo.jpg");
        assert_eq!(safe_name("", Kind::Pdf), "attachment.pdf");
        assert_eq!(safe_name("...", Kind::Pdf), "attachment.pdf");
        assert_eq!(safe_name("evil\u{202e}fdp.exe", Kind::Pdf), "evilfdp.pdf");
        assert_eq!(safe_name("a\r\nb.jpeg", Kind::Jpeg), "ab.jpeg");
        assert_eq!(safe_name("在留カード.pdf", Kind::Pdf), "在留カード.pdf");
        let long = "x".repeat(300) + ".pdf";
        let kept = safe_name(&long, Kind::Pdf);
        assert_eq!(kept.chars().count(), 100);
        assert!(kept.ends_with(".pdf"));
    }

    #[test]
    fn content_disposition_is_rfc_6266() {
        assert_eq!(
            content_disposition("a b.pdf"),
            "attachment; filename=\"a b.pdf\"; filename*=UTF-8''a%20b.pdf"
        );
        assert_eq!(
            content_disposition("証明書\";x.pdf"),
            "attachment; filename=\"_____x.pdf\"; filename*=UTF-8''%E8%A8%BC%E6%98%8E%E6%9B%B8%22%3Bx.pdf"
        );
    }
}
