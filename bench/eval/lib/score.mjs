// Scores one answer against its question (see README.md for what each score means).
import { found, linksIn, normalise, precision, saysNotFound } from './index.mjs';

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/**
 * @param question an entry of questions.json
 * @param reply { answer, answering, ms } or { error, ms }
 * @param entities knownEntities(questions)
 * @param links a LinkChecker
 */
export async function score(question, reply, entities, links) {
  const answer = reply.answer ?? '';
  const text = normalise(answer);
  const facts = question.facts ?? [];
  const distractors = question.distractors ?? [];
  const factHits = facts.map((f) => found(text, f));
  const cited = distractors.filter((d) => found(text, d));
  const urls = linksIn(answer);
  const checked = await Promise.all(urls.map((u) => links.check(u)));
  const expectedLinks = question.links ?? [];
  const linkHits = expectedLinks.map((sub) => urls.some((u) => u.includes(sub)));
  const expectedSources = question.sources ?? [];
  const answering = reply.answering ?? [];
  const row = {
    id: question.id,
    source: question.source,
    kind: question.kind,
    example: question.example === true,
    error: reply.error ?? null,
    fact_recall: facts.length ? factHits.filter(Boolean).length / facts.length : null,
    missed_facts: facts.filter((_, i) => !factHits[i]).map((f) => (Array.isArray(f) ? f[0] : f)),
    fact_precision: precision(text, question, entities),
    source_recall: expectedSources.length ? expectedSources.filter((s) => answering.includes(s)).length / expectedSources.length : null,
    links: checked.length,
    links_valid: checked.filter((c) => c.ok).length,
    broken_links: checked.filter((c) => !c.ok).map((c) => `${c.url} (${c.status || c.error})`),
    link_recall: expectedLinks.length ? linkHits.filter(Boolean).length / expectedLinks.length : null,
    distractor: cited.length ? 1 : 0,
    distractors_cited: cited.map((d) => (Array.isArray(d) ? d[0] : d)),
    not_found_honest: question.kind === 'not_found' ? (saysNotFound(text) && cited.length === 0 ? 1 : 0) : null,
    ms: Math.round(reply.ms ?? 0),
  };
  row.full_marks =
    !row.error &&
    (row.fact_recall ?? 1) === 1 &&
    row.distractor === 0 &&
    row.links_valid === row.links &&
    (row.link_recall ?? 1) === 1 &&
    (row.source_recall ?? 1) === 1 &&
    (row.not_found_honest ?? 1) === 1;
  return row;
}

/** The scores of a group of rows (a source, a kind, everything). */
export function summarise(rows) {
  const of = (key) => mean(rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined));
  const links = rows.reduce((n, r) => n + r.links, 0);
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    questions: rows.length,
    fact_recall: of('fact_recall'),
    fact_precision: of('fact_precision'),
    source_recall: of('source_recall'),
    link_validity: links ? rows.reduce((n, r) => n + r.links_valid, 0) / links : null,
    link_recall: of('link_recall'),
    distractor_rate: rows.length ? of('distractor') : null,
    not_found_honesty: of('not_found_honest'),
    full_marks: rows.filter((r) => r.full_marks).length,
    errors: rows.filter((r) => r.error).length,
    median_ms: ms.length ? ms[Math.floor((ms.length - 1) / 2)] : null,
    max_ms: ms.length ? ms[ms.length - 1] : null,
  };
}

const groupBy = (rows, key) => {
  const groups = {};
  for (const r of rows) (groups[r[key]] ??= []).push(r);
  return Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, summarise(v)]));
};

/** Everything the report shows: overall, per source, per kind, and the examples. */
export function report(rows) {
  const examples = rows.filter((r) => r.example);
  return {
    overall: summarise(rows),
    by_source: groupBy(rows, 'source'),
    by_kind: groupBy(rows, 'kind'),
    examples: {
      questions: examples.length,
      full_marks: examples.filter((r) => r.full_marks).length,
      not_full: examples.filter((r) => !r.full_marks).map((r) => r.id),
    },
  };
}
