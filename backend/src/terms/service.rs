//! Terms rules: the current version in the requested language, idempotent acceptance
//! (current version only, recording the language shown), and publication of a new
//! version in English and German, which asks everyone who accepted an earlier one to
//! accept again (eligibility follows from `freelancers::eligibility`).

use std::collections::HashMap;

use actix_web::http::StatusCode;
use diesel::Connection;
use validator::Validate;

use crate::audit::{AuditAction, AuditEntry};
use crate::clock::utc;
use crate::domain::ids::plain_id;
use crate::domain::locale::Locale;
use crate::error::{AppError, AppResult, FieldError};
use crate::freelancers::{eligibility, FreelancerCaller};
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;
use crate::terms::model::*;
use crate::terms::store;

/// The English name of a language, for messages.
fn language_name(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "English",
        Locale::De => "German",
    }
}

/// The text in `locale`, else the English one (versions from before German existed).
fn text_in(texts: Vec<TermsTextRow>, locale: Locale) -> Option<TermsTextRow> {
    let mut texts = texts;
    texts.sort_by_key(|t| (t.locale != locale, t.locale != Locale::En));
    texts.into_iter().next()
}

fn texts_of(rows: impl IntoIterator<Item = TermsTextRow>) -> TermsTexts {
    let mut texts = TermsTexts::default();
    for r in rows {
        let text = Some(TermsText { title: r.title, body: r.body });
        match r.locale {
            Locale::En => texts.en = text,
            Locale::De => texts.de = text,
        }
    }
    texts
}

fn acceptance(row: AcceptanceRow) -> TermsAcceptance {
    TermsAcceptance { version: row.version, locale: row.locale, accepted_at: utc(row.accepted_at) }
}

/// The current version in `locale`, or in English when it has no text in `locale`.
pub async fn current(state: &AppState, locale: Locale) -> AppResult<TermsDocument> {
    let found = state
        .db
        .run(move |conn| {
            let Some(row) = store::current(conn)? else { return Ok(None) };
            let texts = store::texts(conn, &[row.version])?;
            Ok(Some((row, texts)))
        })
        .await?;
    let (row, texts) = found.ok_or_else(|| AppError::not_found("No terms have been published."))?;
    let text = text_in(texts, locale).ok_or_else(|| AppError::internal(format!("terms version {} has no text", row.version)))?;
    Ok(TermsDocument { version: row.version, locale: text.locale, title: text.title, body: text.body, published_at: utc(row.published_at) })
}

/// Accepts the current version; `true` when this call created the acceptance.
pub async fn accept(
    state: &AppState,
    caller: &FreelancerCaller,
    req: AcceptTerms,
    request_locale: Locale,
    ip: Option<String>,
) -> AppResult<(bool, TermsAcceptance)> {
    let locale = req.locale.unwrap_or(request_locale);
    let fid = caller.freelancer.id.clone();
    let actor = caller.user.id.clone();
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            store::lock_versions_shared(conn)?;
            let current = store::current(conn)?.map(|r| r.version).unwrap_or(0);
            if req.version != current {
                return Err(AppError::conflict(
                    "terms_outdated",
                    format!("Version {} is not the current version of the terms; the current version is {current}.", req.version),
                ));
            }
            if let Some(existing) = store::acceptance(conn, &fid, current)? {
                return Ok((false, acceptance(existing)));
            }
            if !store::texts(conn, &[current])?.iter().any(|t| t.locale == locale) {
                return Err(AppError::field(
                    "locale",
                    format!("Version {current} of the terms has no {} text; accept the text you were shown.", language_name(locale)),
                ));
            }
            let now = st.clock.now_naive();
            let row = AcceptanceRow {
                id: plain_id("tac"),
                freelancer_id: fid.clone(),
                version: current,
                accepted_at: now,
                ip: ip.clone(),
                locale,
            };
            // A savepoint: on PostgreSQL a concurrent double submit meets the unique
            // (freelancer, version) key, and the first acceptance is the answer.
            match conn.transaction(|c| store::insert_acceptance(c, &row)) {
                Ok(()) => {}
                Err(e) if e.code == "conflict" => {
                    let existing = store::acceptance(conn, &fid, current)?.ok_or(e)?;
                    return Ok((false, acceptance(existing)));
                }
                Err(e) => return Err(e),
            }
            AuditEntry::new(Some(&actor), AuditAction::TermsAccepted, "freelancer", &fid)
                .after(serde_json::json!({"version": current, "locale": locale}))
                .ip(ip.as_deref())
                .write(conn, now)?;
            eligibility::refresh(conn, &fid, now)?;
            Ok((true, acceptance(row)))
        })
        .await
}

pub async fn my_acceptances(state: &AppState, caller: &FreelancerCaller, page: Page) -> AppResult<Paginated<TermsAcceptance>> {
    let fid = caller.freelancer.id.clone();
    let limit = page.limit;
    let rows = state.db.run(move |conn| store::acceptances_of(conn, &fid, page.after, limit)).await?;
    Ok(finish(rows, limit, |r: &AcceptanceRow| (r.accepted_at, r.id.clone()), acceptance))
}

/// The version as the sort key of a cursor: zero-padded so it reads in order.
fn version_key(v: i32) -> String {
    format!("{v:010}")
}

pub async fn versions(state: &AppState, page: Page) -> AppResult<Paginated<TermsVersion>> {
    let after = match page.after {
        None => None,
        Some((at, key)) => Some((at, key.parse::<i32>().map_err(|_| AppError::field("cursor", "This is not a cursor from this API."))?)),
    };
    let limit = page.limit;
    let (rows, texts, counts, current) = state
        .db
        .run(move |conn| {
            let rows = store::versions(conn, after, limit)?;
            let numbers: Vec<i32> = rows.iter().map(|r| r.version).collect();
            let texts = store::texts(conn, &numbers)?;
            let counts = store::acceptance_counts(conn, &numbers)?;
            let current = store::current(conn)?.map(|r| r.version).unwrap_or(0);
            Ok((rows, texts, counts, current))
        })
        .await?;
    let mut texts_by_version: HashMap<i32, Vec<TermsTextRow>> = HashMap::new();
    for t in texts {
        texts_by_version.entry(t.version).or_default().push(t);
    }
    let mut counts_by_version: HashMap<i32, AcceptanceCounts> = HashMap::new();
    for (version, locale, n) in counts {
        let c = counts_by_version.entry(version).or_default();
        match locale {
            Locale::En => c.en = n,
            Locale::De => c.de = n,
        }
    }
    let rows: Vec<(TermsVersionRow, TermsTexts, AcceptanceCounts)> = rows
        .into_iter()
        .map(|r| {
            let texts = texts_of(texts_by_version.remove(&r.version).unwrap_or_default());
            let counts = counts_by_version.remove(&r.version).unwrap_or_default();
            (r, texts, counts)
        })
        .collect();
    Ok(finish(
        rows,
        limit,
        |(r, _, _)| (r.published_at, version_key(r.version)),
        |(r, texts, by_locale)| TermsVersion {
            version: r.version,
            current: r.version == current,
            texts,
            published_at: utc(r.published_at),
            published_by: r.published_by,
            acceptances: by_locale.en + by_locale.de,
            acceptances_by_locale: by_locale,
        },
    ))
}

/// The languages a new version lacks: absent, or both title and body blank.
fn missing_languages(req: &PublishTerms) -> Vec<Locale> {
    let blank = |t: &Option<TermsText>| t.as_ref().is_none_or(|t| t.title.trim().is_empty() && t.body.trim().is_empty());
    Locale::ALL.iter().copied().filter(|l| blank(if *l == Locale::En { &req.en } else { &req.de })).collect()
}

/// 422 `terms_language_missing` naming the missing languages, each as a field error.
fn language_missing(missing: &[Locale]) -> AppError {
    let names: Vec<&str> = missing.iter().map(|l| language_name(*l)).collect();
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let mut e = match names.as_slice() {
        [one] => AppError::new(
            status,
            "terms_language_missing",
            format!("The {one} text is missing: publishing needs the terms in English and in German."),
        ),
        _ => AppError::new(
            status,
            "terms_language_missing",
            "The English and German texts are missing: publishing needs the terms in both languages.",
        ),
    };
    e.errors = missing
        .iter()
        .map(|l| FieldError { field: l.as_str().to_string(), message: format!("The {} text is missing.", language_name(*l)) })
        .collect();
    e
}

/// What the validator cannot see: a blank title, a body too short once trimmed.
fn clean_text(locale: Locale, text: &TermsText) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if text.title.trim().is_empty() {
        errors.push(FieldError { field: format!("{locale}.title"), message: "This field must not be blank.".into() });
    }
    if text.body.trim().chars().count() < 20 {
        errors.push(FieldError { field: format!("{locale}.body"), message: "Use 20 to 100000 characters.".into() });
    }
    errors
}

/// Publishes version max+1 and emails everyone who accepted an earlier version.
pub async fn publish(state: &AppState, staff_id: String, req: PublishTerms) -> AppResult<TermsVersion> {
    let missing = missing_languages(&req);
    if !missing.is_empty() {
        return Err(language_missing(&missing));
    }
    req.validate()?;
    let (Some(en), Some(de)) = (req.en, req.de) else { return Err(language_missing(Locale::ALL)) };
    let mut errors = clean_text(Locale::En, &en);
    errors.extend(clean_text(Locale::De, &de));
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            store::lock_versions(conn)?;
            let now = st.clock.now_naive();
            let previous = store::current(conn)?.map(|r| r.version).unwrap_or(0);
            let row = TermsVersionRow { version: previous + 1, published_by: Some(staff_id.clone()), published_at: now };
            let texts: Vec<TermsTextRow> = [(Locale::En, en), (Locale::De, de)]
                .into_iter()
                .map(|(locale, t)| TermsTextRow {
                    version: row.version,
                    locale,
                    title: t.title.trim().to_string(),
                    body: t.body.trim().to_string(),
                })
                .collect();
            store::insert_version(conn, &row, &texts)?;
            let title_en = texts[0].title.clone();
            let recipients = store::earlier_acceptors(conn, row.version)?;
            let url = format!("{}/app/onboarding/terms", st.settings.public_base_url);
            for (email, name, locale) in &recipients {
                // The title in the recipient's language (every new version has both).
                let title = texts.iter().find(|t| t.locale == *locale).unwrap_or(&texts[0]).title.clone();
                let mail = mails::TermsUpdated { name: name.clone(), version: row.version, title, url: url.clone() };
                outbox::send(conn, email, *locale, &mail, now)?;
            }
            AuditEntry::new(Some(&staff_id), AuditAction::TermsPublished, "terms", &row.version.to_string())
                .before(serde_json::json!({"version": previous}))
                .after(serde_json::json!({"version": row.version, "title": title_en, "notified": recipients.len()}))
                .write(conn, now)?;
            Ok(TermsVersion {
                version: row.version,
                current: true,
                texts: texts_of(texts),
                published_at: utc(row.published_at),
                published_by: row.published_by,
                acceptances: 0,
                acceptances_by_locale: AcceptanceCounts::default(),
            })
        })
        .await
}
