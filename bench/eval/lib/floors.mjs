// The floors a run must reach (floors.json): each missed floor is one line of the answer.

const pct = (v) => (v === null || v === undefined ? 'n/a' : `${(v * 100).toFixed(1)}%`);

/** The floors the report misses, as sentences; empty when it reaches them all. */
export function missedFloors(rep, floors) {
  const missed = [];
  const below = (name, value, floor) => {
    if (floor !== undefined && floor !== null && (value ?? 0) < floor) missed.push(`${name} ${pct(value)} < floor ${pct(floor)}`);
  };
  below('overall fact recall', rep.overall.fact_recall, floors.fact_recall);
  for (const [source, floor] of Object.entries(floors.source_fact_recall ?? {}))
    below(`${source} fact recall`, rep.by_source[source]?.fact_recall, floor);
  if (floors.max_distractor_rate !== undefined && (rep.overall.distractor_rate ?? 0) > floors.max_distractor_rate)
    missed.push(`distractor rate ${pct(rep.overall.distractor_rate)} > max ${pct(floors.max_distractor_rate)}`);
  const ex = rep.examples;
  const share = ex.questions ? ex.full_marks / ex.questions : null;
  below(`examples at full marks (${ex.full_marks}/${ex.questions})`, share, floors.examples_full_marks);
  below('not-found honesty', rep.overall.not_found_honesty, floors.not_found_honesty);
  return missed;
}

export { pct };
