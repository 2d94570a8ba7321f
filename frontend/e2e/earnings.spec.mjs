// Earnings (issue 9) with real data: an eligible freelancer's link sells Business Standard,
// yearly, 5 users; the client sets up the Microsoft account, support approves, the client
// accepts the partnership and the subscription is active (all through the API: the buying
// itself is commerce.spec's journey). Then, in Chromium: the dashboard shows the commission
// at once as provisional with nothing available; 14 days later (the manual clock) the
// clearing job makes it available; the earnings page shows it with its chart and timeline;
// the freelancer withdraws it; the page again in German. Screenshots: dashboard-en,
// earnings-en, timeline, withdrawal, earnings-de (e2e/artifacts/NN-<name>.png).
import assert from 'node:assert/strict';
import { eligibleFreelancer, ok, runJob, tr } from './commerce.spec.mjs';
import { pageText, waitForPath } from './ui.mjs';

const API = '/api/v1';
const PASSWORD = 'earnings journey password 1';
const PLAN = 'Microsoft 365 Business Standard';
const state = {};
const usd = (cents, lang = 'en') => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(cents / 100);

/** A call with extra headers (the checkout's Idempotency-Key), which ctx.api does not send. */
async function call(ctx, path, { method = 'GET', body, token, headers = {} } = {}) {
  const res = await fetch(`${ctx.baseUrl}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function asAdmin(ctx, path, body = {}) {
  const token = await ctx.tokenOf(ctx.staff.admin);
  return ok(await ctx.api(`${API}${path}`, { method: 'POST', body, token }), path);
}

/** The browser signed in as the freelancer, in `lang`. */
async function freelancerSession(ctx, lang) {
  await ctx.page.goto(`${ctx.baseUrl}/`);
  await ctx.page.evaluate(
    ({ tokens, lang }) => {
      localStorage.clear();
      localStorage.setItem('partner_hub.language', lang);
      localStorage.setItem('partner_hub.access_token', tokens.access_token);
      localStorage.setItem('partner_hub.refresh_token', tokens.refresh_token);
    },
    { tokens: state.freelancerTokens, lang },
  );
}

async function earningsNow(ctx) {
  return ok(await ctx.api(`${API}/me/earnings`, { token: state.freelancerTokens.access_token }), 'GET /me/earnings');
}

const t = (key, values) => tr('en', key, values);

export const tests = [
  {
    name: `a client buys ${PLAN}, yearly, 5 users, through a freelancer's link; the subscription is active`,
    async run(ctx) {
      const { api, tokenOf, staff } = ctx;
      const stamp = Date.now() % 100_000_000;
      state.freelancer = await eligibleFreelancer(ctx, 'en', `e${stamp}`);
      const freelancerEmail = `commerce-fl-en-e${stamp}@example.com`;
      const login = await ok(await api(`${API}/auth/login`, { method: 'POST', body: { email: freelancerEmail, password: 'commerce journey password 1' } }), 'freelancer login');
      state.freelancerTokens = login;

      const email = `earnings-client-${stamp}@example.com`;
      const customer = await ok(
        await api(`${API}/auth/register`, { method: 'POST', body: { email, password: PASSWORD, full_name: 'Erin Earner', role: 'customer', locale: 'en' } }),
        'register customer',
      );
      await ctx.verifyEmail(email);
      const token = customer.access_token;
      const plans = await ok(await api(`${API}/plans`), 'plans');
      const plan = plans.data.find((p) => p.name === PLAN);
      assert.ok(plan, `no plan ${PLAN}`);
      const purchase = await ok(
        await call(ctx, `${API}/checkout`, {
          method: 'POST',
          token,
          headers: { 'Idempotency-Key': `earnings-${stamp}` },
          body: { plan_id: plan.id, billing_term: 'yearly', seats: 5, referral_code: state.freelancer.code, payment_method: 'pm_card_visa' },
        }),
        'checkout',
      );
      state.subscriptionId = purchase.subscription.id;
      const account = await ok(
        await api(`${API}/customer/accounts`, {
          method: 'POST',
          token,
          body: {
            account_name: `Earner Works ${stamp}`,
            address: { line1: '1 Main Street', line2: null, city: 'Columbus', region: 'OH', postal_code: '43004', country: 'US' },
            primary_contact: { name: 'Erin Earner', email, phone: '+1 614 555 0100' },
            existing_customer: false,
            domain: `earnerworks${stamp}`,
          },
        }),
        'customer account',
      );
      const support = await tokenOf(staff.support);
      if (account.status !== 'approved') {
        await ok(await api(`${API}/admin/customer-accounts/${account.id}/approve`, { method: 'POST', body: {}, token: support }), 'approve account');
      }
      const linkIn = (mails) =>
        mails
          .reverse()
          .filter((m) => m.to.includes(email))
          .map((m) => m.text.match(/https?:\/\/\S+\/partnership\/([A-Za-z0-9_-]+)/)?.[1])
          .find(Boolean);
      let partnership = linkIn(await ctx.emails());
      if (!partnership) {
        await runJob(ctx, 'provisioning');
        partnership = linkIn(await ctx.emails());
      }
      assert.ok(partnership, `no partnership link emailed to ${email}`);
      await ok(await api(`${API}/partnership-invitations/${partnership}/accept`, { method: 'POST', body: {}, token }), 'accept partnership');
      for (let attempt = 0; ; attempt += 1) {
        const sub = await ok(await api(`${API}/subscriptions/${state.subscriptionId}`, { token }), 'subscription');
        if (sub.status === 'active') break;
        assert.ok(attempt < 3, `the subscription is not active: ${sub.status}`);
        await runJob(ctx, 'provisioning');
      }
    },
  },
  {
    name: 'the dashboard shows the commission at once as provisional, nothing available yet; the link copies',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const earnings = await earningsNow(ctx);
      const commission = earnings.data.find((e) => e.kind === 'commission');
      assert.ok(commission, `no commission entry: ${JSON.stringify(earnings)}`);
      assert.equal(commission.status, 'pending');
      assert.equal(earnings.balances.available_cents, 0);
      state.commission = commission;

      await freelancerSession(ctx, 'en');
      await page.goto(`${baseUrl}/app/dashboard`);
      await page.getByRole('heading', { name: t('dashboard.title'), level: 1 }).waitFor();
      await page.getByTestId('earnings-total').getByText(usd(commission.amount_cents)).waitFor();
      await page.getByTestId('provisional').waitFor();
      assert.equal((await page.getByTestId('earnings-available').innerText()).trim(), usd(0));
      assert.equal((await page.getByTestId('earnings-pending').innerText()).trim(), usd(commission.amount_cents));
      assert.equal((await page.getByTestId('licences-sold').innerText()).trim(), '5');
      const sale = page.getByTestId('recent-sale').first();
      await sale.getByText(PLAN, { exact: false }).waitFor();
      assert.match(await sale.innerText(), new RegExp(t('subscriptions.status.active'), 'i'));

      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl }).catch(() => undefined);
      await page.getByRole('button', { name: t('dashboard.referral.copy') }).click();
      await page.getByRole('button', { name: t('dashboard.referral.copied') }).waitFor();
      // The feedback goes again after two seconds.
      await page.mouse.move(0, 0);
      await page.getByRole('button', { name: t('dashboard.referral.copy') }).waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await ctx.check('dashboard-en');

      // Why is it pending, and until when: its timeline on the earnings page.
      await page.goto(`${baseUrl}/app/earnings/${encodeURIComponent(commission.id)}`);
      const timeline = page.getByTestId('entry-timeline');
      await timeline.waitFor();
      assert.match(await timeline.innerText(), /Available on [^\n]+ — 14 days after activation\./);
      await page.waitForTimeout(500);
      await ctx.check('timeline-pending');
    },
  },
  {
    name: 'day 13: still pending; day 14 after activation: the clearing job makes it available on the earnings page',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      await asAdmin(ctx, '/admin/clock/advance', { days: 13 });
      await asAdmin(ctx, '/admin/jobs/clearing/run');
      assert.equal((await earningsNow(ctx)).balances.available_cents, 0, 'nothing is available on day 13');
      await asAdmin(ctx, '/admin/clock/advance', { days: 1, hours: 1 });
      await asAdmin(ctx, '/admin/jobs/clearing/run');
      const earnings = await earningsNow(ctx);
      assert.equal(earnings.balances.available_cents, state.commission.amount_cents, 'available on day 14');

      await page.goto(`${baseUrl}/app/dashboard`);
      await page.getByRole('button', { name: t('dashboard.menu.title') }).click();
      await page.getByRole('menuitem', { name: t('dashboard.menu.earnings') }).click();
      await waitForPath(page, '/app/earnings');
      await page.getByRole('heading', { name: t('earnings.title'), level: 1 }).waitFor();
      await page.getByTestId('balance-available').getByText(usd(state.commission.amount_cents)).waitFor();
      assert.equal((await page.getByTestId('balance-pending').innerText()).trim(), usd(0));
      await page.getByTestId('earnings-chart').waitFor();
      const row = page.locator(`[data-testid="earning-row"][data-kind="commission"]`).first();
      await row.getByText(t('earnings.status.available')).waitFor();
      assert.match(await row.innerText(), /Business Standard/);
      await page.getByTestId('forecast-total').waitFor();
      await ctx.check('earnings-en');

      await row.getByRole('link').click();
      const timeline = page.getByTestId('entry-timeline');
      await timeline.waitFor();
      const text = await timeline.innerText();
      assert.match(text, /Commission of \$[\d,.]+ earned\./);
      assert.match(text, new RegExp(t('earnings.timeline.available').replace(/[.:]/g, '\\$&')));
      // The drawer slides in: photographed once it stands still.
      await page.waitForTimeout(500);
      await page.evaluate(() => window.scrollTo(0, 0));
      await ctx.screenshot('timeline');
      await ctx.axe(page, 'timeline');
      await page.keyboard.press('Escape');
      await waitForPath(page, '/app/earnings');
    },
  },
  {
    name: 'withdraws all available funds with the test payout; the withdrawal is paid',
    async run(ctx) {
      const { page } = ctx;
      const amount = usd(state.commission.amount_cents);
      await page.getByRole('button', { name: t('earnings.withdraw.open') }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(t('earnings.withdraw.minimum', { minimum: usd(1000) })).waitFor();
      await dialog.getByRole('button', { name: t('earnings.withdraw.confirm') }).click();
      await page.locator('[data-testid="withdrawal-result"][data-status="paid"]').getByText(t('earnings.withdraw.paidText', { amount })).waitFor();
      await page.locator('[data-testid="withdrawal-row"][data-status="paid"]').waitFor();
      await page.getByTestId('balance-withdrawn').getByText(amount).waitFor();
      assert.equal((await page.getByTestId('balance-available').innerText()).trim(), usd(0));
      await ctx.check('withdrawal');
      const after = await earningsNow(ctx);
      assert.equal(after.balances.withdrawn_cents, state.commission.amount_cents);
      assert.equal(after.balances.available_cents, 0);
    },
  },
  {
    name: '[de] the earnings page and the dashboard in German',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const de = (key, values) => tr('de', key, values);
      await freelancerSession(ctx, 'de');
      await page.goto(`${baseUrl}/app/earnings`);
      await page.getByRole('heading', { name: de('earnings.title'), level: 1 }).waitFor();
      await page.getByText(de('earnings.balances.available'), { exact: true }).first().waitFor();
      await page.getByTestId('earnings-chart').waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
      const text = await pageText(page);
      assert.ok(text.includes('Verfügbare Mittel'), 'German: Verfügbare Mittel');
      await ctx.check('earnings-de');
      await page.goto(`${baseUrl}/app/dashboard`);
      await page.getByRole('heading', { name: de('dashboard.title'), level: 1 }).waitFor();
      await page.getByTestId('provisional').getByText(de('dashboard.earnings.provisional')).waitFor();
      await ctx.check('dashboard-de');
      await ctx.freshSession();
    },
  },
];
