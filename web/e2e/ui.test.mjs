// Browser tests against the real server (demo mode). Run with `npm run e2e`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, launchBrowser, setTheme, shot, startServer } from './harness.mjs';

let server;
let browser;
let page;
const email = 'ana.lima@acme.test'; // each run has its own fresh data dir
const password = 'Correct-Horse-42';

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const sidebar = () => page.getByRole('complementary', { name: 'Sidebar' });

describe('Mosaic web UI', { concurrency: false }, () => {
  it('shows the sign-in page to a visitor and explains a wrong password inline', async () => {
    await page.goto(`${server.baseUrl}/chat/slack`);
    await page.getByRole('heading', { name: 'Sign in to Mosaic' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/login');
    await shot(page, 'login');
    await page.getByLabel('Email').fill('demo@mosaic.local');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await page.getByRole('alert').getByText('Invalid email or password.').waitFor();
  });

  it('signs up a new account and lands in the app', async () => {
    await page.getByRole('tab', { name: 'Sign up' }).click();
    await page.getByLabel('Name').fill('Ana Lima');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Password must be at least 8 characters.').waitFor();
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Back to where the visitor was going before signing in.
    await page.getByRole('heading', { name: 'Connect Slack' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/chat/slack');
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening), Ana\./ }).waitFor();
    await sidebar().getByText(email).waitFor();
    await shot(page, 'home');
  });

  it('configures a source from its declared fields; the secret is never shown back', async () => {
    await page.getByTestId('nav-source-github').click();
    await page.getByRole('heading', { name: 'Connect GitHub' }).waitFor();
    // GitHub offers one-click Connect in the demo; this test is about the token form, its fallback.
    await page.getByRole('button', { name: 'Use a token instead' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Use a token instead' }).click();
    const form = dialog.getByRole('form', { name: 'GitHub credentials' });
    await form.getByRole('button', { name: 'Save' }).click();
    await form
      .getByText(/is required\./)
      .first()
      .waitFor();
    const token = form.locator('input[type="password"]').first();
    await token.fill('ghp_e2eSecretValue123');
    await shot(page, 'settings');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('GitHub credentials saved.').waitFor();
    await form.getByTestId('configured-banner').waitFor();
    assert.equal(await token.inputValue(), '');
    assert.ok(!(await page.content()).includes('ghp_e2eSecretValue123'), 'the saved secret must not be in the page');

    // The server agrees, and never returns the secret.
    const status = await page.evaluate(async () => (await fetch('/api/credentials/github/status', { credentials: 'include' })).json());
    assert.equal(status.configured, true);
    const list = await page.evaluate(async () => (await fetch('/api/datasources', { credentials: 'include' })).text());
    assert.ok(!list.includes('ghp_e2eSecretValue123'));

    await dialog.getByRole('button', { name: 'Close settings' }).click();
    await page.getByRole('heading', { name: 'Ask GitHub' }).waitFor();
    await sidebar().getByTestId('nav-source-github').getByText('(Connected)').waitFor({ state: 'attached' });
    await shot(page, 'chat-empty');
  });

  it('toggles dark mode and remembers it across reloads', async () => {
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
    assert.equal(await isDark(), false);
    await page.getByTestId('theme-toggle').click();
    assert.equal(await isDark(), true);
    await page.reload();
    await page.getByRole('heading', { name: 'Ask GitHub' }).waitFor();
    assert.equal(await isDark(), true);
    await shot(page, 'chat-empty');
    await page.getByTestId('open-settings').click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: /Slack/ }).click();
    await dialog.getByRole('button', { name: 'Use a token instead' }).click();
    await dialog.getByRole('form', { name: 'Slack credentials' }).waitFor();
    await shot(page, 'settings');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
    await shot(page, 'home');
    await page.getByTestId('theme-toggle').click();
    assert.equal(await isDark(), false);
  });

  it('signs out, and signs back in with the demo account', async () => {
    await page.getByTestId('logout').click();
    await page.getByRole('heading', { name: 'Sign in to Mosaic' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me', { credentials: 'include' })).status);
    assert.equal(me, 401);
    await setTheme(page, 'dark');
    await shot(page, 'login');
    await setTheme(page, 'light');
    await page.getByLabel('Email').fill('demo@mosaic.local');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening), Alice\./ }).waitFor();
  });

  it('works at phone width: the sidebar is a drawer', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
    assert.equal(await page.getByTestId('nav-all').isVisible(), false);
    await page.getByRole('button', { name: 'Open sidebar' }).click();
    await page.getByTestId('nav-all').waitFor({ state: 'visible' });
    await shot(page, 'mobile-sidebar');
    await page.getByTestId('nav-all').click();
    await page
      .getByRole('heading', { name: /All sources|Connect a source/ })
      .first()
      .waitFor();
    await shot(page, 'mobile-chat');
    await setTheme(page, 'dark');
    await page.getByRole('button', { name: 'Open sidebar' }).click();
    await page.getByTestId('nav-all').waitFor({ state: 'visible' });
    await shot(page, 'mobile-sidebar');
    await page.getByRole('button', { name: 'Close sidebar' }).click();
    await shot(page, 'mobile-chat');
    await setTheme(page, 'light');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
