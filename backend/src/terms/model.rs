//! Rows and DTOs of the programme terms. A version has one text (title and body) per
//! language; publishing needs English and German, versions from before German existed
//! have English only.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::{terms_acceptances, terms_texts, terms_versions};
use crate::domain::locale::Locale;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = terms_versions)]
pub struct TermsVersionRow {
    pub version: i32,
    pub published_by: Option<String>,
    pub published_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = terms_texts)]
pub struct TermsTextRow {
    pub version: i32,
    pub locale: Locale,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = terms_acceptances)]
pub struct AcceptanceRow {
    pub id: String,
    pub freelancer_id: String,
    pub version: i32,
    pub accepted_at: NaiveDateTime,
    pub ip: Option<String>,
    pub locale: Locale,
}

/// The terms every freelancer must accept (the newest version), in one language.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermsDocument {
    #[schema(example = 1)]
    pub version: i32,
    /// The language of `title` and `body`: the requested one, or English when this
    /// version has no text in the requested language.
    pub locale: Locale,
    #[schema(example = "Partner Hub reseller programme terms")]
    pub title: String,
    /// Plain text; paragraphs are separated by blank lines.
    pub body: String,
    pub published_at: DateTime<Utc>,
}

/// One language's text of a terms version.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct TermsText {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "Use 1 to 200 characters."))]
    pub title: String,
    /// Plain text, 20 to 100000 characters; paragraphs are separated by blank lines.
    #[schema(min_length = 20, max_length = 100000)]
    #[validate(length(min = 20, max = 100000, message = "Use 20 to 100000 characters."))]
    pub body: String,
}

/// A version's texts by language. Versions published before German existed have
/// English only.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct TermsTexts {
    pub en: Option<TermsText>,
    pub de: Option<TermsText>,
}

/// How many freelancers accepted a version, by the language they were shown.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct AcceptanceCounts {
    pub en: i64,
    pub de: i64,
}

/// A terms version as support sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermsVersion {
    #[schema(example = 2)]
    pub version: i32,
    pub texts: TermsTexts,
    pub published_at: DateTime<Utc>,
    /// The staff member who published it; null for the version shipped with the system.
    pub published_by: Option<String>,
    /// How many freelancers have accepted this version.
    pub acceptances: i64,
    /// The same acceptances, by the language of the text they accepted.
    pub acceptances_by_locale: AcceptanceCounts,
    /// True for the newest version, the one freelancers must accept.
    pub current: bool,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"version": 1, "locale": "de"}))]
pub struct AcceptTerms {
    /// The version being accepted: must be the current one.
    #[schema(minimum = 1)]
    #[validate(range(min = 1, message = "Enter a number of 1 or more."))]
    pub version: i32,
    /// The language of the text that was shown; without it the request's language
    /// (`Accept-Language`, default `en`). The version must have a text in it.
    pub locale: Option<Locale>,
}

/// A freelancer's acceptance of one terms version.
#[derive(Debug, Serialize, ToSchema)]
pub struct TermsAcceptance {
    #[schema(example = 1)]
    pub version: i32,
    /// The language of the text that was accepted.
    pub locale: Locale,
    pub accepted_at: DateTime<Utc>,
}

/// A new version: both languages are required; a missing one is named in the answer.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "en": {
        "title": "Partner Hub reseller programme terms (2027)",
        "body": "These terms govern your participation in the Partner Hub reseller programme..."
    },
    "de": {
        "title": "Bedingungen des Partner Hub Reseller-Programms (2027)",
        "body": "Diese Bedingungen regeln Ihre Teilnahme am Partner Hub Reseller-Programm..."
    }
}))]
pub struct PublishTerms {
    /// The English text.
    #[validate(nested)]
    pub en: Option<TermsText>,
    /// The German text.
    #[validate(nested)]
    pub de: Option<TermsText>,
}

#[cfg(test)]
mod tests {
    use crate::domain::locale::Locale;

    /// The CHECK constraints of both engines spell exactly the enum's values.
    #[test]
    fn migrations_check_the_locales() {
        for sql in [
            include_str!("../../../migrations/sqlite/2026-12-02-000008_terms_languages/up.sql"),
            include_str!("../../../migrations/postgres/2026-12-02-000008_terms_languages/up.sql"),
        ] {
            assert_eq!(sql.matches(&format!("CHECK (locale IN ({}))", Locale::sql_list())).count(), 2);
        }
    }
}
