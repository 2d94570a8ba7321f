//! Appeal rows, DTOs and the appeal state machine.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::clock::utc;
use crate::db::schema::appeals;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = appeals)]
pub struct AppealRow {
    pub id: String,
    pub freelancer_id: String,
    pub subject_type: SubjectType,
    pub subject_id: String,
    pub explanation: String,
    pub status: AppealStatus,
    pub open_key: Option<String>,
    pub reviewer_id: Option<String>,
    pub reviewer_note: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

crate::text_enum! {
    /// What can be appealed: a rejected application, or an earnings entry that took money
    /// (a reversal, a clawback, a debit adjustment).
    pub enum SubjectType {
        Application = "application",
        Earning = "earning",
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({"subject_type": "application", "subject_id": "app_3kT9wQ1zX5cV7bN2mL4p", "explanation": "I serve 12 US clients; my certifications were not attached. Here they are: MS-102, MD-102."}))]
pub struct NewAppeal {
    pub subject_type: SubjectType,
    #[schema(min_length = 1, max_length = 100)]
    #[validate(length(min = 1, max = 100, message = "Use 1 to 100 characters."))]
    pub subject_id: String,
    /// Why the decision should change, 20 to 5000 characters.
    #[schema(min_length = 20, max_length = 5000)]
    #[validate(length(min = 20, max = 5000, message = "Use 20 to 5000 characters."))]
    pub explanation: String,
}

crate::text_enum! {
    /// Support's verdict on an appeal.
    pub enum Verdict {
        Upheld = "upheld",
        Denied = "denied",
    }
}

impl Verdict {
    /// The status an appeal ends in with this verdict.
    pub fn status(self) -> AppealStatus {
        match self {
            Verdict::Upheld => AppealStatus::Upheld,
            Verdict::Denied => AppealStatus::Denied,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct Decide {
    /// `upheld` changes the decision in the freelancer's favour; `denied` keeps it.
    pub decision: Verdict,
    /// Sent to the freelancer, 10 to 2000 characters (surrounding spaces not counted).
    #[schema(min_length = 10, max_length = 2000)]
    #[validate(length(min = 10, max = 2000, message = "Use 10 to 2000 characters."))]
    pub note: String,
    /// Upholding an appeal on earnings: the cents to give back, more than 0 and at most
    /// what the appealed entry took. Written as an adjustment citing the appeal. Only then.
    #[serde(default)]
    #[schema(example = 1500, minimum = 1)]
    pub amount_cents: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Appeal {
    #[schema(example = "apl_7hJ6kL5mN4bV3cX2zQ1w")]
    pub id: String,
    pub freelancer_id: String,
    pub subject_type: SubjectType,
    pub subject_id: String,
    pub explanation: String,
    pub status: AppealStatus,
    pub reviewer_note: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The appellant, in support's views.
    pub freelancer_email: Option<String>,
    pub freelancer_name: Option<String>,
    /// The appealed ledger entry, on support's view of an appeal on earnings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earning: Option<crate::earnings::view::EarningEntry>,
}

impl Appeal {
    pub fn from_row(r: AppealRow, who: Option<(String, String)>) -> Appeal {
        let (email, name) = who.map(|(e, n)| (Some(e), Some(n))).unwrap_or((None, None));
        Appeal {
            id: r.id,
            freelancer_id: r.freelancer_id,
            subject_type: r.subject_type,
            subject_id: r.subject_id,
            explanation: r.explanation,
            status: r.status,
            reviewer_note: r.reviewer_note,
            decided_at: r.decided_at.map(utc),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
            freelancer_email: email,
            freelancer_name: name,
            earning: None,
        }
    }
}

crate::text_enum! {
    /// Where an appeal stands. `submitted` and `in_review` are open; `upheld` and
    /// `denied` are final.
    pub enum AppealStatus {
        Submitted = "submitted",
        InReview = "in_review",
        Upheld = "upheld",
        Denied = "denied",
    }
}

impl AppealStatus {
    /// Support takes only a fresh appeal into review.
    pub fn can_start_review(self) -> bool {
        self == AppealStatus::Submitted
    }

    /// An open appeal can be decided, in review or not.
    pub fn can_decide(self) -> bool {
        matches!(self, AppealStatus::Submitted | AppealStatus::InReview)
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AppealFilter {
    #[param(inline)]
    pub status: Option<AppealStatus>,
}

#[cfg(test)]
mod tests {
    use super::AppealStatus::*;
    use super::{AppealStatus, SubjectType, Verdict};

    /// The CHECK constraints of both engines spell exactly the enum's values: the statuses
    /// as 000003 made them, the subject types as 000013 (earnings) widened them.
    fn migrations() -> [(&'static str, &'static str); 2] {
        [
            (
                include_str!("../../../migrations/sqlite/2026-12-02-000003_state_machines/up.sql"),
                include_str!("../../../migrations/sqlite/2026-12-06-000013_earnings/up.sql"),
            ),
            (
                include_str!("../../../migrations/postgres/2026-12-02-000003_state_machines/up.sql"),
                include_str!("../../../migrations/postgres/2026-12-06-000013_earnings/up.sql"),
            ),
        ]
    }

    #[test]
    fn checks_match_the_enums() {
        for (statuses, subjects) in migrations() {
            assert!(statuses.contains(&format!("CHECK (status IN ({}))", AppealStatus::sql_list())));
            assert!(subjects.contains(&format!("CHECK (subject_type IN ({}))", SubjectType::sql_list())));
        }
    }

    #[test]
    fn transitions() {
        assert!(Submitted.can_start_review());
        assert!(!InReview.can_start_review() && !Upheld.can_start_review());
        assert!(Submitted.can_decide() && InReview.can_decide());
        assert!(!Upheld.can_decide() && !Denied.can_decide());
        assert_eq!(Verdict::Upheld.status(), Upheld);
        assert_eq!(Verdict::Denied.status(), Denied);
    }
}
