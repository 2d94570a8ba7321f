// The freelancer's way in, through the SPA in Chromium: invited by support → registers
// through the emailed link → applies → is rejected → appeals → (support upholds) →
// onboards as a US freelancer with a W-9 → accepts the terms → the dashboard with the
// referral link; then a support ticket answered by support. Support's side is set up
// through the API (its screens are tested elsewhere); everything the freelancer does
// happens in the browser. Self-contained: it starts from a fresh session.
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { choose, pageText, search, tags, waitForPath } from './ui.mjs';

const PASSWORD = 'freelancer password 1';
const TIN = '123-45-6789';
const API = '/api/v1';

async function heading(page, name, level = 1) {
  await page.getByRole('heading', { level, name }).waitFor();
}

// --- a small PNG for the profile picture (a blue square with a lighter disc) ---------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function portraitPng(size = 96) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const inside = (x - size / 2) ** 2 + (y - size / 2.4) ** 2 < (size / 4) ** 2 || (y > size * 0.7 && Math.abs(x - size / 2) < size * 0.35);
      row.set(inside ? [200, 220, 255] : [25, 90, 180], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** check() from the top of the page: a full-page shot of a scrolled page repeats the fixed header mid-way. */
function atTop(ctx) {
  return async (name) => {
    await ctx.page.evaluate(() => window.scrollTo(0, 0));
    await ctx.check(name);
  };
}

// --- the scenarios ---------------------------------------------------------------------

export const tests = [
  {
    name: 'an unknown invitation link says so',
    async run(ctx) {
      const { page, baseUrl, freshSession } = ctx;
      const check = atTop(ctx);
      await freshSession();
      await page.goto(`${baseUrl}/invitations/not-a-real-token`);
      await heading(page, 'This invitation link is not valid');
      await check('invitation-unknown');
    },
  },
  {
    name: 'support invites an external freelancer; the emailed link opens the invitation',
    async run(ctx) {
      const { page, state, api, tokenOf, staff, emails } = ctx;
      const check = atTop(ctx);
      state.email = `invitee-${Date.now()}@example.com`;
      state.name = 'Rosa Parker';
      state.supportToken = await tokenOf(staff.support);
      const invited = await api(`${API}/admin/invitations`, {
        method: 'POST',
        body: { email: state.email, kind: 'external' },
        token: state.supportToken,
      });
      assert.equal(invited.status, 201, JSON.stringify(invited.body));
      const mail = (await emails()).find((m) => m.to.includes(state.email));
      assert.ok(mail, `no invitation email to ${state.email}`);
      const link = mail.text.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/)?.[0];
      assert.ok(link, `no invitation link in the email:\n${mail.text}`);
      state.invitationLink = link;
      await page.goto(link);
      await heading(page, 'You are invited to the Partner Hub programme');
      await page.getByText(state.email).first().waitFor();
      await check('invitation-valid');
    },
  },
  {
    name: 'the invitee creates an account through the link and lands on the application form',
    async run(ctx) {
      const { page, state } = ctx;
      const check = atTop(ctx);
      await page.getByRole('link', { name: 'Create your account' }).click();
      await waitForPath(page, '/register');
      const params = new URL(page.url()).searchParams;
      assert.ok(params.get('invitation'), 'the register link carries the invitation token');
      await heading(page, 'Create your Partner Hub account');
      assert.equal(await page.getByLabel('Email address').inputValue(), state.email, 'email prefilled from the invitation');
      assert.equal(await page.getByRole('radio').count(), 0, 'no role choice when invited');
      await page.getByText('You are joining as an IT freelancer.').waitFor();
      await page.getByLabel('Full name').fill(state.name);
      await page.getByLabel('Password', { exact: false }).first().fill(PASSWORD);
      await check('register-invited');
      await page.getByRole('button', { name: 'Create account' }).click();
      await waitForPath(page, '/app/application');
      await heading(page, 'Apply to the programme');
      await check('application-form');
    },
  },
  {
    name: 'the invitation cannot be used twice',
    async run(ctx) {
      const { page, state } = ctx;
      const check = atTop(ctx);
      await page.goto(state.invitationLink);
      await heading(page, 'This invitation has already been used');
      await check('invitation-used');
    },
  },
  {
    name: 'the freelancer applies; invalid input is explained next to its field',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const check = atTop(ctx);
      await page.goto(`${baseUrl}/app/application`);
      await heading(page, 'Apply to the programme');
      await page.getByRole('button', { name: 'Submit application' }).click();
      await page.getByText('Choose your level of experience.').waitFor();
      await page.getByText('Write between 20 and 2,000 characters.').waitFor();
      await check('application-errors');

      await choose(page, 'Experience administering Microsoft 365', 'Advanced — Microsoft 365 is a large part of my work');
      await page.getByRole('textbox', { name: 'US clients you serve today' }).fill('12');
      await tags(page, 'Certifications', ['MS-102: Microsoft 365 Administrator', 'MD-102']);
      await search(page, 'Country you are based in', 'United St', 'United States');
      await page
        .getByRole('textbox', { name: 'Why do you want to join?' })
        .fill('I run IT for a dozen small US businesses and want to manage their Microsoft 365 directly.');
      await tags(page, 'Links', ['not a link']);
      await page.getByRole('button', { name: 'Submit application' }).click();
      await page.getByText('Each link must be a full web address').waitFor();
      // Backspace in an empty tags input removes the last tag; then add a good link.
      const links = page.getByRole('combobox', { name: 'Links' });
      await links.focus();
      await links.press('Backspace');
      await tags(page, 'Links', ['https://example.com/portfolio']);
      await check('application-filled');
      await page.getByRole('button', { name: 'Submit application' }).click();
      await heading(page, 'Your application');
      await page.getByTestId('application-status').getByText('Under review').waitFor();
      await page.getByText('We are reviewing your application').waitFor();
      await check('application-submitted');
    },
  },
  {
    name: 'support rejects; the freelancer sees the reason and appeals',
    async run(ctx) {
      const { page, baseUrl, state, api } = ctx;
      const check = atTop(ctx);
      const queue = await api(`${API}/admin/applications?q=${encodeURIComponent(state.email)}`, { token: state.supportToken });
      assert.equal(queue.status, 200, JSON.stringify(queue.body));
      const application = queue.body.data.find((a) => a.status === 'submitted');
      assert.ok(application, 'the application is in the queue');
      state.applicationId = application.id;
      const rejected = await api(`${API}/admin/applications/${application.id}/reject`, {
        method: 'POST',
        body: { reason: 'needs_more_detail', note: 'Please list the certifications you hold with their exam numbers.' },
        token: state.supportToken,
      });
      assert.equal(rejected.status, 200, JSON.stringify(rejected.body));

      await page.goto(`${baseUrl}/app`);
      await page.getByRole('heading', { name: 'Your application was not approved' }).waitFor();
      await check('home-rejected');
      await page.getByTestId('next-step').getByRole('link', { name: 'See the decision' }).click();
      await waitForPath(page, '/app/application');
      const decision = page.getByTestId('decision');
      await decision.getByText('The application needs more detail.').waitFor();
      await decision.getByText('Please list the certifications').waitFor();
      await check('application-rejected');

      await page
        .getByRole('textbox', { name: 'Your explanation' })
        .fill('I hold MS-102 and MD-102 (exam numbers attached to my Microsoft Learn profile) and serve 12 US clients.');
      await page.getByRole('button', { name: 'Send appeal' }).click();
      await page.getByText('Your appeal is under review').first().waitFor();
      await page.getByTestId('application-status').getByText('Appeal under review').waitFor();
      await check('application-appealed');
    },
  },
  {
    name: 'support upholds the appeal; the appeals page shows the outcome and note',
    async run(ctx) {
      const { page, baseUrl, state, api } = ctx;
      const check = atTop(ctx);
      const appeals = await api(`${API}/admin/appeals?status=submitted`, { token: state.supportToken });
      const appeal = appeals.body.data.find((a) => a.subject_id === state.applicationId);
      assert.ok(appeal, 'the appeal is in the queue');
      assert.equal((await api(`${API}/admin/appeals/${appeal.id}/review`, { method: 'POST', token: state.supportToken })).status, 200);
      const decided = await api(`${API}/admin/appeals/${appeal.id}/decide`, {
        method: 'POST',
        body: { decision: 'upheld', note: 'Thanks — with those certifications you are a good fit. Welcome!' },
        token: state.supportToken,
      });
      assert.equal(decided.status, 200, JSON.stringify(decided.body));

      await page.goto(`${baseUrl}/app/appeals`);
      await heading(page, 'Your appeals');
      await page.getByTestId('appeal-status').getByText('Upheld').waitFor();
      await page.getByTestId('reviewer-note').getByText('with those certifications').waitFor();
      await check('appeals-upheld');

      await page.goto(`${baseUrl}/app/application`);
      await page.getByTestId('application-status').getByText('Approved').waitFor();
      await page.getByRole('link', { name: 'Continue to onboarding' }).waitFor();
      await check('application-approved');
    },
  },
  {
    name: 'the dashboard sends a freelancer who is not eligible yet to the next step',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const check = atTop(ctx);
      await page.goto(`${baseUrl}/app/dashboard`);
      await waitForPath(page, '/app/onboarding');
      await page.getByTestId('gate-notice').waitFor();
      await heading(page, 'How to succeed as a Partner Hub freelancer', 2);
      assert.match(await page.getByTestId('wizard-progress').innerText(), /Step 1 of 5/);
      await check('onboarding-intro');
    },
  },
  {
    name: 'onboarding: personal info with a profile picture, then business info',
    async run(ctx) {
      const { page, state } = ctx;
      const check = atTop(ctx);
      await page.getByRole('button', { name: 'Continue' }).click();
      await heading(page, 'Personal info', 2);
      assert.equal(await page.getByRole('textbox', { name: 'Full name' }).inputValue(), state.name, 'name prefilled');
      await page.locator('input[type="file"]').setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: portraitPng() });
      await page.getByText('Picture saved.').waitFor();
      await page.getByRole('img', { name: `Profile picture of ${state.name}` }).waitFor();
      await page.getByRole('textbox', { name: 'Display name' }).fill(`rosa.it-${Date.now() % 100000}`);
      await page.getByRole('textbox', { name: 'About you' }).fill('I keep small offices in Ohio running on Microsoft 365.');
      await tags(page, 'Languages you speak', ['English', 'Spanish']);
      // Not asked again: the application's country is already there.
      assert.equal(await page.getByRole('combobox', { name: 'Country you are based in' }).inputValue(), 'United States');
      await check('onboarding-personal');
      await page.getByRole('button', { name: 'Save and continue' }).click();

      await heading(page, 'Business info', 2);
      assert.match(await page.getByTestId('wizard-progress').innerText(), /Step 3 of 5/);
      await page.getByRole('textbox', { name: 'Occupation' }).fill('IT support consultant');
      await tags(page, 'Skills', ['Exchange Online', 'Intune', 'Teams']);
      await page.getByRole('button', { name: 'Add education' }).click();
      await page.getByRole('textbox', { name: 'School' }).fill('Ohio State University');
      await page.getByRole('textbox', { name: 'Degree' }).fill('BSc Computer Science');
      await page.getByRole('textbox', { name: 'Year' }).fill('2015');
      // The application's certifications are there; one more is added.
      await page.getByText('MS-102: Microsoft 365 Administrator', { exact: true }).first().waitFor();
      await tags(page, 'Certifications', ['AZ-104']);
      await check('onboarding-business');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await heading(page, 'W-9 form', 2);
    },
  },
  {
    name: 'onboarding: the W-9 is signed and the TIN is never shown again',
    async run(ctx) {
      const { page, state } = ctx;
      const check = atTop(ctx);
      await page.getByRole('textbox', { name: 'Name (as shown on your income tax return)' }).fill(state.name);
      await choose(page, 'Federal tax classification', 'Individual / sole proprietor');
      await page.getByRole('textbox', { name: 'Street address' }).fill('350 Fifth Avenue');
      await page.getByRole('textbox', { name: 'City' }).fill('Columbus');
      await search(page, 'State', 'Ohio', 'Ohio (OH)');
      await page.getByRole('textbox', { name: 'ZIP code' }).fill('43004');
      await page.getByLabel(/^Social Security number\s*\*?$/).fill('123456789');
      assert.equal(await page.getByLabel(/^Social Security number\s*\*?$/).inputValue(), TIN, 'typed digits are formatted');
      await page.getByRole('checkbox', { name: 'I certify the statements above' }).check();
      await page.getByRole('textbox', { name: 'Signature: type your full legal name' }).fill('Someone Else');
      await page.getByRole('button', { name: 'Sign and save' }).click();
      await page.getByText('Type your name exactly as on line 1 to sign.').waitFor();
      await page.getByRole('textbox', { name: 'Signature: type your full legal name' }).fill(state.name.toLowerCase());
      await check('onboarding-w9');
      await page.getByRole('button', { name: 'Sign and save' }).click();

      await heading(page, 'Programme terms', 2);
      const text = await pageText(page);
      assert.ok(!text.includes(TIN) && !text.includes('123456789'), 'the TIN is shown after saving');
      // Back to the W-9: only the masked TIN is shown.
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByTestId('tax-saved').waitFor();
      await page.getByText('***-**-6789').waitFor();
      const again = await pageText(page);
      assert.ok(!again.includes(TIN) && !again.includes('123456789'), 'the TIN is shown on the saved W-9');
      const inputs = await page.locator('input').evaluateAll((els) => els.map((el) => el.value));
      assert.ok(!inputs.some((v) => v.replace(/\D/g, '') === '123456789'), 'the TIN is still in a form field');
      await check('onboarding-w9-saved');
      await page.getByRole('button', { name: 'Continue' }).click();
    },
  },
  {
    name: 'onboarding: accepting the terms opens the dashboard with the referral link',
    async run(ctx) {
      const { page } = ctx;
      const check = atTop(ctx);
      await heading(page, 'Programme terms', 2);
      await page.getByTestId('terms-text').getByText('Referral link.', { exact: false }).waitFor();
      await check('onboarding-terms');
      await page.getByRole('button', { name: 'I accept these terms' }).click();
      await page.getByRole('heading', { name: 'You are all set' }).waitFor();
      await check('onboarding-done');
      await page.getByRole('link', { name: 'Open your dashboard' }).click();
      await waitForPath(page, '/app/dashboard');
      await heading(page, 'Digital Products & Software');
      const link = await page.getByRole('textbox', { name: 'Referral link' }).inputValue();
      assert.match(link, /^https?:\/\/\S+/, `referral link: ${link}`);
      await page.getByRole('button', { name: 'Copy link' }).waitFor();
      assert.match(await page.getByTestId('earnings-total').innerText(), /^\$0\.00$/);
      const text = await pageText(page);
      assert.ok(!text.includes(TIN), 'the TIN is shown on the dashboard');
      await check('dashboard');
    },
  },
  {
    name: 'the My Business menu and the app home point to the dashboard',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      const check = atTop(ctx);
      await page.goto(`${baseUrl}/app`);
      await page.getByRole('heading', { name: 'Your dashboard is open' }).waitFor();
      await check('home-eligible');
      await page.getByRole('button', { name: 'My Business' }).click();
      const item = page.getByRole('menuitem', { name: 'Digital Products & Software' });
      await item.waitFor();
      await page.waitForTimeout(300); // the dropdown's fade-in
      await check('business-menu');
      await item.click();
      await waitForPath(page, '/app/dashboard');
      await heading(page, 'Digital Products & Software');
    },
  },
  {
    name: 'the dashboard in German, and on a phone',
    async run(ctx) {
      const { page } = ctx;
      const check = atTop(ctx);
      await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
      await page.getByRole('heading', { name: 'Ihr Empfehlungslink' }).waitFor();
      assert.match(await page.getByTestId('earnings-total').innerText(), /0,00\s\$/);
      await check('dashboard-de');
      await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.reload();
        await heading(page, 'Digital Products & Software');
        await check('dashboard-phone');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the dashboard is ${overflow}px wider than the phone screen`);
        await page.getByRole('button', { name: 'Main navigation' }).click();
        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Appeals' }).waitFor();
        await check('nav-phone');
        await page.getByRole('button', { name: 'Main navigation' }).click();
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    },
  },
  {
    name: 'a support ticket: opened in the SPA, answered by support, closed',
    async run(ctx) {
      const { page, baseUrl, state, api } = ctx;
      const check = atTop(ctx);
      await page.goto(`${baseUrl}/app/support`);
      await heading(page, 'Support');
      await page.getByText('No tickets yet').waitFor();
      await check('support-empty');
      await page.getByRole('link', { name: 'New ticket' }).click();
      await waitForPath(page, '/app/support/new');
      await page.getByRole('button', { name: 'Send to support' }).click();
      await page.getByText('Write a subject of 3 to 200 characters.').waitFor();
      await page.getByRole('textbox', { name: 'Subject' }).fill('Where do I see my first commission?');
      await choose(page, 'Category', 'Payments');
      await page.getByRole('textbox', { name: 'Message' }).fill('A client bought Business Standard through my link today. When will the commission show?');
      await check('support-new');
      await page.getByRole('button', { name: 'Send to support' }).click();
      await page.waitForURL((url) => /^\/app\/support\/tkt_/.test(url.pathname));
      await heading(page, 'Where do I see my first commission?');
      await page.getByTestId('ticket-status').getByText('Waiting for support').waitFor();
      const ticketId = new URL(page.url()).pathname.split('/').pop();

      const reply = await api(`${API}/support-tickets/${ticketId}/messages`, {
        method: 'POST',
        body: { body: 'It shows on your dashboard right away as pending; it becomes available 14 days after activation.' },
        token: state.supportToken,
      });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      await page.reload();
      const staffMessage = page.locator('[data-testid="ticket-message"][data-from-staff="true"]');
      await staffMessage.getByText('It shows on your dashboard right away').waitFor();
      await staffMessage.getByText('Support', { exact: true }).waitFor();
      await page.getByTestId('ticket-status').getByText('Answered').waitFor();
      await check('support-answered');

      await page.getByRole('textbox', { name: 'Your reply' }).fill('Thanks, that is clear.');
      await page.getByRole('button', { name: 'Send reply' }).click();
      const mine = page.getByTestId('ticket-message').nth(2);
      await mine.getByText('Thanks, that is clear.').waitFor();
      assert.equal(await mine.getAttribute('data-from-staff'), 'false');
      await page.getByTestId('ticket-status').getByText('Waiting for support').waitFor();
      await page.getByRole('button', { name: 'Close ticket' }).click();
      await page.getByTestId('ticket-closed').waitFor();
      assert.equal(await page.getByRole('textbox', { name: 'Your reply' }).count(), 0, 'no reply box on a closed ticket');
      await check('support-closed');

      await page.getByRole('link', { name: '← All your tickets' }).click();
      await page.getByTestId('ticket-row').first().waitFor();
      // The segmented control's radios are visually hidden behind their labels.
      await page.locator('.mantine-SegmentedControl-root label', { hasText: 'Closed' }).click();
      assert.equal(new URL(page.url()).searchParams.get('status'), 'closed');
      await page.getByTestId('ticket-row').getByText('Closed').waitFor();
      await page.waitForTimeout(300); // the segmented control's indicator slides over
      await check('support-list');
    },
  },
  {
    name: 'the freelancer logs out',
    async run(ctx) {
      const { page, freshSession } = ctx;
      await page.getByRole('button', { name: /account menu$/ }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await waitForPath(page, '/');
      await heading(page, 'Resell Microsoft 365 and earn commission');
      await freshSession();
    },
  },
];
