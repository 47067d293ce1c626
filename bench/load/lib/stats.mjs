// The load benchmark's arithmetic: percentiles, summaries of timed answers, ratios, and a seeded random source.

/** The p-th percentile (0–100) by nearest rank of the sorted values; null for none. */
export function percentile(values, p) {
  if (!values.length) return null;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is not in 0–100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** count, p50, p99 and mean of a list of milliseconds (null when empty). */
export function summarize(ms) {
  if (!ms.length) return { count: 0, p50: null, p99: null, mean: null };
  return { count: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99), mean: ms.reduce((s, v) => s + v, 0) / ms.length };
}

/** a / b, or null when either is unknown or b is zero (a ratio of nothing says nothing). */
export function ratio(a, b) {
  return a == null || b == null || b === 0 ? null : a / b;
}

/**
 * Per kind (single, all) and temperature (cold = the user's first question, warm = the rest): latency summaries of the
 * answers that did not fail, the failures counted apart; throughput = answers (not failed) finished inside the window.
 * @param {{kind: string, cold: boolean, ms: number, ok: boolean, endMs: number}[]} asks endMs: since the window opened
 */
export function phaseSummary(asks, windowSeconds) {
  const out = { answers: 0, errors: 0, throughput: null, kinds: {} };
  for (const kind of ['single', 'all']) {
    const mine = asks.filter((a) => a.kind === kind);
    const ok = mine.filter((a) => a.ok);
    out.kinds[kind] = {
      cold: summarize(ok.filter((a) => a.cold).map((a) => a.ms)),
      warm: summarize(ok.filter((a) => !a.cold).map((a) => a.ms)),
      errors: mine.length - ok.length,
    };
    out.answers += ok.length;
    out.errors += mine.length - ok.length;
  }
  const inWindow = asks.filter((a) => a.ok && a.endMs <= windowSeconds * 1000).length;
  out.throughput = windowSeconds > 0 ? inWindow / windowSeconds : null;
  return out;
}

/** max and mean of a sampled series (nulls skipped). */
export function series(values) {
  const known = values.filter((v) => v != null && Number.isFinite(v));
  if (!known.length) return { max: null, mean: null };
  return { max: Math.max(...known), mean: known.reduce((s, v) => s + v, 0) / known.length };
}

/** mulberry32: a small seeded generator, so a run's questions and think times can be replayed. Returns () => [0, 1). */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform in [min, max) from a generator. */
export function uniform(random, min, max) {
  return min + (max - min) * random();
}
