//! The states and kinds of the client's purchase: billing terms, subscriptions and their
//! events, invoices, payments, customer accounts, partnership invitations and provisioning
//! tasks. Each is stored as TEXT with a CHECK of these values (migration 000010), and the
//! transitions live here so every slice asks the same questions.

use chrono::{Months, NaiveDateTime};

use crate::error::{AppError, AppResult};

/// `amount × rate_bps / 10 000`, rounded half up: a tax on a net amount, a commission on
/// a charge. One rounding rule for every share of money.
pub fn bps_of(amount_cents: i64, rate_bps: i32) -> i64 {
    (amount_cents * rate_bps as i64 + 5_000).div_euclid(10_000)
}

crate::text_enum! {
    /// How often a subscription is billed and renewed.
    pub enum BillingTerm {
        Monthly = "monthly",
        Yearly = "yearly",
    }
}

impl BillingTerm {
    /// The end of a term that starts at `start` (same day of the next month or year;
    /// chrono clamps the 31st to the month's last day).
    pub fn term_end(self, start: NaiveDateTime) -> NaiveDateTime {
        let months = match self {
            BillingTerm::Monthly => 1,
            BillingTerm::Yearly => 12,
        };
        start.checked_add_months(Months::new(months)).unwrap_or(start)
    }
}

crate::text_enum! {
    /// A subscription's life: `pending` until the client's Microsoft account is set up and
    /// the partnership accepted, `active` then; `suspended` after a renewal payment failed
    /// through the grace period; `cancelled` (refunded in the cancellation window, or never
    /// paid after suspension) or `expired` (ran to the end of a term without renewal).
    pub enum SubscriptionStatus {
        Pending = "pending",
        Active = "active",
        Suspended = "suspended",
        Cancelled = "cancelled",
        Expired = "expired",
    }
}

impl SubscriptionStatus {
    /// States in which the client may still change seats or cancel.
    pub const LIVE: &'static [SubscriptionStatus] = &[SubscriptionStatus::Pending, SubscriptionStatus::Active];
    /// States that renew when due.
    pub const RENEWABLE: &'static [SubscriptionStatus] = &[SubscriptionStatus::Active, SubscriptionStatus::Suspended];

    pub fn is_final(self) -> bool {
        matches!(self, SubscriptionStatus::Cancelled | SubscriptionStatus::Expired)
    }
}

crate::text_enum! {
    /// What happened to a subscription; rows of `subscription_events` are append-only and
    /// are what earnings, notifications and webhooks consume.
    pub enum SubscriptionEventKind {
        Created = "created",
        Activated = "activated",
        SeatsIncreased = "seats_increased",
        SeatsDecreaseScheduled = "seats_decrease_scheduled",
        SeatsDecreased = "seats_decreased",
        /// Cancelled inside the cancellation window, with a prorated refund.
        Cancelled = "cancelled",
        /// Cancelled after the window: auto-renew is off and the term runs out.
        AutoRenewDisabled = "auto_renew_disabled",
        Renewed = "renewed",
        RenewalPaymentFailed = "renewal_payment_failed",
        Suspended = "suspended",
        /// A payment retry succeeded after suspension.
        Reactivated = "reactivated",
        Expired = "expired",
    }
}

crate::text_enum! {
    /// An invoice charges; a credit note refunds (part of) an invoice.
    pub enum InvoiceKind {
        Invoice = "invoice",
        CreditNote = "credit_note",
    }
}

crate::text_enum! {
    pub enum InvoiceStatus {
        /// An invoice whose payment succeeded.
        Paid = "paid",
        /// An invoice that a credit note refunded (in full or in part).
        Credited = "credited",
        /// A credit note.
        Issued = "issued",
    }
}

crate::text_enum! {
    /// Why money moved.
    pub enum PaymentPurpose {
        Purchase = "purchase",
        SeatIncrease = "seat_increase",
        Renewal = "renewal",
        Refund = "refund",
    }
}

crate::text_enum! {
    pub enum PaymentStatus {
        Succeeded = "succeeded",
        Failed = "failed",
    }
}

crate::text_enum! {
    /// A client's Microsoft account set-up: `submitted` for review, `approved` (partnership
    /// invitation sent) or `rejected` (the client fixes it and submits again), `active` once
    /// the partnership is accepted.
    pub enum CustomerAccountStatus {
        Submitted = "submitted",
        Approved = "approved",
        Rejected = "rejected",
        Active = "active",
    }
}

crate::text_enum! {
    pub enum PartnershipStatus {
        Pending = "pending",
        Accepted = "accepted",
        /// A newer invitation for the same account replaced it.
        Superseded = "superseded",
    }
}

crate::text_enum! {
    /// A call to the Microsoft commerce provider, carried out by the `provisioning` job.
    pub enum ProvisioningTaskKind {
        CreateCustomer = "create_customer",
        PlaceOrder = "place_order",
        ChangeSeats = "change_seats",
        CancelSubscription = "cancel_subscription",
        SetAutoRenew = "set_auto_renew",
    }
}

crate::text_enum! {
    pub enum ProvisioningStatus {
        Pending = "pending",
        Done = "done",
        /// Gave up after the last retry; support sees it.
        Failed = "failed",
    }
}

crate::text_enum! {
    pub enum IdempotencyStatus {
        InProgress = "in_progress",
        Completed = "completed",
    }
}

/// A number of seats a client may buy: 1 to 50.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seats(i32);

impl Seats {
    pub const MIN: i32 = 1;
    pub const MAX: i32 = 50;

    /// Parses a seat count from the request field `field`.
    pub fn new(field: &str, n: i64) -> AppResult<Seats> {
        if !(Seats::MIN as i64..=Seats::MAX as i64).contains(&n) {
            return Err(AppError::field(field, "Choose between 1 and 50 seats."));
        }
        Ok(Seats(n as i32))
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn terms_end_a_month_or_a_year_later() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap().and_hms_opt(10, 0, 0).unwrap();
        assert_eq!(BillingTerm::Monthly.term_end(start).to_string(), "2026-02-28 10:00:00");
        assert_eq!(BillingTerm::Yearly.term_end(start).to_string(), "2027-01-31 10:00:00");
    }

    #[test]
    fn seats_are_one_to_fifty() {
        assert!(Seats::new("seats", 0).is_err());
        assert!(Seats::new("seats", 51).is_err());
        assert_eq!(Seats::new("seats", 50).unwrap().get(), 50);
    }
}
