// Writes www/referrals.json, what the partner configurator (www/configure.html)
// offers to hide, replace and name as the main hotline, from the referral
// directory in src/data/referrals/:
//
//   regions   the countries with a file of their own, with their English names
//             (src/data/catalogs/en/cldr.json), for the region select
//   modules   the questionnaire's modules with their English titles, for the
//             modules a partner may leave out
//   entries   every entry that is not an emergency number (emergency numbers
//             are never hidden, and the page does not offer to replace them),
//             as in the directory less `notes`, `rights` and `area_name`,
//             which the configurator does not show
//
//   node tools/configure/referrals.mjs           writes the file
//   node tools/configure/referrals.mjs --check   exits 1 if the committed file differs
//
// The file is committed beside the page, so the widget's module and its wasm
// carry none of it, and serving the demo needs neither this script nor a
// build. tests/e2e/configure.test.mjs runs --check.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const OUT = new URL('www/referrals.json', root);
// Fields the configurator does not show; a replacement is written whole by the partner anyway.
const LEFT_OUT = ['notes', 'rights', 'area_name'];

const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

/** The index, as the text of the file. */
export function index() {
  const dir = new URL('src/data/referrals/', root);
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  const cldr = read('src/data/catalogs/en/cldr.json');
  const content = read('src/data/catalogs/en/content.json');
  const questionnaire = read('src/data/questionnaire.json');
  const regions = [];
  const entries = [];
  for (const file of files) {
    const { area, entries: list } = read(`src/data/referrals/${file}`);
    if (/^[A-Z]{2}$/.test(area) && area !== 'EU') regions.push({ code: area, name: cldr[`country.${area}`] ?? area });
    for (const entry of list) {
      if (entry.emergency) continue;
      const kept = {};
      for (const [key, value] of Object.entries(entry)) if (!LEFT_OUT.includes(key)) kept[key] = value;
      entries.push(kept);
    }
  }
  regions.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const modules = questionnaire.modules.map((m) => ({ id: m.id, title: content[`module.${m.id}`] ?? m.id }));
  // One item a line: small, and a change to the directory is a readable diff.
  const lines = (list) => `[\n${list.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  return `{"generated": ${JSON.stringify('by tools/configure/referrals.mjs from src/data/referrals/; do not edit')},\n`
    + `"regions": ${lines(regions)},\n"modules": ${lines(modules)},\n"entries": ${lines(entries)}}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = index();
  if (process.argv.includes('--check')) {
    let committed = '';
    try { committed = readFileSync(OUT, 'utf8'); } catch { /* missing: differs */ }
    if (committed !== text) {
      console.error('www/referrals.json is not what src/data/referrals/ gives: run node tools/configure/referrals.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(OUT, text);
  }
}
