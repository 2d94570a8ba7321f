//! The earnings pages: a freelancer's balances and entries (newest first, filtered,
//! paginated, or all of them as CSV), and one entry with its timeline and related
//! entries. The same reads serve support's view of any freelancer's ledger. Reads only:
//! they run outside any write transaction.

use serde::Deserialize;
use utoipa::IntoParams;

use crate::db::DbConnection;
use crate::domain::earnings::{EarningKind, EarningStatus};
use crate::earnings::ledger::{self, EntryRow};
use crate::earnings::store::{self, EntryFilter};
use crate::earnings::view::{self, EarningDetail, EarningEntry, EarningsPage, FreelancerEarningsPage, TimelineInput};
use crate::error::{AppError, AppResult};
use crate::pagination::{encode_cursor, Page};
use crate::state::AppState;
use crate::web::csv::Csv;

/// Filters of the entries list and its CSV.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EarningsFilter {
    /// Only entries of this kind.
    #[param(value_type = Option<EarningKind>, inline)]
    pub kind: Option<String>,
    /// Only entries in this status.
    #[param(value_type = Option<EarningStatus>, inline)]
    pub status: Option<String>,
}

impl EarningsFilter {
    /// The filter, or 422 naming each unknown value.
    pub fn parse(&self) -> AppResult<EntryFilter> {
        let kind = self.kind.as_deref().map(|k| EarningKind::parse(k).ok_or(()));
        let status = self.status.as_deref().map(|s| EarningStatus::parse(s).ok_or(()));
        AppError::all_of([
            match kind {
                Some(Err(())) => Err(AppError::field("kind", "Choose commission, reversal, adjustment or withdrawal.")),
                _ => Ok(()),
            },
            match status {
                Some(Err(())) => Err(AppError::field("status", "Choose pending, available or reversed.")),
                _ => Ok(()),
            },
        ])?;
        Ok(EntryFilter { kind: kind.and_then(Result::ok), status: status.and_then(Result::ok) })
    }
}

fn no_entry() -> AppError {
    AppError::not_found("There is no earnings entry with this id.")
}

/// The API form of entries, with their links loaded in one batch.
pub fn entries_in(conn: &mut DbConnection, rows: &[EntryRow]) -> AppResult<Vec<EarningEntry>> {
    let links = store::links(conn, rows)?;
    Ok(rows.iter().map(|r| view::entry(r, &links)).collect())
}

pub fn entry_in(conn: &mut DbConnection, row: &EntryRow) -> AppResult<EarningEntry> {
    Ok(entries_in(conn, std::slice::from_ref(row))?.remove(0))
}

fn page_in(conn: &mut DbConnection, freelancer_id: &str, filter: EntryFilter, page: Page) -> AppResult<EarningsPage> {
    let balances = ledger::balances_in(conn, freelancer_id)?.into();
    let mut rows = store::list(conn, freelancer_id, filter, page.after, page.limit)?;
    let more = rows.len() as i64 > page.limit;
    rows.truncate(page.limit as usize);
    let next_cursor = rows.last().filter(|_| more).map(|r| encode_cursor(r.created_at, &r.id));
    let data = entries_in(conn, &rows)?;
    Ok(EarningsPage { balances, data, next_cursor })
}

/// `GET /me/earnings`: the caller's balances and one page of entries.
pub async fn list(state: &AppState, freelancer_id: String, filter: EntryFilter, page: Page) -> AppResult<EarningsPage> {
    state.db.run(move |conn| page_in(conn, &freelancer_id, filter, page)).await
}

/// Support's view of a freelancer's ledger; 404 for an unknown freelancer.
pub async fn ledger_of(state: &AppState, freelancer_id: String, filter: EntryFilter, page: Page) -> AppResult<FreelancerEarningsPage> {
    state
        .db
        .run(move |conn| {
            crate::freelancers::store::by_id(conn, &freelancer_id)?;
            let p = page_in(conn, &freelancer_id, filter, page)?;
            Ok(FreelancerEarningsPage { freelancer_id, balances: p.balances, data: p.data, next_cursor: p.next_cursor })
        })
        .await
}

/// One entry of the freelancer with its timeline and related entries; 404 when it is not theirs.
pub fn detail_in(conn: &mut DbConnection, freelancer_id: &str, entry_id: &str) -> AppResult<EarningDetail> {
    let fl = crate::freelancers::store::by_id(conn, freelancer_id)?;
    let row = store::find(conn, freelancer_id, entry_id)?.ok_or_else(no_entry)?;
    let appeal_ids: Vec<String> = store::appeals_on(conn, std::slice::from_ref(&row.id))?.into_iter().map(|a| a.id).collect();
    let related = store::related(conn, &row, &appeal_ids)?;
    let mut all = vec![row.clone()];
    all.extend(related.iter().cloned());
    let links = store::links(conn, &all)?;
    let withdrawal = match (&row.withdrawal_id, row.kind) {
        (Some(wd), EarningKind::Withdrawal) => store::withdrawal(conn, wd)?,
        _ => None,
    };
    let timeline = view::timeline(TimelineInput {
        row: &row,
        links: &links,
        tier: fl.tier,
        retimings: store::retimings(conn, &row.id)?,
        withdrawal,
        related: &related,
    });
    Ok(EarningDetail { entry: view::entry(&row, &links), timeline, related: related.iter().map(|r| view::entry(r, &links)).collect() })
}

pub async fn detail(state: &AppState, freelancer_id: String, entry_id: String) -> AppResult<EarningDetail> {
    state.db.run(move |conn| detail_in(conn, &freelancer_id, &entry_id)).await
}

/// Rows per query while writing the CSV.
const CSV_BATCH: i64 = 500;

/// Every entry of the freelancer matching `filter`, newest first, as CSV with a header row.
pub async fn csv(state: &AppState, freelancer_id: String, filter: EntryFilter) -> AppResult<String> {
    state
        .db
        .run(move |conn| {
            let mut out = Csv::new(&view::CSV_HEADER);
            let mut after = None;
            loop {
                let mut rows = store::list(conn, &freelancer_id, filter, after.take(), CSV_BATCH)?;
                let more = rows.len() as i64 > CSV_BATCH;
                rows.truncate(CSV_BATCH as usize);
                for e in entries_in(conn, &rows)? {
                    view::csv_row(&mut out, &e);
                }
                match rows.last() {
                    Some(last) if more => after = Some((last.created_at, last.id.clone())),
                    _ => break,
                }
            }
            Ok(out.into_string())
        })
        .await
}
