// What a new user stumbled over (issue 7): phone width in both languages, keyboard and
// screen-reader basics, forms under the sticky header, staff tables on a phone. Runs
// after the other specs; leaves the viewport, language and session as it found them.
import assert from 'node:assert/strict';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
// Logged-out pages come from the SPA's route table (window.__partnerHub, see
// src/app/diagnostics.ts), so a new public page is checked without being listed here;
// these are the states of a page that a path alone does not reach.
const EXTRA_LOGGED_OUT_PAGES = ['/verify-email?token=not-a-token', '/reset-password?token=not-a-token'];

/** Every public route as a path to open: parameters get a value that finds nothing. */
async function loggedOutPages(page, baseUrl) {
  await page.goto(`${baseUrl}/`);
  await page.evaluate(() => localStorage.setItem('partner_hub.diagnostics', '1'));
  await page.reload();
  const table = await page.evaluate(() => window.__partnerHub?.routes);
  assert.ok(Array.isArray(table), 'the SPA did not expose its route table');
  const paths = table
    .filter((r) => r.access === 'public')
    .map((r) => (r.path === '/*' ? '/no-such-page' : r.path.replace(/:[^/]+/g, 'no-such-value')));
  assert.ok(paths.includes('/login') && paths.includes('/no-such-page'), `public routes: ${paths.join(', ')}`);
  return [...paths, ...EXTRA_LOGGED_OUT_PAGES];
}

async function setLanguage(page, baseUrl, language) {
  await page.goto(`${baseUrl}/`);
  await page.evaluate((lng) => localStorage.setItem('partner_hub.language', lng), language);
}

async function signInWith(page, baseUrl, tokens) {
  await page.goto(`${baseUrl}/`);
  await page.evaluate(({ access_token, refresh_token }) => {
    localStorage.setItem('partner_hub.access_token', access_token);
    localStorage.setItem('partner_hub.refresh_token', refresh_token);
  }, tokens);
}

/** Runs `body` at phone size in `language`, then puts desktop size, English and no session back. */
async function atPhoneWidth(ctx, language, body) {
  const { page, baseUrl } = ctx;
  await page.setViewportSize(PHONE);
  try {
    await setLanguage(page, baseUrl, language);
    await body();
  } finally {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${baseUrl}/`);
    await page.evaluate(() => localStorage.clear());
  }
}

export const tests = [
  {
    name: 'a new freelancer confirms the address through the emailed link, and the banner goes away',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const email = `confirm-${Date.now()}@example.com`;
      const res = await ctx.api('/api/v1/auth/register', {
        method: 'POST',
        body: { email, password: 'correct horse battery staple', full_name: 'Vera Confirm', role: 'freelancer' },
      });
      assert.equal(res.status, 201, `register: ${JSON.stringify(res.body)}`);
      try {
        await signInWith(page, baseUrl, res.body);
        await page.goto(`${baseUrl}/app/application`);
        await page.getByText('Please confirm your email address').first().waitFor();
        const link = await ctx.verificationLink(email);
        await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
        await page.getByRole('heading', { level: 1, name: 'Email address confirmed' }).waitFor();
        await ctx.screenshot('verify-email-done');
        // The same link a second time is refused clearly.
        await page.goto(link.replace(/^https?:\/\/[^/]+/, baseUrl));
        await page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
        await page.goto(`${baseUrl}/app/application`);
        await page.getByRole('button', { name: 'Submit application' }).waitFor();
        assert.equal(await page.getByText('Please confirm your email address').count(), 0, 'the banner is gone once confirmed');
      } finally {
        await page.evaluate(() => localStorage.clear());
      }
    },
  },
  {
    name: 'no logged-out page scrolls sideways at 390 px, and the header login button is whole, in English and German',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const pages = await loggedOutPages(page, baseUrl);
      for (const language of ['en', 'de']) {
        await atPhoneWidth(ctx, language, async () => {
          for (const path of pages) {
            await page.goto(`${baseUrl}${path}`);
            await page.getByRole('heading', { level: 1 }).first().waitFor();
            await page.waitForLoadState('networkidle');
            const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
            assert.ok(m.scroll <= m.inner, `${language} ${path}: page is ${m.scroll} px wide in a ${m.inner} px window`);
            const login = page.getByRole('banner').getByRole('link', { name: language === 'de' ? 'Anmelden' : 'Log in' });
            const box = await login.boundingBox();
            assert.ok(box && box.x >= 0 && box.x + box.width <= m.inner, `${language} ${path}: header login button cut off (${JSON.stringify(box)})`);
          }
          await ctx.screenshot(`phone-${language}-login`);
        });
      }
    },
  },
  {
    name: 'text fields show a focus ring, the password toggle is reached with Tab, and focus moves to the new heading',
    async run({ page, baseUrl }) {
      await page.goto(`${baseUrl}/login`);
      const email = page.getByRole('textbox', { name: 'Email address' });
      await email.focus();
      const ring = await email.evaluate((el) => {
        const style = getComputedStyle(el);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      assert.equal(ring.style, 'solid', 'focused text field has no outline');
      assert.ok(ring.width >= 2, `focus outline is only ${ring.width} px`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, label: document.activeElement?.getAttribute('aria-label') }));
      assert.deepEqual(focused, { tag: 'BUTTON', label: 'Show password' }, 'Tab after the password field should reach its toggle');

      await page.getByRole('main').getByRole('link', { name: 'Register' }).click();
      await page.getByRole('heading', { level: 1, name: 'Create your Partner Hub account' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
      const announced = await page.getByTestId('route-announcer').textContent();
      assert.equal(announced?.trim(), 'Create your Partner Hub account');
    },
  },
  {
    name: 'the first invalid field of a long form is scrolled into view below the sticky header',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const email = `scroll-${Date.now()}@example.com`;
      const res = await ctx.api('/api/v1/auth/register', {
        method: 'POST',
        body: { email, password: 'correct horse battery staple', full_name: 'Scroll Tester', role: 'freelancer' },
      });
      assert.equal(res.status, 201, `register: ${JSON.stringify(res.body)}`);
      await page.setViewportSize(PHONE);
      try {
        await signInWith(page, baseUrl, res.body);
        await page.goto(`${baseUrl}/app/application`);
        const submit = page.getByRole('button', { name: 'Submit application' });
        await submit.scrollIntoViewIfNeeded();
        await submit.click();
        await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
        await page.waitForTimeout(400); // smooth scrolling, if any, has settled
        const where = await page.evaluate(() => ({
          top: document.activeElement.getBoundingClientRect().top,
          header: document.querySelector('header').getBoundingClientRect().bottom,
        }));
        assert.ok(where.top >= where.header, `first invalid field at ${where.top} px is under the header ending at ${where.header} px`);
        await ctx.screenshot('phone-first-invalid-field');
      } finally {
        await page.setViewportSize(DESKTOP);
        await page.evaluate(() => localStorage.clear());
      }
    },
  },
  {
    name: 'at phone width a staff table says it scrolls and keeps its action buttons on screen',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const login = await ctx.api('/api/v1/auth/login', { method: 'POST', body: ctx.staff.admin });
      assert.equal(login.status, 200);
      // At least one pending invitation, so the table has a row with actions.
      const invite = await ctx.api('/api/v1/admin/invitations', {
        method: 'POST',
        body: { email: `phone-table-${Date.now()}@example.com`, kind: 'external' },
        token: login.body.access_token,
      });
      assert.equal(invite.status, 201, `invite: ${JSON.stringify(invite.body)}`);
      await atPhoneWidth(ctx, 'de', async () => {
        await signInWith(page, baseUrl, login.body);
        await page.goto(`${baseUrl}/admin/invitations`);
        await page.getByTestId('table-scroll-hint').waitFor();
        const action = page.locator('table tbody tr').first().locator('td').last().getByRole('button').first();
        await action.waitFor();
        const box = await action.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `action button off-screen: ${JSON.stringify(box)}`);
        await ctx.screenshot('phone-staff-table');
      });
    },
  },
];
