// The country names, digits and time formats each catalog language takes
// from Unicode CLDR (src/data/catalogs/<lang>/cldr.json) are exactly what
// tools/cldr/generate.mjs makes from the CLDR packages pinned in
// tools/cldr/package-lock.json: a hand edit, or a new CLDR release without a
// new generation, fails here. Needs no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const tool = fileURLToPath(new URL('../../tools/cldr/', import.meta.url));

test('the committed cldr.json files are what the pinned CLDR packages give', () => {
  const lock = JSON.parse(readFileSync(`${tool}package-lock.json`, 'utf8'));
  const pinned = Object.entries(lock.packages).filter(([path]) => path.startsWith('node_modules/'));
  assert.ok(pinned.length > 0, 'tools/cldr/package-lock.json pins the CLDR packages');
  for (const [path, { version }] of pinned) {
    const installed = `${tool}${path}/package.json`;
    assert.ok(existsSync(installed), `${path} is not installed in tools/cldr: run bash .ci/setup --test`);
    const have = JSON.parse(readFileSync(installed, 'utf8')).version;
    assert.equal(have, version, `${path} ${have} is installed, the lock pins ${version}: run bash .ci/setup --test`);
  }
  const run = spawnSync(process.execPath, ['generate.mjs', '--check'], { cwd: tool, encoding: 'utf8' });
  assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
});
