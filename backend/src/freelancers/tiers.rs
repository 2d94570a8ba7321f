//! Seller tiers decide the clearing period of earnings: 14 days, or 7 for Top Rated, Pro
//! and Seller Plus Premium.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Standard,
    TopRated,
    Pro,
    SellerPlusPremium,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Standard, Tier::TopRated, Tier::Pro, Tier::SellerPlusPremium];

    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Standard => "standard",
            Tier::TopRated => "top_rated",
            Tier::Pro => "pro",
            Tier::SellerPlusPremium => "seller_plus_premium",
        }
    }

    pub fn parse(s: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tier::Standard => "Standard",
            Tier::TopRated => "Top Rated",
            Tier::Pro => "Pro",
            Tier::SellerPlusPremium => "Seller Plus Premium",
        }
    }

    /// Days from activation until a commission becomes available funds.
    pub fn clearing_days(self) -> i64 {
        match self {
            Tier::Standard => 14,
            _ => 7,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Tier;

    #[test]
    fn clearing_periods() {
        assert_eq!(Tier::Standard.clearing_days(), 14);
        for t in [Tier::TopRated, Tier::Pro, Tier::SellerPlusPremium] {
            assert_eq!(t.clearing_days(), 7);
        }
        assert_eq!(Tier::parse("top_rated"), Some(Tier::TopRated));
        assert_eq!(Tier::parse("gold"), None);
    }
}
