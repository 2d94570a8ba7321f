// The adjustment form's rules, shared by the form and its tests. Support chooses the
// direction (a credit adds to the freelancer's available funds, a debit takes from them)
// and types the amount, read exactly in cents (@/lib/earnings/amount); the fields carry the
// API's names so a server error lands on the field it is about.
import { readAmount, validatedCents } from '@/lib/earnings/amount';
import type { AdjustmentRequest } from '../api/types';

export const REASON_MIN = 3;
export const REASON_MAX = 500;
export const DIRECTIONS = ['credit', 'debit'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export type AdjustmentValues = {
  direction: Direction | '';
  amount_cents: string;
  reason: string;
  /** A debit may take the available funds below zero (a debt, e.g. a clawback after a payout). */
  allow_negative: boolean;
};

export const EMPTY_ADJUSTMENT: AdjustmentValues = { direction: '', amount_cents: '', reason: '', allow_negative: false };

/** What is wrong with each field, as translation keys; empty when the adjustment may be sent. */
export function adjustmentErrors(values: AdjustmentValues): Partial<Record<keyof AdjustmentValues, string>> {
  const errors: Partial<Record<keyof AdjustmentValues, string>> = {};
  if (!values.direction) errors.direction = 'staffEarnings.adjust.directionRequired';
  const amount = readAmount(values.amount_cents);
  if (!amount.ok) errors.amount_cents = amount.problem;
  const reason = values.reason.trim();
  if (!reason) errors.reason = 'staffEarnings.adjust.reasonRequired';
  else if (reason.length < REASON_MIN) errors.reason = 'staffEarnings.adjust.reasonTooShort';
  else if (reason.length > REASON_MAX) errors.reason = 'staffEarnings.adjust.reasonTooLong';
  return errors;
}

/**
 * The body that posts the adjustment: negative cents for a debit, `allow_negative` only on a
 * debit that may overdraw (the form validated the values first).
 */
export function adjustmentBody(values: AdjustmentValues): AdjustmentRequest {
  if (!values.direction) throw new Error('unvalidated adjustment form');
  const cents = validatedCents(values.amount_cents);
  const body: AdjustmentRequest = { amount_cents: values.direction === 'debit' ? -cents : cents, reason: values.reason.trim() };
  if (values.direction === 'debit' && values.allow_negative) body.allow_negative = true;
  return body;
}
