#!/usr/bin/env node
// Drives one --demo server (one isolation mode) for the load benchmark; bench/load/run.sh starts the server and calls it.
// Registers --users users with Sandbox credentials, measures a single-user warm baseline of the all-sources questions,
// then for each K in --active: K fresh users ask in a closed loop (think time between answers) for --seconds, while the
// server's process tree and the machine are sampled every second. Writes the measurements as JSON (--out).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { populate, sandboxTakesMemberTokens } from './lib/population.mjs';
import { connectorPids, descendants, machine, Sampler } from './lib/procs.mjs';
import { phaseSummary, seeded, series, summarize, uniform } from './lib/stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: a } = parseArgs({
  options: {
    base: { type: 'string' },
    'admin-password': { type: 'string' },
    'server-pid': { type: 'string' },
    mode: { type: 'string', default: 'shared' },
    env: { type: 'string' }, // the Sandbox's --print-env JSON
    'sandbox-url': { type: 'string' },
    users: { type: 'string', default: '1000' },
    active: { type: 'string', default: '10,20,50,100' },
    seconds: { type: 'string', default: '60' },
    baseline: { type: 'string', default: '20' },
    'all-share': { type: 'string', default: '0.25' },
    'think-min': { type: 'string', default: '1' },
    'think-max': { type: 'string', default: '3' },
    seed: { type: 'string', default: '16' },
    'shopify-budget': { type: 'string', default: 'plus' },
    'min-free-mb': { type: 'string', default: '1500' },
    questions: { type: 'string', default: path.join(here, '..', 'eval', 'questions.json') },
    out: { type: 'string' },
  },
});
for (const required of ['base', 'admin-password', 'server-pid', 'env', 'sandbox-url', 'out'])
  if (!a[required]) {
    console.error(`load.mjs: --${required} is required (bench/load/run.sh passes it)`);
    process.exit(2);
  }
const p = {
  mode: a.mode,
  users: Number(a.users),
  active: a.active.split(',').map(Number),
  seconds: Number(a.seconds),
  baseline: Number(a.baseline),
  allShare: Number(a['all-share']),
  think: [Number(a['think-min']), Number(a['think-max'])],
  seed: Number(a.seed),
  minFreeMb: Number(a['min-free-mb']),
};
const serverPid = Number(a['server-pid']);
const log = (line) => console.error(`[${p.mode}] ${line}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const all = JSON.parse(fs.readFileSync(a.questions, 'utf8'));
const questions = {
  single: all.filter((q) => q.source !== 'all' && q.kind === 'single'),
  all: all.filter((q) => q.source === 'all' && q.kind === 'multi'),
};

const asked = new Set(); // the clients that have asked anything: only a user's very first question is cold

/** One question, timed; ok unless the HTTP status, a failed source or a failed tool call says otherwise. */
async function ask(client, kind, q) {
  asked.add(client);
  const started = performance.now();
  let ok = true;
  let error = null;
  try {
    if (kind === 'all') {
      const r = await client.call('POST', '/api/agent/query', { query: q.question });
      if (r?.failed_sources?.length) [ok, error] = [false, `failed sources: ${r.failed_sources.join(', ')}`];
    } else {
      const r = await client.call('POST', '/api/chat/message', { message: q.question, datasource: q.source });
      const failed = (r?.sources ?? []).filter((s) => !s.success).map((s) => `${s.datasource}.${s.tool}`);
      if (failed.length) [ok, error] = [false, `failed tool calls: ${failed.join(', ')}`];
    }
  } catch (e) {
    [ok, error] = [false, e.message.slice(0, 200)];
  }
  return { kind, id: q.id, ms: performance.now() - started, ok, error };
}

async function baseline(client) {
  // Warm-up: one question per source (no all-sources question asks S3) and each all-sources question once, so every
  // source has been started once before anything is measured: a later cold question meets a warm server.
  for (const source of new Set(questions.single.map((q) => q.source)))
    await ask(client, 'single', questions.single.find((q) => q.source === source));
  for (const q of questions.all) await ask(client, 'all', q);
  // Then asks as one of the loaded users does, with the same think time before each question, so the baseline is
  // this user's warm answer time (a repeat a moment later would come from the user's 1 s result cache instead).
  const asks = [];
  const random = seeded(p.seed);
  for (let i = 0; i < p.baseline; i++) {
    await sleep(uniform(random, p.think[0], p.think[1]) * 1000);
    asks.push(await ask(client, 'all', questions.all[i % questions.all.length]));
  }
  return { ...summarize(asks.filter((x) => x.ok).map((x) => x.ms)), errors: asks.filter((x) => !x.ok).length };
}

/**
 * On the warm, otherwise idle server: fresh users ask their first question one at a time, one single-source question
 * per source then three all-sources ones, and the connector processes are listed before and after each. Nothing else
 * runs meanwhile, so a new process is this question's own (the steps' count, under load, is only an upper bound).
 */
async function coldProbe(users) {
  const firsts = [...new Set(questions.single.map((q) => q.source))].map((source) => ({
    kind: 'single',
    q: questions.single.find((q) => q.source === source),
  }));
  firsts.push(...questions.all.slice(0, 3).map((q) => ({ kind: 'all', q })));
  const rows = [];
  for (const [i, { kind, q }] of firsts.entries()) {
    if (i >= users.length) break;
    const before = descendants(serverPid).filter((x) => x.role === 'connector').map((x) => x.pid);
    const r = await ask(users[i], kind, q);
    const after = descendants(serverPid).filter((x) => x.role === 'connector' && !before.includes(x.pid));
    rows.push({ id: q.id, kind, ms: r.ms, ok: r.ok, spawned: after.map((x) => x.name) });
  }
  return { questions: rows.length, spawnedProcess: rows.filter((r) => r.spawned.length).length, rows };
}

/** K users, each in a closed loop until the window closes: a question (cold = its first), then a think time. */
async function phase(k, users, firstUser) {
  const sampler = new Sampler(serverPid).start();
  const asks = [];
  const spawned = [];
  let stopped = null;
  const opened = performance.now();
  const deadline = opened + p.seconds * 1000;
  const guard = setInterval(() => {
    const last = sampler.samples.at(-1);
    if (last?.memAvailableMb != null && last.memAvailableMb < p.minFreeMb)
      stopped ??= `stopped early: ${Math.round(last.memAvailableMb)} MB of memory left (< ${p.minFreeMb})`;
  }, 500);
  await Promise.all(
    users.map(async (client, i) => {
      const random = seeded(p.seed * 100_003 + firstUser + i);
      while (performance.now() < deadline && !stopped) {
        const kind = random() < p.allShare ? 'all' : 'single';
        const set = questions[kind];
        const q = set[Math.floor(random() * set.length)];
        const cold = !asked.has(client);
        const before = cold ? connectorPids(serverPid) : null;
        const r = await ask(client, kind, q);
        if (before) spawned.push([...connectorPids(serverPid)].filter((pid) => !before.has(pid)).length);
        asks.push({ ...r, cold, endMs: performance.now() - opened });
        await sleep(uniform(random, p.think[0], p.think[1]) * 1000);
      }
    }),
  );
  clearInterval(guard);
  const samples = sampler.stop();
  const pick = (key) => series(samples.map((s) => s[key]));
  return {
    k,
    ...phaseSummary(asks, p.seconds),
    elapsedSeconds: (performance.now() - opened) / 1000,
    stopped,
    cold: { questions: spawned.length, spawnedProcess: spawned.filter((n) => n > 0).length },
    resources: {
      serverRssMb: pick('serverRssMb'),
      connectors: pick('connectors'),
      connectorsAot: pick('connectorsAot'),
      connectorRssMb: pick('connectorRssMb'),
      sandboxRssMb: pick('sandboxRssMb'),
      sandboxCpuPct: pick('sandboxCpuPct'),
      cpuPct: pick('cpuPct'),
      load1: pick('load1'),
    },
    errorSamples: [...new Set(asks.filter((x) => !x.ok).map((x) => `${x.id}: ${x.error}`))].slice(0, 5),
    samples,
  };
}

// Shopify's rate limit is per store, whoever asks: a store's query-cost bucket (standard plan 1,000 points refilled at
// 50/s; Plus 10,000 at 500/s) is shared by every user's questions. "plus" sets the Sandbox's store to Plus, so the run
// measures Mosaic rather than a standard store's budget; "standard" keeps the Sandbox's default.
const shopifyBudgets = { standard: { size: 1000, restoreRate: 50 }, plus: { size: 10000, restoreRate: 500 } };
const shopifyBudget = shopifyBudgets[a['shopify-budget']];
if (!shopifyBudget) {
  console.error('load.mjs: --shopify-budget must be standard or plus');
  process.exit(2);
}
const bucketUrl = `${a['sandbox-url']}/_sandbox/shopify/bucket`;
await fetch(`${bucketUrl}?size=${shopifyBudget.size}&restoreRate=${shopifyBudget.restoreRate}`, { method: 'POST' });
/** How many Shopify queries the Sandbox's store has refused as THROTTLED so far. */
const shopifyThrottled = async () => (await (await fetch(bucketUrl)).json()).throttled ?? 0;

const env = JSON.parse(fs.readFileSync(a.env, 'utf8'));
const memberTokens = await sandboxTakesMemberTokens(a['sandbox-url'], env);
const started = { at: new Date().toISOString(), machine: machine() };
log(`registering ${p.users} users (${memberTokens ? 'a member token each' : 'the same Sandbox tokens'})…`);
const population = await populate({ base: a.base, adminPassword: a['admin-password'], count: p.users, env, memberTokens, log });
log(`  done in ${population.seconds.toFixed(1)} s; each user has ${population.configured.join(', ')}`);

const [baselineUser, ...rest] = population.clients;
log(`single-user warm baseline: a warm-up ask per source and all-sources question, then ${p.baseline}…`);
const base = await baseline(baselineUser);
log(`  all-sources p50 ${base.p50?.toFixed(0) ?? '–'} ms`);

const probeUsers = rest.slice(0, Math.min(10, Math.max(0, rest.length - 1)));
const probe = await coldProbe(probeUsers);
log(`cold probe (idle server): ${probe.spawnedProcess} of ${probe.questions} first questions started a connector process`);

const phases = [];
let offset = probeUsers.length;
for (const k of p.active) {
  // Fresh users for every step, so each one's first question is a cold one; wrap round when there are too few.
  const users = Array.from({ length: k }, (_, i) => rest[(offset + i) % rest.length]);
  const fresh = users.filter((u) => !asked.has(u)).length;
  log(`${k} active users (${fresh} fresh) for ${p.seconds} s…`);
  const throttledBefore = await shopifyThrottled();
  const r = await phase(k, users, offset);
  r.freshUsers = fresh;
  r.shopifyThrottled = (await shopifyThrottled()) - throttledBefore;
  phases.push(r);
  offset += k;
  const { connectors, connectorRssMb } = r.resources;
  log(
    `  ${r.answers} answers, ${r.errors} errors, all-sources warm p50 ${r.kinds.all.warm.p50?.toFixed(0) ?? '–'} ms, ` +
      `connectors max ${connectors.max} (${connectorRssMb.max?.toFixed(0)} MB)${r.stopped ? `; ${r.stopped}` : ''}`,
  );
}

const { clients, ...registered } = population;
const params = { ...p, shopifyBudget: a['shopify-budget'] };
const result = { mode: p.mode, params, started, memberTokens, population: registered, baseline: base, coldProbe: probe, phases };
fs.writeFileSync(a.out, JSON.stringify(result, null, 2) + '\n');
