//! The invoice or credit note as an A4 PDF: seller, bill-to, number and date, the lines
//! with their periods, subtotal, tax at its rate, total, and for a credit note the number
//! of the invoice it credits. Labels come in English or German from the small table here
//! (a document, not a server message). The drawing (fonts, widths, footer) is
//! `crate::pdf`'s.

use crate::config::SellerSettings;
use crate::domain::commerce::InvoiceKind;
use crate::domain::locale::Locale;
use crate::error::AppResult;
use crate::invoices::view::Invoice;
pub use crate::pdf::{date, money, percent};
use crate::pdf::{wrap, DocumentInfo, Weight, Writer, BOTTOM, LEFT, RIGHT};

/// The document's words in one language.
struct Labels {
    invoice: &'static str,
    credit_note: &'static str,
    number: &'static str,
    date: &'static str,
    credits: &'static str,
    bill_to: &'static str,
    description: &'static str,
    quantity: &'static str,
    unit_price: &'static str,
    amount: &'static str,
    period: &'static str,
    subtotal: &'static str,
    tax: &'static str,
    total: &'static str,
    refund_total: &'static str,
    tax_id: &'static str,
    paid: &'static str,
    refunds: &'static str,
    prices_net: &'static str,
    page: &'static str,
}

const EN: Labels = Labels {
    invoice: "Invoice",
    credit_note: "Credit note",
    number: "Number",
    date: "Date",
    credits: "Credits invoice",
    bill_to: "Bill to",
    description: "Description",
    quantity: "Qty",
    unit_price: "Unit price",
    amount: "Amount",
    period: "Period",
    subtotal: "Subtotal",
    tax: "Tax",
    total: "Total",
    refund_total: "Total refunded",
    tax_id: "Tax ID",
    paid: "Paid. Thank you for your business.",
    refunds: "This credit note refunds part or all of invoice",
    prices_net: "Prices are net; tax is added at the rate shown.",
    page: "Page",
};

const DE: Labels = Labels {
    invoice: "Rechnung",
    credit_note: "Gutschrift",
    number: "Nummer",
    date: "Datum",
    credits: "Zu Rechnung",
    bill_to: "Rechnungsempfänger",
    description: "Beschreibung",
    quantity: "Menge",
    unit_price: "Einzelpreis",
    amount: "Betrag",
    period: "Leistungszeitraum",
    subtotal: "Zwischensumme",
    tax: "Umsatzsteuer",
    total: "Gesamtbetrag",
    refund_total: "Erstatteter Betrag",
    tax_id: "USt-IdNr.",
    paid: "Bezahlt. Vielen Dank für Ihren Auftrag.",
    refunds: "Diese Gutschrift erstattet ganz oder teilweise die Rechnung",
    prices_net: "Alle Preise netto; die Umsatzsteuer wird zum angegebenen Satz berechnet.",
    page: "Seite",
};

fn labels(locale: Locale) -> &'static Labels {
    match locale {
        Locale::En => &EN,
        Locale::De => &DE,
    }
}

/// `invoice-2026-000001.pdf` or `credit-note-2026-000002.pdf`.
pub fn filename(inv: &Invoice) -> String {
    let kind = match inv.kind {
        InvoiceKind::Invoice => "invoice",
        InvoiceKind::CreditNote => "credit-note",
    };
    format!("{kind}-{}.pdf", inv.number)
}

/// The PDF of `inv`, worded in `locale`.
pub fn render(inv: &Invoice, seller: &SellerSettings, locale: Locale) -> AppResult<Vec<u8>> {
    let l = labels(locale);
    let title = match inv.kind {
        InvoiceKind::Invoice => l.invoice,
        InvoiceKind::CreditNote => l.credit_note,
    };
    let mut w = Writer::start(DocumentInfo {
        title: format!("{title} {}", inv.number),
        author: &seller.name,
        id: inv.id.clone(),
        at: inv.issued_at,
    })?;
    let amount = |cents: i64| money(cents, &inv.currency, locale);

    // Seller, top left; title, number and date, top right.
    let mut y = 272.0;
    w.text(&seller.name, 14.0, LEFT, y, Weight::Bold);
    w.grey(0.35);
    for line in &seller.address {
        y -= 5.0;
        w.text(line, 9.0, LEFT, y, Weight::Regular);
    }
    if let Some(tax_id) = &seller.tax_id {
        y -= 5.0;
        w.text(&format!("{}: {tax_id}", l.tax_id), 9.0, LEFT, y, Weight::Regular);
    }
    w.grey(0.0);
    w.text_right(title, 22.0, RIGHT, 270.0, Weight::Bold);
    let mut facts = vec![(l.number, inv.number.clone()), (l.date, date(inv.issued_at, locale))];
    if let Some(credited) = &inv.credits_invoice_number {
        facts.push((l.credits, credited.clone()));
    }
    let mut fy = 261.0;
    for (label, value) in &facts {
        w.text_right(&format!("{label}: {value}"), 10.0, RIGHT, fy, Weight::Regular);
        fy -= 5.5;
    }

    // Bill to.
    y = y.min(fy) - 12.0;
    w.grey(0.35);
    w.text(l.bill_to, 9.0, LEFT, y, Weight::Bold);
    w.grey(0.0);
    y -= 5.5;
    w.text(&inv.bill_to.name, 11.0, LEFT, y, Weight::Bold);
    let mut bill_lines: Vec<String> = inv.bill_to.address.as_deref().map(|a| a.lines().map(str::to_string).collect()).unwrap_or_default();
    if let Some(country) = &inv.bill_to.country {
        bill_lines.push(country.clone());
    }
    bill_lines.push(inv.bill_to.email.clone());
    for line in bill_lines {
        y -= 5.0;
        w.text(&line, 10.0, LEFT, y, Weight::Regular);
    }

    // The lines.
    const QTY_RIGHT: f32 = 128.0;
    const UNIT_RIGHT: f32 = 158.0;
    const DESC_WIDTH: f32 = 88.0;
    let header = |w: &Writer, y: f32| {
        w.text(l.description, 9.0, LEFT, y, Weight::Bold);
        w.text_right(l.quantity, 9.0, QTY_RIGHT, y, Weight::Bold);
        w.text_right(l.unit_price, 9.0, UNIT_RIGHT, y, Weight::Bold);
        w.text_right(l.amount, 9.0, RIGHT, y, Weight::Bold);
        w.rule(y - 2.5, 0.6);
    };
    y -= 16.0;
    header(&w, y);
    y -= 8.0;
    for line in &inv.lines {
        let desc = wrap(&line.description, 10.0, Weight::Regular, DESC_WIDTH);
        let period = match (line.period_start, line.period_end) {
            (Some(start), Some(end)) => Some(format!("{}: {} – {}", l.period, date(start, locale), date(end, locale))),
            _ => None,
        };
        let height = desc.len() as f32 * 4.8 + if period.is_some() { 4.5 } else { 0.0 } + 3.0;
        if y - height < BOTTOM + 30.0 {
            w.new_page();
            y = 270.0;
            header(&w, y);
            y -= 8.0;
        }
        w.text_right(&line.quantity.to_string(), 10.0, QTY_RIGHT, y, Weight::Regular);
        w.text_right(&amount(line.unit_amount_cents), 10.0, UNIT_RIGHT, y, Weight::Regular);
        w.text_right(&amount(line.amount_cents), 10.0, RIGHT, y, Weight::Regular);
        for (i, text) in desc.iter().enumerate() {
            w.text(text, 10.0, LEFT, y - i as f32 * 4.8, Weight::Regular);
        }
        y -= desc.len() as f32 * 4.8;
        if let Some(period) = period {
            w.grey(0.35);
            w.text(&period, 8.5, LEFT, y + 0.3, Weight::Regular);
            w.grey(0.0);
            y -= 4.5;
        }
        y -= 3.0;
    }

    // Totals.
    w.rule(y + 1.5, 0.3);
    y -= 4.0;
    let tax_label = format!("{} ({})", l.tax, percent(inv.tax_rate_bps, locale));
    let total_label = match inv.kind {
        InvoiceKind::Invoice => l.total,
        InvoiceKind::CreditNote => l.refund_total,
    };
    for (label, cents, weight) in [
        (l.subtotal.to_string(), inv.subtotal_cents, Weight::Regular),
        (tax_label, inv.tax_cents, Weight::Regular),
        (total_label.to_string(), inv.total_cents, Weight::Bold),
    ] {
        let size = if weight == Weight::Bold { 11.0 } else { 10.0 };
        w.text_right(&label, size, UNIT_RIGHT, y, weight);
        w.text_right(&amount(cents), size, RIGHT, y, weight);
        y -= 6.0;
    }

    // Notes.
    y -= 6.0;
    let note = match (&inv.kind, &inv.credits_invoice_number) {
        (InvoiceKind::CreditNote, Some(number)) => format!("{} {number}.", l.refunds),
        _ => l.paid.to_string(),
    };
    for text in [note, l.prices_net.to_string()] {
        for part in wrap(&text, 9.0, Weight::Regular, RIGHT - LEFT) {
            w.text(&part, 9.0, LEFT, y, Weight::Regular);
            y -= 4.5;
        }
    }

    // Footer on every page.
    let footer = match &seller.tax_id {
        Some(id) => format!("{} · {}: {id}", seller.name, l.tax_id),
        None => seller.name.clone(),
    };
    w.finish(&format!("{footer} · {} {}", title, inv.number), l.page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    /// The strings a page shows, one per line, decoded as WinAnsi (lopdf's own
    /// `extract_text` misses the encoding of built-in fonts and drops ä, ö, ü, ß and €).
    pub fn text_of_page(pdf: &[u8], page: u32) -> String {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let content = lopdf::content::Content::decode(&doc.get_page_content(doc.get_pages()[&page]).unwrap()).unwrap();
        let mut out = String::new();
        for op in content.operations.iter().filter(|op| op.operator == "Tj") {
            if let Some(lopdf::Object::String(bytes, _)) = op.operands.first() {
                out.push_str(&lopdf::Document::decode_text(Some("WinAnsiEncoding"), bytes));
                out.push('\n');
            }
        }
        out
    }

    fn sample(kind: InvoiceKind) -> Invoice {
        use crate::domain::commerce::InvoiceStatus;
        use crate::invoices::view::{BillToView, InvoiceLine};
        let t = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        Invoice {
            id: "inv_sample".into(),
            number: "2026-000042".into(),
            kind,
            status: InvoiceStatus::Paid,
            issued_at: t("2026-12-06T10:00:00Z"),
            currency: "EUR".into(),
            bill_to: BillToView {
                name: "Jörg Müller GmbH".into(),
                email: "joerg@example.com".into(),
                address: Some("Hauptstraße 5\n10115 Berlin".into()),
                country: Some("DE".into()),
            },
            lines: vec![InvoiceLine {
                description: "Microsoft 365 Business Standard, jährlich, 5 Lizenzen – Größenänderung".into(),
                quantity: 5,
                unit_amount_cents: 15_000,
                amount_cents: 75_000,
                period_start: Some(t("2026-12-06T10:00:00Z")),
                period_end: Some(t("2027-12-06T10:00:00Z")),
            }],
            subtotal_cents: 75_000,
            tax_rate_bps: 1900,
            tax_cents: 14_250,
            total_cents: 89_250,
            subscription_id: None,
            credits_invoice_id: None,
            credits_invoice_number: None,
        }
    }

    /// `INVOICE_PDF_OUT=/tmp/x.pdf cargo test -p partner-hub --lib pdf` writes the sample
    /// to look at.
    #[test]
    fn german_text_and_the_euro_sign_survive_the_builtin_font() {
        let seller = SellerSettings { tax_id: Some("DE123456789".into()), ..SellerSettings::default() };
        let bytes = render(&sample(InvoiceKind::Invoice), &seller, Locale::De).unwrap();
        if let Ok(path) = std::env::var("INVOICE_PDF_OUT") {
            std::fs::write(path, &bytes).unwrap();
        }
        let text = text_of_page(&bytes, 1);
        for expected in [
            "Rechnung",
            "Rechnungsempfänger",
            "Jörg Müller GmbH",
            "Hauptstraße 5",
            "jährlich",
            "Größenänderung",
            "892,50 €",
            "USt-IdNr.: DE123456789",
        ] {
            assert!(text.contains(expected), "{expected:?} in:\n{text}");
        }
    }

    #[test]
    fn many_lines_run_onto_further_pages_with_the_footer_on_each() {
        let mut inv = sample(InvoiceKind::Invoice);
        inv.lines = (0..40).map(|_| inv.lines[0].clone()).collect();
        let bytes = render(&inv, &SellerSettings::default(), Locale::En).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let pages = doc.get_pages().len() as u32;
        assert!(pages >= 2, "{pages} pages");
        for n in 1..=pages {
            assert!(text_of_page(&bytes, n).contains(&format!("Page {n} / {pages}")));
        }
    }
}
