// Issue 13 in the browser, against the demo (Alice, demo@mosaic.local, is the admin; MySQL and S3 are shared, Slack,
// GitHub, Google and Jira personal and connected): an invitation used by a second browser, a member asking MySQL
// without ever seeing its settings, the admin finding that call in the audit log and exporting it, and Test connection.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, launchBrowser, shot, shotBothThemes, signIn, startServer } from './harness.mjs';

const MEMBER = { name: 'Dana Member', email: 'dana@acme.test', password: 'dana-Member-passw0rd' };

let server;
let adminBrowser;
let memberBrowser;
let admin;
let member;

before(async () => {
  server = await startServer();
  adminBrowser = await launchBrowser();
  memberBrowser = await launchBrowser();
  admin = await adminBrowser.context.newPage();
  member = await memberBrowser.context.newPage();
  for (const p of [admin, member]) p.on('pageerror', (e) => console.error('page error:', e.message));
});

after(async () => {
  await adminBrowser?.close();
  await memberBrowser?.close();
  await server?.stop();
});

describe('a team workspace', { concurrency: false }, () => {
  it('(a) the admin invites someone; the link, opened in another browser, signs them up as a member', async () => {
    await signIn(admin, server.baseUrl, 'demo@mosaic.local', DEMO_PASSWORD);
    await admin.getByTestId('nav-admin').click();
    await admin.getByRole('heading', { name: 'Invitations' }).waitFor();
    const invite = admin.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel(/^Email/).fill(MEMBER.email);
    await invite.getByLabel('Role').selectOption('member');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    const url = await admin.getByLabel('Invitation link').inputValue();
    assert.match(url, /\/signup\?invite=[^&]+$/);
    await admin.getByTestId('invite').filter({ hasText: MEMBER.email }).getByText('pending').waitFor();

    await member.goto(url.replace(/^https?:\/\/[^/]+/, server.baseUrl));
    await member.getByText(/You are invited to join as a member/).waitFor();
    const email = member.getByLabel('Email');
    assert.equal(await email.inputValue(), MEMBER.email, 'the invited address is filled in');
    assert.equal(await email.getAttribute('readonly'), '', 'and cannot be changed');
    await member.getByLabel('Name').fill(MEMBER.name);
    await member.getByLabel('Password').fill(MEMBER.password);
    await member.getByRole('button', { name: 'Create account' }).click();
    await member.getByRole('heading', { name: /Good (morning|afternoon|evening), Dana\./ }).waitFor();
    assert.equal(await member.getByTestId('nav-admin').count(), 0, 'a member has no Admin area');
    await member.getByTestId('nav-activity').waitFor();

    await admin.reload();
    await admin.getByTestId('invite').filter({ hasText: MEMBER.email }).getByText('used').waitFor();
    await admin.getByTestId('person').filter({ hasText: MEMBER.name }).getByText('member', { exact: true }).waitFor();
    await shotBothThemes(admin, 'admin-people');
    await admin.setViewportSize({ width: 390, height: 844 });
    await shot(admin, 'admin-people-phone');
    await admin.setViewportSize({ width: 1280, height: 800 });
  });

  it('(b) the member asks MySQL, which the admin shares, without ever seeing its settings', async () => {
    await member.getByTestId('nav-source-mysql').click();
    await member.getByRole('heading', { name: 'Ask MySQL' }).waitFor();
    await member.getByRole('textbox', { name: 'Message' }).fill('Show tables');
    await member.keyboard.press('Enter');
    await member.getByRole('button', { name: 'Send message', exact: true }).waitFor({ timeout: 90_000 });
    const answer = member.getByTestId('message-assistant').last();
    assert.match(await answer.innerText(), /customers/);
    const noSettings = async () => {
      const text = await member.locator('body').innerText();
      for (const word of [/\bHost\b/, /\bPassword\b/, /\bsqlite_path\b/i]) assert.doesNotMatch(text, word);
    };
    await noSettings();
    await member.getByTestId('open-settings').click();
    const dialog = member.getByRole('dialog', { name: 'Settings' });
    await dialog
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('button', { name: /^MySQL/ })
      .click();
    await dialog.getByText('Connected by your admin').waitFor();
    assert.equal(await dialog.getByRole('textbox').count(), 0, 'nothing to enter for a shared source');
    await noSettings();
    await member.keyboard.press('Escape');

    await member.getByTestId('nav-activity').click();
    await member.getByRole('table', { name: 'Your activity' }).getByText('list_tables').first().waitFor();
    await shotBothThemes(member, 'activity');
  });

  it("(c) the admin finds the member's MySQL call in the audit log and exports it", async () => {
    await admin.getByTestId('admin-tab-audit').click();
    await admin.getByLabel('User').fill(MEMBER.email);
    await admin.getByLabel('Source', { exact: true }).selectOption('mysql');
    await admin.getByRole('button', { name: 'Apply filters' }).click();
    const row = admin.getByTestId('audit-row').filter({ hasText: 'list_tables' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(MEMBER.email.replace('.', '\\.')));
    await shotBothThemes(admin, 'admin-audit');

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Export CSV' }).click()]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.match(csv, new RegExp(MEMBER.email.replace('.', '\\.')));
    assert.match(csv, /list_tables/);
  });

  it('(d) the admin sees sources and policies, and Test connection on Slack says who it acts as', async () => {
    await admin.getByTestId('admin-tab-sources').click();
    const mysql = admin.getByTestId('admin-source-mysql');
    await mysql.getByRole('radio', { name: /^Shared/ }).waitFor();
    assert.equal(await mysql.getByRole('radio', { name: /^Shared/ }).isChecked(), true);
    await shotBothThemes(admin, 'admin-sources');

    await admin.getByTestId('open-settings').click();
    const dialog = admin.getByRole('dialog', { name: 'Settings' });
    await dialog
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('button', { name: /^Slack/ })
      .click();
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const result = dialog.getByTestId('test-result');
    await result.waitFor({ timeout: 60_000 });
    assert.match(await result.innerText(), /Connected as .*Alice Chen/);
    await admin.keyboard.press('Escape');
  });
});
