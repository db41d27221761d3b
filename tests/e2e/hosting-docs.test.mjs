// docs/HOSTING.md shows each server configuration of docs/hosting/ in full,
// for partners to copy; tests/e2e/hosting.test.mjs runs the files on real
// servers. This test keeps the two the same: every file in docs/hosting/ is
// in HOSTING.md word for word, in the fenced block after its marker
// (`<!-- docs/hosting/<file> -->`, invisible on the rendered page), and every
// marker names a file that exists. It also keeps every configuration's page
// headers the same as SECURITY.md's recommendation, including `_headers`,
// which no test server can run.
//
// How it fails: edit a configuration file and not HOSTING.md (or the other
// way round), add a file to docs/hosting/ without showing it, or change the
// policy in SECURITY.md without the configurations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const DOCS = new URL('../../docs/', import.meta.url);
const HOSTING = readFileSync(new URL('HOSTING.md', DOCS), 'utf8');
const FILES = readdirSync(new URL('hosting/', DOCS)).sort();
const read = (name) => readFileSync(new URL(`hosting/${name}`, DOCS), 'utf8');

/** marker file name → the text of the fenced block right after it. */
function blocks() {
  const found = new Map();
  const marker = /<!-- docs\/hosting\/(\S+) -->\n(`{3,})[^\n]*\n([\s\S]*?)\n?\2\n/g;
  for (const [, name, , body] of HOSTING.matchAll(marker)) {
    assert.ok(!found.has(name), `HOSTING.md shows ${name} twice`);
    found.set(name, `${body}\n`);
  }
  const markers = [...HOSTING.matchAll(/<!-- docs\/hosting\/(\S+) -->/g)].length;
  assert.equal(found.size, markers, 'every marker in HOSTING.md is followed at once by a fenced block');
  return found;
}

test('every file in docs/hosting/ is shown in HOSTING.md exactly as it is', () => {
  const shown = blocks();
  assert.ok(FILES.length >= 5, `docs/hosting/ has the configurations: ${FILES.join(', ')}`);
  for (const name of FILES) {
    assert.ok(shown.has(name), `HOSTING.md does not show docs/hosting/${name} (a <!-- docs/hosting/${name} --> marker and a fenced block)`);
    assert.equal(shown.get(name), read(name), `HOSTING.md's block differs from docs/hosting/${name}`);
  }
  assert.deepEqual([...shown.keys()].filter((name) => !FILES.includes(name)), [], 'HOSTING.md shows files that docs/hosting/ does not have');
});

test("every configuration sends the page SECURITY.md's policy and no referrer", () => {
  const security = readFileSync(new URL('../SECURITY.md', DOCS), 'utf8');
  const policy = /\nContent-Security-Policy: (.+)\n/.exec(security)[1];
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.ok(HOSTING.includes(`Content-Security-Policy: ${policy}\nReferrer-Policy: no-referrer\n`), 'HOSTING.md quotes the headers of SECURITY.md');
  const pages = FILES.filter((name) => read(name).includes('Content-Security-Policy'));
  assert.deepEqual(pages, ['Caddyfile', '_headers', 'apache-page.htaccess', 'nginx.conf']);
  for (const name of pages) {
    const text = read(name);
    const policies = [...text.matchAll(/Content-Security-Policy:?\s+"?([^"\n]+)"?/g)].map((m) => m[1]);
    assert.deepEqual(policies, [policy], `${name}: the policy of SECURITY.md, once`);
    assert.match(text, /Referrer-Policy:?\s+"?no-referrer"?/, `${name}: Referrer-Policy: no-referrer`);
  }
});
