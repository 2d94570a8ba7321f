//! Seller tiers decide the clearing period of earnings: 14 days, or 7 for Top Rated, Pro
//! and Seller Plus Premium.

crate::text_enum! {
    /// The seller tier support assigns.
    pub enum Tier {
        Standard = "standard",
        TopRated = "top_rated",
        Pro = "pro",
        SellerPlusPremium = "seller_plus_premium",
    }
}

impl Tier {
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
