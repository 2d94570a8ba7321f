//! Drawing A4 documents (invoices, credit notes, earnings statements) with printpdf:
//! text in the PDF's built-in Helvetica, whose WinAnsi encoding covers German (ä ö ü ß)
//! and the euro sign (characters outside it print as '?'); amounts right-aligned with
//! Helvetica's published glyph widths; money, percentages and dates the way each
//! language writes them; a footer with page numbers on every page.

use chrono::{DateTime, Datelike, Utc};
use printpdf::{BuiltinFont, Color, Greyscale, IndirectFontRef, Line, Mm, OffsetDateTime, PdfDocument, PdfLayerReference, Point};

use crate::domain::locale::Locale;
use crate::error::{AppError, AppResult};

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

pub const MONTHS_EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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
pub fn win_ansi(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ff}') || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// `s` with every character the built-in fonts cannot show replaced by '?'.
pub fn printable(s: &str) -> String {
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
pub enum Weight {
    Regular,
    Bold,
}

/// The width of `s` in millimetres at `size` points.
pub fn width_mm(s: &str, size: f32, weight: Weight) -> f32 {
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
pub fn wrap(text: &str, size: f32, weight: Weight, max_mm: f32) -> Vec<String> {
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

pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
pub const LEFT: f32 = 20.0;
pub const RIGHT: f32 = 190.0;
pub const BOTTOM: f32 = 30.0;

/// A cursor over the document's pages.
pub struct Writer {
    pub doc: printpdf::PdfDocumentReference,
    pub layer: PdfLayerReference,
    regular: IndirectFontRef,
    bold: IndirectFontRef,
    /// The first layer of every page so far (the footer goes on each at the end).
    pub pages: Vec<PdfLayerReference>,
}

impl Writer {
    pub fn font(&self, weight: Weight) -> &IndirectFontRef {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub fn text(&self, s: &str, size: f32, x: f32, y: f32, weight: Weight) {
        self.layer.use_text(printable(s), size, Mm(x), Mm(y), self.font(weight));
    }

    /// Text whose right edge is at `right`.
    pub fn text_right(&self, s: &str, size: f32, right: f32, y: f32, weight: Weight) {
        let s = printable(s);
        let x = right - width_mm(&s, size, weight);
        self.layer.use_text(s, size, Mm(x), Mm(y), self.font(weight));
    }

    pub fn grey(&self, level: f32) {
        self.layer.set_fill_color(Color::Greyscale(Greyscale::new(level, None)));
    }

    pub fn rule(&self, y: f32, thickness: f32) {
        self.layer.set_outline_thickness(thickness);
        self.layer
            .add_line(Line { points: vec![(Point::new(Mm(LEFT), Mm(y)), false), (Point::new(Mm(RIGHT), Mm(y)), false)], is_closed: false });
    }

    pub fn new_page(&mut self) {
        let (page, layer) = self.doc.add_page(Mm(PAGE_W), Mm(PAGE_H), "Layer 1");
        self.layer = self.doc.get_page(page).get_layer(layer);
        self.pages.push(self.layer.clone());
    }
}

pub fn pdf_error(e: printpdf::Error) -> AppError {
    AppError::internal(format!("rendering a PDF: {e}"))
}

pub fn pdf_time(t: DateTime<Utc>) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(t.timestamp()).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// What a new document says about itself.
pub struct DocumentInfo<'a> {
    pub title: String,
    pub author: &'a str,
    pub id: String,
    pub at: DateTime<Utc>,
}

impl Writer {
    /// An A4 document with one page and Helvetica (regular and bold) loaded.
    pub fn start(info: DocumentInfo<'_>) -> AppResult<Writer> {
        let at = pdf_time(info.at);
        let (doc, page, layer) = PdfDocument::new(printable(&info.title), Mm(PAGE_W), Mm(PAGE_H), "Layer 1");
        let doc = doc
            .with_author(printable(info.author))
            .with_creator("Partner Hub")
            .with_document_id(info.id)
            .with_creation_date(at)
            .with_mod_date(at)
            .with_metadata_date(at);
        let layer = doc.get_page(page).get_layer(layer);
        let regular = doc.add_builtin_font(BuiltinFont::Helvetica).map_err(pdf_error)?;
        let bold = doc.add_builtin_font(BuiltinFont::HelveticaBold).map_err(pdf_error)?;
        Ok(Writer { doc, layer: layer.clone(), regular, bold, pages: vec![layer] })
    }

    /// Writes `left` and "`page_label` n / total" at the foot of every page, then the bytes.
    pub fn finish(mut self, left: &str, page_label: &str) -> AppResult<Vec<u8>> {
        let pages = self.pages.len();
        for (n, layer) in self.pages.clone().into_iter().enumerate() {
            self.layer = layer;
            self.grey(0.45);
            self.rule(BOTTOM - 8.0, 0.2);
            self.text(left, 8.0, LEFT, BOTTOM - 13.0, Weight::Regular);
            self.text_right(&format!("{page_label} {} / {pages}", n + 1), 8.0, RIGHT, BOTTOM - 13.0, Weight::Regular);
        }
        self.doc.save_to_bytes().map_err(pdf_error)
    }
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
}
