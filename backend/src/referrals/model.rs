//! The referral landing page as the API shows it.

use serde::Serialize;
use utoipa::ToSchema;

use crate::catalog::model::Plan;

/// How the freelancer behind a link appears to clients.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReferralFreelancer {
    #[schema(example = "ana.it-support")]
    pub display_name: String,
    /// The profile picture (`/api/v1/profile-pictures/{id}`), if the freelancer has one.
    #[schema(example = "/api/v1/profile-pictures/pic_Zx8Kq2Lm4Np6Rs0Tv1Wy")]
    pub photo_url: Option<String>,
}

/// What a referral link opens: the freelancer and the plans on sale.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReferralLanding {
    /// The code as the link names it (lower case).
    #[schema(example = "k3x9m2p7qa")]
    pub code: String,
    pub freelancer: ReferralFreelancer,
    pub plans: Vec<Plan>,
}
