//! The email engine. Every email is a typed struct (`notifications::mails`) that names
//! its template and carries its parameters; `render` turns it into a subject, a plain
//! text part and an HTML part in the recipient's language from the template files
//! under `backend/templates/email/` (compiled into the binary):
//!
//! - `<locale>/<key>.txt.j2` has three blocks: `subject`, `body` (paragraphs separated
//!   by blank lines) and `action` (the label of the one call to action);
//! - `layout.html.j2` wraps the same paragraphs and action in the HTML layout (every
//!   value escaped);
//! - `<locale>/_common.txt.j2` holds the footer and the "copy this link" hint.
//!
//! Filters: `datetime` (an RFC 3339 time in the recipient's language, UTC),
//! `tier_label`, `category_label`, `money(currency)` (cents as an amount in the
//! recipient's language: `$1,234.56` / `1.234,56 $`). A missing parameter is an error, never an empty gap.

use chrono::{DateTime, Datelike, Timelike, Utc};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior};
use once_cell::sync::Lazy;
use serde::Serialize;

use crate::domain::locale::Locale;

/// An email ready for the outbox.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub template: &'static str,
    pub locale: Locale,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The parameters it was rendered from, kept with the message.
    pub params: serde_json::Value,
}

/// A typed email: its template key and the link its call to action opens.
pub trait Mail: Serialize {
    const KEY: &'static str;
    fn action_url(&self) -> &str;
}

macro_rules! templates {
    ($($key:literal),+ $(,)?) => {
        /// Every template key, in the order the preview lists them.
        pub const KEYS: &[&str] = &[$($key),+];

        fn load(env: &mut Environment<'static>) {
            env.add_template("layout.html.j2", include_str!("../../templates/email/layout.html.j2")).expect("layout.html.j2");
            env.add_template("en/_common.txt.j2", include_str!("../../templates/email/en/_common.txt.j2")).expect("en/_common");
            env.add_template("de/_common.txt.j2", include_str!("../../templates/email/de/_common.txt.j2")).expect("de/_common");
            $(
                env.add_template(concat!("en/", $key, ".txt.j2"), include_str!(concat!("../../templates/email/en/", $key, ".txt.j2"))).expect($key);
                env.add_template(concat!("de/", $key, ".txt.j2"), include_str!(concat!("../../templates/email/de/", $key, ".txt.j2"))).expect($key);
            )+
        }
    };
}

templates![
    "welcome",
    "email_verification",
    "password_reset",
    "invitation",
    "application_received",
    "application_approved",
    "application_rejected",
    "appeal_received",
    "appeal_submitted_staff",
    "appeal_decided",
    "tier_changed",
    "terms_updated",
    "support_ticket_received",
    "support_ticket_new",
    "support_ticket_answered",
    "partnership_invitation",
    "customer_account_rejected",
    "subscription_active",
    "subscription_seats_changed",
    "subscription_cancelled",
    "subscription_renewed",
    "subscription_renewal_failed",
    "subscription_suspended",
    "subscription_ended",
    "order_confirmation",
    "sale_notification",
    "withdrawal_paid",
    "withdrawal_failed",
    "commission_earned",
    "commission_available",
    "commission_reversed",
];

static ENV: Lazy<Environment<'static>> = Lazy::new(|| {
    let mut env = Environment::new();
    // No trim_blocks: a tag that ends a line of text must not eat its line break. Lines
    // holding only a tag leave blank lines, which paragraph splitting ignores.
    env.set_lstrip_blocks(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("datetime", datetime);
    env.add_filter("tier_label", tier_label);
    env.add_filter("category_label", category_label);
    env.add_filter("money", money);
    load(&mut env);
    env
});

fn locale_of(state: &State) -> Locale {
    state.lookup("locale").and_then(|v| v.as_str().and_then(Locale::parse)).unwrap_or_default()
}

const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_DE: [&str; 12] =
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

/// `2026-12-16T07:27:45Z` → "December 16, 2026, 07:27 UTC" / "16. Dezember 2026, 07:27 Uhr UTC".
/// A time as a mail parameter: RFC 3339 in UTC, which the `datetime` filter shows in the
/// recipient's language.
pub fn when(at: chrono::NaiveDateTime) -> String {
    crate::clock::utc(at).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn format_datetime(at: DateTime<Utc>, locale: Locale) -> String {
    let month = (at.month0()) as usize;
    match locale {
        Locale::En => format!("{} {}, {}, {:02}:{:02} UTC", MONTHS_EN[month], at.day(), at.year(), at.hour(), at.minute()),
        Locale::De => format!("{}. {} {}, {:02}:{:02} Uhr UTC", at.day(), MONTHS_DE[month], at.year(), at.hour(), at.minute()),
    }
}

fn datetime(state: &State, value: String) -> Result<String, Error> {
    let at = DateTime::parse_from_rfc3339(&value)
        .map_err(|e| Error::new(ErrorKind::InvalidOperation, format!("not an RFC 3339 time: {value} ({e})")))?;
    Ok(format_datetime(at.with_timezone(&Utc), locale_of(state)))
}

fn tier_label(state: &State, value: String) -> Result<String, Error> {
    let label = match (value.as_str(), locale_of(state)) {
        ("standard", _) => "Standard",
        ("top_rated", Locale::En) => "Top Rated",
        ("top_rated", Locale::De) => "Top-bewertet",
        ("pro", _) => "Pro",
        ("seller_plus_premium", _) => "Seller Plus Premium",
        _ => return Err(Error::new(ErrorKind::InvalidOperation, format!("unknown tier {value}"))),
    };
    Ok(label.to_string())
}

fn category_label(state: &State, value: String) -> Result<String, Error> {
    let label = match (value.as_str(), locale_of(state)) {
        ("account", Locale::En) => "Account",
        ("account", Locale::De) => "Konto",
        ("application", Locale::En) => "Application",
        ("application", Locale::De) => "Bewerbung",
        ("onboarding", _) => "Onboarding",
        ("payments", Locale::En) => "Payments",
        ("payments", Locale::De) => "Zahlungen",
        ("technical", Locale::En) => "Technical",
        ("technical", Locale::De) => "Technik",
        ("other", Locale::En) => "Other",
        ("other", Locale::De) => "Sonstiges",
        _ => return Err(Error::new(ErrorKind::InvalidOperation, format!("unknown category {value}"))),
    };
    Ok(label.to_string())
}

/// `75000 | money("USD")` → "$750.00" / "750,00 $": cents in the recipient's language.
fn money(state: &State, cents: i64, currency: String) -> Result<String, Error> {
    Ok(format_money(cents, &currency, locale_of(state)))
}

/// An amount in minor units as people write it: `$1,250.00` in English, `1.250,00 $` in
/// German (the symbol for USD and EUR, the ISO code otherwise).
pub fn format_money(cents: i64, currency: &str, locale: Locale) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let (units, minor) = (abs / 100, abs % 100);
    let digits = units.to_string();
    let sep = if locale == Locale::De { '.' } else { ',' };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let symbol = match currency {
        "USD" => "$",
        "EUR" => "€",
        other => other,
    };
    match locale {
        Locale::En if symbol.len() < 3 => format!("{sign}{symbol}{grouped}.{minor:02}"),
        Locale::En => format!("{sign}{symbol} {grouped}.{minor:02}"),
        Locale::De => format!("{sign}{grouped},{minor:02} {symbol}"),
    }
}

#[derive(Serialize)]
struct Layout<'a> {
    locale: &'a str,
    subject: &'a str,
    paragraphs: Vec<Vec<&'a str>>,
    action_label: &'a str,
    action_url: minijinja::Value,
    link_hint: &'a str,
    footer: &'a str,
}

/// Renders `mail` in `locale`.
pub fn render<M: Mail>(mail: &M, locale: Locale) -> Result<Rendered, Error> {
    let params = serde_json::to_value(mail).map_err(|e| Error::new(ErrorKind::BadSerialization, e.to_string()))?;
    render_key(M::KEY, params, mail.action_url(), locale)
}

/// Renders a template by key from its stored parameters (the preview and re-rendering use it).
pub fn render_key(key: &'static str, params: serde_json::Value, action_url: &str, locale: Locale) -> Result<Rendered, Error> {
    let mut ctx = match &params {
        serde_json::Value::Object(map) => map.clone(),
        _ => return Err(Error::new(ErrorKind::BadSerialization, "email parameters must be an object")),
    };
    ctx.insert("locale".into(), serde_json::Value::String(locale.as_str().into()));
    let ctx = minijinja::Value::from_serialize(&ctx);

    let mut own = ENV.get_template(&format!("{}/{key}.txt.j2", locale.as_str()))?.render_captured(ctx.clone())?;
    let [subject, body, action] = blocks(&mut own, ["subject", "body", "action"])?;
    let (subject, action) = (one_line(&subject), one_line(&action));
    let mut common = ENV.get_template(&format!("{}/_common.txt.j2", locale.as_str()))?.render_captured(ctx)?;
    let [footer, link_hint] = blocks(&mut common, ["footer", "link_hint"])?;
    let (footer, link_hint) = (one_line(&footer), one_line(&link_hint));

    let paragraphs: Vec<Vec<&str>> = body
        .split("\n\n")
        .map(|p| p.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>())
        .filter(|p| !p.is_empty())
        .collect();
    let mut text = paragraphs.iter().map(|p| p.join("\n")).collect::<Vec<_>>().join("\n\n");
    text.push_str(&format!("\n\n{action}: {action_url}\n\n-- \n{footer}\n"));
    let html = ENV.get_template("layout.html.j2")?.render(Layout {
        locale: locale.as_str(),
        subject: &subject,
        paragraphs: paragraphs.clone(),
        action_label: &action,
        // Escaped here: minijinja's HTML escaping also turns `/` into `&#x2f;`, which
        // mail clients show in the visible link.
        action_url: minijinja::Value::from_safe_string(escape(action_url)),
        link_hint: &link_hint,
        footer: &footer,
    })?;
    Ok(Rendered { template: key, locale, subject, text, html, params })
}

fn blocks<const N: usize>(captured: &mut minijinja::Captured<'_>, names: [&str; N]) -> Result<[String; N], Error> {
    captured.with_state_mut(|state| {
        let mut out: [String; N] = std::array::from_fn(|_| String::new());
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = state.render_block(name)?;
        }
        Ok(out)
    })
}

/// HTML-escapes text for an attribute or element (`/` stays as it is).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_per_language() {
        let at = DateTime::parse_from_rfc3339("2026-03-05T07:04:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(format_datetime(at, Locale::En), "March 5, 2026, 07:04 UTC");
        assert_eq!(format_datetime(at, Locale::De), "5. März 2026, 07:04 Uhr UTC");
    }

    #[test]
    fn formats_money_per_language() {
        assert_eq!(format_money(125_000, "USD", Locale::En), "$1,250.00");
        assert_eq!(format_money(125_000, "USD", Locale::De), "1.250,00 $");
        assert_eq!(format_money(5, "EUR", Locale::De), "0,05 €");
        assert_eq!(format_money(123_456_789, "CHF", Locale::En), "CHF 1,234,567.89");
        assert_eq!(format_money(-720, "USD", Locale::En), "-$7.20");
        assert_eq!(format_money(123_456, "USD", Locale::De), "1.234,56 $");
        assert_eq!(format_money(-15_000_000, "USD", Locale::En), "-$150,000.00");
    }
}
