// The invoice API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { ResultOf } from '@/lib/api/operations';

/** An invoice (money charged) or a credit note (money refunded), with its lines. */
export type Invoice = ResultOf<'get_my_invoice'>;
export type InvoiceKind = Invoice['kind'];
export type InvoiceStatus = Invoice['status'];
export type InvoiceLine = Invoice['lines'][number];
