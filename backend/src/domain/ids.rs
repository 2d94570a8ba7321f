//! Prefixed opaque ids (`usr_…`, `fl_…`): unguessable, portable TEXT, and
//! self-describing in logs and URLs. Each kind of id is its own type.

use rand::distributions::Alphanumeric;
use rand::Rng;

/// A random token of `len` characters from [A-Za-z0-9].
pub fn random_token(len: usize) -> String {
    rand::thread_rng().sample_iter(&Alphanumeric).take(len).map(char::from).collect()
}

macro_rules! typed_id {
    ($name:ident, $prefix:literal) => {
        #[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub const PREFIX: &'static str = $prefix;

            pub fn generate() -> Self {
                $name(format!("{}_{}", $prefix, random_token(20)))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

typed_id!(UserId, "usr");
typed_id!(FreelancerId, "fl");
typed_id!(RefreshTokenId, "rt");
typed_id!(TokenFamilyId, "rtf");
typed_id!(AuditId, "aud");
typed_id!(EmailId, "eml");
typed_id!(JobRunId, "job");
typed_id!(OrderId, "ord");
typed_id!(PaymentId, "pay");
typed_id!(SubscriptionId, "sub");
typed_id!(SubscriptionEventId, "sev");
typed_id!(InvoiceId, "inv");
typed_id!(InvoiceLineId, "inl");
typed_id!(CustomerAccountId, "acct");
typed_id!(PartnershipInvitationId, "pin");
typed_id!(ProvisioningTaskId, "prv");
typed_id!(IdempotencyKeyId, "idk");
typed_id!(EarningEntryId, "ern");
typed_id!(WithdrawalId, "wd");

/// A row id whose type does not matter outside its table (login attempts).
pub fn plain_id(prefix: &str) -> String {
    format!("{prefix}_{}", random_token(20))
}
