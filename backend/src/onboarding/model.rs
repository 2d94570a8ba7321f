//! Rows and DTOs of onboarding. Every `#[schema(...)]` constraint matches its
//! `#[validate(...)]` (or the check in `service.rs`) exactly: what the spec calls invalid,
//! the API rejects.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::db::schema::{freelancer_profiles, profile_pictures, tax_forms};
use crate::onboarding::places::{self, UsState};
use crate::onboarding::tin::TinType;
use crate::web::json_object;

// ---------------------------------------------------------------------------------------
// Rows

/// A whole profile row: read, or inserted blank on the first save. Saves never write it
/// back whole; they go through [`ProfileChanges`].
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = freelancer_profiles, primary_key(freelancer_id))]
pub struct ProfileRow {
    pub freelancer_id: String,
    pub full_name: String,
    pub display_name: Option<String>,
    pub display_name_key: Option<String>,
    pub description: String,
    /// JSON array of strings.
    pub languages: String,
    pub country: Option<String>,
    pub occupation: String,
    /// JSON array of strings.
    pub skills: String,
    /// JSON array of `Education`.
    pub education: String,
    /// JSON array of strings.
    pub certifications: String,
    pub picture_id: Option<String>,
    pub personal_completed_at: Option<NaiveDateTime>,
    pub business_completed_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

/// A partial profile save: only the `Some` fields are written, so two saves of
/// different fields never undo each other.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = freelancer_profiles)]
pub struct ProfileChanges {
    pub full_name: Option<String>,
    pub display_name: Option<String>,
    pub display_name_key: Option<String>,
    pub description: Option<String>,
    pub languages: Option<String>,
    pub country: Option<String>,
    pub occupation: Option<String>,
    pub skills: Option<String>,
    pub education: Option<String>,
    pub certifications: Option<String>,
}

impl ProfileChanges {
    pub fn is_empty(&self) -> bool {
        let ProfileChanges {
            full_name,
            display_name,
            display_name_key,
            description,
            languages,
            country,
            occupation,
            skills,
            education,
            certifications,
        } = self;
        full_name.is_none()
            && display_name.is_none()
            && display_name_key.is_none()
            && description.is_none()
            && languages.is_none()
            && country.is_none()
            && occupation.is_none()
            && skills.is_none()
            && education.is_none()
            && certifications.is_none()
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = profile_pictures)]
pub struct PictureRow {
    pub id: String,
    pub freelancer_id: String,
    pub content_type: String,
    pub width: i32,
    pub height: i32,
    pub data_base64: String,
    pub created_at: NaiveDateTime,
}

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = tax_forms, primary_key(freelancer_id))]
pub struct TaxFormRow {
    pub freelancer_id: String,
    pub legal_name: String,
    pub business_name: Option<String>,
    pub tax_classification: TaxClassification,
    pub address_line1: String,
    pub address_line2: Option<String>,
    pub city: String,
    pub state: String,
    pub zip: String,
    pub tin_type: TinType,
    /// `v1:` + base64(nonce || AES-256-GCM ciphertext); see `onboarding::crypto`.
    pub tin_ciphertext: String,
    pub tin_key_id: String,
    pub tin_last4: String,
    pub signature_name: String,
    pub signed_at: NaiveDateTime,
    pub signed_ip: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl std::fmt::Debug for TaxFormRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaxFormRow")
            .field("freelancer_id", &self.freelancer_id)
            .field("tin_type", &self.tin_type)
            .field("tin_key_id", &self.tin_key_id)
            .finish_non_exhaustive()
    }
}

// ---------------------------------------------------------------------------------------
// Profile requests

/// A string list item whose schema carries its length limits (utoipa cannot put
/// `min_length` on a newtype's field, so the schema is written by hand).
macro_rules! bounded_item {
    ($(#[$doc:meta])* $name:ident, $min:literal, $max:literal, $example:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .min_length(Some($min))
                    .max_length(Some($max))
                    .examples([serde_json::json!($example)])
                    .into()
            }
        }

        impl ToSchema for $name {}
    };
}

bounded_item!(
    /// A language spoken, 2 to 40 characters.
    Language, 2, 40, "English"
);
bounded_item!(
    /// A skill, 1 to 50 characters.
    Skill, 1, 50, "Exchange Online"
);
bounded_item!(
    /// A certification, 1 to 200 characters.
    Certification, 1, 200, "MS-102: Microsoft 365 Administrator"
);

fn chars_between(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.chars().count())
}

fn each_language(items: &[Language]) -> Result<(), ValidationError> {
    if items.iter().all(|l| chars_between(&l.0, 2, 40)) {
        Ok(())
    } else {
        Err(ValidationError::new("item_length").with_message("Each language must have 2 to 40 characters.".into()))
    }
}

fn each_skill(items: &[Skill]) -> Result<(), ValidationError> {
    if items.iter().all(|s| chars_between(&s.0, 1, 50)) {
        Ok(())
    } else {
        Err(ValidationError::new("item_length").with_message("Each skill must have 1 to 50 characters.".into()))
    }
}

fn each_certification(items: &[Certification]) -> Result<(), ValidationError> {
    if items.iter().all(|c| chars_between(&c.0, 1, 200)) {
        Ok(())
    } else {
        Err(ValidationError::new("item_length").with_message("Each certification must have 1 to 200 characters.".into()))
    }
}

pub const DISPLAY_NAME_PATTERN: &str = "^[A-Za-z0-9 _.-]+$";

fn display_name_chars(s: &str) -> Result<(), ValidationError> {
    if s.chars().all(|c| c.is_ascii_alphanumeric() || " _.-".contains(c)) {
        Ok(())
    } else {
        Err(ValidationError::new("pattern").with_message("Use only letters A-Z, digits, spaces, '_', '.' and '-'.".into()))
    }
}

fn iso_country(s: &str) -> Result<(), ValidationError> {
    if places::is_country(s) {
        Ok(())
    } else {
        Err(ValidationError::new("country").with_message("Enter an ISO 3166-1 alpha-2 country code in capitals, such as US.".into()))
    }
}

/// Personal info. Fields left out (or null) keep their saved value.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "full_name": "Ana Lima",
    "display_name": "ana.it-support",
    "description": "I keep small offices running on Microsoft 365.",
    "languages": ["English", "Portuguese"],
    "country": "US"
}))]
pub struct PersonalInput {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "Use 1 to 200 characters."))]
    pub full_name: Option<String>,
    /// Shown to clients; unique across freelancers (ignoring case).
    #[schema(min_length = 3, max_length = 40, pattern = "^[A-Za-z0-9 _.-]+$")]
    #[validate(length(min = 3, max = 40, message = "Use 3 to 40 characters."), custom(function = "display_name_chars"))]
    pub display_name: Option<String>,
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    pub description: Option<String>,
    /// 1 to 10 languages spoken.
    #[schema(min_items = 1, max_items = 10)]
    #[validate(length(min = 1, max = 10, message = "List 1 to 10 languages."), custom(function = "each_language"))]
    pub languages: Option<Vec<Language>>,
    /// Where the freelancer is based (ISO 3166-1 alpha-2). `US` makes the W-9 required.
    #[schema(pattern = "^[A-Z]{2}$", example = "US")]
    #[validate(custom(function = "iso_country"))]
    pub country: Option<String>,
}

/// One entry of the education list.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct Education {
    #[schema(min_length = 1, max_length = 200, example = "University of Lisbon")]
    #[validate(length(min = 1, max = 200, message = "Use 1 to 200 characters."))]
    pub school: String,
    #[schema(max_length = 200, example = "BSc Computer Science")]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[serde(default)]
    pub degree: Option<String>,
    /// Year of graduation, 1950 to 2100.
    #[schema(minimum = 1950, maximum = 2100, example = 2015)]
    #[validate(range(min = 1950, max = 2100, message = "Enter a year from 1950 to 2100."))]
    #[serde(default)]
    pub year: Option<i32>,
}

/// Business info. Fields left out (or null) keep their saved value.
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "occupation": "IT support consultant",
    "skills": ["Exchange Online", "Intune", "Teams"],
    "education": [{"school": "University of Lisbon", "degree": "BSc Computer Science", "year": 2015}],
    "certifications": ["MS-102: Microsoft 365 Administrator"]
}))]
pub struct BusinessInput {
    #[schema(min_length = 1, max_length = 100)]
    #[validate(length(min = 1, max = 100, message = "Use 1 to 100 characters."))]
    pub occupation: Option<String>,
    /// 1 to 20 skills.
    #[schema(min_items = 1, max_items = 20)]
    #[validate(length(min = 1, max = 20, message = "List 1 to 20 skills."), custom(function = "each_skill"))]
    pub skills: Option<Vec<Skill>>,
    /// Up to 10 entries.
    #[schema(max_items = 10)]
    #[validate(length(max = 10, message = "List at most 10 entries."), nested)]
    #[serde(default, deserialize_with = "json_object::optional_objects")]
    pub education: Option<Vec<Education>>,
    /// Up to 20 certifications.
    #[schema(max_items = 20)]
    #[validate(length(max = 20, message = "List at most 20 certifications."), custom(function = "each_certification"))]
    pub certifications: Option<Vec<Certification>>,
}

/// Saves either section or both; a section is complete once its required fields are
/// saved (personal: display name, languages, country; business: occupation, skills).
#[derive(Debug, Clone, Deserialize, ToSchema, Validate)]
pub struct ProfileUpdate {
    #[validate(nested)]
    #[serde(default, deserialize_with = "json_object::optional_object")]
    pub personal: Option<PersonalInput>,
    #[validate(nested)]
    #[serde(default, deserialize_with = "json_object::optional_object")]
    pub business: Option<BusinessInput>,
}

// ---------------------------------------------------------------------------------------
// Profile responses

#[derive(Debug, Serialize, ToSchema)]
pub struct PersonalInfo {
    pub full_name: String,
    pub display_name: Option<String>,
    pub description: String,
    pub languages: Vec<String>,
    pub country: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct BusinessInfo {
    pub occupation: Option<String>,
    pub skills: Vec<String>,
    pub education: Vec<Education>,
    pub certifications: Vec<String>,
}

/// Which sections are complete (completion is kept once reached).
#[derive(Debug, Serialize, ToSchema)]
pub struct ProfileCompletion {
    pub personal: bool,
    pub business: bool,
}

/// The freelancer's profile as saved so far: the onboarding wizard resumes from it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Profile {
    pub personal: PersonalInfo,
    pub business: BusinessInfo,
    /// `/api/v1/profile-pictures/{id}`, or null before a picture is uploaded.
    #[schema(example = "/api/v1/profile-pictures/pic_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub picture_url: Option<String>,
    pub completed: ProfileCompletion,
    /// Null until the first save.
    pub updated_at: Option<DateTime<Utc>>,
}

/// Raw file bytes as a request or response body (`type: string, format: binary`).
pub struct BinaryFile;

impl utoipa::PartialSchema for BinaryFile {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Binary)))
            .into()
    }
}

impl ToSchema for BinaryFile {}

/// The stored, re-encoded picture.
#[derive(Debug, Serialize, ToSchema)]
pub struct PictureUploaded {
    #[schema(example = "/api/v1/profile-pictures/pic_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub picture_url: String,
    #[schema(example = 512)]
    pub width: i32,
    #[schema(example = 512)]
    pub height: i32,
    /// `image/png` (images with transparency) or `image/jpeg`.
    #[schema(example = "image/jpeg")]
    pub content_type: String,
}

// ---------------------------------------------------------------------------------------
// W-9

crate::text_enum! {
    /// Federal tax classification (W-9 line 3a); `llc_c`, `llc_s` and `llc_p` are an LLC
    /// taxed as a C corporation, an S corporation or a partnership.
    pub enum TaxClassification {
        Individual = "individual",
        CCorporation = "c_corporation",
        SCorporation = "s_corporation",
        Partnership = "partnership",
        TrustEstate = "trust_estate",
        LlcC = "llc_c",
        LlcS = "llc_s",
        LlcP = "llc_p",
        Other = "other",
    }
}

fn us_state(s: &str) -> Result<(), ValidationError> {
    if places::is_us_state(s) {
        Ok(())
    } else {
        Err(ValidationError::new("state").with_message("Enter the code of a US state, DC or a territory, such as CA.".into()))
    }
}

pub const ZIP_PATTERN: &str = "^[0-9]{5}(-[0-9]{4})?$";

fn zip_code(s: &str) -> Result<(), ValidationError> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = match b.len() {
        5 => digits(0..5),
        10 => digits(0..5) && b[5] == b'-' && digits(6..10),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new("zip").with_message("Enter a ZIP code: 12345 or 12345-6789.".into()))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, Validate)]
pub struct UsAddress {
    #[schema(min_length = 1, max_length = 200, example = "350 Fifth Avenue")]
    #[validate(length(min = 1, max = 200, message = "Use 1 to 200 characters."))]
    pub line1: String,
    #[schema(max_length = 200, example = "Suite 4100")]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[serde(default)]
    pub line2: Option<String>,
    #[schema(min_length = 1, max_length = 100, example = "New York")]
    #[validate(length(min = 1, max = 100, message = "Use 1 to 100 characters."))]
    pub city: String,
    #[schema(value_type = UsState)]
    #[validate(custom(function = "us_state"))]
    pub state: String,
    #[schema(pattern = "^[0-9]{5}(-[0-9]{4})?$", example = "10118")]
    #[validate(custom(function = "zip_code"))]
    pub zip: String,
}

/// The W-9 as submitted. The TIN is write-only: responses only ever show it masked.
#[derive(Clone, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "legal_name": "Ana Lima",
    "business_name": "Lima IT Services",
    "tax_classification": "individual",
    "address": {"line1": "350 Fifth Avenue", "line2": "Suite 4100", "city": "New York", "state": "NY", "zip": "10118"},
    "tin_type": "ssn",
    "tin": "457-55-5462",
    "certify": true,
    "signature_name": "Ana Lima"
}))]
pub struct TaxFormInput {
    /// Name as shown on the income tax return (W-9 line 1).
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "Use 1 to 200 characters."))]
    pub legal_name: String,
    /// Business name or disregarded entity name (line 2), if different.
    #[schema(max_length = 200)]
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[serde(default)]
    pub business_name: Option<String>,
    pub tax_classification: TaxClassification,
    #[validate(nested)]
    #[serde(deserialize_with = "json_object::object")]
    pub address: UsAddress,
    pub tin_type: TinType,
    /// SSN as `123-45-6789` or 9 digits; EIN as `12-3456789` or 9 digits. Write-only.
    #[schema(pattern = "^([0-9]{3}-[0-9]{2}-[0-9]{4}|[0-9]{2}-[0-9]{7}|[0-9]{9})$", format = Password, write_only)]
    pub tin: String,
    /// The certification under penalties of perjury (Part II); must be true.
    pub certify: bool,
    /// The signature: the legal name typed again (case and surrounding spaces ignored).
    #[schema(min_length = 1, max_length = 200)]
    #[validate(length(min = 1, max = 200, message = "Use 1 to 200 characters."))]
    pub signature_name: String,
}

impl std::fmt::Debug for TaxFormInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaxFormInput")
            .field("tax_classification", &self.tax_classification)
            .field("tin_type", &self.tin_type)
            .field("tin", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// The saved W-9, TIN masked.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaxForm {
    pub legal_name: String,
    pub business_name: Option<String>,
    pub tax_classification: TaxClassification,
    pub address: UsAddress,
    pub tin_type: TinType,
    /// `***-**-1234` (SSN) or `**-***1234` (EIN).
    #[schema(example = "***-**-5462")]
    pub tin_masked: String,
    pub signature_name: String,
    /// When the certification was signed (the last save).
    pub signed_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_patterns_match_the_checks() {
        let schema = |s: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>| serde_json::to_value(s).unwrap();
        let personal = schema(<PersonalInput as utoipa::PartialSchema>::schema());
        assert_eq!(personal["properties"]["display_name"]["pattern"], DISPLAY_NAME_PATTERN);
        let address = schema(<UsAddress as utoipa::PartialSchema>::schema());
        assert_eq!(address["properties"]["zip"]["pattern"], ZIP_PATTERN);
        let w9 = schema(<TaxFormInput as utoipa::PartialSchema>::schema());
        assert_eq!(w9["properties"]["tin"]["pattern"], crate::onboarding::tin::TIN_PATTERN);
        for ok in ["ab_c", "Ana Lima", "a.b-c"] {
            assert!(display_name_chars(ok).is_ok(), "{ok}");
        }
        for bad in ["ana!", "ana\n", "ãna"] {
            assert!(display_name_chars(bad).is_err(), "{bad}");
        }
        for ok in ["12345", "12345-6789"] {
            assert!(zip_code(ok).is_ok(), "{ok}");
        }
        for bad in ["1234", "123456", "12345-678", "12345 6789", "abcde", "١٢٣٤٥"] {
            assert!(zip_code(bad).is_err(), "{bad}");
        }
        for &c in TaxClassification::ALL {
            assert_eq!(TaxClassification::parse(c.as_str()), Some(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }

    #[test]
    fn debug_never_shows_the_tin() {
        let input: TaxFormInput = serde_json::from_value(serde_json::json!({
            "legal_name": "A", "tax_classification": "individual",
            "address": {"line1": "1", "city": "C", "state": "NY", "zip": "10118"},
            "tin_type": "ssn", "tin": "457-55-5462", "certify": true, "signature_name": "A"
        }))
        .unwrap();
        assert!(!format!("{input:?}").contains("5462"));
    }
}
