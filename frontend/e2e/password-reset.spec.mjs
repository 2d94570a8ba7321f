// Password reset end to end (issue 7, scope 4), in German at phone width: the login
// warns before its delays, "Passwort vergessen?" asks for a link, the emailed link (in
// the account's language) sets a new password once, every old session has ended, and
// the new password signs in. Leaves desktop size, English and no session behind.
import assert from 'node:assert/strict';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const OLD = 'correct horse battery staple';
const NEW = 'ein ganz neues Passwort';

async function noSideways(page, label) {
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(m.scroll <= m.inner, `${label}: page is ${m.scroll} px wide in a ${m.inner} px window`);
}

/** The newest reset link emailed to `email`, as its owner finds it. */
async function resetLink(ctx, email) {
  const mail = (await ctx.emails()).reverse().find((m) => m.to.includes(email) && /reset-password\?token=/.test(m.text));
  if (!mail) throw new Error(`no reset link emailed to ${email}`);
  return { mail, url: mail.text.match(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/)[0] };
}

export const tests = [
  {
    name: 'a German freelancer who forgot the password gets back in through the emailed link (390 px)',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const email = `vergessen-${Date.now()}@example.com`;
      const res = await ctx.api('/api/v1/auth/register', {
        method: 'POST',
        body: { email, password: OLD, full_name: 'Greta Vergesslich', role: 'freelancer', locale: 'de' },
      });
      assert.equal(res.status, 201, `register: ${JSON.stringify(res.body)}`);
      const oldSession = res.body;
      await page.setViewportSize(PHONE);
      try {
        await page.goto(`${baseUrl}/`);
        await page.evaluate(() => {
          localStorage.clear();
          localStorage.setItem('partner_hub.language', 'de');
        });

        // Three wrong passwords: the login warns that two remain before the delays.
        await page.goto(`${baseUrl}/login`);
        await page.getByLabel('E-Mail-Adresse').fill(email);
        for (let i = 0; i < 3; i += 1) {
          await page.getByLabel('Passwort', { exact: false }).first().fill(`falsch ${i} falsch`);
          await page.getByRole('button', { name: 'Anmelden', exact: true }).last().click();
          await page.getByText('E-Mail-Adresse oder Passwort ist falsch.').waitFor();
        }
        await page.getByText('Noch 2 falsche Passwörter, dann muss jeder weitere Versuch eine Weile warten.').waitFor();
        await noSideways(page, 'login with warning');
        await ctx.check('password-reset-login-warning-de');

        // "Passwort vergessen?" → the same confirmation whatever the address.
        await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
        await page.getByRole('heading', { level: 1, name: 'Passwort zurücksetzen' }).waitFor();
        await page.getByLabel('E-Mail-Adresse').fill(email);
        await page.getByRole('button', { name: 'Link senden' }).click();
        await page.getByRole('heading', { level: 1, name: 'Sehen Sie in Ihrem Posteingang nach' }).waitFor();
        await noSideways(page, 'forgot-password sent');
        await ctx.check('password-reset-sent-de');

        // The email is German and carries the link.
        const { mail, url } = await resetLink(ctx, email);
        assert.equal(mail.subject, 'Passwort zurücksetzen');
        assert.equal(mail.lang, 'de');
        assert.match(mail.text, /Guten Tag Greta Vergesslich/);
        const link = url.replace(/^https?:\/\/[^/]+/, baseUrl);

        // Two different passwords are caught before anything is sent; then the real one.
        await page.goto(link);
        await page.getByRole('heading', { level: 1, name: 'Neues Passwort wählen' }).waitFor();
        await page.getByLabel(/^Neues Passwort\s*\*?$/).fill(NEW);
        await page.getByLabel(/^Neues Passwort wiederholen/).fill(`${NEW}!`);
        await page.getByRole('button', { name: 'Passwort ändern' }).click();
        await page.getByText('Die beiden Passwörter stimmen nicht überein.').waitFor();
        await page.getByRole('button', { name: 'Passwort anzeigen' }).first().waitFor();
        await noSideways(page, 'reset-password form');
        await ctx.check('password-reset-form-de');
        await page.getByLabel(/^Neues Passwort wiederholen/).fill(NEW);
        await page.getByRole('button', { name: 'Passwort ändern' }).click();

        // Back at the login page, told what happened; the old session no longer works.
        await page.getByText('Ihr Passwort wurde geändert und Sie wurden überall abgemeldet.', { exact: false }).waitFor();
        assert.equal(new URL(page.url()).pathname, '/login');
        const me = await ctx.api('/api/v1/me', { token: oldSession.access_token });
        assert.equal(me.status, 401, 'the access token from before the reset is refused');
        const refresh = await ctx.api('/api/v1/auth/refresh', { method: 'POST', body: { refresh_token: oldSession.refresh_token } });
        assert.equal(refresh.status, 401, 'the refresh token from before the reset is refused');

        // The new password signs in.
        await page.getByLabel('E-Mail-Adresse').fill(email);
        await page.getByLabel('Passwort', { exact: false }).first().fill(NEW);
        await page.getByRole('button', { name: 'Anmelden', exact: true }).last().click();
        await page.waitForURL((u) => u.pathname.startsWith('/app'));

        // The link works once: a second visit gets a clear page with a way to ask again.
        await page.evaluate(() => {
          localStorage.removeItem('partner_hub.access_token');
          localStorage.removeItem('partner_hub.refresh_token');
        });
        await page.goto(link);
        await page.getByLabel(/^Neues Passwort\s*\*?$/).fill('noch ein neues Passwort');
        await page.getByLabel(/^Neues Passwort wiederholen/).fill('noch ein neues Passwort');
        await page.getByRole('button', { name: 'Passwort ändern' }).click();
        await page.getByRole('heading', { level: 1, name: 'Dieser Link kann nicht verwendet werden' }).waitFor();
        await page.getByRole('link', { name: 'Neuen Link anfordern' }).waitFor();
        await noSideways(page, 'reset-password used link');
        await ctx.check('password-reset-used-link-de');
        const login = await ctx.api('/api/v1/auth/login', { method: 'POST', body: { email, password: NEW } });
        assert.equal(login.status, 200, 'the used link changed nothing');
      } finally {
        await page.setViewportSize(DESKTOP);
        await page.goto(`${baseUrl}/`);
        await page.evaluate(() => localStorage.clear());
      }
    },
  },
];
