//! The taxpayer identification number of a W-9: an SSN or an EIN, parsed once at the edge.
//! A `Tin` never prints its digits (`Debug` is redacted); only the masked form and the
//! last four digits leave this module, and the digits go only to encryption.

/// The JSON Schema pattern of the `tin` field; [`Tin::parse`] accepts exactly these
/// shapes (and then applies the SSN and EIN number rules).
pub const TIN_PATTERN: &str = "^([0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{2}-[0-9]{7}|[0-9]{9})$";

crate::text_enum! {
    /// `ssn` (Social Security number) or `ein` (Employer Identification Number).
    pub enum TinType {
        Ssn = "ssn",
        Ein = "ein",
    }
}

#[derive(Clone, PartialEq, Eq)]
pub struct Tin {
    kind: TinType,
    digits: String,
}

impl std::fmt::Debug for Tin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tin({}, {})", self.kind.as_str(), self.masked())
    }
}

impl Tin {
    /// SSN: `123-45-6789` or 9 digits, not area 000, 666 or 9xx, group 00 or serial 0000.
    /// EIN: `12-3456789` or 9 digits, not prefix 00. The messages never echo the input.
    pub fn parse(kind: TinType, raw: &str) -> Result<Tin, &'static str> {
        // No trimming: the schema pattern admits no spaces, so neither does the parser.
        let s = raw;
        let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        let digits = match kind {
            TinType::Ssn => {
                let b = s.as_bytes();
                if s.len() == 11 && b[3] == b'-' && b[6] == b'-' && all_digits(&s[..3]) && all_digits(&s[4..6]) && all_digits(&s[7..]) {
                    format!("{}{}{}", &s[..3], &s[4..6], &s[7..])
                } else if s.len() == 9 && all_digits(s) {
                    s.to_string()
                } else {
                    return Err("Enter the SSN as 123-45-6789 or as 9 digits.");
                }
            }
            TinType::Ein => {
                let b = s.as_bytes();
                if s.len() == 10 && b[2] == b'-' && all_digits(&s[..2]) && all_digits(&s[3..]) {
                    format!("{}{}", &s[..2], &s[3..])
                } else if s.len() == 9 && all_digits(s) {
                    s.to_string()
                } else {
                    return Err("Enter the EIN as 12-3456789 or as 9 digits.");
                }
            }
        };
        match kind {
            TinType::Ssn => {
                let (area, group, serial) = (&digits[..3], &digits[3..5], &digits[5..]);
                if area == "000" || area == "666" || area.starts_with('9') {
                    return Err("This is not a valid SSN: the first three digits cannot be 000, 666 or 900-999.");
                }
                if group == "00" {
                    return Err("This is not a valid SSN: the middle two digits cannot be 00.");
                }
                if serial == "0000" {
                    return Err("This is not a valid SSN: the last four digits cannot be 0000.");
                }
            }
            TinType::Ein => {
                if &digits[..2] == "00" {
                    return Err("This is not a valid EIN: the prefix cannot be 00.");
                }
            }
        }
        Ok(Tin { kind, digits })
    }

    pub fn kind(&self) -> TinType {
        self.kind
    }

    /// The nine digits, for encryption only.
    pub fn digits(&self) -> &str {
        &self.digits
    }

    pub fn last4(&self) -> &str {
        &self.digits[5..]
    }

    pub fn masked(&self) -> String {
        mask(self.kind, self.last4())
    }
}

/// `***-**-1234` for an SSN, `**-***1234` for an EIN.
pub fn mask(kind: TinType, last4: &str) -> String {
    match kind {
        TinType::Ssn => format!("***-**-{last4}"),
        TinType::Ein => format!("**-***{last4}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ssn_formats_and_rules() {
        let t = Tin::parse(TinType::Ssn, "457-55-5462").unwrap();
        assert_eq!(t.digits(), "457555462");
        assert_eq!(t.masked(), "***-**-5462");
        assert_eq!(Tin::parse(TinType::Ssn, "457555462").unwrap(), t);
        assert!(!format!("{t:?}").contains("457"), "Debug is redacted");
        for bad in [
            "000-12-3456",
            "666-12-3456",
            "900-12-3456",
            "999121234",
            "123-00-4567",
            "123-45-0000",
            "12-3456789",
            "1234567",
            "123-456-789",
            "abc-de-fghi",
            "١٢٣-٤٥-٦٧٨٩",
        ] {
            assert!(Tin::parse(TinType::Ssn, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ein_formats_and_rules() {
        let t = Tin::parse(TinType::Ein, "12-3456789").unwrap();
        assert_eq!(t.masked(), "**-***6789");
        assert_eq!(Tin::parse(TinType::Ein, "123456789").unwrap(), t);
        for bad in ["00-1234567", "001234567", "123-45-6789", "12-345678", "1-23456789"] {
            assert!(Tin::parse(TinType::Ein, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn error_messages_never_echo_the_number() {
        for (kind, bad) in [(TinType::Ssn, "666-12-3456"), (TinType::Ein, "00-1234567"), (TinType::Ssn, "12345")] {
            let msg = Tin::parse(kind, bad).unwrap_err();
            assert!(!msg.contains("3456") && !msg.contains("12345"), "{msg}");
        }
    }
}
