// Puts one run's section (grade.mjs --markdown) into results.md, replacing that mode's previous section and keeping
// the other modes'. Usage: node merge-results.mjs results.md section.md offline|model|configured
import fs from 'node:fs';

const [file, sectionFile, mode] = process.argv.slice(2);
if (!file || !sectionFile || !['offline', 'model', 'configured'].includes(mode)) {
  console.error('usage: merge-results.mjs results.md section.md offline|model|configured');
  process.exit(2);
}
const header =
  '# Evaluation results\n\nThe Acme questions (`bench/eval/questions.json`) graded by `bench/eval/grade.mjs` against a `--demo` server, ' +
  'written by `bench/eval/run.sh offline|model --write-results`. What each number means: `bench/eval/README.md`.\n';
const open = `<!-- eval:${mode} -->`;
const close = `<!-- /eval:${mode} -->`;
const section = `${open}\n${fs.readFileSync(sectionFile, 'utf8').trim()}\n${close}`;
let text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : header;
const start = text.indexOf(open);
const end = text.indexOf(close);
if (start >= 0 && end > start) text = text.slice(0, start) + section + text.slice(end + close.length);
else if (mode === 'offline' && text.includes('<!-- eval:model -->'))
  text = text.replace('<!-- eval:model -->', `${section}\n\n<!-- eval:model -->`); // Offline first
else text = `${text.trimEnd()}\n\n${section}\n`;
fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
