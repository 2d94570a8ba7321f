// A new freelancer's first hour, once in German and once in English: invited by email →
// registers through the link → applies → rejected by email → appeals → upheld by email →
// onboards as a US freelancer with a W-9 → accepts the terms → the dashboard. Every label
// comes from the SPA's catalogue of that language; every page and every email is checked
// for the language (German pages and mail must hold no English sentence).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { choose, search, tags, waitForPath } from './ui.mjs';

const API = '/api/v1';
const PASSWORD = 'first hour password 1';
const catalogue = (lang) => JSON.parse(readFileSync(new URL(`../src/i18n/${lang}.json`, import.meta.url), 'utf8'));
const CATALOGUES = { en: catalogue('en'), de: catalogue('de') };

/** The catalogue text of `key` in `lang`, with `{{name}}` filled in from `values`. */
function tr(lang, key, values = {}) {
  const text = key.split('.').reduce((node, part) => node?.[part], CATALOGUES[lang]);
  assert.equal(typeof text, 'string', `no catalogue entry ${key} in ${lang}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name) => String(values[name] ?? ''));
}

const SUBJECTS = {
  en: {
    invitation: "You're invited to the Partner Hub reseller programme",
    welcome: 'Welcome to Partner Hub',
    received: 'We received your application',
    rejected: 'About your application',
    appealReceived: 'We received your appeal',
    upheld: 'Your appeal was upheld',
    approved: 'Your application is approved',
  },
  de: {
    invitation: 'Einladung zum Reseller-Programm von Partner Hub',
    welcome: 'Willkommen bei Partner Hub',
    received: 'Ihre Bewerbung ist eingegangen',
    rejected: 'Zu Ihrer Bewerbung',
    appealReceived: 'Ihr Einspruch ist eingegangen',
    upheld: 'Ihrem Einspruch wurde stattgegeben',
    approved: 'Ihre Bewerbung wurde angenommen',
  },
};

/** What this journey types, in the language of the person typing it. */
const WORDS = {
  en: {
    name: 'Rosa Parker',
    motivation: 'I run IT for a dozen small US businesses and want to manage their Microsoft 365 directly.',
    rejectNote: 'Please list the certifications you hold with their exam numbers.',
    appeal: 'I hold MS-102 and MD-102 (exam numbers are on my Microsoft Learn profile) and serve 12 US clients.',
    upholdNote: 'Thanks, with those certifications you are a good fit. Welcome!',
    about: 'I keep small offices in Ohio running on Microsoft 365.',
    languages: ['English', 'Spanish'],
    occupation: 'IT support consultant',
    country: ['United St', 'United States'],
  },
  de: {
    name: 'Jana Weber',
    motivation: 'Ich betreue die IT von zwölf kleinen Firmen in den USA und möchte ihr Microsoft 365 selbst verwalten.',
    rejectNote: 'Bitte nennen Sie Ihre Zertifizierungen mit den Prüfungsnummern.',
    appeal: 'Ich habe MS-102 und MD-102 (Prüfungsnummern stehen in meinem Microsoft-Learn-Profil) und betreue zwölf Kunden in den USA.',
    upholdNote: 'Danke, mit diesen Zertifizierungen passen Sie gut. Willkommen!',
    about: 'Ich halte kleine Büros in Ohio mit Microsoft 365 am Laufen.',
    languages: ['Deutsch', 'Englisch'],
    occupation: 'IT-Beraterin',
    country: ['Vereinigte St', 'Vereinigte Staaten'],
  },
};

/** Whole words that give an English sentence away on a German page or in German mail. */
// Not "was", "will" or "see": German words too.
const ENGLISH = [
  'the', 'your', 'you', 'and', 'with', 'please', 'submit', 'save', 'continue', 'back', 'next', 'this', 'that', 'have',
  'has', 'were', 'are', 'is', 'from', 'for', 'not', 'yet', 'our', 'we', 'of', 'to', 'or', 'open',
  'apply', 'application', 'appeal', 'terms', 'sign', 'step', 'review', 'approved', 'rejected', 'welcome', 'hello',
];

function englishWords(text) {
  const words = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .toLowerCase()
    // Letters and digits together: a code like `6or5tmgxgr` is one token, not "or".
    .split(/[^a-zäöüß0-9]+/);
  return [...new Set(words.filter((w) => ENGLISH.includes(w)))];
}

/** A German page shows no English word (user content aside, which is German here). */
async function assertPageLanguage(page, lang, where) {
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${where}: <html lang>`);
  if (lang !== 'de') return;
  const found = englishWords(await page.evaluate(() => document.body.innerText));
  assert.deepEqual(found, [], `${where}: English words on the German page`);
}

/** The newest email to `to` with `subject`, checked for its language. */
async function mailTo(ctx, lang, to, subject) {
  const mail = (await ctx.emails()).reverse().find((m) => m.to.includes(to) && m.subject === subject);
  const seen = (await ctx.emails()).filter((m) => m.to.includes(to)).map((m) => m.subject);
  assert.ok(mail, `no email "${subject}" to ${to}; got ${JSON.stringify(seen)}`);
  assert.equal(mail.lang, lang, `${subject}: Content-Language`);
  assert.ok(mail.html.includes(`lang="${lang}"`), `${subject}: <html lang> of the HTML part`);
  if (lang === 'de') assert.deepEqual(englishWords(mail.text), [], `${subject}: English words in German mail:\n${mail.text}`);
  return mail;
}

async function heading(page, name, level) {
  await page.getByRole('heading', { name, ...(level ? { level } : {}) }).first().waitFor();
}

function journey(lang) {
  const t = (key, values) => tr(lang, key, values);
  const words = WORDS[lang];
  const subject = SUBJECTS[lang];
  const state = {};
  const check = (ctx) => async (name) => {
    await ctx.page.evaluate(() => window.scrollTo(0, 0));
    await ctx.check(`firsthour-${lang}-${name}`);
  };

  return [
    {
      name: `[${lang}] invited by email in ${lang}; the link opens the invitation in ${lang}`,
      async run(ctx) {
        const { page, api, tokenOf, staff, freshSession } = ctx;
        state.email = `first-hour-${lang}-${Date.now()}@example.com`;
        state.supportToken = await tokenOf(staff.support);
        const invited = await api(`${API}/admin/invitations`, {
          method: 'POST',
          body: { email: state.email, kind: 'external', locale: lang },
          token: state.supportToken,
        });
        assert.equal(invited.status, 201, JSON.stringify(invited.body));
        const mail = await mailTo(ctx, lang, state.email, subject.invitation);
        const link = mail.text.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0];
        assert.ok(link, `no invitation link in:\n${mail.text}`);

        await freshSession();
        await page.evaluate((l) => localStorage.setItem('partner_hub.language', l), lang);
        await page.goto(link);
        await heading(page, t('invitation.valid.title'), 1);
        await assertPageLanguage(page, lang, 'invitation');
        await check(ctx)('invitation');
        await page.getByRole('link', { name: t('invitation.valid.createAccount') }).click();
        await waitForPath(page, '/register');
        await heading(page, t('auth.register.title'), 1);
        await page.getByLabel(t('auth.fullName')).fill(words.name);
        await page.getByLabel(t('auth.password'), { exact: false }).first().fill(PASSWORD);
        await assertPageLanguage(page, lang, 'register');
        await page.getByRole('button', { name: t('auth.register.submit') }).click();
        await waitForPath(page, '/app/application');
        await heading(page, t('application.form.title'), 1);
        await mailTo(ctx, lang, state.email, subject.welcome);
        const me = await api(`${API}/me`, { token: await page.evaluate(() => localStorage.getItem('partner_hub.access_token')) });
        assert.equal(me.body.locale, lang, 'the account got the language of the page it registered on');
      },
    },
    {
      name: `[${lang}] applies, is rejected by email, and appeals`,
      async run(ctx) {
        const { page, baseUrl, api } = ctx;
        await assertPageLanguage(page, lang, 'application form');
        await check(ctx)('application-form');
        await choose(page, t('application.fields.experience'), t('application.experience.advanced'));
        await page.getByRole('textbox', { name: t('application.fields.usClients') }).fill('12');
        await tags(page, t('application.fields.certifications'), ['MS-102']);
        await search(page, t('application.fields.country'), ...words.country);
        await page.getByRole('textbox', { name: t('application.fields.motivation') }).fill(words.motivation);
        await page.getByRole('button', { name: t('application.form.submit') }).click();
        await heading(page, t('application.status.title'), 1);
        await page.getByText(t('application.status.submittedTitle')).first().waitFor();
        await assertPageLanguage(page, lang, 'application submitted');
        await mailTo(ctx, lang, state.email, subject.received);

        const queue = await api(`${API}/admin/applications?q=${encodeURIComponent(state.email)}`, { token: state.supportToken });
        state.applicationId = queue.body.data.find((a) => a.status === 'submitted').id;
        const rejected = await api(`${API}/admin/applications/${state.applicationId}/reject`, {
          method: 'POST',
          body: { reason: 'needs_more_detail', note: words.rejectNote },
          token: state.supportToken,
        });
        assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
        const mail = await mailTo(ctx, lang, state.email, subject.rejected);
        assert.ok(mail.text.includes(words.rejectNote), 'the note is in the rejection email');

        await page.goto(`${baseUrl}/app/application`);
        await page.getByText(t('application.status.rejectedTitle')).first().waitFor();
        await page.getByTestId('decision').getByText(words.rejectNote).waitFor();
        await assertPageLanguage(page, lang, 'application rejected');
        await check(ctx)('rejected');
        await page.getByRole('textbox', { name: t('application.appeal.explanation') }).fill(words.appeal);
        await page.getByRole('button', { name: t('application.appeal.submit') }).click();
        await page.getByText(t('application.status.appealedTitle')).first().waitFor();
        await assertPageLanguage(page, lang, 'application appealed');
        await mailTo(ctx, lang, state.email, subject.appealReceived);
      },
    },
    {
      name: `[${lang}] the appeal is upheld by email; the appeals page says so`,
      async run(ctx) {
        const { page, baseUrl, api } = ctx;
        const appeals = await api(`${API}/admin/appeals?status=submitted`, { token: state.supportToken });
        const appeal = appeals.body.data.find((a) => a.subject_id === state.applicationId);
        assert.ok(appeal, 'the appeal is in the queue');
        assert.equal((await api(`${API}/admin/appeals/${appeal.id}/review`, { method: 'POST', token: state.supportToken })).status, 200);
        const decided = await api(`${API}/admin/appeals/${appeal.id}/decide`, {
          method: 'POST',
          body: { decision: 'upheld', note: words.upholdNote },
          token: state.supportToken,
        });
        assert.equal(decided.status, 200, JSON.stringify(decided.body));
        const upheld = await mailTo(ctx, lang, state.email, subject.upheld);
        assert.ok(upheld.text.includes(words.upholdNote), 'the note is in the email');
        await mailTo(ctx, lang, state.email, subject.approved);

        await page.goto(`${baseUrl}/app/appeals`);
        await heading(page, t('appeals.title'), 1);
        await page.getByTestId('reviewer-note').getByText(words.upholdNote).waitFor();
        await assertPageLanguage(page, lang, 'appeals');
        await check(ctx)('appeals');
        await page.goto(`${baseUrl}/app/application`);
        await page.getByRole('link', { name: t('application.status.continueOnboarding') }).waitFor();
        await assertPageLanguage(page, lang, 'application approved');
      },
    },
    {
      name: `[${lang}] onboards as a US freelancer with a W-9, accepts the terms in ${lang}, and opens the dashboard`,
      async run(ctx) {
        const { page } = ctx;
        await page.getByRole('link', { name: t('application.status.continueOnboarding') }).click();
        await waitForPath(page, '/app/onboarding');
        await assertPageLanguage(page, lang, 'onboarding intro');
        await page.getByRole('button', { name: t('onboarding.continue') }).click();

        await heading(page, t('onboarding.personal.title'), 2);
        await page.getByRole('textbox', { name: t('onboarding.personal.fullName') }).fill(words.name);
        await page.getByRole('textbox', { name: t('onboarding.personal.displayName') }).fill(`${lang}-first-hour-${Date.now() % 100000}`);
        await page.getByRole('textbox', { name: t('onboarding.personal.description') }).fill(words.about);
        await tags(page, t('onboarding.personal.languages'), words.languages);
        const country = await page.getByRole('combobox', { name: t('onboarding.personal.country') }).inputValue();
        assert.equal(country, words.country[1], 'the country comes from the application');
        await assertPageLanguage(page, lang, 'onboarding personal');
        await page.getByRole('button', { name: t('onboarding.saveContinue') }).click();

        await heading(page, t('onboarding.business.title'), 2);
        await page.getByRole('textbox', { name: t('onboarding.business.occupation') }).fill(words.occupation);
        await tags(page, t('onboarding.business.skills'), ['Exchange Online', 'Intune']);
        await assertPageLanguage(page, lang, 'onboarding business');
        await page.getByRole('button', { name: t('onboarding.saveContinue') }).click();

        await heading(page, t('onboarding.tax.title'), 2);
        await page.getByRole('textbox', { name: t('onboarding.tax.legalName') }).fill(words.name);
        await choose(page, t('onboarding.tax.classification'), t('onboarding.tax.classifications.individual'));
        await page.getByRole('textbox', { name: t('onboarding.tax.line1') }).fill('350 Fifth Avenue');
        await page.getByRole('textbox', { name: t('onboarding.tax.city') }).fill('Columbus');
        await search(page, t('onboarding.tax.state'), 'Ohio', 'Ohio (OH)');
        await page.getByRole('textbox', { name: t('onboarding.tax.zip') }).fill('43004');
        await page.getByLabel(new RegExp(`^${t('onboarding.tax.tinLabel.ssn')}\\s*\\*?$`)).fill('123456789');
        await page.getByRole('checkbox', { name: t('onboarding.tax.certify') }).check();
        await page.getByRole('textbox', { name: t('onboarding.tax.signature') }).fill(words.name);
        await assertPageLanguage(page, lang, 'W-9');
        await check(ctx)('w9');
        await page.getByRole('button', { name: t('onboarding.tax.submit') }).click();

        await heading(page, t('onboarding.terms.title'), 2);
        await page.getByTestId('terms-text').waitFor();
        await assertPageLanguage(page, lang, 'terms');
        await check(ctx)('terms');
        await page.getByRole('button', { name: t('onboarding.terms.accept') }).click();
        await heading(page, t('onboarding.done.eligibleTitle'));
        await page.getByRole('link', { name: t('onboarding.done.openDashboard') }).click();
        await waitForPath(page, '/app/dashboard');
        await heading(page, t('dashboard.title'), 1);
        await assertPageLanguage(page, lang, 'dashboard');
        await check(ctx)('dashboard');
      },
    },
    {
      name: `[${lang}] every email of the first hour was in ${lang}`,
      async run(ctx) {
        const mails = (await ctx.emails()).filter((m) => m.to.includes(state.email));
        assert.ok(mails.length >= 7, `only ${mails.length} emails`);
        for (const mail of mails) {
          assert.equal(mail.lang, lang, `${mail.subject}: Content-Language`);
          if (lang === 'de') assert.deepEqual(englishWords(mail.text), [], `${mail.subject}: English words`);
        }
        await ctx.freshSession();
        await ctx.page.evaluate(() => localStorage.removeItem('partner_hub.language'));
      },
    },
  ];
}

export const tests = [...journey('de'), ...journey('en')];
