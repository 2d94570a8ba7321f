//! Application rows, DTOs and the application state machine.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::clock::utc;
use crate::db::schema::applications;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = applications)]
pub struct ApplicationRow {
    pub id: String,
    pub freelancer_id: String,
    pub invitation_id: Option<String>,
    pub status: ApplicationStatus,
    pub m365_experience: Experience,
    pub us_clients_served: i32,
    pub certifications: String,
    pub country: String,
    pub motivation: String,
    pub links: String,
    pub decision_reason: Option<RejectionReason>,
    pub decision_note: Option<String>,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub decided_via: Option<ApprovalPath>,
}

crate::text_enum! {
    /// Where an application stands. `submitted` and `appealed` are open: a freelancer
    /// has at most one open application (a partial unique index holds that).
    pub enum ApplicationStatus {
        Submitted = "submitted",
        Approved = "approved",
        Rejected = "rejected",
        Appealed = "appealed",
    }
}

crate::text_enum! {
    /// How a decision reached an application: support's review of a new application, or
    /// an upheld appeal of a rejection. The SPA words it in the reader's language.
    pub enum ApprovalPath {
        Review = "review",
        Appeal = "appeal",
    }
}

impl ApplicationStatus {
    /// The open statuses: the `WHERE` of the partial unique index `applications_one_open`.
    pub const OPEN: &'static [ApplicationStatus] = &[ApplicationStatus::Submitted, ApplicationStatus::Appealed];

    /// The one status from which each path approves. Each transition has a single
    /// source, so the audit entry's `before` is exact without reading the row first.
    pub fn approvable_from(path: ApprovalPath) -> ApplicationStatus {
        match path {
            ApprovalPath::Review => ApplicationStatus::Submitted,
            ApprovalPath::Appeal => ApplicationStatus::Appealed,
        }
    }

    /// Support rejects only a fresh application; an appealed one is decided by the appeal.
    pub fn rejectable_from() -> ApplicationStatus {
        ApplicationStatus::Submitted
    }

    /// Only a rejection can be appealed.
    pub fn appealable_from() -> ApplicationStatus {
        ApplicationStatus::Rejected
    }

    /// A denied appeal puts the application back to rejected.
    pub fn appeal_deniable_from() -> ApplicationStatus {
        ApplicationStatus::Appealed
    }

    pub fn is_open(self) -> bool {
        Self::OPEN.contains(&self)
    }
}

crate::text_enum! {
    /// Experience administering Microsoft 365.
    pub enum Experience {
        None = "none",
        Basic = "basic",
        Intermediate = "intermediate",
        Advanced = "advanced",
        Expert = "expert",
    }
}

fn valid_link(link: &str) -> Result<(), validator::ValidationError> {
    match url::Url::parse(link) {
        Ok(u) if (u.scheme() == "https" || u.scheme() == "http") && u.host_str().is_some() => Ok(()),
        _ => Err(validator::ValidationError::new("url").with_message("Enter an http or https URL.".into())),
    }
}

fn valid_certification(c: &CertificationName) -> Result<(), validator::ValidationError> {
    if c.fits() && !c.0.trim().is_empty() {
        Ok(())
    } else {
        Err(validator::ValidationError::new("length").with_message("Each entry must have 1 to 200 characters.".into()))
    }
}

/// The application form.
#[derive(Debug, Deserialize, ToSchema, Validate)]
#[schema(example = json!({
    "m365_experience": "advanced",
    "us_clients_served": 12,
    "certifications": ["MS-102: Microsoft 365 Administrator"],
    "country": "US",
    "motivation": "I run IT for a dozen small US businesses and want to manage their Microsoft 365 directly.",
    "links": ["https://example.com/portfolio"]
}))]
pub struct ApplicationForm {
    /// Experience administering Microsoft 365.
    pub m365_experience: Experience,
    /// How many US clients you serve today. Required when you are based in the US;
    /// others may leave it out (counted as 0).
    #[schema(minimum = 0, maximum = 10000)]
    #[validate(range(min = 0, max = 10000, message = "Enter a number from 0 to 10000."))]
    #[serde(default)]
    pub us_clients_served: Option<i32>,
    /// Up to 20 certifications, e.g. "MS-102".
    #[schema(max_items = 20, inline)]
    #[validate(length(max = 20, message = "List at most 20 certifications."))]
    #[validate(custom(function = "validate_certifications"))]
    pub certifications: Vec<CertificationName>,
    /// Where you are based: ISO 3166-1 alpha-2, e.g. "US".
    #[schema(pattern = "^[A-Z]{2}$", min_length = 2, max_length = 2)]
    #[validate(custom(function = "crate::domain::country::validate"))]
    pub country: String,
    /// Why you want to join, 20 to 2000 characters.
    #[schema(min_length = 20, max_length = 2000)]
    #[validate(length(min = 20, max = 2000, message = "Use 20 to 2000 characters."))]
    pub motivation: String,
    /// Up to 5 links (portfolio, LinkedIn, website).
    #[schema(max_items = 5, inline)]
    #[validate(length(max = 5, message = "List at most 5 links."))]
    #[validate(custom(function = "validate_links"))]
    pub links: Vec<LinkUrl>,
}

impl ApplicationForm {
    /// The answer to "US clients you serve today", asked only of US-based applicants.
    pub fn us_clients(&self) -> Result<i32, crate::error::AppError> {
        match self.us_clients_served {
            Some(n) => Ok(n),
            None if self.country == "US" => {
                Err(crate::error::AppError::field("us_clients_served", "Please say how many US clients you serve today."))
            }
            None => Ok(0),
        }
    }
}

crate::bounded_string!(CertificationName, 1, 200, "A certification name, 1 to 200 characters.");
crate::bounded_string!(LinkUrl, 1, 500, "An http(s) URL of at most 500 characters.");

fn validate_certifications(v: &[CertificationName]) -> Result<(), validator::ValidationError> {
    v.iter().try_for_each(valid_certification)
}

fn validate_links(v: &[LinkUrl]) -> Result<(), validator::ValidationError> {
    v.iter().try_for_each(|l| {
        if !l.fits() {
            return Err(validator::ValidationError::new("length").with_message("Each entry must have 1 to 500 characters.".into()));
        }
        valid_link(&l.0)
    })
}

crate::text_enum! {
    /// Why support rejected an application.
    pub enum RejectionReason {
        NeedsMoreDetail = "needs_more_detail",
        DoesNotMeetRequirements = "does_not_meet_requirements",
        NotTheRightFit = "not_the_right_fit",
        Other = "other",
    }
}

impl RejectionReason {
    pub fn label(self) -> &'static str {
        match self {
            RejectionReason::NeedsMoreDetail => "The application needs more detail.",
            RejectionReason::DoesNotMeetRequirements => "The application does not meet the programme's requirements.",
            RejectionReason::NotTheRightFit => "The programme is not the right fit for this profile.",
            RejectionReason::Other => "Other reason.",
        }
    }
}

crate::text_enum! {
    /// The outcome of support's decision.
    pub enum DecisionOutcome {
        Approved = "approved",
        Rejected = "rejected",
    }
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct RejectForm {
    pub reason: RejectionReason,
    /// Shown to the applicant. Required when the reason is `other`. Blank means none;
    /// a given note has at least 10 characters.
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema, Validate)]
pub struct ApproveForm {
    /// An optional note to the applicant. Blank means none; a given note has at least
    /// 10 characters.
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, message = "Use at most 2000 characters."))]
    pub note: Option<String>,
}

/// Support's decision on an application.
#[derive(Debug, Serialize, ToSchema)]
pub struct Decision {
    pub outcome: DecisionOutcome,
    /// For rejections.
    pub reason: Option<RejectionReason>,
    /// The reason in words.
    pub reason_text: Option<String>,
    /// What support wrote to the applicant, if anything.
    pub note: Option<String>,
    /// `appeal` when an upheld appeal made this decision, else `review`.
    pub via: ApprovalPath,
    pub decided_at: DateTime<Utc>,
}

/// What an application said that other steps reuse (see `service::answers_in`).
pub struct Answers {
    pub country: String,
    pub certifications: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Applicant {
    pub user_id: String,
    pub email: String,
    pub full_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Application {
    #[schema(example = "app_3kT9wQ1zX5cV7bN2mL4p")]
    pub id: String,
    pub freelancer_id: String,
    pub status: ApplicationStatus,
    pub m365_experience: Experience,
    pub us_clients_served: i32,
    pub certifications: Vec<String>,
    pub country: String,
    pub motivation: String,
    pub links: Vec<String>,
    /// True when the applicant came through an invitation.
    pub invited: bool,
    pub decision: Option<Decision>,
    /// Present in support's views.
    pub applicant: Option<Applicant>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Application {
    pub fn from_row(r: ApplicationRow, applicant: Option<Applicant>) -> Application {
        let decision = r.decided_at.map(|at| Decision {
            outcome: if r.decision_reason.is_some() { DecisionOutcome::Rejected } else { DecisionOutcome::Approved },
            reason_text: r.decision_reason.map(|reason| reason.label().to_string()),
            reason: r.decision_reason,
            note: r.decision_note.clone(),
            via: r.decided_via.unwrap_or(ApprovalPath::Review),
            decided_at: utc(at),
        });
        Application {
            id: r.id,
            freelancer_id: r.freelancer_id,
            status: r.status,
            m365_experience: r.m365_experience,
            us_clients_served: r.us_clients_served,
            certifications: serde_json::from_str(&r.certifications).unwrap_or_default(),
            country: r.country,
            motivation: r.motivation,
            links: serde_json::from_str(&r.links).unwrap_or_default(),
            invited: r.invitation_id.is_some(),
            decision,
            applicant,
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueFilter {
    #[param(inline)]
    pub status: Option<ApplicationStatus>,
    /// Only applications that came through an invitation (true) or not (false).
    pub invited: Option<bool>,
    /// Submitted at or after this time.
    pub submitted_after: Option<DateTime<Utc>>,
    /// Submitted before this time.
    pub submitted_before: Option<DateTime<Utc>>,
    /// Search the applicant's name and email.
    #[param(max_length = 100)]
    pub q: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::ApplicationStatus::*;
    use super::*;

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
            assert!(sql.contains(&format!("CHECK (status IN ({}))", ApplicationStatus::sql_list())));
            assert!(sql.contains(&format!("CHECK (m365_experience IN ({}))", Experience::sql_list())));
            assert!(sql.contains(&format!("CHECK (decision_reason IS NULL OR decision_reason IN ({}))", RejectionReason::sql_list())));
            assert!(sql.contains("applications_one_open ON applications (freelancer_id) WHERE status IN ('submitted', 'appealed')"));
        }
        for sql in [
            include_str!("../../../migrations/sqlite/2026-12-02-000009_decision_path/up.sql"),
            include_str!("../../../migrations/postgres/2026-12-02-000009_decision_path/up.sql"),
        ] {
            assert!(sql.contains(&format!("CHECK (decided_via IN ({}))", ApprovalPath::sql_list())));
        }
    }

    #[test]
    fn transitions() {
        assert_eq!(ApplicationStatus::approvable_from(ApprovalPath::Review), Submitted);
        assert_eq!(ApplicationStatus::approvable_from(ApprovalPath::Appeal), Appealed);
        assert_eq!(ApplicationStatus::rejectable_from(), Submitted);
        assert_eq!(ApplicationStatus::appealable_from(), Rejected);
        assert_eq!(ApplicationStatus::appeal_deniable_from(), Appealed);
        assert!(Submitted.is_open() && Appealed.is_open() && !Approved.is_open() && !Rejected.is_open());
        // The partial unique index in the migrations spells the open set the same way.
        assert_eq!(ApplicationStatus::OPEN.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", "), "'submitted', 'appealed'");
    }
}
