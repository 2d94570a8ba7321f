//! The freelancer's programme status and support's view of a freelancer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::model::FreelancerRow;
use crate::clock::utc;
use crate::freelancers::tiers::Tier;

crate::text_enum! {
    /// Where a freelancer stands in the programme: `registered` until the first
    /// application, then the status of the latest application.
    pub enum FreelancerStatus {
        Registered = "registered",
        Submitted = "submitted",
        Approved = "approved",
        Rejected = "rejected",
        Appealed = "appealed",
    }
}

impl FreelancerStatus {
    /// The statuses from which a freelancer may move to `self`. The freelancer row
    /// follows the latest application, so these mirror the application's transitions;
    /// `submitted` is the guard of a new application (nothing open, not approved).
    pub fn allowed_before(self) -> &'static [FreelancerStatus] {
        use FreelancerStatus::*;
        match self {
            Registered => &[],
            Submitted => &[Registered, Rejected],
            Approved | Rejected => &[Submitted, Appealed],
            Appealed => &[Rejected],
        }
    }

    /// Whether a freelancer in this status may submit a new application.
    pub fn can_apply(self) -> bool {
        FreelancerStatus::Submitted.allowed_before().contains(&self)
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FreelancerAdminView {
    #[schema(example = "fl_Q1w2E3r4T5y6U7i8O9p0")]
    pub id: String,
    pub user_id: String,
    pub email: String,
    pub full_name: String,
    pub status: FreelancerStatus,
    pub tier: Tier,
    pub onboarding_required: bool,
    pub referral_code: Option<String>,
    pub eligible_since: Option<DateTime<Utc>>,
    /// Present on the detail view.
    pub eligible: Option<bool>,
    /// Present on the detail view.
    pub missing_steps: Option<Vec<String>>,
    pub created_at: DateTime<Utc>,
}

impl FreelancerAdminView {
    pub fn from_row(f: FreelancerRow, email: String, full_name: String) -> FreelancerAdminView {
        FreelancerAdminView {
            id: f.id,
            user_id: f.user_id,
            email,
            full_name,
            status: f.status,
            tier: f.tier,
            onboarding_required: f.onboarding_required,
            referral_code: f.referral_code,
            eligible_since: f.eligible_since.map(utc),
            eligible: None,
            missing_steps: None,
            created_at: utc(f.created_at),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FreelancerFilter {
    #[param(inline)]
    pub status: Option<FreelancerStatus>,
    #[param(inline)]
    pub tier: Option<Tier>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TierChange {
    pub tier: Tier,
}

#[cfg(test)]
mod tests {
    use super::FreelancerStatus::*;
    use super::{FreelancerStatus, Tier};

    /// The CHECK constraints of both engines spell exactly the enum's values.
    fn migrations() -> [&'static str; 2] {
        [
            include_str!("../../../migrations/sqlite/2026-12-02-000003_state_machines/up.sql"),
            include_str!("../../../migrations/postgres/2026-12-02-000003_state_machines/up.sql"),
        ]
    }

    #[test]
    fn checks_match_the_enums() {
        for sql in migrations() {
            assert!(sql.contains(&format!("CHECK (status IN ({}))", FreelancerStatus::sql_list())));
            assert!(sql.contains(&format!("CHECK (tier IN ({}))", Tier::sql_list())));
        }
    }

    #[test]
    fn a_new_application_needs_nothing_open_and_no_approval() {
        assert!(Registered.can_apply());
        assert!(Rejected.can_apply());
        for s in [Submitted, Appealed, Approved] {
            assert!(!s.can_apply(), "{s}");
        }
    }
}
