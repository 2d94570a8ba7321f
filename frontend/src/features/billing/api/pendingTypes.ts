// TEMPORARY: the invoice API's shapes as /work/tasks/contract.md states them, until the
// generated schema has them (then this file goes and the names come from schema.ts).
export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceStatus = 'paid' | 'credited' | 'issued';

export interface InvoiceLine {
  description: string;
  quantity: number;
  unit_amount_cents: number;
  amount_cents: number;
  period_start: string | null;
  period_end: string | null;
}

export interface Invoice {
  id: string;
  number: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  issued_at: string;
  currency: string;
  bill_to: { name: string; email: string; address: string | null; country: string | null };
  /** The list may leave the lines out. */
  lines?: InvoiceLine[];
  subtotal_cents: number;
  tax_rate_bps: number;
  tax_cents: number;
  total_cents: number;
  subscription_id: string | null;
  credits_invoice_id: string | null;
  credits_invoice_number: string | null;
}
