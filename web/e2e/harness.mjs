// End-to-end harness: starts the real server in demo mode (temp data dir, free port) and drives
// Debian's Chromium through playwright-core. No browser is ever downloaded.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const screenshotDir = path.join(repoRoot, 'docs', 'screenshots');
export const DEMO_PASSWORD = 'e2e-Demo-passw0rd';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The newest built server (Release or Debug); builds Debug once if there is none. */
function serverDll() {
  if (process.env.MOSAIC_SERVER_DLL) return process.env.MOSAIC_SERVER_DLL;
  const candidates = ['Release', 'Debug']
    .map((c) => path.join(repoRoot, 'src', 'Mosaic.Server', 'bin', c, 'net10.0', 'Mosaic.Server.dll'))
    .filter((p) => fs.existsSync(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (candidates.length > 0) return candidates[0];
  const build = spawnSync('dotnet', ['build', path.join(repoRoot, 'src', 'Mosaic.Server'), '-c', 'Debug', '-nologo'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Building src/Mosaic.Server failed; the e2e tests need the server.');
  return path.join(repoRoot, 'src', 'Mosaic.Server', 'bin', 'Debug', 'net10.0', 'Mosaic.Server.dll');
}

export async function startServer(extraEnv = {}) {
  const dll = serverDll();
  if (!fs.existsSync(path.join(path.dirname(dll), 'wwwroot', 'index.html'))) {
    throw new Error(`${dll} has no wwwroot/index.html: build the server with the web UI (npm must be installed, MOSAIC_SKIP_WEB unset).`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-e2e-'));
  const port = await freePort();
  const env = { ...process.env };
  // A clean, self-contained server: embedded SQLite and cache, whatever the caller's shell has set.
  for (const key of Object.keys(env)) if (/^(LOCAL_MYSQL_|REDIS_URL|ANTHROPIC_|OPENAI_|LLM_)/.test(key)) delete env[key];
  Object.assign(env, {
    ENVIRONMENT: 'development',
    BACKEND_HOST: '127.0.0.1',
    BACKEND_PORT: String(port),
    MOSAIC_DATA_DIR: dataDir,
    MOSAIC_DEMO_PASSWORD: DEMO_PASSWORD,
    BCRYPT_WORK_FACTOR: '4',
    RATE_LIMIT_ENABLED: 'false',
    LOG_LEVEL: 'WARNING',
    ...extraEnv,
  });
  // cwd = the temp dir so no developer .env is picked up.
  const proc = spawn('dotnet', [dll, '--demo'], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => {
    log += d;
  });
  proc.stderr.on('data', (d) => {
    log += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`Server exited (${proc.exitCode}):\n${log}`);
    try {
      const r = await fetch(`${baseUrl}/api/health/live`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`Server did not start within 90 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    dataDir,
    log: () => log,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => {
            proc.kill('SIGKILL');
            r();
          }, 10_000);
          proc.once('exit', () => {
            clearTimeout(t);
            r();
          });
        });
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The API simulators (Slack, Jira, GitHub, Shopify, Google) the connectors talk to in tests. */
export async function startSandbox() {
  const dll =
    process.env.MOSAIC_SANDBOX_DLL ??
    ['Release', 'Debug']
      .map((c) => path.join(repoRoot, 'src', 'Mosaic.Sandbox', 'bin', c, 'net10.0', 'Mosaic.Sandbox.dll'))
      .filter((p) => fs.existsSync(p))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!dll) throw new Error('Mosaic.Sandbox is not built: run `dotnet build src/Mosaic.Sandbox` (or build the solution).');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const proc = spawn('dotnet', [dll, '--urls', baseUrl], { cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => {
    log += d;
  });
  proc.stderr.on('data', (d) => {
    log += d;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`Sandbox exited (${proc.exitCode}):\n${log}`);
    try {
      if ((await fetch(`${baseUrl}/_sandbox/calls`)).ok) break;
    } catch {
      /* starting */
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`Sandbox did not start within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseUrl,
    /** Writes the simulators received, e.g. Slack chat.postMessage calls. */
    calls: async (service) => (await fetch(`${baseUrl}/_sandbox/calls${service ? `?service=${service}` : ''}`)).json(),
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => {
            proc.kill('SIGKILL');
            r();
          }, 10_000);
          proc.once('exit', () => {
            clearTimeout(t);
            r();
          });
        });
      }
    },
  };
}

/** Signs in through the login form. */
export async function signIn(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
  await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
}

/**
 * The next moment, from now, whose UTC time of day is `hhmm` ("03:10"): for MOSAIC_FAKE_NOW, so the demo runs at that
 * hour. Always ahead of the real clock (by less than a day), so cookies the server dates by its clock are not expired.
 */
export function nextAtUtc(hhmm) {
  const [h, m] = hhmm.split(':').map(Number);
  const at = new Date();
  at.setUTCHours(h, m, 0, 0);
  if (at.getTime() <= Date.now()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** Chromium; with `now`, the page's clock (Date, timers) starts there, as the demo server's does with MOSAIC_FAKE_NOW. */
export async function launchBrowser({ now } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium).`);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mosaic-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
  });
  context.setDefaultTimeout(20_000);
  if (now) await context.clock.install({ time: now });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA: labels, names, roles, contrast…) on what the user sees and fails on any
 * serious or critical violation. With a modal open only the dialog is checked: the page behind it is dimmed
 * and out of reach. Evaluated through the DevTools protocol, so the app's CSP stays as strict as in production.
 */
export async function checkA11y(page, name) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => {
    const dialog = document.querySelector('[role="dialog"][aria-modal="true"]');
    return window.axe.run(dialog ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const theme = (await page.evaluate(() => document.documentElement.classList.contains('dark'))) ? 'dark' : 'light';
    const lines = bad.flatMap((v) =>
      v.nodes.slice(0, 5).map((n) => `  ${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`),
    );
    throw new Error(`Accessibility violations on "${name}" (${theme}):\n${lines.join('\n')}`);
  }
}

/** Saves docs/screenshots/<name>-<theme>.png, after checking the screen's accessibility in that theme. */
export async function shot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const theme = (await page.evaluate(() => document.documentElement.classList.contains('dark'))) ? 'dark' : 'light';
  await page.waitForTimeout(250); // let transitions settle
  await checkA11y(page, name);
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${theme}.png`) });
}

/**
 * Saves both themes of the current screen without a reload (a reload would drop a live chat):
 * flips the same class and color-scheme that ThemeContext sets, then restores them.
 */
export async function shotBothThemes(page, name) {
  const wasDark = await page.evaluate(() => document.documentElement.classList.contains('dark'));
  for (const dark of [false, true]) {
    await page.evaluate((d) => {
      document.documentElement.classList.toggle('dark', d);
      document.documentElement.style.colorScheme = d ? 'dark' : 'light';
    }, dark);
    await shot(page, name);
  }
  await page.evaluate((d) => {
    document.documentElement.classList.toggle('dark', d);
    document.documentElement.style.colorScheme = d ? 'dark' : 'light';
  }, wasDark);
}

/** Sets the theme the way a user would remember it, then reloads. */
export async function setTheme(page, theme) {
  await page.evaluate((t) => localStorage.setItem('mosaic-theme', t), theme);
  await page.reload();
  await page.waitForLoadState('networkidle');
}
