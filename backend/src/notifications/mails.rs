//! Every email the platform sends, one typed struct each. The struct is the template's
//! contract: its fields are the template's parameters (kept in the outbox with the
//! message), `url` is where its call to action leads. `samples()` has one filled-in
//! instance per template, for `partner-hub email preview` and the template tests.

use serde::Serialize;

use crate::domain::locale::Locale;
use crate::notifications::mail::{render, Mail, Rendered};

macro_rules! mail {
    ($name:ident, $key:literal { $($field:ident : $ty:ty),* $(,)? }) => {
        #[derive(Debug, Clone, Serialize)]
        pub struct $name {
            $(pub $field: $ty,)*
            /// The call to action's link.
            pub url: String,
        }

        impl Mail for $name {
            const KEY: &'static str = $key;
            fn action_url(&self) -> &str {
                &self.url
            }
        }
    };
}

// With `confirm_by` (the sign-up link's expiry) the welcome also asks to confirm the
// address and its action is the confirmation link: one message at sign-up, not two.
mail!(Welcome, "welcome" { name: String, role: String, confirm_by: Option<String> });
mail!(EmailVerification, "email_verification" { name: String, expires_at: String });
mail!(PasswordReset, "password_reset" { name: String, expires_at: String });
mail!(Invitation, "invitation" { kind: String, expires_at: String });
mail!(ApplicationReceived, "application_received" { name: String });
mail!(ApplicationApproved, "application_approved" { name: String, note: Option<String>, onboarding_required: bool });
mail!(ApplicationRejected, "application_rejected" { name: String, reason: String, note: Option<String> });
mail!(AppealReceived, "appeal_received" { name: String });
mail!(AppealSubmittedStaff, "appeal_submitted_staff" { name: String, email: String, subject_type: String, explanation: String });
mail!(AppealDecided, "appeal_decided" { name: String, upheld: bool, note: String });
mail!(TierChanged, "tier_changed" { name: String, tier: String, clearing_days: i64 });
mail!(TermsUpdated, "terms_updated" { name: String, version: i32, title: String });
mail!(SupportTicketReceived, "support_ticket_received" { name: String, subject: String, reference: String });
mail!(SupportTicketNew, "support_ticket_new" { name: String, email: String, category: String, subject: String, message: String });
mail!(SupportTicketAnswered, "support_ticket_answered" { name: String, subject: String, answer: String });
mail!(PartnershipInvitation, "partnership_invitation" { name: String, account_name: String, expires_at: String });
mail!(CustomerAccountRejected, "customer_account_rejected" { name: String, account_name: String, reason: String });
mail!(SubscriptionActive, "subscription_active" { name: String, plan_name: String, seats: i32 });
// The subscription lifecycle (amounts in cents, shown with the `money` filter; times RFC 3339).
// A seat increase (charged now, `invoice_number` set) or a scheduled decrease (at `effective_at`).
mail!(SubscriptionSeatsChanged, "subscription_seats_changed" {
    name: String, plan: String, seats_before: i32, seats_after: i32, increased: bool, effective_at: String,
    amount_cents: i64, currency: String, invoice_number: Option<String>,
});
// Cancelled inside the window (`refunded`: refund now, ended) or auto-renew turned off (ends at `ends_at`).
mail!(SubscriptionCancelled, "subscription_cancelled" {
    name: String, plan: String, refunded: bool, refund_cents: i64, currency: String, ends_at: String,
});
mail!(SubscriptionRenewed, "subscription_renewed" {
    name: String, plan: String, seats: i32, amount_cents: i64, currency: String, invoice_number: String,
    term_end: String, cancel_until: String,
});
mail!(SubscriptionRenewalFailed, "subscription_renewal_failed" {
    name: String, plan: String, amount_cents: i64, currency: String, retry_at: String, grace_until: String,
});
mail!(SubscriptionSuspended, "subscription_suspended" { name: String, plan: String, retry_at: String, cancel_at: String });
// Expired at the term end (auto-renew off) or cancelled because the renewal was never paid (`unpaid`).
mail!(SubscriptionEnded, "subscription_ended" { name: String, plan: String, unpaid: bool, ended_at: String });
// To the client after checkout; the action is the account set-up, the invoice has its own link.
mail!(OrderConfirmation, "order_confirmation" {
    name: String, plan: String, seats: i32, term: String, total_cents: i64, currency: String, invoice_number: String, invoice_url: String,
});
// To the freelancer whose link sold it: what was sold, nothing about the client.
mail!(SaleNotification, "sale_notification" { name: String, plan: String, seats: i32, term: String });
// To the freelancer when a withdrawal is paid, or failed (the money is back in available funds).
mail!(WithdrawalPaid, "withdrawal_paid" { name: String, amount_cents: i64, currency: String, reference: String });
mail!(WithdrawalFailed, "withdrawal_failed" {
    name: String, amount_cents: i64, currency: String, failure_code: String, reason: String,
});
// Earnings, to the freelancer. `available_at` None: clearing starts when the subscription is activated.
mail!(CommissionEarned, "commission_earned" {
    name: String, plan: String, seats: i32, amount_cents: i64, currency: String, available_at: Option<String>, clearing_days: i64,
});
mail!(CommissionAvailable, "commission_available" { name: String, plan: String, amount_cents: i64, currency: String });
// A refund took back `amount_cents` of a commission of `commission_cents`: while pending it
// is reversed in full; once available (`clawback`) the prorated share leaves available funds.
mail!(CommissionReversed, "commission_reversed" {
    name: String, plan: String, amount_cents: i64, commission_cents: i64, currency: String, clawback: bool, invoice_number: String,
});

/// One rendered sample of `key` in `locale` (None for an unknown key).
pub fn sample(key: &str, locale: Locale) -> Option<Result<Rendered, minijinja::Error>> {
    let base = "https://partner-hub.example";
    let when = "2026-12-16T09:30:00Z".to_string();
    let name = || "Ana Lima".to_string();
    let url = |p: &str| format!("{base}{p}");
    Some(match key {
        "welcome" => render(
            &Welcome { name: name(), role: "freelancer".into(), confirm_by: Some(when), url: url("/verify-email?token=sample") },
            locale,
        ),
        "email_verification" => {
            render(&EmailVerification { name: name(), expires_at: when, url: url("/verify-email?token=sample") }, locale)
        }
        "password_reset" => render(&PasswordReset { name: name(), expires_at: when, url: url("/reset-password?token=sample") }, locale),
        "invitation" => render(&Invitation { kind: "external".into(), expires_at: when, url: url("/invitations/sample") }, locale),
        "application_received" => render(&ApplicationReceived { name: name(), url: url("/app/application") }, locale),
        "application_approved" => render(
            &ApplicationApproved {
                name: name(),
                note: Some(if locale == Locale::De { "Schön, dass Sie dabei sind." } else { "Glad to have you." }.into()),
                onboarding_required: true,
                url: url("/app/onboarding"),
            },
            locale,
        ),
        "application_rejected" => render(
            &ApplicationRejected { name: name(), reason: "needs_more_detail".into(), note: None, url: url("/app/application") },
            locale,
        ),
        "appeal_received" => render(&AppealReceived { name: name(), url: url("/app/appeals") }, locale),
        "appeal_submitted_staff" => render(
            &AppealSubmittedStaff {
                name: name(),
                email: "ana@example.com".into(),
                subject_type: "application".into(),
                explanation: if locale == Locale::De { "Meine Kunden sitzen in den USA." } else { "My clients are in the US." }.into(),
                url: url("/admin/appeals/apl_sample"),
            },
            locale,
        ),
        "appeal_decided" => render(
            &AppealDecided {
                name: name(),
                upheld: true,
                note: if locale == Locale::De { "Danke, Ana." } else { "Thanks, Ana." }.into(),
                url: url("/app/appeals"),
            },
            locale,
        ),
        "tier_changed" => {
            render(&TierChanged { name: name(), tier: "top_rated".into(), clearing_days: 7, url: url("/app/dashboard") }, locale)
        }
        "terms_updated" => {
            render(&TermsUpdated { name: name(), version: 2, title: "Partner Hub 2027".into(), url: url("/app/onboarding/terms") }, locale)
        }
        "support_ticket_received" => render(
            &SupportTicketReceived {
                name: name(),
                subject: "W-9".into(),
                reference: "tkt_sample".into(),
                url: url("/app/support/tkt_sample"),
            },
            locale,
        ),
        "support_ticket_new" => render(
            &SupportTicketNew {
                name: name(),
                email: "ana@example.com".into(),
                category: "onboarding".into(),
                subject: "W-9".into(),
                message: "EIN?".into(),
                url: url("/admin/support/tkt_sample"),
            },
            locale,
        ),
        "support_ticket_answered" => render(
            &SupportTicketAnswered {
                name: name(),
                subject: "W-9".into(),
                answer: "12-3456789.".into(),
                url: url("/app/support/tkt_sample"),
            },
            locale,
        ),
        "partnership_invitation" => render(
            &PartnershipInvitation {
                name: name(),
                account_name: "Lima Consulting GmbH".into(),
                expires_at: when,
                url: url("/partnership/php_sample"),
            },
            locale,
        ),
        "customer_account_rejected" => render(
            &CustomerAccountRejected {
                name: name(),
                account_name: "Lima Consulting GmbH".into(),
                reason: if locale == Locale::De {
                    "Die Postleitzahl passt nicht zur Stadt."
                } else {
                    "The postal code does not match the city."
                }
                .into(),
                url: url("/app/account/setup"),
            },
            locale,
        ),
        "order_confirmation" => render(
            &OrderConfirmation {
                name: name(),
                plan: "Microsoft 365 Business Standard".into(),
                seats: 5,
                term: "yearly".into(),
                total_cents: 75_000,
                currency: "USD".into(),
                invoice_number: "2026-000042".into(),
                invoice_url: url("/app/billing/invoices/inv_sample"),
                url: url("/app/account/setup"),
            },
            locale,
        ),
        "subscription_active" => render(
            &SubscriptionActive {
                name: name(),
                plan_name: "Microsoft 365 Business Standard".into(),
                seats: 5,
                url: url("/app/subscriptions/sub_sample"),
            },
            locale,
        ),
        "subscription_seats_changed" => render(
            &SubscriptionSeatsChanged {
                name: name(),
                plan: "Microsoft 365 Business Standard".into(),
                seats_before: 5,
                seats_after: 8,
                increased: true,
                effective_at: when.clone(),
                amount_cents: 36_000,
                currency: "USD".into(),
                invoice_number: Some("2026-000042".into()),
                url: url("/app/billing/invoices/inv_sample"),
            },
            locale,
        ),
        "subscription_cancelled" => render(
            &SubscriptionCancelled {
                name: name(),
                plan: "Microsoft 365 Business Basic".into(),
                refunded: true,
                refund_cents: 6_986,
                currency: "USD".into(),
                ends_at: when,
                url: url("/app/subscriptions/sub_sample"),
            },
            locale,
        ),
        "subscription_renewed" => render(
            &SubscriptionRenewed {
                name: name(),
                plan: "Microsoft 365 Business Basic".into(),
                seats: 3,
                amount_cents: 2_160,
                currency: "USD".into(),
                invoice_number: "2026-000043".into(),
                term_end: "2027-01-16T09:30:00Z".into(),
                cancel_until: "2026-12-23T09:30:00Z".into(),
                url: url("/app/billing/invoices/inv_sample"),
            },
            locale,
        ),
        "subscription_renewal_failed" => render(
            &SubscriptionRenewalFailed {
                name: name(),
                plan: "Microsoft 365 Business Basic".into(),
                amount_cents: 2_160,
                currency: "USD".into(),
                retry_at: "2026-12-17T09:30:00Z".into(),
                grace_until: "2026-12-23T09:30:00Z".into(),
                url: url("/app/subscriptions/sub_sample"),
            },
            locale,
        ),
        "subscription_suspended" => render(
            &SubscriptionSuspended {
                name: name(),
                plan: "Microsoft 365 Business Basic".into(),
                retry_at: "2026-12-30T09:30:00Z".into(),
                cancel_at: "2027-01-15T09:30:00Z".into(),
                url: url("/app/subscriptions/sub_sample"),
            },
            locale,
        ),
        "subscription_ended" => render(
            &SubscriptionEnded {
                name: name(),
                plan: "Microsoft 365 Business Basic".into(),
                unpaid: false,
                ended_at: when,
                url: url("/app/subscriptions/sub_sample"),
            },
            locale,
        ),
        "sale_notification" => render(
            &SaleNotification {
                name: name(),
                plan: "Microsoft 365 Business Basic".into(),
                seats: 1,
                term: "monthly".into(),
                url: url("/app/dashboard"),
            },
            locale,
        ),
        "withdrawal_paid" => render(
            &WithdrawalPaid {
                name: name(),
                amount_cents: 25_000,
                currency: "USD".into(),
                reference: "wd_sample".into(),
                url: url("/app/earnings"),
            },
            locale,
        ),
        "withdrawal_failed" => render(
            &WithdrawalFailed {
                name: name(),
                amount_cents: 25_000,
                currency: "USD".into(),
                failure_code: "account_closed".into(),
                reason: crate::providers::payouts::sandbox::ACCOUNT_CLOSED_REASON.into(),
                url: url("/app/earnings"),
            },
            locale,
        ),
        "commission_earned" => render(
            &CommissionEarned {
                name: name(),
                plan: "Microsoft 365 Business Standard".into(),
                seats: 5,
                amount_cents: 7_500,
                currency: "USD".into(),
                available_at: Some("2026-12-30T09:30:00Z".into()),
                clearing_days: 14,
                url: url("/app/earnings"),
            },
            locale,
        ),
        "commission_available" => render(
            &CommissionAvailable {
                name: name(),
                plan: "Microsoft 365 Business Standard".into(),
                amount_cents: 7_500,
                currency: "USD".into(),
                url: url("/app/earnings"),
            },
            locale,
        ),
        "commission_reversed" => render(
            &CommissionReversed {
                name: name(),
                plan: "Microsoft 365 Business Standard".into(),
                amount_cents: 7_500,
                commission_cents: 7_500,
                currency: "USD".into(),
                clawback: false,
                invoice_number: "2026-000042".into(),
                url: url("/app/earnings"),
            },
            locale,
        ),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notifications::mail::KEYS;

    /// Whole words that give an English sentence away in a German email.
    const ENGLISH: &[&str] = &[
        "the", "your", "you", "and", "is", "are", "was", "with", "please", "hello", "this", "has", "been", "we", "our", "to", "of", "for",
        "if", "not", "now", "next", "see", "open", "review", "thank",
    ];

    fn words(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect()
    }

    #[test]
    fn every_template_renders_in_both_languages_with_its_link_and_layout() {
        for key in KEYS {
            for locale in Locale::ALL {
                let mail = sample(key, *locale)
                    .unwrap_or_else(|| panic!("no sample for {key}"))
                    .unwrap_or_else(|e| panic!("{key} {locale}: {e:#}"));
                assert!(!mail.subject.trim().is_empty() && !mail.subject.contains('\n'), "{key} {locale}: subject {:?}", mail.subject);
                let url = mail.params["url"].as_str().unwrap();
                assert!(mail.text.contains(url), "{key} {locale}: the text part has the link");
                assert!(mail.html.contains(&format!("href=\"{url}\"")), "{key} {locale}: the HTML part links it");
                assert!(mail.html.contains(&format!("<html lang=\"{locale}\">")), "{key} {locale}: html lang");
                let first_word: String = mail.subject.chars().take_while(|c| c.is_alphanumeric()).collect();
                assert!(mail.html.contains(&format!("<title>{first_word}")), "{key} {locale}: the HTML title is the subject");
                assert!(!mail.text.contains("{{") && !mail.html.contains("{{"), "{key} {locale}: unrendered placeholder");
            }
        }
    }

    #[test]
    fn german_mail_has_no_english_sentence() {
        for key in KEYS {
            let mail = sample(key, Locale::De).unwrap().unwrap();
            for part in [&mail.subject, &mail.text] {
                let found: Vec<String> = words(part).into_iter().filter(|w| ENGLISH.contains(&w.as_str())).collect();
                assert!(found.is_empty(), "{key}: English words {found:?} in {part}");
            }
        }
    }

    #[test]
    fn english_mail_is_english() {
        for key in KEYS {
            let mail = sample(key, Locale::En).unwrap().unwrap();
            for german in ["Sie", "Ihr", "und", "Guten"] {
                assert!(!words(&mail.text).contains(&german.to_lowercase()), "{key}: German word {german} in English mail");
            }
        }
    }

    #[test]
    fn values_are_escaped_in_html_and_kept_in_text() {
        let mail = render(
            &Welcome { name: "<script>x</script>".into(), role: "customer".into(), confirm_by: None, url: "https://h/app?a=1&b=2".into() },
            Locale::De,
        )
        .unwrap();
        assert!(mail.html.contains("&lt;script&gt;") && !mail.html.contains("<script>"));
        assert!(mail.html.contains("href=\"https://h/app?a=1&amp;b=2\""));
        assert!(mail.text.contains("<script>x</script>"));
        assert_eq!(mail.params["name"], "<script>x</script>");
        assert_eq!(mail.locale, Locale::De);
    }

    #[test]
    fn a_line_ending_in_a_tag_keeps_its_paragraph_break() {
        let de = sample("application_rejected", Locale::De).unwrap().unwrap();
        assert!(de.text.contains("Angaben.\n\nWenn Sie"), "{}", de.text);
        let en = sample("application_rejected", Locale::En).unwrap().unwrap();
        assert!(en.text.contains("detail.\n\nIf you believe"), "{}", en.text);
    }

    #[test]
    fn a_missing_parameter_is_an_error() {
        let err = crate::notifications::mail::render_key("welcome", serde_json::json!({"url": "x"}), "x", Locale::En);
        assert!(err.is_err());
    }
}
