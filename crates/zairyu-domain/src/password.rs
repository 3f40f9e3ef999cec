//! The password rule of SPEC §3.4: length bounds from configuration (10–32 by default), only letters,
//! digits and the symbols `$ % & = @ _ # * + - ? !`, and at least one of each of the four kinds.

use crate::Invalid;

/// The symbols a password may contain (SPEC §3.4).
pub const PASSWORD_SYMBOLS: &str = "$%&=@_#*+-?!";

/// Length bounds of passwords; configuration, because the manuals disagree (10–32 and 10–20).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordPolicy {
    pub min: usize,
    pub max: usize,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy { min: 10, max: 32 }
    }
}

/// A password that satisfies the policy. `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(**redacted**)")
    }
}

impl Password {
    /// Checks a new password against the policy; characters are checked first so that the message
    /// names the real problem.
    pub fn parse(raw: &str, policy: PasswordPolicy) -> Result<Password, Invalid> {
        if raw.is_empty() {
            return Err(Invalid::Required);
        }
        if !raw
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || PASSWORD_SYMBOLS.contains(c))
        {
            return Err(Invalid::Characters);
        }
        let len = raw.chars().count();
        if len < policy.min {
            return Err(Invalid::TooShort { min: policy.min });
        }
        if len > policy.max {
            return Err(Invalid::TooLong { max: policy.max });
        }
        let upper = raw.chars().any(|c| c.is_ascii_uppercase());
        let lower = raw.chars().any(|c| c.is_ascii_lowercase());
        let digit = raw.chars().any(|c| c.is_ascii_digit());
        let symbol = raw.chars().any(|c| PASSWORD_SYMBOLS.contains(c));
        if !(upper && lower && digit && symbol) {
            return Err(Invalid::PasswordKinds);
        }
        Ok(Password(raw.to_owned()))
    }

    /// The password itself, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Password, Invalid> {
        Password::parse(s, PasswordPolicy::default())
    }

    #[test]
    fn accepts_four_kinds_in_bounds() {
        assert!(p("Abcdefgh1!").is_ok());
        assert!(p(&format!("Aa1${}", "x".repeat(28))).is_ok());
    }

    #[test]
    fn refuses_each_broken_rule() {
        assert_eq!(p(""), Err(Invalid::Required));
        assert_eq!(p("Abcdef1!"), Err(Invalid::TooShort { min: 10 }));
        assert_eq!(
            p(&format!("Aa1${}", "x".repeat(29))),
            Err(Invalid::TooLong { max: 32 })
        );
        assert_eq!(p("abcdefgh1!"), Err(Invalid::PasswordKinds));
        assert_eq!(p("ABCDEFGH1!"), Err(Invalid::PasswordKinds));
        assert_eq!(p("Abcdefghi!"), Err(Invalid::PasswordKinds));
        assert_eq!(p("Abcdefghi1"), Err(Invalid::PasswordKinds));
        assert_eq!(p("Abcdefgh1!^"), Err(Invalid::Characters));
        assert_eq!(p("Abcdefgh1! "), Err(Invalid::Characters));
        assert_eq!(p("Ａbcdefgh1!"), Err(Invalid::Characters));
    }

    #[test]
    fn bounds_are_configuration() {
        let short = PasswordPolicy { min: 10, max: 20 };
        assert_eq!(
            Password::parse("Aa1$xxxxxxxxxxxxxxxxx", short),
            Err(Invalid::TooLong { max: 20 })
        );
    }

    #[test]
    fn debug_hides_the_password() {
        let pw = p("Abcdefgh1!").unwrap();
        assert!(!format!("{pw:?}").contains("Abcdefgh1!"));
    }
}
