// Chat in the browser against the real server, connectors and the API sandbox: a streamed answer
// with its tool activity, write approvals (only the approved write reaches the sandbox), history.
// The language model is a scripted OpenAI-compatible stand-in (fakeModel.mjs).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFakeModel } from './fakeModel.mjs';
import { DEMO_PASSWORD, launchBrowser, shotBothThemes, signIn, startSandbox, startServer } from './harness.mjs';

let sandbox;
let model;
let server;
let browser;
let page;

before(async () => {
  sandbox = await startSandbox();
  model = await startFakeModel();
  server = await startServer({
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: 'test-key',
    OPENAI_MODEL: 'fake-model',
    MOSAIC_LLM_PROVIDER: 'openai',
    // This test's own Sandbox is on loopback, which connectors refuse unless the operator allows exactly it.
    MOSAIC_EGRESS_ALLOW: new URL(sandbox.baseUrl).host,
  });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await model?.stop();
  await sandbox?.stop();
});

const send = async (text) => {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.keyboard.press('Enter');
};
const idle = () => page.getByRole('button', { name: 'Send message', exact: true }).waitFor({ timeout: 90_000 });

describe('chat with one source', { concurrency: false }, () => {
  it('connects Slack to the sandbox', async () => {
    await signIn(page, server.baseUrl, 'demo@mosaic.local', DEMO_PASSWORD);
    await page.getByTestId('nav-source-slack').click();
    // The demo already connects Slack to its own Sandbox and fixes that address for the workspace; its admin (the
    // demo account) points the workspace at this test's Sandbox instead, as Admin › Sources would.
    const status = await page.evaluate(async (apiUrl) => {
      const xsrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('XSRF-TOKEN='))
          ?.slice('XSRF-TOKEN='.length) ?? '';
      const response = await fetch('/api/admin/sources/slack', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(xsrf) },
        body: JSON.stringify({ fixed_settings: { api_url: apiUrl } }),
      });
      return response.status;
    }, `${sandbox.baseUrl}/slack/api`);
    assert.equal(status, 200);
    await page.getByTestId('open-settings').click();
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('button', { name: /^Slack/ })
      .click();
    const form = page.getByRole('form', { name: 'Slack credentials' });
    await form.getByLabel(/^Bot Token/).fill('xoxb-sandbox-acme-bot');
    await form.getByLabel(/^User Token/).fill('xoxp-sandbox-acme-user');
    await form.getByRole('button', { name: 'Replace credentials' }).click();
    await form.getByText('Slack credentials saved.').waitFor();
    await page.getByRole('button', { name: 'Close settings' }).click();
    await page.getByRole('heading', { name: 'Ask Slack' }).waitFor();
  });

  it('streams an answer with its tool activity, timing and source', async () => {
    await page.getByRole('button', { name: /Read the latest messages in #checkout-eng/ }).click();
    await idle();
    const answer = page.getByTestId('message-assistant').last();
    await answer.getByRole('button', { name: /Activity/ }).click();
    const activity = answer.getByRole('region', { name: 'Activity' });
    await activity.getByText('Read messages').waitFor();
    await activity.getByLabel('Succeeded').first().waitFor();
    assert.match(await activity.innerText(), /\d+(\.\d)? (ms|s)/);
    await answer.getByRole('list', { name: 'Sources' }).getByText('Slack').waitFor();
    await shotBothThemes(page, 'chat');
  });

  it('asks before writing: the approved post reaches Slack, the denied one does not', async () => {
    await send('Please post "Checkout fix for ACME-142 is deployed" to #checkout-eng');
    let dialog = page.getByRole('dialog', { name: /Approve this action/ });
    await dialog.waitFor({ timeout: 90_000 });
    assert.match(await dialog.getByTestId('approval-arguments').innerText(), /Checkout fix for ACME-142 is deployed/);
    await shotBothThemes(page, 'approval');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await idle();
    await page.getByText('Posted the message to').last().waitFor();

    await send('Please post "Please ignore this test message" to #checkout-eng');
    dialog = page.getByRole('dialog', { name: /Approve this action/ });
    await dialog.waitFor({ timeout: 90_000 });
    await dialog.getByRole('button', { name: 'Deny' }).click();
    await idle();
    await page.getByText('was not posted').last().waitFor();

    const posts = (await sandbox.calls('slack')).filter((c) => c.path.endsWith('chat.postMessage'));
    assert.deepEqual(
      posts.map((c) => c.body.text),
      ['Checkout fix for ACME-142 is deployed'],
    );
  });

  it('lists the conversation in history, reopens it and deletes it', async () => {
    const history = page.getByRole('region', { name: 'History' });
    const entry = history.getByRole('button', { name: /^Read the latest messages in #checkout-eng/ });
    await entry.waitFor();
    await page.getByRole('button', { name: 'New chat' }).first().click();
    await entry.click();
    await page.getByTestId('message-list').getByText('Please post "Please ignore this test message" to #checkout-eng').waitFor();
    await history
      .getByRole('button', { name: /Delete chat/ })
      .first()
      .click();
    await history.getByRole('button', { name: 'Delete', exact: true }).click();
    await entry.waitFor({ state: 'detached' });
  });
});
