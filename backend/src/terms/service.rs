//! Terms rules: the current version, idempotent acceptance (current version only), and
//! publication of a new version, which asks everyone who accepted an earlier one to
//! accept again (eligibility follows from `freelancers::eligibility`).

use diesel::Connection;

use crate::audit::AuditEntry;
use crate::clock::utc;
use crate::domain::ids::plain_id;
use crate::error::{AppError, AppResult};
use crate::freelancers::{eligibility, FreelancerCaller};
use crate::notifications::{mails, outbox};
use crate::pagination::{finish, Page, Paginated};
use crate::state::AppState;
use crate::terms::model::*;
use crate::terms::store;

fn document(row: TermsVersionRow) -> TermsDocument {
    TermsDocument { version: row.version, title: row.title, body: row.body, published_at: utc(row.published_at) }
}

fn acceptance(row: AcceptanceRow) -> TermsAcceptance {
    TermsAcceptance { version: row.version, accepted_at: utc(row.accepted_at) }
}

pub async fn current(state: &AppState) -> AppResult<TermsDocument> {
    let row = state.db.run(store::current).await?.ok_or_else(|| AppError::not_found("No terms have been published."))?;
    Ok(document(row))
}

/// Accepts the current version; `true` when this call created the acceptance.
pub async fn accept(
    state: &AppState,
    caller: &FreelancerCaller,
    req: AcceptTerms,
    ip: Option<String>,
) -> AppResult<(bool, TermsAcceptance)> {
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
            let now = st.clock.now_naive();
            let row = AcceptanceRow { id: plain_id("tac"), freelancer_id: fid.clone(), version: current, accepted_at: now, ip: ip.clone() };
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
            AuditEntry::new(Some(&actor), "terms.accepted", "freelancer", &fid)
                .after(serde_json::json!({"version": current}))
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
        Some((at, key)) => Some((at, key.parse::<i32>().map_err(|_| AppError::field("cursor", "is not a cursor from this API"))?)),
    };
    let limit = page.limit;
    let (rows, counts, current) = state
        .db
        .run(move |conn| {
            let rows = store::versions(conn, after, limit)?;
            let counts = rows.iter().map(|r| store::acceptance_count(conn, r.version)).collect::<AppResult<Vec<i64>>>()?;
            let current = store::current(conn)?.map(|r| r.version).unwrap_or(0);
            Ok((rows, counts, current))
        })
        .await?;
    let with_counts: Vec<(TermsVersionRow, i64)> = rows.into_iter().zip(counts).collect();
    Ok(finish(
        with_counts,
        limit,
        |(r, _)| (r.published_at, version_key(r.version)),
        |(r, acceptances)| TermsVersion {
            version: r.version,
            current: r.version == current,
            title: r.title,
            body: r.body,
            published_at: utc(r.published_at),
            published_by: r.published_by,
            acceptances,
        },
    ))
}

/// Publishes version max+1 and emails everyone who accepted an earlier version.
pub async fn publish(state: &AppState, staff_id: String, req: PublishTerms) -> AppResult<TermsVersion> {
    let title = req.title.trim().to_string();
    if title.is_empty() {
        return Err(AppError::field("title", "must not be blank"));
    }
    if req.body.trim().chars().count() < 20 {
        return Err(AppError::field("body", "must be 20 to 100000 characters"));
    }
    let st = state.clone();
    state
        .db
        .transaction(move |conn| {
            store::lock_versions(conn)?;
            let now = st.clock.now_naive();
            let previous = store::current(conn)?.map(|r| r.version).unwrap_or(0);
            let row = TermsVersionRow {
                version: previous + 1,
                title,
                body: req.body.trim().to_string(),
                published_by: Some(staff_id.clone()),
                published_at: now,
            };
            store::insert_version(conn, &row)?;
            let recipients = store::earlier_acceptors(conn, row.version)?;
            let url = format!("{}/app/onboarding/terms", st.settings.public_base_url);
            for (email, name, locale) in &recipients {
                let mail = mails::TermsUpdated { name: name.clone(), version: row.version, title: row.title.clone(), url: url.clone() };
                outbox::send(conn, email, *locale, &mail, now)?;
            }
            AuditEntry::new(Some(&staff_id), "terms.published", "terms", &row.version.to_string())
                .before(serde_json::json!({"version": previous}))
                .after(serde_json::json!({"version": row.version, "title": row.title, "notified": recipients.len()}))
                .write(conn, now)?;
            Ok(TermsVersion {
                version: row.version,
                current: true,
                title: row.title,
                body: row.body,
                published_at: utc(row.published_at),
                published_by: row.published_by,
                acceptances: 0,
            })
        })
        .await
}
