//! The residence card number (在留カード番号) of SPEC §6.2 and §7.1: two capital letters, eight digits,
//! two capital letters, e.g. `AB12345678CD`. People copy it from the card with a phone keyboard, so
//! width and case are folded and spaces or hyphens between the groups are dropped before the rule is
//! checked.

use crate::Invalid;
use crate::text::fold_width;

/// Length of a residence card number.
pub const RESIDENCE_CARD_NUMBER_LEN: usize = 12;

/// A residence card number in its stored form: twelve one-byte characters, capitals and digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResidenceCardNumber(String);

impl ResidenceCardNumber {
    pub fn parse(raw: &str) -> Result<ResidenceCardNumber, Invalid> {
        let s: String = fold_width(raw)
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | 'ー' | '‐' | '−'))
            .collect::<String>()
            .to_ascii_uppercase();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if !s.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Invalid::Characters);
        }
        let b = s.as_bytes();
        let shaped = b.len() == RESIDENCE_CARD_NUMBER_LEN
            && b[..2].iter().all(u8::is_ascii_uppercase)
            && b[2..10].iter().all(u8::is_ascii_digit)
            && b[10..].iter().all(u8::is_ascii_uppercase);
        if !shaped {
            return Err(Invalid::Format);
        }
        Ok(ResidenceCardNumber(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ResidenceCardNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_separators() {
        for raw in [
            "AB12345678CD",
            "ab12345678cd",
            " ＡＢ１２３４５６７８ＣＤ ",
            "AB 12345678 CD",
            "AB-1234-5678-CD",
        ] {
            assert_eq!(
                ResidenceCardNumber::parse(raw).unwrap().as_str(),
                "AB12345678CD",
                "{raw}"
            );
        }
    }

    #[test]
    fn refuses_what_is_not_a_card_number() {
        assert_eq!(ResidenceCardNumber::parse(""), Err(Invalid::Required));
        assert_eq!(ResidenceCardNumber::parse(" - "), Err(Invalid::Required));
        assert_eq!(
            ResidenceCardNumber::parse("AB1234567CD!"),
            Err(Invalid::Characters)
        );
        assert_eq!(
            ResidenceCardNumber::parse("在留12345678CD"),
            Err(Invalid::Characters)
        );
        for raw in [
            "AB1234567CD",
            "AB123456789CD",
            "A112345678CD",
            "AB12345678C1",
            "ABC2345678CD",
            "1234567890AB",
        ] {
            assert_eq!(
                ResidenceCardNumber::parse(raw),
                Err(Invalid::Format),
                "{raw}"
            );
        }
    }
}
