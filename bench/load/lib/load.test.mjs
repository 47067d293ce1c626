// The load benchmark's own checks: `node --test bench/load/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from './procs.mjs';
import { credentialsFor } from './population.mjs';
import { acceptance, loadRatio, markdown, probeLine } from './report.mjs';
import { percentile, phaseSummary, ratio, seeded, series, summarize, uniform } from './stats.mjs';

test('percentiles by nearest rank, whatever the order of the values', () => {
  const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  assert.equal(percentile(values, 50), 5);
  assert.equal(percentile(values, 99), 10);
  assert.equal(percentile(values, 90), 9);
  assert.equal(percentile(values, 0), 1);
  assert.equal(percentile([42], 99), 42);
  assert.equal(percentile([], 50), null);
  assert.throws(() => percentile([1], 101), RangeError);
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100…1
  assert.equal(percentile(hundred, 99), 99);
  assert.equal(percentile(hundred, 50), 50);
  assert.deepEqual(values, [5, 1, 4, 2, 3, 10, 9, 8, 7, 6], 'the input is not sorted in place');
});

test('summaries and ratios: nothing measured says so instead of 0', () => {
  assert.deepEqual(summarize([100, 300, 200]), { count: 3, p50: 200, p99: 300, mean: 200 });
  assert.deepEqual(summarize([]), { count: 0, p50: null, p99: null, mean: null });
  assert.equal(ratio(3000, 2000), 1.5);
  assert.equal(ratio(null, 2000), null);
  assert.equal(ratio(3000, 0), null);
  assert.deepEqual(series([1, null, 3, NaN]), { max: 3, mean: 2 });
  assert.deepEqual(series([null]), { max: null, mean: null });
});

test('a phase: cold and warm apart per kind, failures kept out of the latencies, throughput inside the window', () => {
  const asks = [
    { kind: 'single', cold: true, ms: 900, ok: true, endMs: 900 },
    { kind: 'single', cold: false, ms: 100, ok: true, endMs: 3000 },
    { kind: 'single', cold: false, ms: 300, ok: true, endMs: 6000 },
    { kind: 'single', cold: false, ms: 50, ok: false, endMs: 7000 },
    { kind: 'all', cold: true, ms: 4000, ok: true, endMs: 4000 },
    { kind: 'all', cold: false, ms: 2000, ok: true, endMs: 11_000 }, // finished after the 10 s window
  ];
  const s = phaseSummary(asks, 10);
  assert.equal(s.answers, 5);
  assert.equal(s.errors, 1);
  assert.equal(s.throughput, 0.4); // 4 good answers finished within 10 s
  assert.deepEqual(s.kinds.single.cold, { count: 1, p50: 900, p99: 900, mean: 900 });
  assert.equal(s.kinds.single.warm.count, 2);
  assert.equal(s.kinds.single.warm.p50, 100);
  assert.equal(s.kinds.single.errors, 1);
  assert.equal(s.kinds.all.warm.p50, 2000);
  assert.equal(s.kinds.all.errors, 0);
});

test('the seeded generator replays the same sequence, and differs by seed', () => {
  const a = seeded(16);
  const b = seeded(16);
  const first = Array.from({ length: 5 }, () => a());
  assert.deepEqual(first, Array.from({ length: 5 }, () => b()));
  assert.notDeepEqual(first, Array.from({ length: 5 }, seeded(17)));
  const r = seeded(1);
  for (let i = 0; i < 1000; i++) {
    const t = uniform(r, 1, 3);
    assert.ok(t >= 1 && t < 3, `${t} is within [1, 3)`);
  }
});

test('processes under the server: AOT connectors, JIT connectors, the Sandbox', () => {
  assert.deepEqual(classify('/opt/m/connectors/Mosaic.Connectors.Slack/Mosaic.Connectors.Slack'), {
    role: 'connector',
    name: 'Slack',
    aot: true,
  });
  assert.deepEqual(classify('/usr/bin/dotnet /opt/m/connectors/Mosaic.Connectors.GitHub/Mosaic.Connectors.GitHub.dll'), {
    role: 'connector',
    name: 'GitHub',
    aot: false,
  });
  assert.equal(classify('dotnet /opt/m/connectors/Mosaic.Sandbox/Mosaic.Sandbox.dll --urls x').role, 'sandbox');
  assert.equal(classify('node s3rver -d x').role, 'other');
});

test('credentials: the member fields from the Sandbox environment, a member token per user when asked', () => {
  const source = {
    id: 'slack',
    credential_fields: [
      { name: 'bot_token', env_var: 'SLACK_BOT_TOKEN' },
      { name: 'team', env_var: 'SLACK_TEAM' },
      { name: 'unset', env_var: 'SLACK_NOT_PRINTED' },
    ],
  };
  const env = { slack: { SLACK_BOT_TOKEN: 'xoxb-sandbox', SLACK_TEAM: 'acme', SLACK_API_URL: 'http://x' } };
  assert.deepEqual(credentialsFor(source, env, 17, false), { bot_token: 'xoxb-sandbox', team: 'acme' });
  assert.deepEqual(credentialsFor(source, env, 17, true), { bot_token: 'xoxb-sandbox.member-17', team: 'acme' });
  const s3 = { id: 's3', credential_fields: [{ name: 'secret', env_var: 'AWS_SESSION_TOKEN' }] };
  assert.deepEqual(credentialsFor(s3, { s3: { AWS_SESSION_TOKEN: 't' } }, 3, true), { secret: 't' }, 'only SaaS tokens');
});

const phase = (k, allWarmP50, extra = {}) => ({
  k,
  freshUsers: k,
  answers: 10,
  errors: 0,
  throughput: 2,
  kinds: {
    single: { cold: summarize([500]), warm: summarize([200]), errors: 0 },
    all: { cold: summarize([3000]), warm: summarize([allWarmP50]), errors: 0 },
  },
  cold: { questions: k, spawnedProcess: 0 },
  resources: Object.fromEntries(
    ['serverRssMb', 'connectors', 'connectorsAot', 'connectorRssMb', 'sandboxRssMb', 'sandboxCpuPct', 'cpuPct', 'load1'].map((key) => [
      key,
      { max: key === 'connectorRssMb' ? 600 : 7, mean: 5 },
    ]),
  ),
  errorSamples: [],
  ...extra,
});
const run = (mode, phases) => ({
  mode,
  params: { users: 1000, active: phases.map((x) => x.k), seconds: 60, baseline: 20, allShare: 0.25, think: [1, 3], seed: 16 },
  started: { at: '2026-01-01T00:00:00.000Z', machine: { cores: 2, memoryGb: 23, loadavg: '0.1 0.2 0.3' } },
  memberTokens: true,
  population: { seconds: 12 },
  coldProbe: { questions: 2, spawnedProcess: 0, rows: [{ id: 'a', spawned: [] }, { id: 'b', spawned: [] }] },
  baseline: { ...summarize([2000, 2100]), errors: 0 },
  phases,
});

test('the ratio to the single-user baseline, the acceptance lines and the report', () => {
  const shared = run('shared', [phase(20, 2800), phase(100, 4000)]);
  assert.equal(loadRatio(shared, 20), 1.4);
  assert.equal(loadRatio(shared, 50), null);
  const lines = acceptance(shared);
  assert.match(lines, /under 1 GB RSS: yes \(max 600 MB\)/);
  const small = run('shared', [phase(20, 2800)]);
  assert.match(acceptance(small), /under 1 GB RSS: – \(max 600 MB; the check needs 1000 users, 100 active\)/);
  assert.match(lines, /≤ 1\.5× the single-user warm p50: yes \(1\.40×\)/);
  const slow = run('shared', [phase(20, 3200, { errors: 2 }), phase(100, 4000)]);
  assert.match(acceptance(slow), /: NO \(1\.60×\)/);
  assert.match(acceptance(slow), /no errors: NO \(2\)/);
  assert.match(lines, /first question spawns no process: yes \(idle probe: 0 of 2; under load 0 of 120 cold/);
  const spawning = { questions: 1, spawnedProcess: 1, rows: [{ id: 'slack-x', spawned: ['Slack', 'Jira'] }] };
  assert.match(probeLine(spawning), /1 of 1 first questions started a connector process \(slack-x → Slack, Jira\)/);
  assert.match(acceptance({ ...shared, coldProbe: spawning }), /spawns no process: NO/);
  assert.match(markdown([{ ...shared, coldProbe: spawning }], {}), /did this server know MOSAIC_CONNECTOR_ISOLATION/);
  assert.doesNotMatch(markdown([shared], {}), /did this server know/);
  const md = markdown([shared, run('process', [phase(20, 5600), phase(100, 8000)])], { command: 'run.sh', server: 'offline' });
  assert.match(md, /## process \/ shared/);
  assert.match(md, /\| 20 \| 2\.00× \|/); // process all-sources warm p50 5600 / shared 2800
});
