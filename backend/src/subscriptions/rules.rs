//! The money and time rules of a subscription's life, as pure functions (no database, no
//! clock): what a seat increase costs, what a cancellation refunds, whether a cancellation
//! refunds or only stops the renewal, and what happens after a renewal payment fails.
//! They follow Microsoft's new-commerce rules:
//!
//! - **Seats up** at any time, charged now for the rest of the term:
//!   `added seats × unit price × remaining time / term length`, computed in whole seconds
//!   with integer arithmetic and rounded half up to the cent.
//! - **Seats down** only at renewal (a scheduled change).
//! - **Cancel** within 168 hours of the purchase or the last renewal
//!   (`now <= cancellation_allowed_until`): a prorated refund and the subscription ends
//!   now. After that, cancelling turns auto-renew off and the subscription runs to the end
//!   of its term. Like Microsoft, the refund is what was paid for the time not used: every
//!   charge of the current term (the term's invoice, and each prorated seat increase) is
//!   refunded for the part of its own period that lies after the cancellation.
//!   The unused time is counted from the start of the current hour: the client keeps the
//!   hour in which they cancel, the preview shown before confirming is exactly what the
//!   cancel refunds, and a retried or concurrent cancel within the hour asks the payment
//!   provider for the same amount under the same idempotency key.
//! - **Renewal** payment failures are retried 1, 3, 5 and 7 days after the term end (the
//!   grace period); a subscription still unpaid when the grace period is over is
//!   `suspended`, retried after 14 and 21 days, and `cancelled` 30 days after its term end.

use chrono::{Duration, NaiveDateTime, Timelike};

use crate::domain::commerce::SubscriptionStatus;

/// Days after the term end during which a failed renewal payment is retried while the
/// subscription stays active.
pub const GRACE_DAYS: i64 = 7;
/// Days after the term end when a subscription that is still unpaid is cancelled.
pub const CANCEL_UNPAID_AFTER_DAYS: i64 = 30;
/// When a failed renewal payment is tried again, in days after the term end.
pub const RETRY_DAYS: [i64; 6] = [1, 3, 5, GRACE_DAYS, 14, 21];

/// `amount × part / whole`, rounded half up to the cent; `part` is clamped to `0..=whole`
/// and an empty `whole` prorates to nothing. i128 inside: cents × seconds of a year do not
/// fit an i64 comfortably once multiplied by seats.
pub fn prorate(amount_cents: i64, part_secs: i64, whole_secs: i64) -> i64 {
    if whole_secs <= 0 || amount_cents == 0 {
        return 0;
    }
    let part = part_secs.clamp(0, whole_secs) as i128;
    let num = amount_cents as i128 * part;
    let den = whole_secs as i128;
    // Half up for positive amounts: floor((2·num + den) / (2·den)).
    ((2 * num + den).div_euclid(2 * den)) as i64
}

/// Seconds of the period `[start, end)` that lie after `at` (the whole period when `at`
/// is before it, nothing when after).
pub fn remaining_secs(at: NaiveDateTime, start: NaiveDateTime, end: NaiveDateTime) -> i64 {
    let from = at.max(start);
    (end - from).num_seconds().max(0)
}

/// Length of the period in whole seconds.
pub fn length_secs(start: NaiveDateTime, end: NaiveDateTime) -> i64 {
    (end - start).num_seconds().max(0)
}

/// What raising the seats from `old` to `new` costs now, for the rest of the term.
pub fn seat_increase_charge(old: i32, new: i32, unit_price_cents: i64, now: NaiveDateTime, term: (NaiveDateTime, NaiveDateTime)) -> i64 {
    let added = (new - old).max(0) as i64;
    prorate(added * unit_price_cents, remaining_secs(now, term.0, term.1), length_secs(term.0, term.1))
}

/// The instant from which a refund counts unused time: the start of the hour of `now`.
pub fn refund_instant(now: NaiveDateTime) -> NaiveDateTime {
    now.with_nanosecond(0).and_then(|t| t.with_second(0)).and_then(|t| t.with_minute(0)).unwrap_or(now)
}

/// The refund of one charged line (`amount_cents` for `period`) when cancelling at `now`:
/// the share of its period not used yet.
pub fn unused_share(amount_cents: i64, period: (NaiveDateTime, NaiveDateTime), now: NaiveDateTime) -> i64 {
    let from = refund_instant(now);
    prorate(amount_cents, remaining_secs(from, period.0, period.1), length_secs(period.0, period.1))
}

/// How a cancellation at `now` ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelRule {
    /// Inside the cancellation window: refund the unused time, end now.
    Refund,
    /// After the window: auto-renew off, the subscription ends at its term end.
    EndAtTermEnd,
}

pub fn cancel_rule(now: NaiveDateTime, cancellation_allowed_until: NaiveDateTime) -> CancelRule {
    if now <= cancellation_allowed_until {
        CancelRule::Refund
    } else {
        CancelRule::EndAtTermEnd
    }
}

/// What a requested seat count means against the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeatChange {
    /// More seats: charged and applied now.
    Increase { added: i32 },
    /// Fewer seats: scheduled for the renewal.
    Decrease,
    /// The current count: nothing to charge (a scheduled decrease is dropped).
    Same,
}

pub fn seat_change(current: i32, requested: i32) -> SeatChange {
    match requested.cmp(&current) {
        std::cmp::Ordering::Greater => SeatChange::Increase { added: requested - current },
        std::cmp::Ordering::Less => SeatChange::Decrease,
        std::cmp::Ordering::Equal => SeatChange::Same,
    }
}

/// What follows a failed renewal payment attempted at `now` for the term that ended at
/// `term_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterFailure {
    /// Stay in `status` (active in the grace period, or already suspended) and try again at
    /// `retry_at`.
    Retry { retry_at: NaiveDateTime },
    /// The grace period is over: suspend, and try again at `retry_at`.
    Suspend { retry_at: NaiveDateTime },
    /// 30 days after the term end and still unpaid: cancel.
    Cancel,
}

pub fn after_failed_renewal(status: SubscriptionStatus, term_end: NaiveDateTime, now: NaiveDateTime) -> AfterFailure {
    let cancel_at = term_end + Duration::days(CANCEL_UNPAID_AFTER_DAYS);
    if now >= cancel_at {
        return AfterFailure::Cancel;
    }
    let retry_at = RETRY_DAYS.iter().map(|d| term_end + Duration::days(*d)).find(|at| *at > now).unwrap_or(cancel_at);
    let grace_over = now >= term_end + Duration::days(GRACE_DAYS);
    if grace_over && status != SubscriptionStatus::Suspended {
        AfterFailure::Suspend { retry_at }
    } else {
        AfterFailure::Retry { retry_at }
    }
}

/// The end of the grace period of a term that ended at `term_end`.
pub fn grace_until(term_end: NaiveDateTime) -> NaiveDateTime {
    term_end + Duration::days(GRACE_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, s).unwrap()
    }

    #[test]
    fn prorating_rounds_half_up_to_the_cent() {
        assert_eq!(prorate(1000, 1, 2), 500);
        assert_eq!(prorate(1001, 1, 2), 501); // 500.5
        assert_eq!(prorate(1000, 1, 3), 333); // 333.33
        assert_eq!(prorate(1000, 2, 3), 667); // 666.67
        assert_eq!(prorate(5, 1, 10), 1); // 0.5
        assert_eq!(prorate(4, 1, 10), 0); // 0.4
        assert_eq!(prorate(1000, 0, 3), 0);
        assert_eq!(prorate(1000, 5, 3), 1000, "clamped to the whole");
        assert_eq!(prorate(1000, -5, 3), 0, "clamped to nothing");
        assert_eq!(prorate(1000, 1, 0), 0, "an empty period prorates to nothing");
        // 50 seats of a yearly plan over a leap year's seconds: no overflow.
        assert_eq!(prorate(50 * 26_400 * 100, 366 * 86_400, 366 * 86_400), 50 * 26_400 * 100);
    }

    #[test]
    fn a_seat_increase_costs_the_added_seats_for_the_rest_of_the_term() {
        // Yearly Business Standard, 5 → 8 seats, 73 days into a 365-day term.
        let start = at(2026, 1, 1, 0, 0, 0);
        let end = at(2027, 1, 1, 0, 0, 0);
        let now = start + Duration::days(73);
        // 3 × 15 000 × 292/365 = 36 000 exactly.
        assert_eq!(seat_increase_charge(5, 8, 15_000, now, (start, end)), 36_000);
        // Ten seconds in: whole seconds, rounded half up.
        let now = start + Duration::seconds(10);
        let expected = prorate(3 * 15_000, 365 * 86_400 - 10, 365 * 86_400);
        assert_eq!(seat_increase_charge(5, 8, 15_000, now, (start, end)), expected);
        assert_eq!(expected, 45_000, "44 999.986 rounds to 45 000");
        // Monthly, 1 → 2 seats at 1 500, a third of a 30-day term left: 500.
        let (s, e) = (at(2026, 4, 1, 0, 0, 0), at(2026, 5, 1, 0, 0, 0));
        assert_eq!(seat_increase_charge(1, 2, 1_500, s + Duration::days(20), (s, e)), 500);
        // Nothing for no more seats, and nothing once the term is over.
        assert_eq!(seat_increase_charge(5, 5, 1_500, s, (s, e)), 0);
        assert_eq!(seat_increase_charge(5, 3, 1_500, s, (s, e)), 0);
        assert_eq!(seat_increase_charge(1, 2, 1_500, e + Duration::days(1), (s, e)), 0);
        // Before the term starts (never in practice) the whole term is charged.
        assert_eq!(seat_increase_charge(1, 2, 1_500, s - Duration::days(1), (s, e)), 1_500);
    }

    #[test]
    fn a_refund_is_the_unused_share_from_the_start_of_the_hour() {
        let start = at(2026, 3, 1, 10, 17, 0);
        let end = at(2026, 4, 1, 10, 17, 0); // 31 days
                                             // Cancelled in the hour the term began: the whole amount back.
        assert_eq!(unused_share(7_500, (start, end), at(2026, 3, 1, 10, 59, 59)), 7_500);
        // Day 3 at 14:25: unused from 14:00 on 2026-03-03.
        let now = at(2026, 3, 3, 14, 25, 31);
        let unused = (end - at(2026, 3, 3, 14, 0, 0)).num_seconds();
        assert_eq!(unused_share(7_500, (start, end), now), prorate(7_500, unused, 31 * 86_400));
        // Any instant in the same hour gives the same refund.
        assert_eq!(unused_share(7_500, (start, end), now), unused_share(7_500, (start, end), at(2026, 3, 3, 14, 0, 0)));
        assert_eq!(unused_share(7_500, (start, end), end + Duration::hours(1)), 0);
        assert_eq!(refund_instant(at(2026, 3, 3, 14, 25, 31)), at(2026, 3, 3, 14, 0, 0));
    }

    #[test]
    fn a_seat_increase_refunds_for_its_own_period() {
        // A prorated seat charge covers [charged, term end); a cancel later refunds the
        // unused part of that period, so the sum over all charges is what the seats cost
        // for the time not used.
        let start = at(2026, 3, 1, 0, 0, 0);
        let end = at(2026, 3, 31, 0, 0, 0); // 30 days
        let raised = at(2026, 3, 2, 0, 0, 0);
        let charge = seat_increase_charge(1, 2, 3_000, raised, (start, end)); // 29 days of 1 seat
        assert_eq!(charge, 2_900);
        let now = at(2026, 3, 4, 0, 30, 0);
        assert_eq!(unused_share(3_000, (start, end), now), 2_700);
        assert_eq!(unused_share(charge, (raised, end), now), 2_700);
    }

    #[test]
    fn the_cancellation_window_closes_after_its_last_instant() {
        let until = at(2026, 3, 8, 10, 0, 0);
        assert_eq!(cancel_rule(until - Duration::seconds(1), until), CancelRule::Refund);
        assert_eq!(cancel_rule(until, until), CancelRule::Refund);
        assert_eq!(cancel_rule(until + Duration::microseconds(1), until), CancelRule::EndAtTermEnd);
    }

    #[test]
    fn seat_changes_go_up_now_and_down_at_renewal() {
        assert_eq!(seat_change(5, 8), SeatChange::Increase { added: 3 });
        assert_eq!(seat_change(5, 3), SeatChange::Decrease);
        assert_eq!(seat_change(5, 5), SeatChange::Same);
    }

    #[test]
    fn failed_renewals_retry_through_the_grace_period_then_suspend_then_cancel() {
        let end = at(2026, 5, 1, 0, 0, 0);
        let day = |d: i64| end + Duration::days(d);
        let active = SubscriptionStatus::Active;
        let suspended = SubscriptionStatus::Suspended;
        assert_eq!(after_failed_renewal(active, end, end), AfterFailure::Retry { retry_at: day(1) });
        assert_eq!(after_failed_renewal(active, end, day(1)), AfterFailure::Retry { retry_at: day(3) });
        assert_eq!(after_failed_renewal(active, end, day(3)), AfterFailure::Retry { retry_at: day(5) });
        assert_eq!(after_failed_renewal(active, end, day(5)), AfterFailure::Retry { retry_at: day(7) });
        assert_eq!(after_failed_renewal(active, end, day(6) + Duration::hours(23)), AfterFailure::Retry { retry_at: day(7) });
        assert_eq!(after_failed_renewal(active, end, day(7)), AfterFailure::Suspend { retry_at: day(14) });
        assert_eq!(after_failed_renewal(suspended, end, day(14)), AfterFailure::Retry { retry_at: day(21) });
        assert_eq!(after_failed_renewal(suspended, end, day(21)), AfterFailure::Retry { retry_at: day(30) });
        assert_eq!(after_failed_renewal(suspended, end, day(30)), AfterFailure::Cancel);
        // A job that runs late jumps to the state the dates call for.
        assert_eq!(after_failed_renewal(active, end, day(10)), AfterFailure::Suspend { retry_at: day(14) });
        assert_eq!(after_failed_renewal(active, end, day(45)), AfterFailure::Cancel);
        assert_eq!(grace_until(end), day(7));
    }
}
