//! Provisioning task rows and the DTO support sees.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::clock::utc;
use crate::db::schema::provisioning_tasks;
use crate::domain::commerce::{ProvisioningStatus, ProvisioningTaskKind};

impl ProvisioningStatus {
    /// Only a pending task is claimed, retried or finished.
    pub const WORKABLE: &'static [ProvisioningStatus] = &[ProvisioningStatus::Pending];
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = provisioning_tasks)]
pub struct TaskRow {
    pub id: String,
    pub kind: ProvisioningTaskKind,
    pub dedupe_key: String,
    pub account_id: Option<String>,
    pub subscription_id: Option<String>,
    pub payload: String,
    pub status: ProvisioningStatus,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claim_token: Option<String>,
    pub claimed_until: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One call to the Microsoft commerce provider, as support sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProvisioningTask {
    #[schema(example = "prv_4mN7pQ2rS9tU1vW3xY5z")]
    pub id: String,
    pub kind: ProvisioningTaskKind,
    pub status: ProvisioningStatus,
    pub account_id: Option<String>,
    pub subscription_id: Option<String>,
    /// The call's arguments (`{"seats": 8}` for a seat change, `{"auto_renew": false}`, …).
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// Calls made so far.
    pub attempts: i32,
    /// When a pending task is tried next.
    pub next_attempt_at: DateTime<Utc>,
    /// What the last failed call answered.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<TaskRow> for ProvisioningTask {
    fn from(r: TaskRow) -> Self {
        ProvisioningTask {
            id: r.id,
            kind: r.kind,
            status: r.status,
            account_id: r.account_id,
            subscription_id: r.subscription_id,
            payload: serde_json::from_str(&r.payload).unwrap_or(serde_json::Value::Null),
            attempts: r.attempts,
            next_attempt_at: utc(r.next_attempt_at),
            last_error: r.last_error,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TaskFilter {
    #[param(inline)]
    pub status: Option<ProvisioningStatus>,
}
