// Support and the earnings ledger (issue 9): a freelancer sells through their link (set-up
// through the API), support opens the freelancer's ledger from the freelancer's page,
// sees the commission with its cause, credits an adjustment with a reason after the
// confirmation, and sees it in the ledger, in the balances and in its own timeline; decides
// the freelancer's appeal on a debit beside the appealed entry, crediting the amount back;
// then the payout queue and the ledger check. Everything support does goes through the UI.
import assert from 'node:assert/strict';
import { eligibleFreelancer } from './commerce.spec.mjs';
import { pageText, waitForPath } from './ui.mjs';

const API = '/api/v1';
const PASSWORD = 'staff earnings password 1';
const REASON = 'Goodwill credit for the delayed tenant set-up';

async function ok(res, what) {
  assert.ok(res.status >= 200 && res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits for running CSS transitions (a modal fading) and scrolls to the top, for a clean full-page screenshot. */
async function settle(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function heading(page, name) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The money shown on a balance card, e.g. "$12.50". */
async function balance(page, field) {
  return (await page.getByTestId(`balance-${field}`).innerText()).match(/-?\$[\d,]+\.\d\d/)?.[0];
}

/** A customer buys Business Standard through the freelancer's link (API). */
async function sale(ctx, code, stamp) {
  const email = `earnings-client-${stamp}@example.com`;
  const session = await ok(
    await ctx.api(`${API}/auth/register`, { method: 'POST', body: { email, password: PASSWORD, full_name: 'Casey Client', role: 'customer' } }),
    'register customer',
  );
  await ctx.verifyEmail(email);
  const plans = await ok(await ctx.api(`${API}/plans`), 'plans');
  const plan = plans.data.find((p) => p.name === 'Microsoft 365 Business Standard') ?? plans.data[0];
  return ok(
    await ctx.api(`${API}/checkout`, {
      method: 'POST',
      token: session.access_token,
      body: { plan_id: plan.id, billing_term: 'yearly', seats: 3, referral_code: code, payment_method: 'pm_card_visa' },
    }),
    'checkout',
  );
}

const state = {};

export const tests = [
  {
    name: 'support opens a freelancer’s ledger and sees the commission of a sale with its cause',
    async run(ctx) {
      const { page, baseUrl, check, staff, freshSession } = ctx;
      const stamp = Date.now() % 1_000_000;
      state.freelancer = await eligibleFreelancer(ctx, 'en', stamp);
      state.purchase = await sale(ctx, state.freelancer.code, stamp);

      await freshSession();
      await page.goto(`${baseUrl}/login?next=${encodeURIComponent(`/admin/freelancers/${state.freelancer.id}`)}`);
      await page.getByLabel('Email address').fill(staff.support.email);
      await page.getByLabel('Password', { exact: false }).first().fill(staff.support.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await waitForPath(page, `/admin/freelancers/${state.freelancer.id}`);
      await page.getByRole('link', { name: 'Open the ledger' }).click();
      await waitForPath(page, `/admin/freelancers/${state.freelancer.id}/earnings`);
      await heading(page, `Ledger of ${state.freelancer.name}`);

      const commission = page.getByTestId('earning-row').filter({ hasText: 'Commission' }).first();
      await commission.waitFor();
      const row = await commission.innerText();
      assert.match(row, /Invoice /, `the commission names its invoice: ${row}`);
      assert.match(row, /Microsoft 365/, `the commission names the plan: ${row}`);
      await commission.getByRole('link', { name: 'Open the subscription' }).waitFor();
      state.available = await balance(page, 'available_cents');
      assert.ok(state.available, 'the available balance is shown');
      await check('staff-earnings-ledger');
    },
  },
  {
    name: 'support credits an adjustment with a reason after confirming it, and sees it in the ledger and its timeline',
    async run({ page, check }) {
      const form = page.getByTestId('adjustment-form');
      await form.getByRole('radio', { name: /Credit/ }).check();
      await form.getByLabel('Amount', { exact: false }).fill('12.50');
      await form.getByLabel('Reason', { exact: false }).fill(REASON);
      await form.getByRole('button', { name: 'Review adjustment' }).click();
      const dialog = page.getByRole('dialog', { name: 'Post this adjustment?' });
      await dialog.waitFor();
      assert.match(await dialog.innerText(), new RegExp(`\\$12\\.50 will be credited to the available funds of ${state.freelancer.name}`));
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await check('staff-earnings-adjustment-confirm');
      await dialog.getByRole('button', { name: 'Post adjustment' }).click();
      await page.getByText(`Adjustment of $12.50 posted for ${state.freelancer.name}.`).waitFor();
      await dialog.waitFor({ state: 'hidden' });

      const adjustment = page.getByTestId('earning-row').filter({ hasText: 'Adjustment by support' });
      await adjustment.waitFor();
      assert.match(await adjustment.innerText(), /\$12\.50/);
      assert.ok((await pageText(page)).includes(REASON), 'the reason is shown in the ledger');
      const cents = (money) => Math.round(Number(money.replace(/[$,]/g, '')) * 100);
      await page.waitForFunction(
        (expected) => document.querySelector('[data-testid="balance-available_cents"]')?.textContent?.includes(expected),
        `$${((cents(state.available) + 1250) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
      );
      await settle(page);
      await check('staff-earnings-adjusted');

      await adjustment.getByRole('link').first().click();
      await heading(page, 'Adjustment');
      await page.getByTestId('earning-timeline').waitFor();
      assert.ok((await pageText(page)).includes(REASON), 'the entry page shows the reason');
      await check('staff-earnings-entry');
    },
  },
  {
    name: 'support upholds a freelancer’s appeal on a debit beside the ledger entry, and the credit cites the appeal',
    async run(ctx) {
      const { page, baseUrl, check, api, tokenOf, staff } = ctx;
      const support = await tokenOf(staff.support);
      const debit = await ok(
        await api(`${API}/admin/freelancers/${state.freelancer.id}/adjustments`, {
          method: 'POST',
          token: support,
          body: { amount_cents: -500, reason: 'Duplicate commission taken back' },
        }),
        'debit',
      );
      const appeal = await ok(
        await api(`${API}/appeals`, {
          method: 'POST',
          token: state.freelancer.token,
          body: { subject_type: 'earning', subject_id: debit.id, explanation: 'The client bought twice on purpose; this was not a duplicate.' },
        }),
        'appeal',
      );

      await page.goto(`${baseUrl}/admin/appeals/${appeal.id}`);
      await heading(page, `Appeal by ${state.freelancer.name}`);
      const entry = page.getByRole('region', { name: 'Appealed ledger entry' });
      await entry.getByText('Duplicate commission taken back').first().waitFor();
      assert.match(await entry.innerText(), /-\$5\.00/);
      await entry.getByText('Appealed by the freelancer').waitFor();

      const decision = page.getByRole('region', { name: 'Decision' });
      await decision.getByRole('radio', { name: /Uphold/ }).check();
      const amount = decision.getByLabel('Amount to credit', { exact: false });
      assert.equal(await amount.inputValue(), '5.00', 'the appealed amount is suggested');
      await decision.getByLabel('Note to the freelancer', { exact: false }).fill('You are right: the second order was intended.');
      await settle(page);
      await check('staff-earnings-appeal-deciding');
      await decision.getByRole('button', { name: 'Record decision' }).click();
      await page.getByText('Appeal decided: Upheld.').waitFor();

      await entry.getByRole('link', { name: 'Open the entry in the ledger' }).click();
      await heading(page, 'Adjustment');
      await page.getByText('Appeal decided').first().waitFor();
      await page.getByRole('link', { name: 'Back to the ledger' }).click();
      const credit = page.getByTestId('earning-row').filter({ hasText: 'Upheld appeal' });
      await credit.waitFor();
      assert.match(await credit.innerText(), /\$5\.00/);
      await credit.getByRole('link', { name: 'Open the appeal' }).waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="balance-available_cents"]')?.textContent?.includes('$12.50'));
      await settle(page);
      await check('staff-earnings-appeal-credited');
    },
  },
  {
    name: 'support sees the payout queue and runs the ledger check',
    async run({ page, check }) {
      const sections = page.getByRole('navigation', { name: 'Administration sections' });
      await sections.getByRole('link', { name: 'Payouts' }).click();
      await waitForPath(page, '/admin/withdrawals');
      await heading(page, 'Payouts');
      await page.getByTestId('withdrawal-row').or(page.getByTestId('empty-state')).first().waitFor();
      await check('staff-earnings-payouts');

      await sections.getByRole('link', { name: 'Ledger check' }).click();
      await waitForPath(page, '/admin/ledger');
      await heading(page, 'Ledger check');
      await page.getByTestId('ledger-ok').or(page.getByTestId('ledger-violations')).first().waitFor();
      const text = await pageText(page);
      assert.ok(text.includes('The ledger is consistent'), `ledger check failed:\n${text}`);
      await check('staff-earnings-ledger-check');
    },
  },
];
