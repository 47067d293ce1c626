// Prettier wraps code at 140 columns but never splits a long string or comment: this catches those.
import fs from 'node:fs';
import path from 'node:path';

const MAX = 140;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const long = [];

function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(ts|tsx|mjs)$/.test(entry.name)) {
      fs.readFileSync(full, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if ([...line].length > MAX) long.push(`${path.relative(root, full)}:${i + 1}: ${[...line].length} characters`);
        });
    }
  }
}

for (const dir of ['src', 'e2e', 'scripts']) walk(path.join(root, dir));
if (long.length > 0) {
  console.error(`Lines longer than ${MAX} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`check-lines: no line over ${MAX} characters`);
