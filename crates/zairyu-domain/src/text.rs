//! Folding of what people type on phones and Japanese keyboards: full-width digits and letters become
//! one-byte ones, so "１２３" is read as "123" instead of being refused.

/// Maps full-width ASCII variants (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// Maps one-byte ASCII (and space) to full-width, for fields that must hold two-byte characters.
pub fn widen(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            ' ' => '\u{3000}',
            _ => c,
        })
        .collect()
}

/// Characters counted the way people count them (not bytes).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width() {
        assert_eq!(fold_width("０９０－１２３４　ＡＢｃ"), "090-1234 ABc");
        assert_eq!(widen("1-2 a"), "１－２\u{3000}ａ");
    }
}
