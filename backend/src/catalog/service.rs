//! What other slices may read of the catalogue.

use crate::catalog::model::Plan;
use crate::catalog::store;
use crate::db::DbConnection;
use crate::error::AppResult;

/// The plans on sale, in the catalogue's order.
pub fn active_plans_in(conn: &mut DbConnection) -> AppResult<Vec<Plan>> {
    store::active_plans(conn)
}
