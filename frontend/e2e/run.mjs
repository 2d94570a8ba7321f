// End-to-end tests: the built SPA served by the real backend on a fresh SQLite database,
// driven through Debian's Chromium with playwright-core. Every page visited is scanned
// with axe-core (serious and critical violations fail the test) and photographed into
// e2e/artifacts/. Ends with the line "N passed, N failed".
//
//   PARTNER_HUB_BIN   backend binary (default ../target/debug/partner-hub)
//   CHROMIUM          browser binary (default /usr/bin/chromium)
//   E2E_KEEP=1        keep the temporary data directory for inspection
//   E2E_ONLY=text     run only the scenarios whose name contains `text` (e.g. a file name)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { parseEmail } from './mail.mjs';
import { tests as foundationTests } from './tests.mjs';

const require = createRequire(import.meta.url);
const frontendDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const artifactsDir = join(frontendDir, 'e2e', 'artifacts');
const distDir = join(frontendDir, 'dist');
const binary = resolve(frontendDir, process.env.PARTNER_HUB_BIN ?? '../target/debug/partner-hub');
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const READY_TIMEOUT_MS = 30_000;

function fail(message) {
  console.error(`e2e: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

async function waitUntilReady(baseUrl, backend) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (backend.exitCode !== null) throw new Error(`backend exited with code ${backend.exitCode} before it was ready`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`backend not ready after ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}

async function stopBackend(backend) {
  if (!backend || backend.exitCode !== null || backend.signalCode !== null) return;
  backend.kill('SIGTERM');
  const timer = setTimeout(() => backend.kill('SIGKILL'), 5_000);
  await once(backend, 'exit').catch(() => undefined);
  clearTimeout(timer);
}

/** Runs axe in the page; returns serious/critical violations, logs the milder ones. */
function makeAxe(axeSource) {
  return async function scan(page, label) {
    // Evaluated over the DevTools protocol: not an inline script, so the CSP allows it.
    await page.evaluate(axeSource);
    const results = await page.evaluate(() =>
      axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      }),
    );
    const describe = (v) =>
      `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')})${v.nodes[0]?.failureSummary ? `\n        ${v.nodes[0].failureSummary.replace(/\n/g, '\n        ')}` : ''}`;
    const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of results.violations.filter((x) => !blocking.includes(x))) {
      console.log(`    axe note on ${label}: ${describe(v)}`);
    }
    if (blocking.length > 0) {
      throw new Error(`axe found ${blocking.length} serious/critical violation(s) on ${label}:\n      ${blocking.map(describe).join('\n      ')}`);
    }
  };
}

async function main() {
  if (!existsSync(binary)) fail(`backend binary not found at ${binary} (build it, or set PARTNER_HUB_BIN)`);
  if (!existsSync(join(distDir, 'index.html'))) fail(`${distDir}/index.html is missing: run \`npm run build\` first`);
  if (!existsSync(chromiumPath)) fail(`Chromium not found at ${chromiumPath} (apt-get install chromium)`);

  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  const workDir = mkdtempSync(join(tmpdir(), 'partner-hub-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const backendLog = createWriteStream(join(artifactsDir, 'backend.log'));

  let backend;
  let context;
  let passed = 0;
  let failed = 0;
  const stopOnSignal = async (signal) => {
    await stopBackend(backend);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  // Last resort, whatever ends this process (an uncaught error, a closed pipe when the
  // output goes to `| head`): never leave the backend running.
  process.on('exit', () => {
    if (backend && backend.exitCode === null && backend.signalCode === null) backend.kill('SIGKILL');
  });
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

  // Every *.spec.mjs beside this file adds its scenarios after the foundation's, in
  // file-name order; each exports `tests` like tests.mjs.
  const tests = [...foundationTests];
  for (const file of readdirSync(join(frontendDir, 'e2e')).filter((f) => f.endsWith('.spec.mjs')).sort()) {
    const mod = await import(`./${file}`);
    tests.push(...mod.tests.map((t) => ({ ...t, name: `${file.replace('.spec.mjs', '')}: ${t.name}` })));
  }
  if (process.env.E2E_ONLY) tests.splice(0, tests.length, ...tests.filter((t) => t.name.includes(process.env.E2E_ONLY)));

  const backendEnv = {
    ...process.env,
    DATABASE_URL: `sqlite://${workDir}/e2e.db`,
    HOST: '127.0.0.1',
    PORT: String(port),
    APP_CLOCK: 'manual',
    STATIC_DIR: distDir,
    DATA_DIR: workDir,
    EMAIL_OUTBOX_DIR: join(workDir, 'outbox'),
    PUBLIC_BASE_URL: baseUrl,
  };
  delete backendEnv.SMTP_URL;
  // Staff accounts are created the way an operator does it: with the CLI.
  const staff = {
    support: { email: 'support@partner-hub.test', password: 'support password 1' },
    admin: { email: 'admin@partner-hub.test', password: 'admin password 12' },
  };
  for (const [role, who] of Object.entries(staff)) {
    const out = spawnSync(binary, ['admin', 'create', '--email', who.email, '--password', who.password, '--full-name', role === 'admin' ? 'Ada Admin' : 'Sam Support', '--role', role], {
      env: backendEnv,
      encoding: 'utf8',
    });
    if (out.status !== 0) fail(`admin create (${role}) failed: ${out.stderr}`);
  }

  try {
    backend = spawn(binary, ['serve'], {
      env: backendEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    backend.stdout.pipe(backendLog);
    backend.stderr.pipe(backendLog);
    await waitUntilReady(baseUrl, backend);
    console.log(`e2e: backend ready at ${baseUrl} (log: e2e/artifacts/backend.log)`);

    context = await chromium.launchPersistentContext(join(workDir, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context.setDefaultTimeout(10_000);
    const page = context.pages()[0] ?? (await context.newPage());

    // Anything the Content-Security-Policy blocks, and any uncaught error, fails a test.
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(`uncaught: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content.Security.Policy|Refused to/i.test(msg.text())) {
        pageErrors.push(`CSP: ${msg.text()}`);
      }
    });

    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    let shot = 0;
    const ctx = {
      page,
      baseUrl,
      axe: makeAxe(axeSource),
      async screenshot(name) {
        shot += 1;
        const file = `${String(shot).padStart(2, '0')}-${name}.png`;
        await page.screenshot({ path: join(artifactsDir, file), fullPage: true });
        return file;
      },
      /** Screenshot, then accessibility scan, of the page as it is now. */
      async check(name) {
        await page.waitForLoadState('networkidle');
        await ctx.screenshot(name);
        await ctx.axe(page, name);
      },
      state: {},
      staff,
      outboxDir: join(workDir, 'outbox'),
      /** Calls the API directly (for set-up steps that are not under test). */
      async api(path, { method = 'GET', body, token } = {}) {
        const res = await fetch(`${baseUrl}${path}`, {
          method,
          headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        return { status: res.status, body: json };
      },
      async tokenOf(who) {
        const res = await ctx.api('/api/v1/auth/login', { method: 'POST', body: who });
        if (res.status !== 200) throw new Error(`login of ${who.email} failed: ${res.status}`);
        return res.body.access_token;
      },
      /** Delivers the outbox (the email job) and returns every message so far, decoded
       * (`e2e/mail.mjs`), as {to, subject, lang, text, html, raw}. */
      async emails() {
        const token = await ctx.tokenOf(staff.admin);
        const run = await ctx.api('/api/v1/admin/jobs/email/run', { method: 'POST', body: {}, token });
        if (run.status !== 200) throw new Error(`email job failed: ${run.status}`);
        const dir = join(workDir, 'outbox');
        if (!existsSync(dir)) return [];
        return readdirSync(dir)
          .filter((f) => f.endsWith('.eml'))
          .sort()
          .map((f) => parseEmail(readFileSync(join(dir, f), 'utf8')));
      },
      /** The confirmation link emailed to `email` (the newest one), as a person finds it. */
      async verificationLink(email) {
        const mail = (await ctx.emails()).reverse().find((m) => m.to.includes(email) && /verify-email\?token=/.test(m.text));
        if (!mail) throw new Error(`no confirmation link emailed to ${email}`);
        return mail.text.match(/https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/)[0];
      },
      /** Confirms `email` the way its owner does: follows the emailed link's token. */
      async verifyEmail(email) {
        const token = new URL(await ctx.verificationLink(email)).searchParams.get('token');
        const res = await ctx.api('/api/v1/auth/verify-email', { method: 'POST', body: { token } });
        if (res.status !== 200) throw new Error(`verifying ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      },
      /** Forgets the browser's session, as a new visitor. */
      async freshSession() {
        await page.goto(`${baseUrl}/`);
        await page.evaluate(() => localStorage.clear());
      },
    };

    for (const test of tests) {
      pageErrors.length = 0;
      const started = Date.now();
      try {
        await test.run(ctx);
        if (pageErrors.length > 0) throw new Error(`page errors:\n      ${pageErrors.join('\n      ')}`);
        passed += 1;
        console.log(`  ✔ ${test.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failed += 1;
        console.log(`  ✘ ${test.name} (${Date.now() - started} ms)\n    ${error.message.split('\n').join('\n    ')}`);
        await ctx.screenshot(`FAILED-${test.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
      }
    }
  } catch (error) {
    failed += 1;
    console.error(`e2e: ${error.message}`);
  } finally {
    await context?.close().catch(() => undefined);
    await stopBackend(backend);
    backendLog.end();
    if (process.env.E2E_KEEP) console.log(`e2e: kept ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }

  console.log(`screenshots: e2e/artifacts/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

await main();
