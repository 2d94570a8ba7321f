//! The language of a person: of their emails and of the server's messages to them.

crate::text_enum! {
    /// `en` (default) or `de`.
    pub enum Locale {
        En = "en",
        De = "de",
    }
}

// `text_enum!` derives no Default (most enums have none).
#[allow(clippy::derivable_impls)]
impl Default for Locale {
    fn default() -> Self {
        Locale::En
    }
}

impl Locale {
    /// The first supported language of an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut ranked: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim().to_ascii_lowercase();
                let q = pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|v| v.parse::<f32>().ok())).unwrap_or(1.0);
                let primary = tag.split('-').next()?;
                Locale::parse(primary).map(|l| (q, l))
            })
            .filter(|(q, _)| *q > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        ranked.first().map(|(_, l)| *l)
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn reads_accept_language_by_quality() {
        assert_eq!(Locale::from_accept_language("de-DE,de;q=0.9,en;q=0.8"), Some(Locale::De));
        assert_eq!(Locale::from_accept_language("fr-FR, en;q=0.5, de;q=0.7"), Some(Locale::De));
        assert_eq!(Locale::from_accept_language("fr, it"), None);
        assert_eq!(Locale::from_accept_language("de;q=0"), None);
    }
}
