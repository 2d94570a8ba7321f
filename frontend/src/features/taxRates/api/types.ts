// The tax table's API types, named after the operations in openapi.yaml (nothing here is
// written by hand).
import type { BodyOf, ResultOf } from '@/lib/api/operations';

/** The tax charged on invoices to buyers in one country. */
export type TaxRate = ResultOf<'set_tax_rate'>;
export type TaxRateList = ResultOf<'list_tax_rates'>;
export type TaxRateForm = BodyOf<'set_tax_rate'>;
