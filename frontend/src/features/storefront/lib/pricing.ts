// The plan page's live price, in integer cents (never floating point money). A plan's
// prices are per seat: per month when billed monthly, per year when billed yearly.
import type { BillingTerm, Plan } from '../api/types';

export const MIN_SEATS = 1;
export const MAX_SEATS = 50;

type Prices = Pick<Plan, 'monthly_price_cents' | 'yearly_price_cents'>;

export interface Quote {
  term: BillingTerm;
  seats: number;
  /** Per seat for the whole term (a month, or a year). */
  unitPerTermCents: number;
  /** Per seat per month (for yearly: the year's price spread over 12 months). */
  unitPerMonthCents: number;
  /** All seats for the whole term: what is charged now. */
  totalPerTermCents: number;
  /** All seats per month (for yearly: the equivalent). */
  totalPerMonthCents: number;
  /** Yearly only: saved against twelve monthly payments, in basis points (1700 = 17 %). */
  savingBps: number | null;
}

/** Whole seats between 1 and 50; anything else (empty, 0, 51, 2.5) is not a seat count. */
export function isValidSeats(seats: unknown): seats is number {
  return typeof seats === 'number' && Number.isInteger(seats) && seats >= MIN_SEATS && seats <= MAX_SEATS;
}

/** A twelfth, rounded to the nearest cent (half up). */
function perMonth(yearlyCents: number): number {
  return Math.round(yearlyCents / 12);
}

export function quote(plan: Prices, term: BillingTerm, seats: number): Quote {
  if (term === 'monthly') {
    const unit = plan.monthly_price_cents;
    return {
      term,
      seats,
      unitPerTermCents: unit,
      unitPerMonthCents: unit,
      totalPerTermCents: unit * seats,
      totalPerMonthCents: unit * seats,
      savingBps: null,
    };
  }
  const unit = plan.yearly_price_cents;
  const twelveMonths = plan.monthly_price_cents * 12;
  const saving = twelveMonths > unit && twelveMonths > 0 ? Math.round(((twelveMonths - unit) * 10_000) / twelveMonths) : 0;
  return {
    term,
    seats,
    unitPerTermCents: unit,
    unitPerMonthCents: perMonth(unit),
    totalPerTermCents: unit * seats,
    totalPerMonthCents: perMonth(unit * seats),
    savingBps: saving > 0 ? saving : null,
  };
}
