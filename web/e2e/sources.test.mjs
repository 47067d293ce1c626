// All sources, What You Missed and keyboard use in the browser, against the demo: the real server started with
// --demo (its own Sandbox, s3rver, demo database and the seven connector processes), Offline mode.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNeedsAttention, DIGEST_SOURCES as sources, digestDone, openDigest } from './digest.mjs';
import { DEMO_PASSWORD, launchBrowser, shotBothThemes, signIn, startServer } from './harness.mjs';

let server;
let browser;
let page;
const digestRequests = [];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('request', (r) => {
    if (r.url().includes('/api/digest')) digestRequests.push(new URL(r.url()));
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const idle = () => page.getByRole('button', { name: 'Send message', exact: true }).waitFor({ timeout: 120_000 });

/** Records every state each source of the plan shows while the answer streams, e.g. slack: running → success. */
async function watchPlan() {
  await page.evaluate(() => {
    window.planStates = {};
    const record = () =>
      document.querySelectorAll('[data-testid^="plan-source-"]').forEach((el) => {
        const id = el.getAttribute('data-testid').slice('plan-source-'.length);
        const states = (window.planStates[id] ??= []);
        const state = el.getAttribute('data-state');
        if (states[states.length - 1] !== state) states.push(state);
      });
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
  return () => page.evaluate(() => window.planStates);
}

describe('the demo across all its sources', { concurrency: false }, () => {
  it('answers an all-sources question with per-source progress and attribution', async () => {
    await signIn(page, server.baseUrl, 'demo@mosaic.local', DEMO_PASSWORD);
    await page.getByTestId('nav-all').click();
    await page.getByRole('heading', { name: 'Ask across all your sources' }).waitFor();
    const states = await watchPlan();
    await page.getByRole('textbox', { name: 'Message' }).fill('What is going on with the checkout double-charge bug?');
    await page.keyboard.press('Enter');
    // While it works, the header counts the sources that are done.
    await page.getByText(/Working · \d of \d sources done/).waitFor({ timeout: 60_000 });
    await idle();

    const seen = await states();
    const planned = Object.keys(seen).sort();
    assert.deepEqual(planned, ['github', 'jira', 'slack'], `planned sources: ${JSON.stringify(seen)}`);
    for (const source of planned) {
      assert.ok(seen[source].includes('running'), `${source} was never shown running: ${seen[source]}`);
      assert.equal(seen[source].at(-1), 'success', `${source} did not finish: ${seen[source]}`);
    }

    const answer = page.getByTestId('message-assistant').last();
    const text = await answer.innerText();
    assert.match(text, /3 of 3 sources answered/);
    for (const name of ['Slack', 'Jira', 'GitHub']) assert.match(text, new RegExp(`\\(source: ${name}\\)`));
    // Each item links back to where it came from.
    const jira = answer.getByRole('link', { name: 'ACME-142', exact: true }).first();
    assert.match(await jira.getAttribute('href'), /\/jira\/browse\/ACME-142$/);
    assert.match(
      await answer
        .getByRole('link', { name: /Fix double charge on discounted checkout/ })
        .first()
        .getAttribute('href'),
      /\/acme\/storefront\/pull\/91$/,
    );
    assert.match(
      await answer
        .getByRole('link', { name: /Fix is up/ })
        .first()
        .getAttribute('href'),
      /\/slack\/archives\/C0CHECKOUT\//,
    );
    const chips = answer.getByRole('list', { name: 'Sources' });
    for (const name of ['Slack', 'Jira', 'GitHub']) await chips.getByText(name, { exact: true }).waitFor();

    // What each source answered on its own, and the finished plan with timings.
    await answer.getByRole('button', { name: 'Answers per source' }).click();
    await answer
      .getByText(/Checkout double-charges when a discount code is applied/)
      .first()
      .waitFor();
    await answer.getByRole('button', { name: /^Activity/ }).click();
    const activity = answer.getByRole('region', { name: 'Activity' });
    assert.match(await activity.innerText(), /\d+% confidence/);
    assert.equal((await activity.getByLabel('Succeeded').count()) >= 6, true, 'three sources and their tool calls succeeded');
    await shotBothThemes(page, 'all-sources');
  });

  it('opens What You Missed: every source read, grouped, what needs action first, and refreshable', async () => {
    await openDigest(page);

    // What needs action comes first, above the per-source sections.
    const regions = await page
      .locator('section[aria-labelledby^="digest-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
    assert.equal(regions[0], 'digest-action', `order: ${regions}`);
    assert.equal(regions.length, 1 + sources.length, `one section per source: ${regions}`);
    // Alice's review request and the customer's double-charge mail are among them, linked.
    await assertNeedsAttention(page);
    // Grouped per source below, none of the actionable ones repeated.
    const github = page.getByRole('region', { name: /^GitHub/ });
    assert.equal(
      await github.getByTestId('digest-item').evaluateAll((els) => els.filter((e) => e.getAttribute('data-actionable') === 'true').length),
      0,
    );
    await shotBothThemes(page, 'digest');

    // Refresh reads every source again instead of the five-minute cache.
    const before = digestRequests.length;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await digestDone(page);
    const refreshed = digestRequests.slice(before);
    assert.ok(
      refreshed.some((u) => u.pathname === '/api/digest/stream' && u.searchParams.get('refresh') === 'true'),
      `requests: ${refreshed.map(String)}`,
    );

    // A wider window shows at least as much.
    const count = async () => page.getByTestId('digest-item').count();
    const day = await count();
    await page.getByLabel('Period').selectOption('168');
    await digestDone(page);
    assert.ok((await count()) >= day, 'seven days has at least what one day has');
  });

  it('is usable by keyboard alone: focus order follows the page, the settings dialog keeps and returns focus', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('heading', { name: /Good (morning|afternoon|evening)/ }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('data-testid') ?? el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? el?.tagName;
      });
    // Tabbing from the top reaches All sources, then What You Missed, then the sources, in that order.
    const order = [];
    for (let i = 0; i < 12 && !order.includes('nav-source-slack'); i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    const at = (id) => order.indexOf(id);
    assert.ok(at('nav-all') >= 0 && at('nav-all') < at('nav-digest') && at('nav-digest') < at('nav-source-slack'), `focus order: ${order}`);
    // Enter on a focused source opens it, with the message box ready for typing.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Ask Slack' }).waitFor();

    const settings = page.getByTestId('open-settings');
    await settings.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      assert.ok(
        await dialog.evaluate((d) => d.contains(document.activeElement)),
        `Tab #${i + 1} left the dialog (focus on ${await focused()})`,
      );
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await focused(), 'open-settings', 'focus returns to the button that opened the dialog');
  });
});
