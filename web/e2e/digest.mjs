// What You Missed in the browser: open it, wait for every source, and read what "Needs your attention" lists.
// Shared by sources.test.mjs (the real clock) and clock.test.mjs (the demo at several hours of the day).
import assert from 'node:assert/strict';

export const DIGEST_SOURCES = ['github', 'google_workspace', 'jira', 'mysql', 's3', 'shopify', 'slack'];

/** Waits until every source's section has arrived and the summary is shown. */
export async function digestDone(page) {
  const progress = page.getByRole('list', { name: 'Source progress' });
  for (const id of DIGEST_SOURCES) {
    await progress.locator(`[data-testid="digest-source-${id}"][data-state="done"]`).waitFor({ timeout: 120_000 });
  }
  await page.getByTestId('digest-summary').waitFor();
}

/** Opens What You Missed from the sidebar and waits for it to finish. */
export async function openDigest(page) {
  await page.getByTestId('nav-digest').click();
  await page.getByRole('heading', { name: 'What You Missed' }).waitFor();
  await digestDone(page);
}

/**
 * The demo story's items that need Alice's attention at any hour: her review of PR #91, the customer's
 * double-charge mail (each linked) and the incident sync a few hours ahead, and nothing in that region that is not
 * actionable. Returns the region.
 */
export async function assertNeedsAttention(page) {
  const attention = page.getByRole('region', { name: 'Needs your attention' });
  const actionable = await attention.getByTestId('digest-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-actionable')));
  assert.ok(actionable.length > 0 && actionable.every((a) => a === 'true'), `attention items: ${actionable}`);
  const review = attention.locator('[data-kind="review_requested"]').filter({ hasText: 'PR #91' });
  assert.match(await review.getByRole('link').first().getAttribute('href'), /\/pull\/91$/);
  await attention
    .locator('[data-kind="important_mail"]')
    .getByRole('link', { name: /^Charged twice for my order #1042/ })
    .waitFor();
  await attention.locator('[data-kind="event_soon"]').filter({ hasText: 'Checkout incident sync (ACME-142)' }).waitFor();
  return attention;
}
