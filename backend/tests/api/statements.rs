//! The yearly earnings statement through HTTP: CSV columns, months and totals (a
//! commission reversed in a later month counts back in that month; adjustments; payouts
//! in the month they were paid), the PDF, German labels for a German caller, the W-9's
//! legal name and masked TIN, years outside 2000..=now, and only one's own figures.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use partner_hub::domain::earnings::{EarningKind, EarningStatus};
use partner_hub::earnings::ledger::{self, EntryRow};
use serde_json::json;

use crate::helpers::{problem, Session, TestApp};
use crate::withdrawals::fund;

fn at(year: i32, month: u32, day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day).unwrap().and_hms_opt(12, 0, 0).unwrap()
}

/// This year's history: a commission in January ($100), one in February ($50) reversed
/// on March 1st, an adjustment of -$5 in March, and (now) $30 earned of which $20 paid out.
async fn history(app: &TestApp, s: &Session, fl: &str) -> i32 {
    let year = app.state.clock.now_naive().year();
    let f = fl.to_string();
    app.db(move |conn| {
        let entry = |kind, status, cents, key: &str, when| EntryRow::new(&f, kind, status, cents, format!("{key}:{f}"), when);
        ledger::post_in(conn, entry(EarningKind::Commission, EarningStatus::Available, 10_000, "t_jan", at(year, 1, 15)))?;
        let feb = ledger::post_in(conn, entry(EarningKind::Commission, EarningStatus::Pending, 5_000, "t_feb", at(year, 2, 3)))?.unwrap();
        ledger::transition_in(conn, &feb.id, EarningStatus::Pending, EarningStatus::Reversed, None, at(year, 3, 1))?.unwrap();
        let mut adj = entry(EarningKind::Adjustment, EarningStatus::Available, -500, "t_adj", at(year, 3, 5));
        adj.reason = Some("Duplicate commission corrected".into());
        ledger::post_in(conn, adj)?;
        // Last year's commission: not in this year's statement.
        ledger::post_in(conn, entry(EarningKind::Commission, EarningStatus::Available, 77_700, "t_last_year", at(year - 1, 12, 30)))?;
        Ok(())
    })
    .await;
    fund(app, fl, 3_000).await;
    let res = app.post("/api/v1/me/withdrawals", json!({"amount_cents": 2_000}), Some(&s.access_token)).await;
    assert_eq!(res.status(), 201);
    year
}

async fn csv(app: &TestApp, s: &Session, year: i32) -> String {
    let res = app.get(&format!("/api/v1/me/earnings/statements/{year}.csv"), Some(&s.access_token)).await;
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert_eq!(res.headers()["content-disposition"], format!("attachment; filename=\"earnings-{year}.csv\"").as_str());
    res.text().await.unwrap()
}

fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines().map(|l| l.split(',').map(str::to_string).collect()).collect()
}

#[actix_web::test]
async fn the_csv_has_every_month_and_the_years_totals() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let year = history(&app, &s, &fl).await;
    let month_now = app.state.clock.now_naive().month() as usize;

    let text = csv(&app, &s, year).await;
    let rows = rows(&text);
    assert_eq!(rows[0], ["Earnings statement".to_string(), year.to_string()]);
    assert_eq!(rows[1], ["Name", "Test freelancer"]);
    assert_eq!(rows[2], ["Currency", "USD"]);
    let header = rows.iter().position(|r| r[0] == "Month").expect("a header row");
    assert_eq!(rows[header], ["Month", "Commissions", "Reversals", "Adjustments", "Net earnings", "Paid out"]);
    let months = &rows[header + 1..header + 13];
    for (i, r) in months.iter().enumerate() {
        assert_eq!(r[0], format!("{year}-{:02}", i + 1));
    }
    assert_eq!(months[0][1..], ["100.00", "0.00", "0.00", "100.00", "0.00"]);
    assert_eq!(months[1][1..], ["50.00", "0.00", "0.00", "50.00", "0.00"]);
    assert_eq!(months[2][1..], ["0.00", "-50.00", "-5.00", "-55.00", "0.00"]);
    let now_row = &months[month_now - 1];
    if month_now > 3 {
        assert_eq!(now_row[1..], ["30.00", "0.00", "0.00", "30.00", "20.00"]);
    }
    let total = &rows[header + 13];
    assert_eq!(total[..], ["Total", "180.00", "-50.00", "-5.00", "125.00", "20.00"]);
    assert_eq!(rows.len(), header + 14, "nothing after the total");
}

#[actix_web::test]
async fn a_german_caller_gets_german_labels_and_the_pdf_with_the_w9_name_and_masked_tin() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let res = app.client.patch(app.url("/api/v1/me")).bearer_auth(&s.access_token).json(&json!({"locale": "de"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let w9 = json!({
        "legal_name": "Kim Berger LLC", "tax_classification": "individual",
        "address": {"line1": "1 Main St", "city": "Austin", "state": "TX", "zip": "73301"},
        "tin_type": "ssn", "tin": "123-45-6789", "certify": true, "signature_name": "Kim Berger LLC"
    });
    let res = app.client.put(app.url("/api/v1/me/tax-form")).bearer_auth(&s.access_token).json(&w9).send().await.unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let year = history(&app, &s, &fl).await;

    let text = csv(&app, &s, year).await;
    assert!(text.starts_with(&format!("Einnahmenaufstellung,{year}\r\n")), "{text}");
    assert!(text.contains("Rechtlicher Name (W-9),Kim Berger LLC\r\n") && text.contains("***-**-6789"), "{text}");
    assert!(!text.contains("123-45-6789") && !text.contains("123456789"), "the TIN is masked");
    assert!(text.contains("Monat,Provisionen,Stornierungen,Korrekturen,Nettoeinnahmen,Ausgezahlt\r\n"), "{text}");
    assert!(text.contains("Summe,180.00,-50.00,-5.00,125.00,20.00\r\n"), "{text}");

    let res = app.get(&format!("/api/v1/me/earnings/statements/{year}.pdf"), Some(&s.access_token)).await;
    assert_eq!(res.headers()["content-language"], "de");
    let pdf = crate::invoices::pdf_text_of(res, &format!("attachment; filename=\"earnings-{year}.pdf\"")).await;
    for expected in [
        "Einnahmenaufstellung",
        "Provisionen",
        "Stornierungen",
        "März",
        "Kim Berger LLC",
        "***-**-6789",
        "180,00 $",
        "125,00 $",
        "-50,00 $",
        "Seite 1 / 1",
    ] {
        assert!(pdf.contains(expected), "{expected:?} in:\n{pdf}");
    }
    assert!(!pdf.contains("123-45-6789"), "the TIN is masked");

    // `?lang=en` asks for English.
    let res = app.get(&format!("/api/v1/me/earnings/statements/{year}.pdf?lang=en"), Some(&s.access_token)).await;
    let pdf = crate::invoices::pdf_text_of(res, &format!("attachment; filename=\"earnings-{year}.pdf\"")).await;
    assert!(pdf.contains("Earnings statement") && pdf.contains("$180.00") && pdf.contains("March"), "{pdf}");
}

#[actix_web::test]
async fn only_years_from_2000_to_now_and_only_ones_own_figures() {
    let app = TestApp::spawn().await;
    let (s, fl, _) = app.eligible_freelancer().await;
    let year = history(&app, &s, &fl).await;
    let t = Some(s.access_token.as_str());
    for bad in ["1999".to_string(), (year + 1).to_string(), "twenty".into()] {
        problem(app.get(&format!("/api/v1/me/earnings/statements/{bad}.csv"), t).await, 404, "not_found").await;
        problem(app.get(&format!("/api/v1/me/earnings/statements/{bad}.pdf"), t).await, 404, "not_found").await;
    }
    let empty = csv(&app, &s, 2000).await;
    assert!(empty.contains("Total,0.00,0.00,0.00,0.00,0.00"), "{empty}");

    let (other, _, _) = app.eligible_freelancer().await;
    let theirs = csv(&app, &other, year).await;
    assert!(theirs.contains("Total,0.00,0.00,0.00,0.00,0.00"), "B's statement has none of A's money: {theirs}");
    let customer = app.customer().await;
    problem(app.get(&format!("/api/v1/me/earnings/statements/{year}.csv"), Some(&customer.access_token)).await, 403, "forbidden").await;
    assert_eq!(app.get(&format!("/api/v1/me/earnings/statements/{year}.pdf"), None).await.status(), 401);
}
