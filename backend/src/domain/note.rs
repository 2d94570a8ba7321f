//! A note support writes to a person about a decision (an application approved or
//! rejected, an appeal decided). It is emailed and shown to them, so a given note must
//! say something: at least [`DecisionNote::MIN_CHARS`] characters once trimmed.

use crate::error::AppError;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionNote(String);

impl DecisionNote {
    pub const MIN_CHARS: usize = 10;

    /// A note that may be left out: blank means none; a short one is a field error on `note`.
    pub fn optional(raw: Option<&str>) -> Result<Option<DecisionNote>, AppError> {
        match raw.map(str::trim).filter(|n| !n.is_empty()) {
            None => Ok(None),
            Some(n) => DecisionNote::required(n).map(Some),
        }
    }

    /// A note that must be given.
    pub fn required(raw: &str) -> Result<DecisionNote, AppError> {
        let note = raw.trim();
        if note.is_empty() {
            return Err(AppError::field("note", "Please write a note."));
        }
        if note.chars().count() < Self::MIN_CHARS {
            return Err(AppError::field("note", format!("A note must be at least {} characters long.", Self::MIN_CHARS)));
        }
        Ok(DecisionNote(note.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::DecisionNote;

    #[test]
    fn a_given_note_has_at_least_ten_characters() {
        assert_eq!(DecisionNote::optional(None).unwrap(), None);
        assert_eq!(DecisionNote::optional(Some("   ")).unwrap(), None);
        let short = DecisionNote::optional(Some(" ok ")).unwrap_err();
        assert_eq!(short.errors[0].field, "note");
        assert!(DecisionNote::required("         ").is_err());
        assert!(DecisionNote::required("Zu kurz.").is_err(), "8 characters");
        // Characters, not bytes: ten umlauts are enough.
        assert_eq!(DecisionNote::required(" ääääääääää ").unwrap().as_str(), "ääääääääää");
    }
}
