//! An email address, trimmed, lower-cased and in Unicode NFC (so two spellings of the
//! same address compare equal), checked once at the edge.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, String> {
        let s: String = raw.trim().to_lowercase().nfc().collect();
        if s.len() > 254 {
            return Err("Use at most 254 characters.".into());
        }
        if !validator::ValidateEmail::validate_email(&s) {
            return Err("Enter a valid email address.".into());
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn normalises_and_rejects() {
        assert_eq!(Email::parse("  Ann@Example.COM ").unwrap().as_str(), "ann@example.com");
        assert!(Email::parse("not-an-email").is_err());
        assert!(Email::parse("").is_err());
        // "ü" precomposed and as "u" + combining diaeresis are one address (validator
        // accepts non-ASCII only in the domain).
        assert_eq!(Email::parse("ann@b\u{fc}cher.de").unwrap(), Email::parse("Ann@BU\u{308}cher.de").unwrap());
    }
}
