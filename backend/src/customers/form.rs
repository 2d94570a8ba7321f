//! The account set-up form, parsed once at the edge: every field is checked and every
//! problem reported at once, each on its own field (`address.postal_code`, `domain`, …).
//! A `ValidAccount` is trimmed, normalised (country in capitals, domain in lower case,
//! a new domain always as `name.onmicrosoft.com`) and valid everywhere after.

use crate::customers::model::AccountRequest;
use crate::domain::country;
use crate::domain::Email;
use crate::error::{AppError, AppResult, FieldError};

/// The suffix of every new customer's initial Microsoft domain.
pub const ONMICROSOFT: &str = ".onmicrosoft.com";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAccount {
    pub account_name: String,
    pub line1: String,
    pub line2: Option<String>,
    pub city: String,
    pub region: Option<String>,
    pub postal_code: String,
    pub country: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub existing_customer: bool,
    /// Lower case; `name.onmicrosoft.com` for a new customer.
    pub domain: String,
}

/// Collects the field errors of several checks.
struct Errors(Vec<FieldError>);

impl Errors {
    fn keep<T>(&mut self, r: AppResult<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.extend(e.errors);
                None
            }
        }
    }
}

/// A required text of at most `max` characters, trimmed, inner whitespace kept.
fn required(field: &str, raw: &str, min: usize, max: usize) -> AppResult<String> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(AppError::field(field, "This field must not be blank."));
    }
    let n = v.chars().count();
    if n < min || n > max {
        return Err(AppError::field(field, format!("Use {min} to {max} characters.")));
    }
    Ok(v.to_string())
}

/// An optional text: blank means none.
fn optional(field: &str, raw: Option<&str>, max: usize) -> AppResult<Option<String>> {
    match raw.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) if v.chars().count() > max => Err(AppError::field(field, format!("Use at most {max} characters."))),
        Some(v) => Ok(Some(v.to_string())),
    }
}

fn postal_code(raw: &str) -> AppResult<String> {
    let v = raw.trim().to_uppercase();
    let fits = (2..=12).contains(&v.chars().count())
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        && v.chars().any(|c| c.is_ascii_alphanumeric());
    if !fits {
        return Err(AppError::field("address.postal_code", "Enter a postal code of 2 to 12 letters, digits, spaces or hyphens."));
    }
    Ok(v)
}

fn country_code(raw: &str) -> AppResult<String> {
    let v = raw.trim().to_uppercase();
    country::validate(&v).map_err(|_| AppError::field("address.country", "Enter a two-letter country code such as US."))?;
    Ok(v)
}

/// 6 to 15 digits (E.164 allows 15), optionally led by `+`, separated by spaces,
/// hyphens, dots or parentheses.
pub fn phone(raw: &str) -> AppResult<String> {
    let v = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let body = v.strip_prefix('+').unwrap_or(&v);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let allowed = body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')'));
    if !allowed || !(6..=15).contains(&digits) || v.chars().count() > 30 {
        return Err(AppError::field("primary_contact.phone", "Enter a phone number with 6 to 15 digits, such as +49 30 1234567."));
    }
    Ok(v)
}

/// A new customer's domain: `name` or `name.onmicrosoft.com`, name 3–27 of [a-z0-9].
pub fn new_domain(field: &str, raw: &str) -> AppResult<String> {
    let v = raw.trim().to_lowercase();
    let name = v.strip_suffix(ONMICROSOFT).unwrap_or(&v);
    if !(3..=27).contains(&name.len()) || !name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
        return Err(AppError::field(field, "Use 3 to 27 lowercase letters and digits, such as contoso."));
    }
    Ok(format!("{name}{ONMICROSOFT}"))
}

/// An existing customer's domain (`example.com`): DNS labels of letters, digits and
/// inner hyphens, a top-level domain of letters.
pub fn existing_domain(raw: &str) -> AppResult<String> {
    let v = raw.trim().trim_end_matches('.').to_lowercase();
    let labels: Vec<&str> = v.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld_ok = labels.last().is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_lowercase()));
    if v.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
        return Err(AppError::field("domain", "Enter your organisation's domain, such as example.com."));
    }
    Ok(v)
}

/// Checks every field of the form; all problems at once.
pub fn parse(req: &AccountRequest) -> AppResult<ValidAccount> {
    let mut e = Errors(Vec::new());
    let account_name = e.keep(required("account_name", &req.account_name, 2, 200));
    let line1 = e.keep(required("address.line1", &req.address.line1, 1, 200));
    let line2 = e.keep(optional("address.line2", req.address.line2.as_deref(), 200));
    let city = e.keep(required("address.city", &req.address.city, 1, 100));
    let region = e.keep(optional("address.region", req.address.region.as_deref(), 100));
    let postal_code = e.keep(postal_code(&req.address.postal_code));
    let country = e.keep(country_code(&req.address.country));
    let contact_name = e.keep(required("primary_contact.name", &req.primary_contact.name, 2, 200));
    let contact_email = e.keep(Email::parse(&req.primary_contact.email).map_err(|m| AppError::field("primary_contact.email", m)));
    let contact_phone = e.keep(phone(&req.primary_contact.phone));
    let domain = e.keep(if req.existing_customer { existing_domain(&req.domain) } else { new_domain("domain", &req.domain) });
    match (account_name, line1, line2, city, region, postal_code, country, contact_name, contact_email, contact_phone, domain) {
        (
            Some(account_name),
            Some(line1),
            Some(line2),
            Some(city),
            Some(region),
            Some(postal_code),
            Some(country),
            Some(contact_name),
            Some(email),
            Some(contact_phone),
            Some(domain),
        ) if e.0.is_empty() => Ok(ValidAccount {
            account_name,
            line1,
            line2,
            city,
            region,
            postal_code,
            country,
            contact_name,
            contact_email: email.as_str().to_string(),
            contact_phone,
            existing_customer: req.existing_customer,
            domain,
        }),
        _ => Err(AppError::validation(e.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::model::{Address, Contact};

    fn request() -> AccountRequest {
        AccountRequest {
            account_name: "  Lima Consulting GmbH ".into(),
            address: Address {
                line1: "Torstraße 1".into(),
                line2: Some("  ".into()),
                city: "Berlin".into(),
                region: None,
                postal_code: "10119".into(),
                country: "de".into(),
            },
            primary_contact: Contact { name: "Ana Lima".into(), email: "Ana@Lima.example".into(), phone: "+49 30  1234567".into() },
            existing_customer: false,
            domain: "LimaConsulting".into(),
        }
    }

    #[test]
    fn a_good_form_is_normalised() {
        let v = parse(&request()).unwrap();
        assert_eq!(v.account_name, "Lima Consulting GmbH");
        assert_eq!(v.line2, None);
        assert_eq!(v.country, "DE");
        assert_eq!(v.contact_email, "ana@lima.example");
        assert_eq!(v.contact_phone, "+49 30 1234567");
        assert_eq!(v.domain, "limaconsulting.onmicrosoft.com");
    }

    #[test]
    fn every_bad_field_is_reported_on_its_own_name() {
        let mut r = request();
        r.account_name = " ".into();
        r.address.postal_code = "#".into();
        r.address.country = "Germany".into();
        r.primary_contact.email = "nope".into();
        r.primary_contact.phone = "12".into();
        r.domain = "ab".into();
        let err = parse(&r).unwrap_err();
        let fields: Vec<&str> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["account_name", "address.postal_code", "address.country", "primary_contact.email", "primary_contact.phone", "domain"]
        );
    }

    #[test]
    fn new_domains_are_names_of_3_to_27_letters_and_digits() {
        assert_eq!(new_domain("domain", "contoso").unwrap(), "contoso.onmicrosoft.com");
        assert_eq!(new_domain("domain", "Contoso.OnMicrosoft.com").unwrap(), "contoso.onmicrosoft.com");
        assert!(new_domain("domain", "ab").is_err());
        assert!(new_domain("domain", &"a".repeat(28)).is_err());
        assert!(new_domain("domain", &"a".repeat(27)).is_ok());
        assert!(new_domain("domain", "my-company").is_err());
        assert!(new_domain("domain", "contoso.com").is_err());
    }

    #[test]
    fn existing_domains_are_dns_names() {
        assert_eq!(existing_domain(" Example.COM ").unwrap(), "example.com");
        assert!(existing_domain("mail.lima-consulting.de").is_ok());
        assert!(existing_domain("contoso.onmicrosoft.com").is_ok());
        for bad in ["example", "-a.com", "a-.com", "a..com", "a.c", "a.c0m", "exa mple.com", "ex_ample.com"] {
            assert!(existing_domain(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones_have_6_to_15_digits() {
        assert!(phone("+1 (425) 555-0100").is_ok());
        assert!(phone("030.1234567").is_ok());
        assert!(phone("12345").is_err());
        assert!(phone("+1234567890123456").is_err());
        assert!(phone("+49 30 CALL-ME").is_err());
    }
}
