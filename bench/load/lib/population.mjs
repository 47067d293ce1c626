// Registers the benchmark's users on a --demo server and saves each one's Sandbox credentials for every source.
import { MosaicClient } from '../../eval/lib/client.mjs';

/** Runs fn over items, `width` at a time, in order of start. */
export async function pool(items, width, fn) {
  let next = 0;
  const results = new Array(items.length);
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return results;
}

// Variables holding a SaaS token the Sandbox knows: with member tokens each user gets its own (`<token>.member-<n>`).
const TOKEN = /_(TOKEN|PAT)$/;
const MEMBER_SOURCES = new Set(['slack', 'github', 'jira', 'shopify', 'google_workspace']);

/** Does this Sandbox accept member tokens (issue 16's `<fixed token>.member-<n>`)? Asked once, of its Slack auth.test. */
export async function sandboxTakesMemberTokens(sandboxUrl, env) {
  const token = env.slack?.SLACK_BOT_TOKEN ?? env.slack?.SLACK_USER_TOKEN;
  if (!token) return false;
  try {
    const r = await fetch(`${sandboxUrl}/slack/api/auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}.member-1` },
      signal: AbortSignal.timeout(10_000),
    });
    return r.ok && (await r.json()).ok === true;
  } catch {
    return false;
  }
}

/** The credential fields user n enters for one source: the member's fields, valued from the Sandbox's environment. */
export function credentialsFor(source, env, n, memberTokens) {
  const variables = env[source.id] ?? {};
  const fields = {};
  for (const field of source.credential_fields ?? []) {
    const value = field.env_var ? variables[field.env_var] : undefined;
    if (value === undefined) continue;
    const own = memberTokens && MEMBER_SOURCES.has(source.id) && TOKEN.test(field.env_var);
    fields[field.name] = own ? `${value}.member-${n}` : value;
  }
  return fields;
}

/**
 * The admin makes every source personal (the demo shares MySQL and S3 for the workspace: the benchmark wants every
 * user's own credentials for all seven, as issue 16 asks), then `count` users sign up (open sign-up: the demo runs in development) and
 * save theirs. Returns the signed-in clients, user n at index n - 1, and what was saved.
 */
export async function populate({ base, adminPassword, count, env, memberTokens, width = 12, log = () => {} }) {
  const admin = new MosaicClient(base);
  await admin.login('demo@mosaic.local', adminPassword);
  // S3 keeps its endpoint fixed for everyone; MySQL's only field (the demo's SQLite file) is then each user's to enter.
  await admin.call('PATCH', '/api/admin/sources/s3', { connection: 'personal' });
  await admin.call('PATCH', '/api/admin/sources/mysql', { connection: 'personal', fixed_settings: {} });
  const password = `Load-${Math.random().toString(36).slice(2)}-Bench!`;
  let sources = null;
  const started = performance.now();
  const clients = await pool(
    Array.from({ length: count }, (_, i) => i + 1),
    width,
    async (n) => {
      const client = new MosaicClient(base);
      const email = `load${String(n).padStart(5, '0')}@example.com`;
      await client.call('POST', '/api/auth/signup', { email, password, name: `Load user ${n}` });
      await client.call('GET', '/api/auth/me'); // the XSRF-TOKEN cookie
      sources ??= (await client.call('GET', '/api/datasources')).filter((s) => s.connection === 'personal');
      for (const source of sources) {
        const credentials = credentialsFor(source, env, n, memberTokens);
        if (Object.keys(credentials).length)
          await client.call('POST', '/api/credentials', { datasource: source.id, credentials });
      }
      if (n % 100 === 0) log(`  ${n} users registered`);
      return client;
    },
  );
  const configured = (await clients[0].call('GET', '/api/datasources')).filter((s) => s.configured).map((s) => s.id);
  return { clients, configured, seconds: (performance.now() - started) / 1000 };
}
