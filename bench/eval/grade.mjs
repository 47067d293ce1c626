#!/usr/bin/env node
// Grades a running Mosaic server on the Acme questions (questions.json): asks each question through the real
// chat or agent endpoint, then compares the answer with the expected facts here. The server never sees them.
// Usage: node bench/eval/grade.mjs --base URL --email E --password P [--only id,…] [--floor FILE]
//          [--json OUT] [--markdown OUT] [--mode offline|model] [--concurrency N] [--questions FILE]
// See bench/eval/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MosaicClient } from './lib/client.mjs';
import { LinkChecker, knownEntities } from './lib/index.mjs';
import { missedFloors } from './lib/floors.mjs';
import { consoleReport, runMarkdown } from './lib/markdown.mjs';
import { report, score } from './lib/score.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    email: { type: 'string', default: 'demo@mosaic.local' },
    password: { type: 'string', default: process.env.MOSAIC_DEMO_PASSWORD },
    only: { type: 'string' },
    floor: { type: 'string' },
    json: { type: 'string' },
    markdown: { type: 'string' },
    mode: { type: 'string', default: 'offline' },
    concurrency: { type: 'string', default: '3' },
    questions: { type: 'string', default: path.join(here, 'questions.json') },
  },
});
if (!args.base || !args.password) {
  console.error(
    'usage: grade.mjs --base URL --email E --password P [--only id,…] [--floor FILE] [--json OUT] [--markdown OUT] [--mode offline|model]',
  );
  process.exit(2);
}
if (!['offline', 'model'].includes(args.mode)) {
  console.error(`--mode is offline or model, not "${args.mode}"`);
  process.exit(2);
}

const all = JSON.parse(fs.readFileSync(args.questions, 'utf8'));
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;
const questions = only ? all.filter((q) => only.has(q.id)) : all;
if (only && questions.length !== only.size) {
  console.error(`unknown question ids: ${[...only].filter((id) => !all.some((q) => q.id === id)).join(', ')}`);
  process.exit(2);
}
const floors = args.floor ? JSON.parse(fs.readFileSync(args.floor, 'utf8')) : null;

const client = new MosaicClient(args.base);
await client.login(args.email, args.password);
const provider = await client.provider().catch(() => null);
const entities = knownEntities(all);
const links = new LinkChecker();

// A few questions at a time, each in its own session; the rows keep the questions' order.
const rows = new Array(questions.length);
let next = 0;
async function worker() {
  while (next < questions.length) {
    const i = next++;
    const q = questions[i];
    const started = performance.now();
    let reply;
    try {
      reply = await client.ask(q);
    } catch (e) {
      reply = { error: e.message, ms: performance.now() - started };
    }
    rows[i] = await score(q, reply, entities, links);
    if (process.env.EVAL_VERBOSE) console.error(`--- ${q.id}\n${reply.answer ?? reply.error}\n`);
  }
}
await Promise.all(Array.from({ length: Math.max(1, Number(args.concurrency) || 1) }, worker));

const rep = report(rows);
const missed = floors ? missedFloors(rep, floors) : [];
console.log(consoleReport(rep, rows));
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
if (args.json) fs.writeFileSync(args.json, JSON.stringify({ mode: args.mode, provider, date, report: rep, missed, rows }, null, 2) + '\n');
if (args.markdown) fs.writeFileSync(args.markdown, runMarkdown({ mode: args.mode, provider, date, rep, floors, missed, rows }));
if (floors) {
  if (missed.length) {
    console.log(`\nBelow the floor (${args.floor}):\n${missed.map((m) => `  - ${m}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\nAll floors reached (${args.floor}).`);
}
