// What scripts/container-test.sh asks of the Mosaic container, through its HTTP API like the UI:
//   node scripts/container-check.mjs first <base-url> <state.json> <sandbox-env.json>
//     signs up (the first account of an empty workspace), saves the Sandbox's Slack credentials, asks the demo
//     question and checks the answer's facts (bench/eval/questions.json); keeps the account and session in state.json
//   node scripts/container-check.mjs again <base-url> <state.json>
//     after a restart: signs in with the same account, finds the question and its answer in the history, and asks
//     again, which needs the saved credentials, still readable with the same ENCRYPTION_KEY.
//   node scripts/container-check.mjs demo <base-url> <demo password>
//     the image's --demo: signs in as demo@mosaic.local and asks the demo's MySQL question.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { MosaicClient } from '../bench/eval/lib/client.mjs';
import { found } from '../bench/eval/lib/match.mjs';
import { credentialsFor } from '../bench/load/lib/population.mjs';

const [phase, base, statePath, envPath] = process.argv.slice(2);
const questions = JSON.parse(readFileSync(new URL('../bench/eval/questions.json', import.meta.url), 'utf8'));
const question = questions.find((q) => q.id === 'slack-example-channels');
const demoQuestion = questions.find((q) => q.source === 'mysql' && q.question === 'How many customers do we have?');

function fail(message) {
  console.error(`container-check: ${message}`);
  process.exit(1);
}

async function askAndCheck(client, q = question) {
  const reply = await client.call('POST', '/api/chat/message', { message: q.question, datasource: q.source });
  const missing = q.facts.filter((fact) => !found(reply.response, fact));
  if (missing.length) fail(`the answer lacks ${JSON.stringify(missing)}:\n${reply.response.slice(0, 1500)}`);
  console.log(`container-check: "${q.question}" (${q.source}) answered with its ${q.facts.length} facts`);
  return reply.session_id;
}

// In production the session and CSRF cookies are Secure, and the server refuses to issue them on a plain-HTTP request:
// talk to it as the TLS proxy in front of it does (the container runs with TRUSTED_PROXIES=127.0.0.1).
if (phase !== 'demo') {
  const plainFetch = globalThis.fetch;
  const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '127.0.0.1' };
  globalThis.fetch = (url, init = {}) => plainFetch(url, { ...init, headers: { ...init.headers, ...proxied } });
}

const client = new MosaicClient(base);
if (phase === 'first') {
  const sandboxEnv = JSON.parse(readFileSync(envPath, 'utf8'));
  const account = { email: `admin-${Date.now()}@example.com`, password: `Ctr-${randomBytes(9).toString('base64url')}-9!` };
  await client.call('POST', '/api/auth/signup', { ...account, name: 'Container check' });
  await client.call('GET', '/api/auth/me'); // the XSRF-TOKEN cookie
  const source = (await client.call('GET', '/api/datasources')).find((s) => s.id === question.source);
  if (!source) fail(`no ${question.source} source`);
  const credentials = credentialsFor(source, sandboxEnv, 0, false);
  await client.call('POST', '/api/credentials', { datasource: source.id, credentials });
  const sessionId = await askAndCheck(client);
  writeFileSync(statePath, JSON.stringify({ ...account, sessionId }), { mode: 0o600 });
} else if (phase === 'again') {
  const state = JSON.parse(readFileSync(statePath, 'utf8'));
  await client.login(state.email, state.password);
  const session = await client.call('GET', `/api/chat/sessions/${encodeURIComponent(state.sessionId)}`);
  const asked = session.messages.some((m) => m.role === 'user' && m.content === question.question);
  const answered = session.messages.some((m) => m.role === 'assistant' && question.facts.every((f) => found(m.content, f)));
  if (!asked || !answered) fail(`the history after the restart lacks the question or its answer: ${JSON.stringify(session).slice(0, 800)}`);
  console.log('container-check: the question and its answer are in the history after the restart');
  await askAndCheck(client);
} else if (phase === 'demo') {
  await client.login('demo@mosaic.local', statePath);
  await askAndCheck(client, demoQuestion);
} else {
  fail(`unknown phase '${phase}' (first | again)`);
}
