// bench/load/results.md from the JSON that load.mjs wrote for each mode.
import { ratio } from './stats.mjs';

const ms = (v) => (v == null ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const num = (v, digits = 0) => (v == null ? '–' : v.toFixed(digits));
const times = (v) => (v == null ? '–' : `${v.toFixed(2)}×`);
const pair = (s) => `${ms(s.p50)} / ${ms(s.p99)}`;

/** The all-sources warm p50 at k users over the single-user warm p50 (the issue's "at most 1.5×" check uses k = 20). */
export function loadRatio(run, k) {
  const phase = run.phases.find((x) => x.k === k);
  return phase ? ratio(phase.kinds.all.warm.p50, run.baseline.p50) : null;
}

function modeTable(run) {
  const rows = run.phases.map((x) => {
    const r = x.resources;
    return (
      `| ${x.k}${x.freshUsers < x.k ? ` (${x.freshUsers} fresh)` : ''} | ${num(x.throughput, 2)} | ${x.answers} | ${x.errors} ` +
      `| ${x.shopifyThrottled ?? '–'} ` +
      `| ${pair(x.kinds.single.cold)} | ${pair(x.kinds.single.warm)} | ${pair(x.kinds.all.cold)} | ${pair(x.kinds.all.warm)} ` +
      `| ${x.cold.spawnedProcess} of ${x.cold.questions} | ${num(r.connectors.max)} (${num(r.connectorsAot.max)} AOT) ` +
      `| ${num(r.connectorRssMb.max)} | ${num(r.serverRssMb.max)} | ${num(r.sandboxRssMb.max)} / ${num(r.sandboxCpuPct.mean)}% ` +
      `| ${num(r.cpuPct.mean)}% | ${num(r.load1.max, 1)} |${x.stopped ? ` ${x.stopped}` : ''}`
    );
  });
  return [
    '| active users | answers/s | answers | errors | Shopify THROTTLED | single cold p50 / p99 | single warm p50 / p99 ' +
      '| all cold p50 / p99 | all warm p50 / p99 | cold questions that spawned a process | connector processes max | connectors RSS max (MB) ' +
      '| server RSS max (MB) | Sandbox RSS max (MB) / CPU mean | CPU mean | load max |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The idle server's cold probe: which first questions started which connectors. */
export function probeLine(probe) {
  const started = probe.rows.filter((r) => r.spawned.length).map((r) => `${r.id} → ${r.spawned.join(', ')}`);
  return (
    `Cold probe (the warm server otherwise idle, fresh users one at a time): ${probe.spawnedProcess} of ${probe.questions} ` +
    `first questions started a connector process${started.length ? ` (${started.join('; ')})` : ''}.`
  );
}

function comparison(shared, process) {
  const rows = shared.phases.map((s) => {
    const q = process.phases.find((x) => x.k === s.k);
    if (!q) return `| ${s.k} | – | – | – | – | – | – |`;
    return (
      `| ${s.k} | ${times(ratio(q.kinds.all.warm.p50, s.kinds.all.warm.p50))} ` +
      `| ${times(ratio(q.kinds.single.warm.p50, s.kinds.single.warm.p50))} ` +
      `| ${times(ratio(q.kinds.all.cold.p50, s.kinds.all.cold.p50))} | ${times(ratio(q.throughput, s.throughput))} ` +
      `| ${times(ratio(q.resources.connectors.max, s.resources.connectors.max))} ` +
      `| ${times(ratio(q.resources.connectorRssMb.max, s.resources.connectorRssMb.max))} |`
    );
  });
  return [
    '| active users | all warm p50 | single warm p50 | all cold p50 | answers/s | connector processes | connectors RSS |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** The issue's acceptance, as this run measured it in shared mode. */
export function acceptance(shared) {
  const biggest = shared.phases.at(-1);
  const at20 = loadRatio(shared, 20);
  const errors = shared.phases.reduce((s, x) => s + x.errors, 0) + shared.baseline.errors;
  const underLoad = shared.phases.reduce((s, x) => s + x.cold.spawnedProcess, 0);
  const coldUnderLoad = shared.phases.reduce((s, x) => s + x.cold.questions, 0);
  const probe = shared.coldProbe;
  const mark = (ok) => (ok == null ? '–' : ok ? 'yes' : 'NO');
  const rss = biggest?.resources.connectorRssMb.max;
  const full = shared.params.users >= 1000 && biggest?.k >= 100; // the issue's scale; a smaller run proves nothing here
  return [
    `- ${shared.params.users} users registered, ${biggest?.k} active, all connector processes under 1 GB RSS: ` +
      `${mark(rss == null || !full ? null : rss < 1024)} (max ${num(rss)} MB${full ? '' : '; the check needs 1000 users, 100 active'})`,
    `- a user's first question spawns no process: ${mark(probe ? probe.spawnedProcess === 0 : null)} (idle probe: ` +
      `${probe?.spawnedProcess ?? '–'} of ${probe?.questions ?? '–'}; under load ${underLoad} of ${coldUnderLoad} cold questions ` +
      'saw a new connector process, which may be a pool growing)',
    `- all-sources warm p50 at 20 users ≤ 1.5× the single-user warm p50: ${mark(at20 == null ? null : at20 <= 1.5)} (${times(at20)})`,
    `- no errors: ${mark(errors === 0)} (${errors})`,
  ].join('\n');
}

export function markdown(runs, { command, publishedNote = '', server = '', loadAtStart }) {
  const first = runs[0];
  const p = first.params;
  const m = first.started.machine;
  const out = [
    '# Load benchmark',
    '',
    `Run ${first.started.at.replace(/\.\d+Z$/, 'Z')} with \`${command}\` on ${m.cores} cores, ${m.memoryGb} GB memory; ` +
      `load average at the start: ${loadAtStart ?? m.loadavg}. ${publishedNote}`,
    '',
    `Parameters: ${p.users} registered users; active ${p.active.join(', ')}; ${p.seconds} s per step; think time uniform ` +
      `${p.think[0]}–${p.think[1]} s; ${Math.round(p.allShare * 100)}% all-sources questions; seed ${p.seed}; baseline ` +
      `${p.baseline} asks. Server: ${server}. Credentials: ` +
      `${first.memberTokens ? "a Sandbox member token per user (distinct credentials)" : 'the same Sandbox tokens for every user'}. ` +
      `Shopify store budget: ${p.shopifyBudget === 'standard' ? 'standard (1,000 points, 50/s)' : 'Plus (10,000 points, 500/s)'}; ` +
      'it is per store, shared by every user (the THROTTLED column counts the queries the store refused).',
    '',
  ];
  for (const run of runs) {
    out.push(
      `## ${run.mode}`,
      '',
      `Users registered in ${num(run.population.seconds, 1)} s. Single-user warm baseline (all-sources): p50 ${ms(run.baseline.p50)}, ` +
        `p99 ${ms(run.baseline.p99)}, ${run.baseline.errors} errors. All-sources warm p50 at 20 users / baseline: ` +
        `${times(loadRatio(run, 20))}.`,
      '',
      modeTable(run),
      '',
    );
    if (run.coldProbe) out.push(probeLine(run.coldProbe), '');
    if (run.mode === 'shared' && run.coldProbe?.questions && run.coldProbe.spawnedProcess === run.coldProbe.questions)
      out.push('**Every first question started processes, as in process mode: did this server know MOSAIC_CONNECTOR_ISOLATION?**', '');
    const errors = run.phases.flatMap((x) => x.errorSamples.map((e) => `- ${x.k} users: ${e}`));
    if (errors.length) out.push('Errors (first of each kind):', '', ...errors, '');
  }
  const shared = runs.find((r) => r.mode === 'shared');
  const process = runs.find((r) => r.mode === 'process');
  if (shared && process) out.push('## process / shared', '', comparison(shared, process), '');
  if (shared) out.push('## Acceptance (shared)', '', acceptance(shared), '');
  return out.join('\n');
}
