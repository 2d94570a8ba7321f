//! The invoice or credit note as an A4 PDF: seller, bill-to, number and date, the lines
//! with their periods, subtotal, tax at its rate, total, and for a credit note the number
//! of the invoice it credits. Labels come in English or German from the small table here
//! (a document, not a server message). Text is set in the PDF's built-in Helvetica, whose
//! WinAnsi encoding covers German (ä ö ü ß) and the euro sign; characters outside it print
//! as '?'. Amounts are right-aligned with Helvetica's published glyph widths.

use chrono::{DateTime, Datelike, Utc};
use printpdf::{BuiltinFont, Color, Greyscale, IndirectFontRef, Line, Mm, OffsetDateTime, PdfDocument, PdfLayerReference, Point};

use crate::config::SellerSettings;
use crate::domain::commerce::InvoiceKind;
use crate::domain::locale::Locale;
use crate::error::{AppError, AppResult};
use crate::invoices::view::Invoice;

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

/// `1234567` cents → `$12,345.67` (en) or `12.345,67 $` (de); other currencies by symbol
/// (€, £) or by code.
pub fn money(cents: i64, currency: &str, locale: Locale) -> String {
    let (sign, abs) = if cents < 0 { ("-", cents.unsigned_abs()) } else { ("", cents as u64) };
    let (units, minor) = (abs / 100, abs % 100);
    let (group, decimal) = match locale {
        Locale::En => (',', '.'),
        Locale::De => ('.', ','),
    };
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(c);
    }
    let number = format!("{grouped}{decimal}{minor:02}");
    let symbol = match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        other => other,
    };
    match (locale, symbol == currency) {
        // A currency code reads better apart from the number in either language.
        (_, true) => format!("{sign}{number} {symbol}"),
        (Locale::En, false) => format!("{sign}{symbol}{number}"),
        (Locale::De, false) => format!("{sign}{number} {symbol}"),
    }
}

/// `1900` → `19 %` (de) or `19%` (en); `750` → `7,5 %` / `7.5%`.
pub fn percent(bps: i32, locale: Locale) -> String {
    let whole = bps / 100;
    let frac = bps % 100;
    let mut n = if frac == 0 { whole.to_string() } else { format!("{whole}.{frac:02}").trim_end_matches('0').to_string() };
    match locale {
        Locale::En => format!("{n}%"),
        Locale::De => {
            n = n.replace('.', ",");
            format!("{n} %")
        }
    }
}

const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `Dec 6, 2026` (en) or `06.12.2026` (de).
pub fn date(t: DateTime<Utc>, locale: Locale) -> String {
    match locale {
        Locale::En => format!("{} {}, {}", MONTHS_EN[t.month0() as usize], t.day(), t.year()),
        Locale::De => format!("{:02}.{:02}.{}", t.day(), t.month(), t.year()),
    }
}

/// Helvetica's advance widths (per 1000 em) of ASCII 32..=126, regular and bold, from
/// the Adobe font metrics of the standard 14 fonts.
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278,
    278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
    556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333,
    333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722,
    667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611,
    611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/// Whether WinAnsiEncoding (what the built-in fonts use) has `c`.
fn win_ansi(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// `s` with every character the built-in fonts cannot show replaced by '?'.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' {
                ' '
            } else if win_ansi(c) {
                c
            } else {
                '?'
            }
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Weight {
    Regular,
    Bold,
}

/// The width of `s` in millimetres at `size` points.
fn width_mm(s: &str, size: f32, weight: Weight) -> f32 {
    let table = match weight {
        Weight::Regular => &HELVETICA,
        Weight::Bold => &HELVETICA_BOLD,
    };
    let units: u32 = s
        .chars()
        .map(|c| {
            // Accented letters are as wide as their base letter (ä as a, Ö as O).
            let base = unicode_normalization::UnicodeNormalization::nfd(std::iter::once(c)).next().unwrap_or(c);
            match base {
                ' '..='~' => table[base as usize - 32] as u32,
                'ß' => 611,
                _ => 556,
            }
        })
        .sum();
    units as f32 / 1000.0 * size * 25.4 / 72.0
}

/// Splits `text` into lines no wider than `max_mm`, at spaces where possible.
fn wrap(text: &str, size: f32, weight: Weight, max_mm: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width_mm(&candidate, size, weight) <= max_mm || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
        }
        lines.push(line);
    }
    lines
}

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
const LEFT: f32 = 20.0;
const RIGHT: f32 = 190.0;
const BOTTOM: f32 = 30.0;

/// A cursor over the document's pages.
struct Writer {
    doc: printpdf::PdfDocumentReference,
    layer: PdfLayerReference,
    regular: IndirectFontRef,
    bold: IndirectFontRef,
    /// The first layer of every page so far (the footer goes on each at the end).
    pages: Vec<PdfLayerReference>,
}

impl Writer {
    fn font(&self, weight: Weight) -> &IndirectFontRef {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    fn text(&self, s: &str, size: f32, x: f32, y: f32, weight: Weight) {
        self.layer.use_text(printable(s), size, Mm(x), Mm(y), self.font(weight));
    }

    /// Text whose right edge is at `right`.
    fn text_right(&self, s: &str, size: f32, right: f32, y: f32, weight: Weight) {
        let s = printable(s);
        let x = right - width_mm(&s, size, weight);
        self.layer.use_text(s, size, Mm(x), Mm(y), self.font(weight));
    }

    fn grey(&self, level: f32) {
        self.layer.set_fill_color(Color::Greyscale(Greyscale::new(level, None)));
    }

    fn rule(&self, y: f32, thickness: f32) {
        self.layer.set_outline_thickness(thickness);
        self.layer
            .add_line(Line { points: vec![(Point::new(Mm(LEFT), Mm(y)), false), (Point::new(Mm(RIGHT), Mm(y)), false)], is_closed: false });
    }

    fn new_page(&mut self) {
        let (page, layer) = self.doc.add_page(Mm(PAGE_W), Mm(PAGE_H), "Layer 1");
        self.layer = self.doc.get_page(page).get_layer(layer);
        self.pages.push(self.layer.clone());
    }
}

fn pdf_error(e: printpdf::Error) -> AppError {
    AppError::internal(format!("rendering the invoice PDF: {e}"))
}

fn pdf_time(t: DateTime<Utc>) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(t.timestamp()).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// The PDF of `inv`, worded in `locale`.
pub fn render(inv: &Invoice, seller: &SellerSettings, locale: Locale) -> AppResult<Vec<u8>> {
    let l = labels(locale);
    let title = match inv.kind {
        InvoiceKind::Invoice => l.invoice,
        InvoiceKind::CreditNote => l.credit_note,
    };
    let issued = pdf_time(inv.issued_at);
    let (doc, page, layer) = PdfDocument::new(format!("{title} {}", inv.number), Mm(PAGE_W), Mm(PAGE_H), "Layer 1");
    let doc = doc
        .with_author(printable(&seller.name))
        .with_creator("Partner Hub")
        .with_document_id(inv.id.clone())
        .with_creation_date(issued)
        .with_mod_date(issued)
        .with_metadata_date(issued);
    let layer = doc.get_page(page).get_layer(layer);
    let regular = doc.add_builtin_font(BuiltinFont::Helvetica).map_err(pdf_error)?;
    let bold = doc.add_builtin_font(BuiltinFont::HelveticaBold).map_err(pdf_error)?;
    let mut w = Writer { doc, layer: layer.clone(), regular, bold, pages: vec![layer] };
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
    let pages = w.pages.len();
    let footer = match &seller.tax_id {
        Some(id) => format!("{} · {}: {id}", seller.name, l.tax_id),
        None => seller.name.clone(),
    };
    for (n, layer) in w.pages.clone().into_iter().enumerate() {
        w.layer = layer;
        w.grey(0.45);
        w.rule(BOTTOM - 8.0, 0.2);
        w.text(&format!("{footer} · {} {}", title, inv.number), 8.0, LEFT, BOTTOM - 13.0, Weight::Regular);
        w.text_right(&format!("{} {} / {pages}", l.page, n + 1), 8.0, RIGHT, BOTTOM - 13.0, Weight::Regular);
    }
    w.doc.save_to_bytes().map_err(pdf_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_the_way_each_language_writes_it() {
        assert_eq!(money(123_456_789, "USD", Locale::En), "$1,234,567.89");
        assert_eq!(money(123_456_789, "USD", Locale::De), "1.234.567,89 $");
        assert_eq!(money(5, "EUR", Locale::De), "0,05 €");
        assert_eq!(money(-150_000, "EUR", Locale::En), "-€1,500.00");
        assert_eq!(money(100, "CHF", Locale::En), "1.00 CHF");
    }

    #[test]
    fn rates_and_dates_are_local() {
        assert_eq!(percent(1900, Locale::De), "19 %");
        assert_eq!(percent(750, Locale::En), "7.5%");
        assert_eq!(percent(725, Locale::De), "7,25 %");
        assert_eq!(percent(0, Locale::En), "0%");
        let t = "2026-12-06T10:00:00Z".parse().unwrap();
        assert_eq!(date(t, Locale::En), "Dec 6, 2026");
        assert_eq!(date(t, Locale::De), "06.12.2026");
    }

    #[test]
    fn text_outside_win_ansi_is_replaced_and_widths_are_helvetica() {
        assert_eq!(printable("Grüße € 日本"), "Grüße € ??");
        // Digits are all 556 units: 10 pt → 5.56 pt = 1.96 mm each.
        assert!((width_mm("00", 10.0, Weight::Regular) - 2.0 * 5.56 * 25.4 / 72.0).abs() < 1e-4);
        assert!(width_mm("Ä", 10.0, Weight::Regular) == width_mm("A", 10.0, Weight::Regular));
        assert_eq!(wrap("one two three", 10.0, Weight::Regular, 15.0), ["one two", "three"]);
    }

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
