//! The yearly earnings statement of a freelancer, for their tax filing: per month the
//! commissions earned, the reversals (a commission reversed counts in the month it was
//! reversed), support's adjustments, the net, and the payouts made; totals for the year;
//! the freelancer's name and, with a W-9 on file, its legal name and masked TIN. As CSV
//! (`GET /me/earnings/statements/{year}.csv`) or A4 PDF (`….pdf`), in the caller's
//! language. It reads one year of ledger rows: its cost is bounded by that year.

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{earning_entries, freelancers, tax_forms, users, withdrawals};
use crate::db::DbConnection;
use crate::docs::*;
use crate::domain::earnings::{EarningKind, EarningStatus, WithdrawalStatus};
use crate::domain::locale::Locale;
use crate::error::{AppError, AppResult};
use crate::freelancers::eligibility::EligibleFreelancer;
use crate::onboarding::model::BinaryFile;
use crate::onboarding::tin::{mask, TinType};
use crate::pdf::{money, wrap, DocumentInfo, Weight, Writer, BOTTOM, LEFT, RIGHT};
use crate::state::AppState;
use crate::web::csv::Csv;
use crate::web::locale::LangQuery;

/// The first year a statement exists for.
pub const FIRST_YEAR: i32 = 2000;

/// One month's (or the year's) sums, in cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sums {
    pub commissions: i64,
    /// Negative: commissions taken back.
    pub reversals: i64,
    pub adjustments: i64,
    /// Paid out (positive).
    pub withdrawals_paid: i64,
}

impl Sums {
    /// Commissions net of reversals, plus adjustments.
    pub fn net(&self) -> i64 {
        self.commissions + self.reversals + self.adjustments
    }

    fn add(&mut self, o: &Sums) {
        self.commissions += o.commissions;
        self.reversals += o.reversals;
        self.adjustments += o.adjustments;
        self.withdrawals_paid += o.withdrawals_paid;
    }
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub year: i32,
    pub name: String,
    /// From the W-9, when one is on file.
    pub legal_name: Option<String>,
    pub tin_masked: Option<String>,
    pub currency: String,
    /// January first; every month present.
    pub months: [Sums; 12],
    pub total: Sums,
    pub generated_at: DateTime<Utc>,
}

/// The ledger row parts a statement needs.
type EntryFacts = (EarningKind, EarningStatus, i64, NaiveDateTime, Option<NaiveDateTime>);

/// Adds one entry to the months of `year`. Commissions and reversals count when posted
/// and, when later moved to `reversed`, count back in the month of that move (an entry
/// written as `reversed` from the start, without `reversed_at`, never counted), which
/// keeps the year's net equal to the ledger's "earned since joining" movements.
fn add_entry(months: &mut [Sums; 12], year: i32, (kind, status, amount, created_at, reversed_at): EntryFacts) {
    let mut put = |at: NaiveDateTime, cents: i64, as_commission: bool| {
        if at.year() != year {
            return;
        }
        let m = &mut months[at.month0() as usize];
        match kind {
            EarningKind::Commission if as_commission => m.commissions += cents,
            EarningKind::Commission | EarningKind::Reversal => m.reversals += cents,
            EarningKind::Adjustment => m.adjustments += cents,
            EarningKind::Withdrawal => {}
        }
    };
    let flipped = status == EarningStatus::Reversed;
    if !(flipped && reversed_at.is_none()) {
        put(created_at, amount, true);
    }
    if let (true, Some(at)) = (flipped, reversed_at) {
        put(at, -amount, false);
    }
}

fn year_bounds(year: i32) -> (NaiveDateTime, NaiveDateTime) {
    let start = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).expect("a valid year").and_hms_opt(0, 0, 0).expect("midnight");
    (start(year), start(year + 1))
}

pub fn build_in(conn: &mut DbConnection, freelancer_id: &str, year: i32, now: NaiveDateTime) -> AppResult<Statement> {
    let (from, to) = year_bounds(year);
    let name: String =
        freelancers::table.inner_join(users::table).filter(freelancers::id.eq(freelancer_id)).select(users::full_name).first(conn)?;
    let w9: Option<(String, TinType, String)> = tax_forms::table
        .find(freelancer_id)
        .select((tax_forms::legal_name, tax_forms::tin_type, tax_forms::tin_last4))
        .first(conn)
        .optional()?;
    let entries: Vec<EntryFacts> = earning_entries::table
        .filter(earning_entries::freelancer_id.eq(freelancer_id))
        .filter(earning_entries::kind.eq_any([EarningKind::Commission, EarningKind::Reversal, EarningKind::Adjustment]))
        .filter(
            (earning_entries::created_at.ge(from).and(earning_entries::created_at.lt(to)))
                .or(earning_entries::reversed_at.ge(from).and(earning_entries::reversed_at.lt(to))),
        )
        .select((
            earning_entries::kind,
            earning_entries::status,
            earning_entries::amount_cents,
            earning_entries::created_at,
            earning_entries::reversed_at,
        ))
        .load(conn)?;
    let paid: Vec<(i64, Option<NaiveDateTime>)> = withdrawals::table
        .filter(withdrawals::freelancer_id.eq(freelancer_id))
        .filter(withdrawals::status.eq(WithdrawalStatus::Paid))
        .filter(withdrawals::decided_at.ge(from).and(withdrawals::decided_at.lt(to)))
        .select((withdrawals::amount_cents, withdrawals::decided_at))
        .load(conn)?;
    let mut months = [Sums::default(); 12];
    for e in entries {
        add_entry(&mut months, year, e);
    }
    for (amount, at) in paid {
        if let Some(at) = at {
            months[at.month0() as usize].withdrawals_paid += amount;
        }
    }
    let mut total = Sums::default();
    months.iter().for_each(|m| total.add(m));
    Ok(Statement {
        year,
        name,
        legal_name: w9.as_ref().map(|(n, _, _)| n.clone()),
        tin_masked: w9.map(|(_, kind, last4)| mask(kind, &last4)),
        currency: "USD".into(),
        months,
        total,
        generated_at: crate::clock::utc(now),
    })
}

/// The document's words in one language.
struct Labels {
    title: &'static str,
    name: &'static str,
    legal_name: &'static str,
    tin: &'static str,
    currency: &'static str,
    month: &'static str,
    commissions: &'static str,
    reversals: &'static str,
    adjustments: &'static str,
    net: &'static str,
    withdrawals_paid: &'static str,
    total: &'static str,
    generated: &'static str,
    note: &'static str,
    page: &'static str,
    months: [&'static str; 12],
}

const EN: Labels = Labels {
    title: "Earnings statement",
    name: "Name",
    legal_name: "Legal name (W-9)",
    tin: "TIN",
    currency: "Currency",
    month: "Month",
    commissions: "Commissions",
    reversals: "Reversals",
    adjustments: "Adjustments",
    net: "Net earnings",
    withdrawals_paid: "Paid out",
    total: "Total",
    generated: "Created",
    note: "Commissions count in the month they were earned, reversals in the month a commission was taken back, payouts in the month they were paid. Net earnings are commissions less reversals plus adjustments.",
    page: "Page",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

const DE: Labels = Labels {
    title: "Einnahmenaufstellung",
    name: "Name",
    legal_name: "Rechtlicher Name (W-9)",
    tin: "Steuernummer (TIN)",
    currency: "Währung",
    month: "Monat",
    commissions: "Provisionen",
    reversals: "Stornierungen",
    adjustments: "Korrekturen",
    net: "Nettoeinnahmen",
    withdrawals_paid: "Ausgezahlt",
    total: "Summe",
    generated: "Erstellt",
    note: "Provisionen zählen im Monat, in dem sie verdient wurden, Stornierungen im Monat, in dem eine Provision zurückgenommen wurde, Auszahlungen im Monat der Zahlung. Nettoeinnahmen sind Provisionen abzüglich Stornierungen zuzüglich Korrekturen.",
    page: "Seite",
    months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
};

fn labels(locale: Locale) -> &'static Labels {
    match locale {
        Locale::En => &EN,
        Locale::De => &DE,
    }
}

fn month_key(year: i32, month0: usize) -> String {
    format!("{year}-{:02}", month0 + 1)
}

/// A row of `label` and a month's (or the year's) five sums.
fn sums_row(csv: &mut Csv, label: &str, s: &Sums) {
    csv.text(label).money(s.commissions).money(s.reversals).money(s.adjustments).money(s.net()).money(s.withdrawals_paid);
    csv.end_row();
}

/// The statement as CSV: a few `label,value` lines about whose it is, a blank line, then
/// one row per month (`2026-01`…) and a total row, amounts as plain decimals (quoting and
/// formula defusing: `web::csv`).
pub fn csv(st: &Statement, locale: Locale) -> String {
    let l = labels(locale);
    let mut csv = Csv::new(&[l.title, &st.year.to_string()]);
    let fact = |csv: &mut Csv, label: &str, value: &str| {
        csv.text(label).text(value);
        csv.end_row();
    };
    fact(&mut csv, l.name, &st.name);
    if let (Some(legal), Some(tin)) = (&st.legal_name, &st.tin_masked) {
        fact(&mut csv, l.legal_name, legal);
        fact(&mut csv, l.tin, tin);
    }
    fact(&mut csv, l.currency, &st.currency);
    csv.end_row();
    for h in [l.month, l.commissions, l.reversals, l.adjustments, l.net, l.withdrawals_paid] {
        csv.text(h);
    }
    csv.end_row();
    for (i, m) in st.months.iter().enumerate() {
        sums_row(&mut csv, &month_key(st.year, i), m);
    }
    sums_row(&mut csv, l.total, &st.total);
    csv.into_string()
}

/// The statement as an A4 PDF.
pub fn pdf(st: &Statement, locale: Locale, freelancer_id: &str) -> AppResult<Vec<u8>> {
    let l = labels(locale);
    let title = format!("{} {}", l.title, st.year);
    let w = Writer::start(DocumentInfo {
        title: title.clone(),
        author: "Partner Hub",
        id: format!("statement-{freelancer_id}-{}", st.year),
        at: st.generated_at,
    })?;
    let amount = |cents: i64| money(cents, &st.currency, locale);
    w.text(&title, 18.0, LEFT, 270.0, Weight::Bold);
    let mut facts = vec![(l.name, st.name.clone())];
    if let (Some(legal), Some(tin)) = (&st.legal_name, &st.tin_masked) {
        facts.push((l.legal_name, legal.clone()));
        facts.push((l.tin, tin.clone()));
    }
    facts.push((l.currency, st.currency.clone()));
    facts.push((l.generated, crate::pdf::date(st.generated_at, locale)));
    let mut y = 258.0;
    for (label, value) in &facts {
        w.grey(0.35);
        w.text(label, 9.0, LEFT, y, Weight::Regular);
        w.grey(0.0);
        w.text(value, 10.0, LEFT + 42.0, y, Weight::Regular);
        y -= 5.5;
    }
    // The table: month, then five amounts right-aligned in equal columns.
    const COLS: [f32; 5] = [78.0, 100.0, 124.0, 158.0, RIGHT];
    y -= 8.0;
    let heads = [l.commissions, l.reversals, l.adjustments, l.net, l.withdrawals_paid];
    w.text(l.month, 8.5, LEFT, y, Weight::Bold);
    for (head, right) in heads.iter().zip(COLS) {
        w.text_right(head, 8.5, right, y, Weight::Bold);
    }
    w.rule(y - 2.5, 0.6);
    y -= 8.0;
    let line = |w: &Writer, y: f32, label: &str, s: &Sums, weight: Weight| {
        w.text(label, 9.5, LEFT, y, weight);
        let cells = [s.commissions, s.reversals, s.adjustments, s.net(), s.withdrawals_paid];
        for (cents, right) in cells.into_iter().zip(COLS) {
            w.text_right(&amount(cents), 9.5, right, y, weight);
        }
    };
    for (i, m) in st.months.iter().enumerate() {
        line(&w, y, l.months[i], m, Weight::Regular);
        y -= 6.0;
    }
    w.rule(y + 3.0, 0.3);
    y -= 2.0;
    line(&w, y, l.total, &st.total, Weight::Bold);
    y -= 12.0;
    for part in wrap(l.note, 8.5, Weight::Regular, RIGHT - LEFT) {
        if y < BOTTOM {
            break;
        }
        w.grey(0.35);
        w.text(&part, 8.5, LEFT, y, Weight::Regular);
        y -= 4.3;
    }
    w.finish(&format!("Partner Hub · {title} · {}", st.name), l.page)
}

/// `2026` when it is a year from 2000 to this year; otherwise a 404 that says which.
pub fn parse_year(raw: &str, now: NaiveDateTime) -> AppResult<i32> {
    match raw.parse::<i32>() {
        Ok(y) if (FIRST_YEAR..=now.year()).contains(&y) => Ok(y),
        _ => Err(AppError::not_found("There is no statement for that year. Choose a year from 2000 to the current year.")),
    }
}

async fn statement(state: &AppState, freelancer_id: String, year: &str) -> AppResult<Statement> {
    let now = state.clock.now_naive();
    let year = parse_year(year, now)?;
    state.db.run(move |conn| build_in(conn, &freelancer_id, year, now)).await
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Pdf,
}

/// The caller's statement for `year` in `format`, as a download in their language.
async fn respond(
    state: &AppState,
    req: &HttpRequest,
    caller: &EligibleFreelancer,
    year: &str,
    lang: &LangQuery,
    format: Format,
) -> AppResult<HttpResponse> {
    let st = statement(state, caller.freelancer.id.clone(), year).await?;
    let locale = lang.for_user(state, &caller.user.id, req).await;
    let id = caller.freelancer.id.clone();
    let year = st.year;
    let (content_type, ext, body) = match format {
        Format::Csv => ("text/csv; charset=utf-8", "csv", csv(&st, locale).into_bytes()),
        Format::Pdf => (
            "application/pdf",
            "pdf",
            actix_web::web::block(move || pdf(&st, locale, &id))
                .await
                .map_err(|e| AppError::internal(format!("statement PDF task: {e}")))??,
        ),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"earnings-{year}.{ext}\"")))
        .insert_header((header::CONTENT_LANGUAGE, locale.as_str()))
        .body(body))
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(statement_csv).service(statement_pdf);
}

/// The caller's earnings statement for `year` (2000 to this year) as CSV: who it is for,
/// then per month commissions, reversals, adjustments, net earnings and payouts, and the
/// year's totals; labels in the caller's language (or `?lang=`).
#[utoipa::path(operation_id = "get_earnings_statement_csv",
    tag = "earnings",
    params(("year" = i32, Path, description = "The calendar year, 2000 to the current year", example = 2026), LangQuery),
    responses(
        (status = 200, description = "The statement", content_type = "text/csv", body = String,
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"earnings-2026.csv\"`"))),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No statement for that year (before 2000, in the future, or not a year)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/earnings/statements/{year}.csv")]
async fn statement_csv(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: EligibleFreelancer,
    year: web::Path<String>,
    lang: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    respond(&state, &req, &caller, &year, &lang, Format::Csv).await
}

/// The caller's earnings statement for `year` as an A4 PDF, worded in the caller's
/// language (or `?lang=`).
#[utoipa::path(operation_id = "get_earnings_statement_pdf",
    tag = "earnings",
    params(("year" = i32, Path, description = "The calendar year, 2000 to the current year", example = 2026), LangQuery),
    responses(
        (status = 200, description = "The PDF", content((inline(BinaryFile) = "application/pdf")),
            headers(("Content-Disposition" = String, description = "`attachment; filename=\"earnings-2026.pdf\"`"))),
        (status = 401, response = Unauthorized),
        (status = 403, description = "Not a freelancer (`forbidden`) or not eligible yet (`not_eligible`, with `missing_steps`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No statement for that year (before 2000, in the future, or not a year)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer" = []))
)]
#[get("/me/earnings/statements/{year}.pdf")]
async fn statement_pdf(
    state: web::Data<AppState>,
    req: HttpRequest,
    caller: EligibleFreelancer,
    year: web::Path<String>,
    lang: web::Query<LangQuery>,
) -> AppResult<HttpResponse> {
    respond(&state, &req, &caller, &year, &lang, Format::Pdf).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn a_commission_reversed_later_counts_back_in_the_month_of_the_reversal() {
        let mut m = [Sums::default(); 12];
        add_entry(
            &mut m,
            2026,
            (EarningKind::Commission, EarningStatus::Reversed, 1_000, t("2026-01-30 10:00"), Some(t("2026-02-02 10:00"))),
        );
        add_entry(&mut m, 2026, (EarningKind::Commission, EarningStatus::Available, 500, t("2026-02-10 10:00"), None));
        add_entry(&mut m, 2026, (EarningKind::Reversal, EarningStatus::Available, -200, t("2026-03-01 10:00"), None));
        add_entry(&mut m, 2026, (EarningKind::Reversal, EarningStatus::Reversed, -999, t("2026-03-01 10:00"), None));
        add_entry(&mut m, 2026, (EarningKind::Adjustment, EarningStatus::Available, 300, t("2026-03-05 10:00"), None));
        assert_eq!(m[0], Sums { commissions: 1_000, ..Sums::default() });
        assert_eq!(m[1], Sums { commissions: 500, reversals: -1_000, ..Sums::default() });
        assert_eq!(m[2], Sums { reversals: -200, adjustments: 300, ..Sums::default() });
        // A commission of December reversed in January belongs to the next year's reversals.
        let mut y = [Sums::default(); 12];
        add_entry(
            &mut y,
            2026,
            (EarningKind::Commission, EarningStatus::Reversed, 700, t("2025-12-30 10:00"), Some(t("2026-01-02 10:00"))),
        );
        assert_eq!(y[0], Sums { reversals: -700, ..Sums::default() });
    }

    #[test]
    fn years_from_2000_to_now() {
        let now = t("2026-12-06 10:00");
        assert_eq!(parse_year("2026", now).unwrap(), 2026);
        assert_eq!(parse_year("2000", now).unwrap(), 2000);
        for bad in ["1999", "2027", "twenty", "-1"] {
            assert_eq!(parse_year(bad, now).unwrap_err().code, "not_found", "{bad}");
        }
    }
}
