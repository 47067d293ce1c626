// What You Missed at any hour: the demo started with its clock set (MOSAIC_FAKE_NOW, honoured with --demo only)
// to several times of day, the browser's clock set to match. Each hour gets its own demo server (Sandbox, s3rver,
// demo database and connectors, all on that clock); only the digest is checked there, the rest of the demo is
// covered on the real clock by sources.test.mjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNeedsAttention, openDigest } from './digest.mjs';
import { DEMO_PASSWORD, launchBrowser, nextAtUtc, signIn, startServer } from './harness.mjs';

// Around midnight (the day changes under a "last 24 hours" window), the small hours, noon, and just before midnight.
// MOSAIC_E2E_HOURS=03:10 (comma-separated) runs only those, e.g. `MOSAIC_E2E_HOURS=03:10 npm run e2e:clock`.
const HOURS = (process.env.MOSAIC_E2E_HOURS ?? '00:10,03:10,12:00,23:50').split(',');

describe('What You Missed at several times of day', { concurrency: false }, () => {
  for (const hhmm of HOURS) {
    it(`lists what needs attention at ${hhmm} UTC`, async () => {
      const now = nextAtUtc(hhmm);
      const server = await startServer({ MOSAIC_FAKE_NOW: now.toISOString() });
      const browser = await launchBrowser({ now });
      try {
        const page = await browser.context.newPage();
        page.on('pageerror', (e) => console.error('page error:', e.message));
        await signIn(page, server.baseUrl, 'demo@mosaic.local', DEMO_PASSWORD);
        // The server signed us in on the clock it was given (which has run on from there while the demo started).
        const me = await (await page.request.get(`${server.baseUrl}/api/auth/me`)).json();
        const drift = Date.parse(me.last_login.replace(/Z?$/, 'Z')) - now.getTime();
        assert.ok(drift >= 0 && drift < 10 * 60_000, `signed in at ${me.last_login} by the server's clock, set to ${now.toISOString()}`);
        await openDigest(page);
        await assertNeedsAttention(page);
      } finally {
        await browser.close();
        await server.stop();
      }
    });
  }
});
