// Matching an answer against the questions file: facts, distractors, the story's entities, "not found".
// Case-insensitive, numbers normalised ("$1,234.50" and "1234.5" read the same), whole words only
// ("42" is not found in "#1042").

/** Numbers without thousands separators, currency signs or trailing decimal zeros: "$1,234.50" → "1234.5". */
function normaliseNumbers(text) {
  return text.replace(/[$€£]?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g, (_, whole, frac = '') => {
    const digits = whole.replace(/,/g, '');
    const decimals = frac.replace(/0+$/, '');
    return decimals === '.' ? digits : digits + decimals;
  });
}

/** The text as facts are looked for in it: lower case, numbers normalised, one kind of space, dash and quote. */
export function normalise(text) {
  return normaliseNumbers(String(text ?? ''))
    .toLowerCase()
    .replace(/[\u00a0\u2009\u202f\s]+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\\([|_*#[\]()])/g, '$1'); // markdown escapes: "\|" in a table cell is "|"
}

const isWordChar = (c) => c !== undefined && /[a-z0-9]/.test(c);

/** Whether a normalised spelling occurs in a normalised text as a whole word (at its word-like ends). */
export function contains(text, spelling) {
  const s = normalise(spelling).trim();
  if (!s) return false;
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
    const leftOk = !isWordChar(s[0]) || !isWordChar(text[at - 1]);
    const rightOk = !isWordChar(s[s.length - 1]) || !isWordChar(text[at + s.length]);
    if (leftOk && rightOk) return true;
  }
  return false;
}

/** A fact or distractor as its accepted spellings: "x" or ["x", "y"]. */
export const spellings = (entry) => (Array.isArray(entry) ? entry : [entry]).filter((s) => typeof s === 'string' && s.trim());

/** Whether any accepted spelling of an entry is in the (normalised) answer. */
export const found = (text, entry) => spellings(entry).some((s) => contains(text, s));

/** The story's known entities: every fact and distractor of every question, each once (by its spellings). */
export function knownEntities(questions) {
  const byKey = new Map();
  for (const q of questions)
    for (const entry of [...(q.facts ?? []), ...(q.distractors ?? [])]) {
      const list = spellings(entry);
      const key = list.map((s) => normalise(s).trim()).sort().join('\u0000');
      if (list.length && !byKey.has(key)) byKey.set(key, list);
    }
  return [...byKey.values()];
}

/** Whether two entries share a spelling. */
const same = (a, b) => spellings(a).some((x) => spellings(b).some((y) => normalise(x).trim() === normalise(y).trim()));

/**
 * Fact precision: of the known entities the answer names, the share that are not this question's distractors
 * (an expected fact, or another entity of the story that may well support the answer). null when it names none.
 */
export function precision(text, question, entities) {
  const named = entities.filter((e) => found(text, e));
  if (named.length === 0) return null;
  const isDistractor = (e) => (question.distractors ?? []).some((d) => same(e, d));
  const isFact = (e) => (question.facts ?? []).some((f) => same(e, f));
  const wrong = named.filter((e) => isDistractor(e) && !isFact(e));
  return (named.length - wrong.length) / named.length;
}

// An honest "not found": the answer says nothing was found or that the thing does not exist.
const NOT_FOUND = [
  /\bnot found\b/,
  /\bnothing (was )?found\b/,
  /\bfound (nothing|no\b)/,
  /\bno (results?|matches|matching|such|items?|rows?|records?|messages?|objects?|files?|issues?|orders?|documents?)\b/,
  /\b(could ?n[o']t|can ?n[o']t|cannot|did ?n[o']t|was ?n[o']t able to) (find|locate|see)\b/,
  /\b(does ?n[o']t|did ?n[o']t|do ?n[o']t) exist\b/,
  /\b(does|do) not exist\b/,
  /\bnobody\b|\bno one\b/,
  /\bthere (is|are|were|was) no\b/,
  /\b(returned|matched) (0|no|nothing)\b/,
  /\b0 (results?|matches|rows|items)\b/,
  /\bunknown (issue|order|pull request|pr|file|object|document|user)\b/,
];

export const saysNotFound = (text) => NOT_FOUND.some((re) => re.test(text));
