//! Server messages in the caller's language. The source texts stay English in the code
//! (integrators read them there and in the logs); `translate` looks a message up in a
//! gettext-style catalogue keyed by that English text. German lives in `de.json`:
//! `messages` maps a whole English sentence to German, and a `{}` in a key stands for a
//! part that `format!` filled in (a number, a name, a list), matched in order and put
//! back into the German text in the same order. A filled-in part that is itself a word
//! the server produces (a status such as `in_review`, an action such as `revoked`) is
//! looked up in `values`; anything else (a number, a route) is kept as it is.
//!
//! A miss returns the English text: a message is never lost. The test in
//! `catalogue_test.rs` scans the sources so that a miss cannot ship.

pub mod middleware;

#[cfg(test)]
mod catalogue_test;

use std::collections::HashMap;

use once_cell::sync::Lazy;

use crate::domain::locale::Locale;

const DE_JSON: &str = include_str!("de.json");

/// A key with `{}` split at its placeholders, with its translation split the same way.
struct Pattern {
    english: Vec<String>,
    german: Vec<String>,
}

pub struct Catalogue {
    exact: HashMap<String, String>,
    patterns: Vec<Pattern>,
    values: HashMap<String, String>,
}

#[derive(serde::Deserialize)]
struct CatalogueFile {
    messages: HashMap<String, String>,
    values: HashMap<String, String>,
}

impl Catalogue {
    /// Parses a catalogue; a key and its translation must have the same number of `{}`.
    pub fn parse(json: &str) -> Result<Catalogue, String> {
        let file: CatalogueFile = serde_json::from_str(json).map_err(|e| format!("catalogue: {e}"))?;
        let mut exact = HashMap::new();
        let mut patterns = Vec::new();
        for (english, german) in file.messages {
            let (e, g) = (split(&english), split(&german));
            if e.len() != g.len() {
                return Err(format!("catalogue: {english:?} has {} placeholders, its German {}", e.len() - 1, g.len() - 1));
            }
            if e.len() == 1 {
                exact.insert(english, german);
            } else {
                if e.iter().all(|s| s.is_empty()) {
                    return Err(format!("catalogue: {english:?} is only placeholders"));
                }
                patterns.push(Pattern { english: e, german: g });
            }
        }
        // The most specific pattern wins: the one with the most literal text.
        patterns.sort_by_key(|p| std::cmp::Reverse(p.english.iter().map(String::len).sum::<usize>()));
        Ok(Catalogue { exact, patterns, values: file.values })
    }

    /// The German text of `english`, or `None` when the catalogue has no entry for it.
    pub fn lookup(&self, english: &str) -> Option<String> {
        if let Some(german) = self.exact.get(english) {
            return Some(german.clone());
        }
        self.patterns.iter().find_map(|p| {
            let parts = capture(&p.english, english)?;
            let mut out = p.german[0].clone();
            for (part, literal) in parts.iter().zip(&p.german[1..]) {
                out.push_str(self.values.get(*part).map(String::as_str).unwrap_or(part));
                out.push_str(literal);
            }
            Some(out)
        })
    }

    /// Whether `english` (a key, with `{}` for the filled-in parts) has an entry.
    pub fn has_key(&self, english: &str) -> bool {
        self.exact.contains_key(english) || self.patterns.iter().any(|p| p.english.join("{}") == english)
    }

    pub fn value(&self, english: &str) -> Option<&str> {
        self.values.get(english).map(String::as_str)
    }
}

fn split(s: &str) -> Vec<String> {
    s.split("{}").map(str::to_string).collect()
}

/// The parts of `text` that the placeholders between `literals` stand for, or `None`
/// when `text` does not have that shape. Each part is non-empty; when a literal occurs
/// more than once, every position is tried.
fn capture<'t>(literals: &[String], text: &'t str) -> Option<Vec<&'t str>> {
    let rest = text.strip_prefix(literals[0].as_str())?;
    let mut parts = Vec::with_capacity(literals.len() - 1);
    if fill(&literals[1..], rest, &mut parts) {
        Some(parts)
    } else {
        None
    }
}

fn fill<'t>(literals: &[String], text: &'t str, parts: &mut Vec<&'t str>) -> bool {
    let Some((literal, later)) = literals.split_first() else {
        return text.is_empty();
    };
    if later.is_empty() {
        // The last literal ends the text.
        return match text.strip_suffix(literal.as_str()) {
            Some(part) if !part.is_empty() => {
                parts.push(part);
                true
            }
            _ => false,
        };
    }
    let mut from = 1;
    while let Some(found) = text.get(from..).and_then(|t| t.find(literal.as_str())) {
        let at = from + found;
        parts.push(&text[..at]);
        if fill(later, &text[at + literal.len()..], parts) {
            return true;
        }
        parts.pop();
        from = at + 1;
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

pub static GERMAN: Lazy<Catalogue> = Lazy::new(|| Catalogue::parse(DE_JSON).expect("backend/src/i18n/de.json"));

/// `english` in `locale`; the English text itself for English or on a catalogue miss.
pub fn translate(locale: Locale, english: &str) -> String {
    match locale {
        Locale::En => english.to_string(),
        Locale::De => GERMAN.lookup(english).unwrap_or_else(|| {
            log::warn!("no German for server message {english:?}");
            english.to_string()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::{translate, Catalogue, GERMAN};
    use crate::domain::locale::Locale;

    fn sample() -> Catalogue {
        Catalogue::parse(
            r#"{
                "messages": {
                    "The body is larger than {} KiB.": "Der Inhalt ist größer als {} KiB.",
                    "An invitation that is {} cannot be {}.": "Eine Einladung, die {} ist, kann nicht {} werden.",
                    "There is no route {} {}.": "Es gibt keine Route {} {}.",
                    "Done.": "Erledigt."
                },
                "values": {"expired": "abgelaufen", "revoked": "widerrufen"}
            }"#,
        )
        .unwrap()
    }

    #[test]
    fn exact_entries_and_patterns_with_their_parts_in_order() {
        let c = sample();
        assert_eq!(c.lookup("Done.").as_deref(), Some("Erledigt."));
        assert_eq!(c.lookup("The body is larger than 64 KiB.").as_deref(), Some("Der Inhalt ist größer als 64 KiB."));
        assert_eq!(
            c.lookup("An invitation that is expired cannot be revoked.").as_deref(),
            Some("Eine Einladung, die abgelaufen ist, kann nicht widerrufen werden.")
        );
        // A literal that occurs inside a part: the later occurrence is tried too.
        assert_eq!(c.lookup("There is no route GET /a b.").as_deref(), Some("Es gibt keine Route GET /a b."));
        assert_eq!(c.lookup("Not in the catalogue."), None);
        assert_eq!(c.lookup("The body is larger than  KiB."), None, "a placeholder stands for something");
    }

    #[test]
    fn refuses_a_translation_that_drops_a_placeholder() {
        let bad = r#"{"messages": {"Only {} left.": "Nur noch wenige."}, "values": {}}"#;
        assert!(Catalogue::parse(bad).is_err());
        assert!(Catalogue::parse(r#"{"messages": {"{}": "{}"}, "values": {}}"#).is_err());
    }

    #[test]
    fn english_passes_through_and_the_shipped_catalogue_loads() {
        assert_eq!(translate(Locale::En, "The request has invalid fields."), "The request has invalid fields.");
        assert_ne!(translate(Locale::De, "The request has invalid fields."), "The request has invalid fields.");
        assert!(GERMAN.has_key("The body is larger than {} KiB."));
    }
}
