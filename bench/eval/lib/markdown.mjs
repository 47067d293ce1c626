// The report as markdown (results.md's sections) and as a console table.
import { pct } from './floors.mjs';

const cell = (v) => (v === null || v === undefined ? '–' : String(v));
const ratio = (v) => (v === null || v === undefined ? '–' : pct(v));

function table(title, groups) {
  const lines = [
    `| ${title} | questions | fact recall | fact precision | source recall | link validity | distractor rate | ` +
      'not-found honesty | full marks | median ms |',
    '| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ];
  for (const [name, s] of Object.entries(groups))
    lines.push(
      `| ${name} | ${s.questions} | ${ratio(s.fact_recall)} | ${ratio(s.fact_precision)} | ${ratio(s.source_recall)} | ` +
        `${ratio(s.link_validity)} | ` +
        `${ratio(s.distractor_rate)} | ${ratio(s.not_found_honesty)} | ${s.full_marks}/${s.questions} | ${cell(s.median_ms)} |`,
    );
  return lines.join('\n');
}

const floorLine = (floors, missed) => (!floors ? '–' : missed.length ? `missed — ${missed.join('; ')}` : 'all reached');
const missedCell = (r) => (r.error ? `error: ${r.error.slice(0, 80)}` : r.missed_facts.join(', ')).replace(/\|/g, '/');

/** One run's section of results.md. */
export function runMarkdown({ mode, provider, date, rep, floors, missed, rows }) {
  const o = rep.overall;
  const model = provider ? `${provider.label ?? provider.provider} (${provider.provider}, model \`${provider.model}\`)` : 'unknown';
  const failing = rows.filter((r) => !r.full_marks);
  return [
    `## ${mode === 'model' ? 'Model' : 'Offline'} run`,
    '',
    `- mode: **${mode}**; provider: ${model}`,
    `- date: ${date}`,
    `- questions: ${o.questions}; errors: ${o.errors}; examples at full marks: **${rep.examples.full_marks}/${rep.examples.questions}**`,
    `- overall: fact recall **${ratio(o.fact_recall)}**, fact precision ${ratio(o.fact_precision)}, ` +
      `source recall ${ratio(o.source_recall)}, link validity ${ratio(o.link_validity)}, ` +
      `distractor rate **${ratio(o.distractor_rate)}**, not-found honesty ${ratio(o.not_found_honesty)}, ` +
      `median ${o.median_ms} ms, slowest ${o.max_ms} ms`,
    `- floors (${floors ? 'bench/eval/floors.json' : 'none'}): ${floorLine(floors, missed)}`,
    '',
    table('source', rep.by_source),
    '',
    table('kind', rep.by_kind),
    '',
    table('all', { overall: o }),
    '',
    `<details><summary>Questions below full marks (${failing.length})</summary>`,
    '',
    '| id | fact recall | missed facts | distractors cited | broken links | ms |',
    '| --- | --: | --- | --- | --- | --: |',
    ...failing.map(
      (r) =>
        `| ${r.id}${r.example ? ' (example)' : ''} | ${ratio(r.fact_recall)} | ${missedCell(r)} | ` +
        `${r.distractors_cited.join(', ')} | ${r.broken_links.length} | ${r.ms} |`,
    ),
    '',
    '</details>',
    '',
  ].join('\n');
}

/** The console's per-question lines and totals. */
export function consoleReport(rep, rows) {
  const lines = rows.map(
    (r) =>
      `${r.full_marks ? 'ok  ' : 'MISS'} ${r.id.padEnd(36)} recall ${ratio(r.fact_recall).padStart(6)}  distractor ${r.distractor}  ` +
      `links ${r.links_valid}/${r.links}  ${String(r.ms).padStart(6)} ms${r.error ? `  error: ${r.error}` : ''}`,
  );
  lines.push('', table('source', rep.by_source), '', table('kind', rep.by_kind), '', table('all', { overall: rep.overall }));
  lines.push('', `examples at full marks: ${rep.examples.full_marks}/${rep.examples.questions}`);
  return lines.join('\n');
}
