// The staff area end to end: support signs in through the SPA and works through every
// queue — invitations, applications, appeals, tiers, terms, the audit log and support
// tickets. Set-up a freelancer would do elsewhere (register, apply, appeal, open a
// ticket) goes through the API; everything support does goes through the UI.
import assert from 'node:assert/strict';

const PASSWORD = 'correct horse battery staple';

async function heading(page, name, level = 1) {
  await page.getByRole('heading', { level, name }).waitFor();
}

async function waitForPath(page, pathname) {
  await page.waitForURL((url) => url.pathname === pathname);
}

/** Opens a section through the staff sub-navigation. */
async function openSection(page, name) {
  await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name }).click();
}

/** Waits until a locator matches exactly `count` elements (the list re-renders after the URL changes). */
async function waitForCount(locator, count, what) {
  const deadline = Date.now() + 10_000;
  let last = -1;
  while (Date.now() < deadline) {
    last = await locator.count();
    if (last === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: expected ${count}, found ${last}`);
}

/** Waits for running CSS transitions (a modal fading in) so screenshots are not caught mid-way. */
async function settle(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

function params(page) {
  return new URL(page.url()).searchParams;
}

export const tests = [
  {
    name: 'support signs in and sees the staff overview',
    async run({ page, baseUrl, check, freshSession, staff, state }) {
      await freshSession();
      state.staff = { stamp: Date.now() };
      await page.goto(`${baseUrl}/login?next=${encodeURIComponent('/admin')}`);
      await page.getByLabel('Email address').fill(staff.support.email);
      await page.getByLabel('Password', { exact: false }).first().fill(staff.support.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await waitForPath(page, '/admin');
      await heading(page, 'Administration');
      const sections = page.getByRole('navigation', { name: 'Administration sections' });
      for (const name of ['Overview', 'Invitations', 'Applications', 'Appeals', 'Support tickets', 'Freelancers & tiers', 'Terms', 'Audit log']) {
        await sections.getByRole('link', { name }).waitFor();
      }
      await page.getByTestId('count-applications').waitFor();
      await page.getByTestId('count-invitations').waitFor();
      await check('staff-home');
    },
  },
  {
    name: 'support invites an external person and the email goes out',
    async run({ page, check, emails, state }) {
      const invitee = `invitee-${state.staff.stamp}@example.com`;
      await openSection(page, 'Invitations');
      await waitForPath(page, '/admin/invitations');
      await heading(page, 'Invitations');
      await page.getByLabel('Email address').fill(invitee);
      assert.ok(await page.getByRole('radio', { name: /External/ }).isChecked(), 'external is the default kind');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      const issued = page.getByTestId('issued-invitation');
      await issued.waitFor();
      assert.match(await issued.innerText(), new RegExp(`Invitation sent to ${invitee.replace(/[.]/g, '\\.')}`));
      const link = await issued.getByLabel('Invitation link').inputValue();
      assert.match(link, /\/invitations\/[A-Za-z0-9_-]+$/, `invite link was ${link}`);
      await issued.getByRole('button', { name: 'Copy link' }).waitFor();
      await page.getByTestId('invitation-row').filter({ hasText: invitee }).waitFor();
      await check('staff-invitation-sent');

      const mail = (await emails()).find((m) => m.to.includes(invitee));
      assert.ok(mail, `no email to ${invitee}`);
      assert.match(mail.subject, /invited/i);
      assert.ok(mail.text.includes(link), 'the emailed link is the one shown once');

      // A second invitation to the same address is refused next to the field.
      await page.getByLabel('Email address').fill(invitee);
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByText('A valid invitation for this address exists already').waitFor();
      assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');
      await check('staff-invitation-pending-error');

      // Filters are in the URL.
      await page.getByLabel('Kind').selectOption('external');
      await page.waitForURL((url) => url.searchParams.get('kind') === 'external');
      await page.getByTestId('invitation-row').filter({ hasText: invitee }).waitFor();
    },
  },
  {
    name: 'support finds a new application through the filters and rejects it',
    async run({ page, check, api, state, verifyEmail }) {
      const s = state.staff;
      s.freelancer = { email: `frida-${s.stamp}@example.com`, password: PASSWORD, name: `Frida Queue ${s.stamp}` };
      const reg = await api('/api/v1/auth/register', {
        method: 'POST',
        body: { email: s.freelancer.email, password: PASSWORD, full_name: s.freelancer.name, role: 'freelancer' },
      });
      assert.equal(reg.status, 201, `register: ${JSON.stringify(reg.body)}`);
      s.freelancer.token = reg.body.access_token;
      await verifyEmail(s.freelancer.email);
      const applied = await api('/api/v1/applications', {
        method: 'POST',
        token: s.freelancer.token,
        body: {
          m365_experience: 'advanced',
          us_clients_served: 12,
          certifications: ['MS-102: Microsoft 365 Administrator'],
          country: 'US',
          motivation: 'I run IT for a dozen small US businesses and want to manage their Microsoft 365 directly.',
          links: ['https://example.com/frida'],
        },
      });
      assert.equal(applied.status, 201, `apply: ${JSON.stringify(applied.body)}`);
      s.applicationId = applied.body.id;
      s.freelancerId = applied.body.freelancer_id;

      await openSection(page, 'Applications');
      await waitForPath(page, '/admin/applications');
      await heading(page, 'Applications');
      await page.getByLabel('Status').selectOption('submitted');
      await page.getByLabel('Came through an invitation').selectOption('false');
      await page.getByLabel('Submitted from').fill('2000-01-01');
      await page.getByLabel('Search name or email').fill(s.freelancer.name);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === s.freelancer.name);
      assert.equal(params(page).get('status'), 'submitted');
      assert.equal(params(page).get('invited'), 'false');
      assert.equal(params(page).get('submitted_after'), '2000-01-01');
      const rows = page.getByTestId('application-row');
      await waitForCount(rows, 1, 'applications matching the search');
      await rows.filter({ hasText: s.freelancer.name }).waitFor();
      await check('staff-applications-filtered');

      // The filtered queue is linkable: a reload keeps the filters.
      await page.reload();
      await rows.filter({ hasText: s.freelancer.name }).waitFor();
      assert.equal(await page.getByLabel('Search name or email').inputValue(), s.freelancer.name);

      await page.getByRole('link', { name: s.freelancer.name }).click();
      await waitForPath(page, `/admin/applications/${s.applicationId}`);
      await heading(page, `Application from ${s.freelancer.name}`);
      await page.getByText('I run IT for a dozen small US businesses').waitFor();
      await page.getByRole('link', { name: 'https://example.com/frida' }).waitFor();
      await check('staff-application-detail');

      await page.getByRole('button', { name: 'Reject', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Reject this application?' });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: 'Other' }).check();
      await dialog.getByRole('button', { name: 'Reject application' }).click();
      await dialog.getByText('Explain the reason in a note when you choose "Other".').waitFor();
      await settle(page);
      await check('staff-reject-note-required');
      await dialog.getByRole('radio', { name: 'Needs more detail' }).check();
      await dialog.getByLabel('Note to the applicant').fill('Please list the Microsoft 365 tenants you administer today.');
      await dialog.getByRole('button', { name: 'Reject application' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('region', { name: 'Decision' }).getByText('Needs more detail').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Reject', exact: true }).count(), 0, 'no more decisions once rejected');
      await check('staff-application-rejected');
    },
  },
  {
    name: 'support takes the appeal into review and upholds it',
    async run({ page, check, api, state }) {
      const s = state.staff;
      const appeal = await api('/api/v1/appeals', {
        method: 'POST',
        token: s.freelancer.token,
        body: {
          subject_type: 'application',
          subject_id: s.applicationId,
          explanation: 'I administer 14 tenants today: contoso.example, fabrikam.example and twelve more small offices.',
        },
      });
      assert.equal(appeal.status, 201, `appeal: ${JSON.stringify(appeal.body)}`);
      s.appealId = appeal.body.id;

      await openSection(page, 'Appeals');
      await waitForPath(page, '/admin/appeals');
      await page.getByLabel('Status').selectOption('submitted');
      await page.waitForURL((url) => url.searchParams.get('status') === 'submitted');
      await page.getByTestId('appeal-row').filter({ hasText: s.freelancer.name }).waitFor();
      await check('staff-appeals');
      await page.getByRole('link', { name: s.freelancer.name }).click();
      await waitForPath(page, `/admin/appeals/${s.appealId}`);
      await heading(page, `Appeal by ${s.freelancer.name}`);
      await page.getByText('I administer 14 tenants today').waitFor();
      await page.getByRole('region', { name: 'Appealed application' }).getByText('Needs more detail').waitFor();

      await page.getByRole('button', { name: 'Start review' }).click();
      await page.getByText('In review', { exact: true }).waitFor();
      await page.getByRole('radio', { name: 'Uphold' }).check();
      await page.getByLabel('Note to the freelancer').fill('Thanks for the detail — welcome to the programme.');
      await check('staff-appeal-deciding');
      await page.getByRole('button', { name: 'Record decision' }).click();
      const decision = page.getByRole('region', { name: 'Decision', exact: true });
      await decision.getByText('Thanks for the detail — welcome to the programme.').waitFor();
      await decision.getByText('Upheld').waitFor();
      await check('staff-appeal-upheld');

      await page.getByRole('link', { name: 'Open the application' }).click();
      await waitForPath(page, `/admin/applications/${s.applicationId}`);
      await page.getByRole('region', { name: 'Decision' }).getByText('Approved', { exact: true }).waitFor();
    },
  },
  {
    name: 'support changes the freelancer’s seller tier',
    async run({ page, check, state }) {
      const s = state.staff;
      await openSection(page, 'Freelancers & tiers');
      await waitForPath(page, '/admin/freelancers');
      await page.getByLabel('Status').selectOption('approved');
      await page.getByTestId('freelancer-row').filter({ hasText: s.freelancer.name }).waitFor();
      await check('staff-freelancers');
      await page.getByRole('link', { name: s.freelancer.name }).click();
      await waitForPath(page, `/admin/freelancers/${s.freelancerId}`);
      await heading(page, s.freelancer.name);
      await page.getByTestId('missing-steps').waitFor();
      const standard = page.getByRole('radio', { name: /^Standard · current/ });
      assert.match(await standard.innerText(), /14 days/);
      const pro = page.getByRole('radio', { name: /^Pro/ });
      assert.match(await pro.innerText(), /7 days/);
      await pro.click();
      await check('staff-freelancer-tier');
      await page.getByRole('button', { name: 'Save tier' }).click();
      await page.getByText(`${s.freelancer.name} is now Pro.`).waitFor();
      await page.getByRole('radio', { name: /^Pro · current/ }).waitFor();
    },
  },
  {
    name: 'support publishes a new terms version after confirming',
    async run({ page, check, state }) {
      const s = state.staff;
      s.termsTitle = `Programme terms ${s.stamp}`;
      await openSection(page, 'Terms');
      await waitForPath(page, '/admin/terms');
      await heading(page, 'Terms');
      // Version 1 always exists: count only once the list has loaded.
      await page.getByTestId('terms-row').first().waitFor();
      const before = await page.getByTestId('terms-row').count();
      // English and German in tabs; without German the editor names the missing language.
      const panel = (name) => page.getByRole('tabpanel', { name });
      await panel(/^English/).getByLabel('Title').fill(s.termsTitle);
      await panel(/^English/)
        .getByLabel('Text of the terms')
        .fill('These terms govern your participation in the Partner Hub reseller programme.\n\n1. Commission…');
      await page.getByRole('button', { name: 'Publish new version' }).click();
      await page.getByTestId('missing-de').getByText('The German text is missing.').waitFor();
      await page.getByRole('tab', { name: 'German: needs attention', selected: true }).waitFor();
      await panel(/^German/).getByLabel('Title').fill(`Programmbedingungen ${s.stamp}`);
      await panel(/^German/)
        .getByLabel('Text of the terms')
        .fill('Diese Bedingungen regeln Ihre Teilnahme am Partner Hub Reseller-Programm.\n\n1. Provision …');
      await page.getByRole('button', { name: 'Publish new version' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish these terms?' });
      await dialog.getByText('Every freelancer must accept it again').waitFor();
      await settle(page);
      await check('staff-terms-confirm');
      await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByTestId('terms-row').filter({ hasText: s.termsTitle });
      await row.getByText('Current', { exact: true }).waitFor();
      await waitForCount(page.getByTestId('terms-row'), before + 1, 'terms versions');
      await waitForCount(page.getByTestId('terms-row').getByText('Current', { exact: true }), 1, 'current versions');
      await check('staff-terms-published');
    },
  },
  {
    name: 'the audit log shows the decisions with before and after',
    async run({ page, check, state }) {
      const s = state.staff;
      await openSection(page, 'Audit log');
      await waitForPath(page, '/admin/audit-log');
      await heading(page, 'Audit log');
      await page.getByLabel('Action').selectOption({ label: 'Application rejected' });
      await page.getByLabel('Subject id').fill(s.applicationId);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL((url) => url.searchParams.get('action') === 'application.rejected');
      await waitForCount(page.getByTestId('audit-entry'), 1, 'entries for the rejection');
      const entry = page.getByTestId('audit-entry').filter({ hasText: s.applicationId });
      // Words, not keys: the action's label and the actor's name and email.
      await entry.getByText('Application rejected', { exact: true }).waitFor();
      assert.doesNotMatch(await entry.innerText(), /application\.rejected|By: usr_/);
      await entry.getByRole('button', { name: 'Show changes' }).click();
      const after = entry.getByRole('region', { name: 'After' });
      await after.waitFor();
      assert.match(await after.innerText(), /"status": "rejected"/);
      assert.match(await after.innerText(), /"reason": "needs_more_detail"/);
      await check('staff-audit-rejection');

      for (const [action, label, subject] of [
        ['appeal.upheld', 'Appeal upheld', s.appealId],
        ['freelancer.tier_changed', 'Tier changed', s.freelancerId],
        ['invitation.created', 'Invitation sent', null],
        ['terms.published', 'Terms published', null],
      ]) {
        await page.getByLabel('Action').selectOption(action);
        await page.getByLabel('Subject id').fill(subject ?? '');
        await page.getByRole('button', { name: 'Apply filters' }).click();
        await page.waitForURL((url) => url.searchParams.get('action') === action);
        await page.getByTestId('audit-entry').first().getByText(label, { exact: true }).waitFor();
      }
      await page.getByTestId('audit-entry').first().getByRole('button', { name: 'Show changes' }).click();
      await page.getByText(s.termsTitle).first().waitFor();
      await check('staff-audit-terms');
    },
  },
  {
    name: 'support closes a ticket from the queue',
    async run({ page, check, api, state }) {
      const s = state.staff;
      s.ticketSubject = `Payout timing ${s.stamp}`;
      const ticket = await api('/api/v1/support-tickets', {
        method: 'POST',
        token: s.freelancer.token,
        body: { subject: s.ticketSubject, category: 'payments', message: 'When do my commissions become available funds?' },
      });
      assert.equal(ticket.status, 201, `ticket: ${JSON.stringify(ticket.body)}`);

      await openSection(page, 'Support tickets');
      await waitForPath(page, '/admin/support');
      await page.getByLabel('Category').selectOption('payments');
      await page.waitForURL((url) => url.searchParams.get('category') === 'payments');
      const row = page.getByTestId('ticket-row').filter({ hasText: s.ticketSubject });
      await row.waitFor();
      assert.match(await row.innerText(), new RegExp(s.freelancer.name));
      assert.equal(
        await row.getByRole('link', { name: s.ticketSubject }).getAttribute('href'),
        `/app/support/${ticket.body.id}`,
      );
      await check('staff-support-queue');
      await row.getByRole('button', { name: `Close the ticket "${s.ticketSubject}"` }).click();
      const dialog = page.getByRole('dialog', { name: 'Close this ticket?' });
      await dialog.getByRole('button', { name: 'Close ticket' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('Closed', { exact: true }).waitFor();
      assert.equal(await row.getByRole('button', { name: /^Close/ }).count(), 0, 'a closed ticket has no Close button');
      await check('staff-support-closed');
    },
  },
  {
    name: 'the staff area speaks German',
    async run({ page, baseUrl, check, state }) {
      await page.goto(`${baseUrl}/admin/freelancers/${state.staff.freelancerId}`);
      await heading(page, state.staff.freelancer.name);
      await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
      await page.getByRole('heading', { level: 2, name: 'Verkäuferstufe' }).waitFor();
      await page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name: 'Audit-Protokoll' }).waitFor();
      await page.getByRole('radio', { name: /^Pro-Freelancer · aktuell/ }).waitFor();
      await check('staff-freelancer-de');
      await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
      await page.getByRole('heading', { level: 2, name: 'Seller tier' }).waitFor();
    },
  },
  {
    name: 'the staff area fits a phone screen, then support logs out',
    async run({ page, baseUrl, check }) {
      await page.setViewportSize({ width: 390, height: 844 });
      try {
        await page.goto(`${baseUrl}/admin/applications`);
        await heading(page, 'Applications');
        await page.getByTestId('application-row').first().waitFor();
        await check('staff-applications-phone');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 });
      }
      await page.getByRole('button', { name: /account menu$/ }).click();
      await page.getByRole('menuitem', { name: 'Log out' }).click();
      await waitForPath(page, '/');
      const tokens = await page.evaluate(() => localStorage.getItem('partner_hub.access_token'));
      assert.equal(tokens, null, 'access token still stored after logout');
    },
  },
];
