//! The words on invoice lines, in the client's language (the account's language when the
//! line is issued): invoices are documents the client files, so a German client gets
//! German lines. The PDF's labels follow the reader (`pdf.rs`); these lines are stored text.

use crate::domain::commerce::BillingTerm;
use crate::domain::locale::Locale;

fn term(term: BillingTerm, locale: Locale) -> &'static str {
    match (term, locale) {
        (BillingTerm::Monthly, Locale::En) => "monthly",
        (BillingTerm::Yearly, Locale::En) => "yearly",
        (BillingTerm::Monthly, Locale::De) => "monatlich",
        (BillingTerm::Yearly, Locale::De) => "jährlich",
    }
}

fn seats(n: i32, locale: Locale) -> String {
    match (locale, n) {
        (Locale::En, 1) => "1 seat".into(),
        (Locale::En, n) => format!("{n} seats"),
        (Locale::De, 1) => "1 Lizenz".into(),
        (Locale::De, n) => format!("{n} Lizenzen"),
    }
}

/// "Microsoft 365 Business Standard, yearly, 5 seats": a purchase.
pub fn purchase(plan: &str, t: BillingTerm, n: i32, locale: Locale) -> String {
    format!("{plan}, {}, {}", term(t, locale), seats(n, locale))
}

/// "…, renewal, yearly, 5 seats".
pub fn renewal(plan: &str, t: BillingTerm, n: i32, locale: Locale) -> String {
    let word = match locale {
        Locale::En => "renewal",
        Locale::De => "Verlängerung",
    };
    format!("{plan}, {word}, {}, {}", term(t, locale), seats(n, locale))
}

/// "…, 3 seats more (5 to 8), prorated for the rest of the term".
pub fn seat_increase(plan: &str, from: i32, to: i32, locale: Locale) -> String {
    match locale {
        Locale::En => format!("{plan}, {} more ({from} to {to}), prorated for the rest of the term", seats(to - from, locale)),
        Locale::De => format!("{plan}, {} mehr ({from} auf {to}), anteilig für die restliche Laufzeit", seats(to - from, locale)),
    }
}

/// "Refund of unused time: <the credited line>".
pub fn refund(credited_line: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("Refund of unused time: {credited_line}"),
        Locale::De => format!("Erstattung nicht genutzter Zeit: {credited_line}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_in_each_language() {
        let plan = "Microsoft 365 Business Standard";
        assert_eq!(purchase(plan, BillingTerm::Yearly, 5, Locale::En), "Microsoft 365 Business Standard, yearly, 5 seats");
        assert_eq!(purchase(plan, BillingTerm::Monthly, 1, Locale::De), "Microsoft 365 Business Standard, monatlich, 1 Lizenz");
        assert_eq!(
            renewal(plan, BillingTerm::Yearly, 2, Locale::De),
            "Microsoft 365 Business Standard, Verlängerung, jährlich, 2 Lizenzen"
        );
        assert_eq!(
            seat_increase(plan, 5, 8, Locale::En),
            "Microsoft 365 Business Standard, 3 seats more (5 to 8), prorated for the rest of the term"
        );
        assert_eq!(refund("x", Locale::De), "Erstattung nicht genutzter Zeit: x");
    }
}
