// Issue 14 in the browser, against the demo, whose providers are the Sandbox's OAuth servers: a member with no
// connections clicks Connect Google, approves on the Sandbox's consent page, is back in Mosaic connected as Alice,
// asks about their mail, and disconnects (revoked at the Sandbox). Then the same member connects the demo's Acme Wiki,
// a remote MCP server behind OAuth 2.1 (the Sandbox plays it; a custom source with "auth": "oauth"), and calls one of
// its tools. Offline mode: the answers come straight from the tools.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_PASSWORD, launchBrowser, shotBothThemes, signIn, startServer } from './harness.mjs';

const MEMBER = { name: 'Omar Member', email: 'omar@acme.test', password: 'omar-Member-passw0rd' };
const WIKI = { id: 'acme_wiki', name: 'Acme Wiki' };

let server;
let adminBrowser;
let memberBrowser;
let admin;
let member;
const pageTexts = [];

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

/** The demo's own Sandbox (the providers' OAuth servers and the wiki), as the server printed it at start. */
function demoSandbox() {
  const url = /Sandbox at (http:\/\/[^\s,)]+)/.exec(server.log())?.[1];
  assert.ok(url, `the demo printed no Sandbox address:\n${server.log()}`);
  return url;
}

/** Keeps what the member's page shows now (the DOM, and the address), for the check that no secret reaches a page. */
async function seen() {
  pageTexts.push(member.url(), await member.content());
}

async function oauthStats(base, provider) {
  return (await fetch(`${base}/_sandbox/oauth/${provider}/stats`)).json();
}

/** The admin invites a member through the API, as the Invitations form does; the member signs up with the link. */
async function signUpMember() {
  await signIn(admin, server.baseUrl, 'demo@mosaic.local', DEMO_PASSWORD);
  const link = await admin.evaluate(async (email) => {
    const xsrf = decodeURIComponent(/(?:^|; )XSRF-TOKEN=([^;]*)/.exec(document.cookie)?.[1] ?? '');
    const r = await fetch('/api/admin/invites', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
      body: JSON.stringify({ email, role: 'member' }),
    });
    if (!r.ok) throw new Error(`invite: HTTP ${r.status} ${await r.text()}`);
    return (await r.json()).url;
  }, MEMBER.email);
  await member.goto(link.replace(/^https?:\/\/[^/]+/, server.baseUrl));
  await member.getByLabel('Name').fill(MEMBER.name);
  await member.getByLabel('Password').fill(MEMBER.password);
  await member.getByRole('button', { name: 'Create account' }).click();
  await member.getByRole('heading', { name: /Good (morning|afternoon|evening), Omar\./ }).waitFor();
}

async function openSettingsAt(name) {
  await member.getByTestId('open-settings').click();
  const dialog = member.getByRole('dialog', { name: 'Settings' });
  await dialog
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  return dialog;
}

async function ask(source, question) {
  await member.getByTestId(`nav-source-${source}`).click();
  await member.getByRole('textbox', { name: 'Message' }).fill(question);
  await member.keyboard.press('Enter');
  await member.getByRole('button', { name: 'Send message', exact: true }).waitFor({ timeout: 120_000 });
  return member.getByTestId('message-assistant').last().innerText();
}

/** On a provider's consent page (the Sandbox's), approves, and waits to be back in Mosaic. */
async function approve(title) {
  await member.waitForURL((u) => !u.href.startsWith(server.baseUrl), { timeout: 30_000 });
  assert.match(await member.title(), title);
  await member.getByRole('button', { name: 'Approve' }).click();
  await member.waitForURL((u) => u.href.startsWith(server.baseUrl) && !u.pathname.startsWith('/api/'), { timeout: 30_000 });
}

describe('one-click connections', { concurrency: false }, () => {
  it('(a) a member with no Google connection connects Google through the consent page', async () => {
    await signUpMember();
    // The admin's side: the demo's apps, with the redirect URL to register.
    await admin.goto(`${server.baseUrl}/admin/workspace`);
    const google = admin.getByTestId('oauth-app-google');
    await google.getByRole('textbox', { name: 'Redirect URL for Google' }).waitFor();
    assert.equal(
      await google.getByRole('textbox', { name: 'Redirect URL for Google' }).inputValue(),
      `${server.baseUrl}/api/oauth/google_workspace/callback`,
    );
    await shotBothThemes(admin, 'admin-oauth-apps');
    const sandbox = demoSandbox();
    const start = await oauthStats(sandbox, 'google');
    const dialog = await openSettingsAt('Google Workspace');
    await dialog.getByRole('button', { name: 'Use a token instead' }).waitFor();
    await shotBothThemes(member, 'settings-connect');
    await dialog.getByRole('button', { name: 'Connect Google', exact: true }).click();
    await approve(/Google — authorize Mosaic/);

    const notice = member.getByTestId('oauth-return');
    await notice.getByText(/^Connected Google as .+\.$/).waitFor();
    // The callback's parameters are gone from the address bar, and no code ever reached the UI's address.
    assert.doesNotMatch(member.url(), /[?&](oauth|code|state)=/);
    assert.equal((await oauthStats(sandbox, 'google')).codeExchanges, start.codeExchanges + 1);
    await seen();

    const settings = await openSettingsAt('Google Workspace');
    await settings
      .getByTestId('oauth-connected')
      .getByText(/^Connected as .+ through Google\.$/)
      .waitFor();
    await settings.getByRole('button', { name: 'Disconnect Google', exact: true }).waitFor();
    await shotBothThemes(member, 'settings-connected');
    await seen();
    await member.keyboard.press('Escape');
  });

  it('(b) asks about the mail, answered from Gmail with the new connection', async () => {
    const text = await ask('google_workspace', 'Show my latest emails'); // no "today": the answer must not depend on the hour
    assert.match(text, /Charged twice for my order #1042/);
    await seen();
  });

  it('(c) disconnects: revoked at Google, and Connect is offered again', async () => {
    const sandbox = demoSandbox();
    const start = await oauthStats(sandbox, 'google');
    const dialog = await openSettingsAt('Google Workspace');
    await dialog.getByRole('button', { name: 'Disconnect Google', exact: true }).click();
    const confirm = member.getByRole('dialog', { name: 'Disconnect Google?' });
    await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await dialog.getByRole('button', { name: 'Connect Google', exact: true }).waitFor();
    assert.equal(await dialog.getByTestId('oauth-connected').count(), 0);
    assert.equal((await oauthStats(sandbox, 'google')).revocations, start.revocations + 1);
    await member.keyboard.press('Escape');
    await member.getByTestId('nav-source-google_workspace').getByText('(Not connected)').waitFor();
  });

  it('(d) connects the OAuth-protected remote MCP server and calls one of its tools', async () => {
    const dialog = await openSettingsAt(WIKI.name);
    await dialog.getByRole('button', { name: `Connect ${WIKI.name}`, exact: true }).click();
    await approve(/Acme Wiki — authorize Mosaic/);
    await member
      .getByTestId('oauth-return')
      .getByText(new RegExp(`^Connected ${WIKI.name}`))
      .waitFor();
    // The demo serves Mosaic over http, and a Client ID Metadata Document must live at an https URL, so Mosaic
    // registered itself (DCR, the fallback); the https path with the metadata document is in McpOAuthTests.
    const stats = await (await fetch(`${demoSandbox()}/_sandbox/mcp-auth/stats`)).json();
    assert.equal(stats.codeExchanges, 1, JSON.stringify(stats));
    assert.equal(stats.registrations, 1, JSON.stringify(stats));
    const text = await ask(WIKI.id, 'search pages query=checkout'); // Offline mode: a custom tool's argument by name
    assert.match(text, /Checkout runbook/);
    await seen();
  });

  it('(e) no page the member saw carries a token, a code or a client secret', () => {
    const all = pageTexts.join('\n');
    assert.ok(pageTexts.length >= 8, 'every step recorded its page');
    // The Sandbox's token shapes (Google's access and refresh tokens, the wiki's) and the Google app's secret.
    assert.doesNotMatch(all, /ya29\.sandbox-|1\/\/sandbox-|wiki_at_|wiki_rt_|wiki_secret_|sandbox-client-secret/);
  });
});
