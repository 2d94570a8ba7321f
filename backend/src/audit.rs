//! The audit log: who did what to which subject, when, with before/after snapshots
//! (never secrets). Written inside the transaction of the change it records. Every
//! action is an `AuditAction`: the spec lists them, and the SPA has a label for each in
//! every language (a unit test there fails on a missing one).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::audit_log;
use crate::db::DbConnection;
use crate::domain::ids::AuditId;
use crate::error::AppResult;

crate::text_enum! {
    /// What happened. Stored as TEXT without a CHECK constraint, so that adding an action
    /// needs no table rebuild; only this enum writes the column.
    pub enum AuditAction {
        AppealSubmitted = "appeal.submitted",
        AppealInReview = "appeal.in_review",
        AppealUpheld = "appeal.upheld",
        AppealDenied = "appeal.denied",
        ApplicationSubmitted = "application.submitted",
        ApplicationApproved = "application.approved",
        ApplicationRejected = "application.rejected",
        AuthLogin = "auth.login",
        AuthLoginFailed = "auth.login_failed",
        AuthLogout = "auth.logout",
        /// A password reset link was sent (only for an existing account).
        AuthPasswordResetRequested = "auth.password_reset_requested",
        /// A password was set through a reset link.
        AuthPasswordReset = "auth.password_reset",
        CatalogPlanCreated = "catalog.plan_created",
        CatalogPlanUpdated = "catalog.plan_updated",
        CatalogProductCreated = "catalog.product_created",
        ClockAdvanced = "clock.advanced",
        CommerceSettingsUpdated = "commerce_settings.updated",
        CustomerAccountSubmitted = "customer_account.submitted",
        CustomerAccountApproved = "customer_account.approved",
        CustomerAccountRejected = "customer_account.rejected",
        /// Support credited or debited a freelancer's available funds (or an upheld appeal did).
        EarningAdjusted = "earning.adjusted",
        /// A tier change moved a pending earning entry's `available_at` (subject: the entry).
        EarningRetimed = "earning.retimed",
        /// A refund reversed a commission, or clawed back part of an available one (subject: the commission).
        EarningReversed = "earning.reversed",
        InvoiceIssued = "invoice.issued",
        CreditNoteIssued = "invoice.credit_note_issued",
        OrderPlaced = "order.placed",
        /// A freelancer bought through their own referral link (no commission; support looks at it).
        OrderSelfReferral = "order.self_referral",
        PartnershipAccepted = "partnership.accepted",
        PaymentFailed = "payment.failed",
        PaymentRefunded = "payment.refunded",
        ProvisioningFailed = "provisioning.failed",
        FreelancerBecameEligible = "freelancer.became_eligible",
        FreelancerTierChanged = "freelancer.tier_changed",
        InvitationCreated = "invitation.created",
        InvitationAccepted = "invitation.accepted",
        InvitationResent = "invitation.resent",
        InvitationRevoked = "invitation.revoked",
        SessionReuseDetected = "session.reuse_detected",
        SubscriptionActivated = "subscription.activated",
        SubscriptionAutoRenewChanged = "subscription.auto_renew_changed",
        SubscriptionCancelled = "subscription.cancelled",
        SubscriptionExpired = "subscription.expired",
        SubscriptionReactivated = "subscription.reactivated",
        SubscriptionRenewalFailed = "subscription.renewal_failed",
        SubscriptionRenewed = "subscription.renewed",
        SubscriptionSeatsChanged = "subscription.seats_changed",
        SubscriptionSuspended = "subscription.suspended",
        SupportTicketClosed = "support_ticket.closed",
        TaxFormSaved = "tax_form.saved",
        TaxRateChanged = "tax_rate.changed",
        TaxRateRemoved = "tax_rate.removed",
        TermsAccepted = "terms.accepted",
        TermsPublished = "terms.published",
        UserRegistered = "user.registered",
        UserEmailVerified = "user.email_verified",
        /// Name or language changed (`PATCH /me`).
        UserUpdated = "user.updated",
        UserRoleGranted = "user.role_granted",
        UserRoleRevoked = "user.role_revoked",
        /// A freelancer asked for a payout (the money left available funds).
        WithdrawalRequested = "withdrawal.requested",
        WithdrawalPaid = "withdrawal.paid",
        /// The payout provider declined; the money went back to available funds.
        WithdrawalFailed = "withdrawal.failed",
        /// Support asked the payout provider again about a withdrawal still requested.
        WithdrawalRetried = "withdrawal.retried",
    }
}

pub struct AuditEntry<'a> {
    pub actor_id: Option<&'a str>,
    pub action: AuditAction,
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub ip: Option<&'a str>,
}

impl<'a> AuditEntry<'a> {
    pub fn new(actor_id: Option<&'a str>, action: AuditAction, subject_type: &'a str, subject_id: &'a str) -> Self {
        AuditEntry { actor_id, action, subject_type, subject_id, before: None, after: None, ip: None }
    }

    pub fn before(mut self, v: impl Serialize) -> Self {
        self.before = serde_json::to_value(v).ok();
        self
    }

    pub fn after(mut self, v: impl Serialize) -> Self {
        self.after = serde_json::to_value(v).ok();
        self
    }

    pub fn ip(mut self, ip: Option<&'a str>) -> Self {
        self.ip = ip;
        self
    }

    pub fn write(self, conn: &mut DbConnection, at: NaiveDateTime) -> AppResult<()> {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::id.eq(AuditId::generate().0),
                audit_log::actor_id.eq(self.actor_id),
                audit_log::action.eq(self.action),
                audit_log::subject_type.eq(self.subject_type),
                audit_log::subject_id.eq(self.subject_id),
                audit_log::before_json.eq(self.before.map(|v| v.to_string())),
                audit_log::after_json.eq(self.after.map(|v| v.to_string())),
                audit_log::ip.eq(self.ip),
                audit_log::created_at.eq(at),
            ))
            .execute(conn)?;
        Ok(())
    }
}
