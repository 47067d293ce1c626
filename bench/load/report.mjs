#!/usr/bin/env node
// Writes the load benchmark's markdown from load.mjs's JSON files (run.sh calls it):
//   node report.mjs [--command C] [--note N] [--server S] [--load L] shared.json process.json
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { markdown } from './lib/report.mjs';

const { values, positionals } = parseArgs({
  options: {
    command: { type: 'string', default: 'bench/load/run.sh' },
    note: { type: 'string', default: '' }, // what was published (AOT or not)
    server: { type: 'string', default: '' }, // the server's settings that matter here
    load: { type: 'string' }, // the load average before the run
  },
  allowPositionals: true,
});
const runs = positionals.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
const options = { command: values.command, publishedNote: values.note, server: values.server, loadAtStart: values.load };
process.stdout.write(markdown(runs, options));
