// The plan and product forms' rules, shared by the modals and their tests. Prices are
// typed in dollars and rates in percent (read exactly by @/lib/format/parse); the form's
// fields carry the API's names, so a server error lands on the field it is about.
import { bpsToInput, centsToInput, parseMoneyToCents, parsePercentToBps, type Parsed } from '@/lib/format/parse';
import type { AdminPlan, NewPlan, NewProduct, PlanChanges } from '../api/types';

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 2000;

export type PlanFormValues = {
  name: string;
  description: string;
  /** Dollars per seat per month, as typed. */
  monthly_price_cents: string;
  /** Dollars per seat per year, as typed. */
  yearly_price_cents: string;
  /** Percent, as typed. */
  commission_rate_bps: string;
};

export type ProductFormValues = { name: string; vendor: string; description: string };

type Errors<V> = Partial<Record<keyof V, string>>;

/** The fields that have a problem, and only those. */
function compact<V>(errors: Errors<V>): Errors<V> {
  return Object.fromEntries(Object.entries(errors).filter(([, key]) => key)) as Errors<V>;
}

export function emptyPlanForm(): PlanFormValues {
  return { name: '', description: '', monthly_price_cents: '', yearly_price_cents: '', commission_rate_bps: '' };
}

/** A plan's values as the edit form shows them, in the reader's decimal separator. */
export function planFormValues(plan: AdminPlan, separator: string): PlanFormValues {
  return {
    name: plan.name,
    description: plan.description,
    monthly_price_cents: centsToInput(plan.monthly_price_cents, separator),
    yearly_price_cents: centsToInput(plan.yearly_price_cents, separator),
    commission_rate_bps: bpsToInput(plan.commission_rate_bps, separator),
  };
}

function textProblem(value: string, required: boolean, max: number, key: 'name' | 'vendor' | 'description'): string | undefined {
  if (required && !value.trim()) return `staffCatalog.validation.${key}Required`;
  if (value.trim().length > max) return `staffCatalog.validation.${key}TooLong`;
  return undefined;
}

function priceProblem(parsed: Parsed): string | undefined {
  if (!parsed.ok) return `moneyInput.${parsed.problem}`;
  return parsed.value === 0 ? 'staffCatalog.validation.priceZero' : undefined;
}

/** What is wrong with each field, as translation keys; empty when the plan may be sent. */
export function planFormErrors(values: PlanFormValues): Errors<PlanFormValues> {
  const rate = parsePercentToBps(values.commission_rate_bps);
  return compact<PlanFormValues>({
    name: textProblem(values.name, true, NAME_MAX, 'name'),
    description: textProblem(values.description, false, DESCRIPTION_MAX, 'description'),
    monthly_price_cents: priceProblem(parseMoneyToCents(values.monthly_price_cents)),
    yearly_price_cents: priceProblem(parseMoneyToCents(values.yearly_price_cents)),
    commission_rate_bps: rate.ok ? undefined : `moneyInput.${rate.problem}`,
  });
}

/** The number a valid field stands for (the form validated it first). */
function valueOf(parsed: Parsed): number {
  if (!parsed.ok) throw new Error(`unvalidated plan form: ${parsed.problem}`);
  return parsed.value;
}

function numbers(values: PlanFormValues) {
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    monthly_price_cents: valueOf(parseMoneyToCents(values.monthly_price_cents)),
    yearly_price_cents: valueOf(parseMoneyToCents(values.yearly_price_cents)),
    commission_rate_bps: valueOf(parsePercentToBps(values.commission_rate_bps)),
  };
}

/** The body that adds a plan to `productId`. */
export function newPlanBody(productId: string, values: PlanFormValues): NewPlan {
  return { product_id: productId, ...numbers(values) };
}

/** Only what changed, so an unchanged price is not "changed" in the audit log. */
export function planChanges(plan: AdminPlan, values: PlanFormValues): PlanChanges {
  const next = numbers(values);
  const changes: PlanChanges = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (next[key] !== plan[key]) Object.assign(changes, { [key]: next[key] });
  }
  return changes;
}

/** Whether a change reaches the price or rate, which apply from the next renewal on. */
export function changesPricing(changes: PlanChanges): boolean {
  return (
    changes.monthly_price_cents !== undefined || changes.yearly_price_cents !== undefined || changes.commission_rate_bps !== undefined
  );
}

export function emptyProductForm(): ProductFormValues {
  return { name: '', vendor: '', description: '' };
}

export function productFormErrors(values: ProductFormValues): Errors<ProductFormValues> {
  return compact<ProductFormValues>({
    name: textProblem(values.name, true, NAME_MAX, 'name'),
    vendor: textProblem(values.vendor, true, NAME_MAX, 'vendor'),
    description: textProblem(values.description, false, DESCRIPTION_MAX, 'description'),
  });
}

export function newProductBody(values: ProductFormValues): NewProduct {
  return { name: values.name.trim(), vendor: values.vendor.trim(), description: values.description.trim() };
}
