//! CSV exports (RFC 4180): a header row, then one line per record, CRLF line ends, and a
//! `text/csv` attachment response. Money is written as decimal units with two places
//! (`1234.50`), times as RFC 3339 UTC, so a spreadsheet reads them without guessing.
//!
//! Text that a person typed (a plan name, a reason) may start with `=`, `+`, `-` or `@`,
//! which spreadsheets run as a formula ("CSV injection"): such a cell gets a leading `'`.
//! Numbers and times are written by [`Csv::money`] and friends and never need it.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::HttpResponse;
use chrono::{DateTime, Utc};

/// A CSV document being written.
pub struct Csv {
    out: String,
    cells: usize,
}

impl Csv {
    /// A document whose first line is `header`.
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv { out: String::new(), cells: 0 };
        for h in header {
            csv.text(h);
        }
        csv.end_row();
        csv
    }

    fn push(&mut self, raw: &str) -> &mut Self {
        if self.cells > 0 {
            self.out.push(',');
        }
        if raw.contains([',', '"', '\n', '\r']) {
            self.out.push('"');
            self.out.push_str(&raw.replace('"', "\"\""));
            self.out.push('"');
        } else {
            self.out.push_str(raw);
        }
        self.cells += 1;
        self
    }

    /// A text cell (quoted when needed, formula-looking text defused).
    pub fn text(&mut self, s: &str) -> &mut Self {
        if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            self.push(&format!("'{s}"))
        } else {
            self.push(s)
        }
    }

    /// An optional text cell: empty when `None`.
    pub fn opt_text(&mut self, s: Option<&str>) -> &mut Self {
        self.text(s.unwrap_or(""))
    }

    pub fn int(&mut self, n: i64) -> &mut Self {
        self.push(&n.to_string())
    }

    pub fn opt_int(&mut self, n: Option<i64>) -> &mut Self {
        self.push(&n.map(|n| n.to_string()).unwrap_or_default())
    }

    pub fn bool(&mut self, b: bool) -> &mut Self {
        self.push(if b { "true" } else { "false" })
    }

    /// Cents as decimal units with two places: `-1050` → `-10.50`.
    pub fn money(&mut self, cents: i64) -> &mut Self {
        self.push(&money(cents))
    }

    pub fn time(&mut self, t: DateTime<Utc>) -> &mut Self {
        self.push(&t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    }

    pub fn opt_time(&mut self, t: Option<DateTime<Utc>>) -> &mut Self {
        match t {
            Some(t) => self.time(t),
            None => self.push(""),
        }
    }

    /// Ends the current line.
    pub fn end_row(&mut self) {
        self.out.push_str("\r\n");
        self.cells = 0;
    }

    pub fn into_string(self) -> String {
        self.out
    }

    /// The document as a download named `filename`.
    pub fn attachment(self, filename: &str) -> HttpResponse {
        HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header(ContentDisposition {
                disposition: DispositionType::Attachment,
                parameters: vec![DispositionParam::Filename(filename.to_string())],
            })
            .body(self.out)
    }
}

/// Cents as decimal units with two places, exactly (no floating point).
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_what_needs_quoting_and_defuses_formulas() {
        let mut csv = Csv::new(&["a", "b"]);
        csv.text("plain").text("with, comma");
        csv.end_row();
        csv.text("say \"hi\"").text("=HYPERLINK(\"x\")");
        csv.end_row();
        assert_eq!(csv.into_string(), "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    }

    #[test]
    fn money_is_exact_with_two_places() {
        assert_eq!(money(0), "0.00");
        assert_eq!(money(5), "0.05");
        assert_eq!(money(123_450), "1234.50");
        assert_eq!(money(-1_050), "-10.50");
        assert_eq!(money(i64::MIN), "-92233720368547758.08");
    }
}
