// The client buys (issue 8), once in English and once in German: an eligible freelancer's
// referral link → the plan page naming them → Business Standard, yearly, 5 users → checkout
// with an inline customer sign-up and the sandbox Visa → confirmation with the invoice
// number → Microsoft account set-up wizard → support approves (API) → the partnership link
// from the email → accepted → the subscription is active → the invoice page and its PDF.
// Every label comes from the SPA's catalogue of that language (`tr`, as in firsthour).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { search, waitForPath } from './ui.mjs';

const API = '/api/v1';
const PASSWORD = 'commerce journey password 1';
const PLAN = 'Microsoft 365 Business Standard';
const catalogue = (lang) => JSON.parse(readFileSync(new URL(`../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const CATALOGUES = { en: catalogue('en'), de: catalogue('de') };

/** The catalogue text of `key` in `lang`, with `{{name}}` filled in from `values`. */
export function tr(lang, key, values = {}) {
  const text = key.split('.').reduce((node, part) => node?.[part], CATALOGUES[lang]);
  assert.equal(typeof text, 'string', `no catalogue entry ${key} in ${lang}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ''));
}

/** What the people of this journey are called and type, in their language. */
const WORDS = {
  en: {
    freelancer: 'Rita Reseller',
    customer: 'Chris Client',
    company: 'Client Works Inc',
    street: '1 Main Street',
    postalCode: '43004',
    city: 'Columbus',
    country: ['United St', 'United States'],
    phone: '+1 614 555 0100',
  },
  de: {
    freelancer: 'Frieda Fachhandel',
    customer: 'Klaus Kunde',
    company: 'Kunde und Söhne GmbH',
    street: 'Domstraße 1',
    postalCode: '50667',
    city: 'Köln',
    country: ['Deutschl', 'Deutschland'],
    phone: '+49 221 5550100',
  },
};

export async function ok(res, what) {
  assert.ok(res.status >= 200 && res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function heading(page, name, level) {
  await page.getByRole('heading', { name, ...(level ? { level } : {}) }).first().waitFor();
}

async function assertLang(page, lang, where) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${where}: <html lang>`);
}

/** An eligible freelancer made through the API: registered, approved (DE), profile, terms. */
export async function eligibleFreelancer(ctx, lang, stamp) {
  const { api, tokenOf, staff } = ctx;
  const email = `commerce-fl-${lang}-${stamp}@example.com`;
  const session = await ok(
    await api(`${API}/auth/register`, {
      method: 'POST',
      body: { email, password: PASSWORD, full_name: WORDS[lang].freelancer, role: 'freelancer', locale: lang },
    }),
    'register freelancer',
  );
  await ctx.verifyEmail(email);
  const token = session.access_token;
  const application = await ok(
    await api(`${API}/applications`, {
      method: 'POST',
      token,
      body: {
        m365_experience: 'advanced',
        us_clients_served: 12,
        certifications: ['MS-102: Microsoft 365 Administrator'],
        country: 'DE',
        motivation: 'I run IT for a dozen small US businesses and want to sell and manage their Microsoft 365 directly.',
        links: ['https://example.com/portfolio'],
      },
    }),
    'apply',
  );
  const support = await tokenOf(staff.support);
  await ok(await api(`${API}/admin/applications/${application.id}/approve`, { method: 'POST', body: {}, token: support }), 'approve');
  const displayName = `${WORDS[lang].freelancer.split(' ')[0].toLowerCase()}${stamp}`;
  await ok(
    await api(`${API}/me/profile`, {
      method: 'PUT',
      token,
      body: {
        personal: { full_name: WORDS[lang].freelancer, display_name: displayName, description: 'IT for small firms', languages: ['German', 'English'], country: 'DE' },
        business: { occupation: 'IT consultant', skills: ['Microsoft 365'], education: [], certifications: [] },
      },
    }),
    'profile',
  );
  const terms = await ok(await api(`${API}/terms/current`, { token }), 'terms');
  await ok(await api(`${API}/me/terms-acceptances`, { method: 'POST', body: { version: terms.version }, token }), 'accept terms');
  const me = await ok(await api(`${API}/me`, { token }), 'me');
  assert.equal(me.freelancer.eligible, true, `freelancer not eligible: ${JSON.stringify(me.freelancer)}`);
  assert.ok(me.freelancer.referral_code, `no referral code: ${JSON.stringify(me.freelancer)}`);
  return { displayName, code: me.freelancer.referral_code, id: me.freelancer.id, name: WORDS[lang].freelancer, token };
}

/** Runs a job through the admin API (provisioning, emails, …). */
export async function runJob(ctx, name) {
  const token = await ctx.tokenOf(ctx.staff.admin);
  await ok(await ctx.api(`${API}/admin/jobs/${name}/run`, { method: 'POST', body: {}, token }), `job ${name}`);
}

function journey(lang) {
  const t = (key, values) => tr(lang, key, values);
  const words = WORDS[lang];
  const state = {};
  const check = (ctx) => async (name) => {
    await ctx.page.evaluate(() => window.scrollTo(0, 0));
    await ctx.check(`commerce-${lang}-${name}`);
  };

  return [
    {
      name: `[${lang}] the freelancer's link opens the plan page naming them; 5 users of ${PLAN}, yearly, into the cart`,
      async run(ctx) {
        const { page, baseUrl } = ctx;
        state.stamp = Date.now() % 100_000_000;
        state.freelancer = await eligibleFreelancer(ctx, lang, state.stamp);
        state.email = `commerce-client-${lang}-${state.stamp}@example.com`;

        await ctx.freshSession();
        await page.evaluate((l) => localStorage.setItem('partner_hub.language', l), lang);
        await page.goto(`${baseUrl}/r/${encodeURIComponent(state.freelancer.code)}`);
        await heading(page, t('storefront.title'), 1);
        await page.getByText(t('storefront.recommendedBy', { name: state.freelancer.displayName })).waitFor();
        assert.equal(await page.getByTestId('plan-card').count(), 4, 'four plans side by side');
        await assertLang(page, lang, 'plan page');
        await check(ctx)('plans');

        // SegmentedControl: its radio inputs are hidden; the label is what a person clicks.
        await page.locator('label', { hasText: t('storefront.term.yearly') }).click();
        await page.getByRole('textbox', { name: t('storefront.seats.label') }).fill('5');
        const card = page.getByRole('article', { name: PLAN });
        await card.getByTestId('total-price').getByText(t('storefront.price.forSeats_other', { count: 5 })).waitFor();
        await page.getByRole('button', { name: t('storefront.buyPlan', { plan: PLAN }) }).click();
        await waitForPath(page, '/checkout');
        const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('partner_hub.referral') ?? 'null'));
        assert.equal(stored?.code, state.freelancer.code, 'the referral code is remembered');
      },
    },
    {
      name: `[${lang}] checkout: a customer account made inline keeps the cart; the test Visa pays; the confirmation shows the invoice number`,
      async run(ctx) {
        const { page } = ctx;
        await heading(page, t('checkout.title'), 1);
        await page.getByTestId('order-summary').getByText(PLAN).waitFor();
        await assertLang(page, lang, 'checkout');
        await check(ctx)('checkout');

        await page.getByRole('textbox', { name: t('auth.fullName') }).fill(words.customer);
        await page.getByRole('textbox', { name: t('auth.email') }).fill(state.email);
        await page.getByLabel(t('auth.password'), { exact: false }).first().fill(PASSWORD);
        await page.getByRole('button', { name: t('checkout.account.submitRegister') }).click();
        await page.getByTestId('buyer').waitFor();
        // The address is confirmed the way its owner does it; the reload shows the cart survives.
        await ctx.verifyEmail(state.email);
        await page.reload();
        await page.getByTestId('buyer').waitFor();
        await page.getByTestId('order-summary').getByText(t('checkout.summary.seats_other', { count: 5 })).first().waitFor();

        await page.getByRole('radio', { name: t('checkout.payment.visa') }).check();
        await check(ctx)('payment');
        await page.getByRole('button', { name: t('checkout.payment.pay') }).click();
        await page.waitForURL((url) => url.pathname.startsWith('/app/checkout/complete/'));
        state.subscriptionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
        await heading(page, t('checkout.complete.title'), 1);
        const invoiceLine = await page.getByTestId('invoice-number').innerText();
        state.invoiceNumber = invoiceLine.match(/\d{4}-\d{6}/)?.[0];
        assert.ok(state.invoiceNumber, `no invoice number in "${invoiceLine}"`);
        await assertLang(page, lang, 'confirmation');
        await check(ctx)('confirmation');
        const cart = await page.evaluate(() => localStorage.getItem('partner_hub.cart'));
        assert.equal(cart, null, 'the cart is emptied after paying');
      },
    },
    {
      name: `[${lang}] sets up the Microsoft account in the wizard (new domain); support approves`,
      async run(ctx) {
        const { page, api, tokenOf, staff } = ctx;
        await page.getByRole('link', { name: t('checkout.complete.setUp') }).click();
        await waitForPath(page, '/app/account/setup');
        await heading(page, t('customerAccount.title'), 1);
        await check(ctx)('account-company');

        state.company = `${words.company} ${state.stamp}`;
        await page.getByRole('textbox', { name: t('customerAccount.fields.accountName') }).fill(state.company);
        await page.getByRole('textbox', { name: t('customerAccount.fields.line1') }).fill(words.street);
        await page.getByRole('textbox', { name: t('customerAccount.fields.postalCode') }).fill(words.postalCode);
        await page.getByRole('textbox', { name: t('customerAccount.fields.city') }).fill(words.city);
        await search(page, t('customerAccount.fields.country'), ...words.country);
        await page.getByRole('button', { name: t('customerAccount.wizard.next') }).click();

        await page.getByRole('textbox', { name: t('customerAccount.fields.contactName') }).fill(words.customer);
        await page.getByRole('textbox', { name: t('customerAccount.fields.contactEmail') }).fill(state.email);
        await page.getByRole('textbox', { name: t('customerAccount.fields.contactPhone') }).fill(words.phone);
        await page.getByRole('button', { name: t('customerAccount.wizard.next') }).click();

        state.domain = `client${lang}${state.stamp}`;
        await page.getByRole('textbox', { name: t('customerAccount.domain.newLabel') }).fill(state.domain);
        await page.getByText(t('customerAccount.domain.available', { domain: `${state.domain}.onmicrosoft.com` })).waitFor();
        await check(ctx)('account-domain');
        await page.getByRole('button', { name: t('customerAccount.wizard.next') }).click();
        await page.getByText(`${state.domain}.onmicrosoft.com`).first().waitFor();
        await page.getByRole('button', { name: t('customerAccount.wizard.submit') }).click();
        await page.locator('[data-testid="account-status"][data-status="submitted"]').waitFor();
        await assertLang(page, lang, 'account submitted');
        await check(ctx)('account-submitted');

        const support = await tokenOf(staff.support);
        const queue = await ok(await api(`${API}/admin/customer-accounts?status=submitted&limit=100`, { token: support }), 'review queue');
        const account = queue.data.find((a) => a.account_name === state.company);
        assert.ok(account, `account "${state.company}" not in the review queue`);
        await ok(await api(`${API}/admin/customer-accounts/${account.id}/approve`, { method: 'POST', body: {}, token: support }), 'approve account');
      },
    },
    {
      name: `[${lang}] accepts the partnership through the emailed link; the subscription is active`,
      async run(ctx) {
        const { page, baseUrl } = ctx;
        const linkIn = (mails) =>
          mails
            .reverse()
            .filter((m) => m.to.includes(state.email))
            .map((m) => m.text.match(/https?:\/\/\S+\/partnership\/[A-Za-z0-9_-]+/)?.[0])
            .find(Boolean);
        let link = linkIn(await ctx.emails());
        if (!link) {
          // The invitation may wait for the provider (tenant creation) on the provisioning job.
          await runJob(ctx, 'provisioning');
          link = linkIn(await ctx.emails());
        }
        assert.ok(link, `no partnership link emailed to ${state.email}`);

        await page.goto(link);
        await heading(page, t('partnership.pending.title', { account: state.company }), 1);
        await assertLang(page, lang, 'partnership');
        await check(ctx)('partnership');
        await page.getByRole('button', { name: t('partnership.pending.accept') }).click();
        await page.getByTestId('partnership-accepted').waitFor();
        await check(ctx)('partnership-accepted');

        const active = t('subscriptions.status.active');
        for (let attempt = 0; ; attempt += 1) {
          await page.goto(`${baseUrl}/app/subscriptions`);
          await heading(page, t('subscriptions.list.title'), 1);
          const row = page.getByTestId('subscription-row').filter({ hasText: PLAN }).first();
          await row.waitFor();
          if ((await row.getByTestId('subscription-status').innerText()).trim().toLowerCase() === active.toLowerCase()) break;
          assert.ok(attempt < 2, `the subscription is not ${active}: ${await row.innerText()}`);
          await runJob(ctx, 'provisioning');
        }
        await assertLang(page, lang, 'subscriptions');
        await check(ctx)('subscriptions');
        await page.getByRole('link', { name: PLAN }).first().click();
        await heading(page, PLAN, 1);
        await page.getByTestId('subscription-status').getByText(active).waitFor();
        await check(ctx)('subscription');
      },
    },
    {
      name: `[${lang}] Billing and payments: the invoice page prints and its PDF downloads`,
      async run(ctx) {
        const { page, baseUrl } = ctx;
        await page.goto(`${baseUrl}/app/billing`);
        await heading(page, t('billing.list.title'), 1);
        await page.getByRole('link', { name: t('billing.invoiceTitle', { number: state.invoiceNumber }) }).click();
        await heading(page, t('billing.invoiceTitle', { number: state.invoiceNumber }), 1);
        await page.getByTestId('invoice-lines').waitFor();
        await assertLang(page, lang, 'invoice');
        await check(ctx)('invoice');
        await page.getByRole('button', { name: t('billing.document.print') }).waitFor();

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('link', { name: t('billing.document.pdf') }).click(),
        ]);
        const saved = readFileSync(await download.path());
        assert.equal(saved.subarray(0, 5).toString('latin1'), '%PDF-', 'the downloaded file is a PDF');
        assert.equal(download.suggestedFilename(), `${state.invoiceNumber}.pdf`);

        // The API answers the PDF itself with its type (what the button fetched).
        const invoiceId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
        const pdf = await page.evaluate(async (id) => {
          const res = await fetch(`/api/v1/customer/invoices/${encodeURIComponent(id)}/pdf`, {
            headers: { Authorization: `Bearer ${localStorage.getItem('partner_hub.access_token')}` },
          });
          const bytes = new Uint8Array(await res.arrayBuffer());
          return { status: res.status, type: res.headers.get('content-type'), head: String.fromCharCode(...bytes.slice(0, 5)) };
        }, invoiceId);
        assert.equal(pdf.status, 200, 'PDF status');
        assert.match(pdf.type ?? '', /^application\/pdf/, 'PDF content type');
        assert.equal(pdf.head, '%PDF-', 'PDF body');

        await ctx.freshSession();
        await page.evaluate(() => localStorage.removeItem('partner_hub.language'));
      },
    },
  ];
}

export const tests = [...journey('en'), ...journey('de')];
