//! Country codes: ISO 3166-1 alpha-2, upper case ("US", "DE").

pub fn is_code(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

pub fn validate(s: &str) -> Result<(), validator::ValidationError> {
    if is_code(s) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("country").with_message("Enter a two-letter country code such as US.".into()))
    }
}

/// An assigned ISO 3166-1 alpha-2 code ("DE"; not "XX" or "de").
pub fn is_assigned(s: &str) -> bool {
    is_code(s) && crate::onboarding::places::is_country(s)
}
