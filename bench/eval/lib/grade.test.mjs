// The grader's own checks: `node --test bench/eval/` (scripts/test.sh runs it before the evaluation).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missedFloors } from './floors.mjs';
import { contains, found, knownEntities, linksIn, normalise, precision, saysNotFound } from './index.mjs';
import { report, score } from './score.mjs';

test('numbers are normalised: separators, currency and trailing zeros', () => {
  assert.equal(normalise('$1,234.50 and 224.10 and 249.00'), '1234.5 and 224.1 and 249');
  assert.ok(found(normalise('Total: $224.10'), '224.10'));
  assert.ok(found(normalise('2,092.50 USD'), '2092.50'));
});

test('facts match whole words, case-insensitively, any accepted spelling', () => {
  const text = normalise('Order #1042 is **Partially Refunded**; see [PR](http://x/pull/91)');
  assert.ok(contains(text, 'partially refunded'));
  assert.ok(!contains(text, '42'), '42 is not found inside #1042');
  assert.ok(found(text, ['#91', 'pull/91']));
  assert.ok(!found(text, ['#9', 'pull/9']));
  assert.ok(!contains(normalise('unfulfilled'), 'fulfilled'));
});

test('links: markdown, autolinks and bare URLs, each once', () => {
  const links = linksIn('[a](http://h/a) <https://h/b> and http://h/c. [a again](http://h/a)');
  assert.deepEqual(links.sort(), ['http://h/a', 'http://h/c', 'https://h/b']);
});

test('an honest "not found" is recognised, a plain answer is not', () => {
  assert.ok(saysNotFound(normalise('Nothing found: I searched Jira issues matching “ACME-999”.')));
  assert.ok(saysNotFound(normalise('Issue does not exist or you do not have permission to see it.')));
  assert.ok(!saysNotFound(normalise('ACME-142 is In Progress, assigned to Bob Martinez.')));
});

const questions = [
  { id: 'a', source: 'jira', kind: 'single', example: true, question: 'q', facts: ['ACME-142', 'In Progress'], distractors: ['ACME-143'] },
  { id: 'b', source: 'jira', kind: 'not_found', question: 'q', facts: [], distractors: ['ACME-141'] },
];
const links = { check: async (url) => ({ url, ok: !url.includes('broken'), status: url.includes('broken') ? 404 : 200 }) };

test('precision: the share of named story entities that are not this question\'s distractors', () => {
  const entities = knownEntities(questions);
  assert.equal(precision(normalise('ACME-142 In Progress'), questions[0], entities), 1);
  assert.equal(precision(normalise('ACME-142 In Progress, ACME-143 too'), questions[0], entities), 2 / 3);
  assert.equal(precision(normalise('nothing named'), questions[0], entities), null);
});

test('scores, full marks and floors', async () => {
  const entities = knownEntities(questions);
  const good = await score(questions[0], { answer: '[ACME-142](http://h/ok) is In Progress', answering: ['jira'], ms: 5 }, entities, links);
  assert.equal(good.fact_recall, 1);
  assert.equal(good.full_marks, true);
  const bad = await score(questions[0], { answer: '[ACME-143](http://h/broken) In Progress', answering: ['jira'] }, entities, links);
  assert.equal(bad.fact_recall, 0.5);
  assert.equal(bad.distractor, 1);
  assert.deepEqual(bad.broken_links, ['http://h/broken (404)']);
  assert.equal(bad.full_marks, false);
  const honest = await score(questions[1], { answer: 'No issue ACME-999 was found.', answering: ['jira'] }, entities, links);
  assert.equal(honest.not_found_honest, 1);

  const rep = report([bad, honest]);
  assert.equal(rep.overall.fact_recall, 0.5);
  assert.equal(rep.examples.full_marks, 0);
  const missed = missedFloors(rep, {
    fact_recall: 0.7,
    source_fact_recall: { jira: 0.4 },
    max_distractor_rate: 0.05,
    not_found_honesty: 1,
  });
  assert.deepEqual(missed, ['overall fact recall 50.0% < floor 70.0%', 'distractor rate 50.0% > max 5.0%']);
  assert.deepEqual(missedFloors(report([good, honest]), { fact_recall: 0.7, examples_full_marks: 1 }), []);
});
