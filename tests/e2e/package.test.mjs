// The release a partner downloads (.ci/package): the npm package installed
// into an empty project and loaded from node_modules under the strict CSP,
// its contents and manifest, and the offline single file opened from disk
// with the network off.
//
// PUTOKAZ_PACKAGE_DIR names the release folder (target/package/putokaz-<version>,
// which `bash .ci/test` makes with `bash .ci/package --no-build`); the npm
// tarball and the offline pages are beside it, as .ci/package writes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { launch, widget, mounted, start, answer, answerAll } from './lib.mjs';

const DIR = process.env.PUTOKAZ_PACKAGE_DIR;
const ROOT = new URL('../../', import.meta.url).pathname;
const SERVE = join(ROOT, 'target/debug/serve');

let browser;
let project;
let server;
let base;
let manifest;

before(async () => {
  assert.ok(DIR && existsSync(join(DIR, 'manifest.json')), 'PUTOKAZ_PACKAGE_DIR must name a release folder: run bash .ci/package');
  manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
  browser = await launch();

  // An empty project that installs the tarball, as a partner's build would
  // (offline: the package has no dependencies, so npm needs no registry).
  project = mkdtempSync(join(tmpdir(), 'putokaz-partner-'));
  const tarball = join(dirname(DIR), `putokaz-${manifest.version}.tgz`);
  assert.ok(existsSync(tarball), `${tarball} is missing`);
  copyFileSync(tarball, join(project, basename(tarball)));
  writeFileSync(join(project, 'package.json'), '{"name": "partner-site", "version": "1.0.0", "private": true}\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', `./${basename(tarball)}`], { cwd: project, stdio: 'pipe' });
  // The page embeds the widget from node_modules exactly as README's snippet does.
  writeFileSync(join(project, 'index.html'), `<!doctype html>
<html lang="sr-Latn">
<head>
<meta charset="utf-8">
<title>Partner</title>
<link rel="preload" href="node_modules/putokaz/putokaz_bg.wasm" as="fetch" crossorigin integrity="${manifest.files['putokaz_bg.wasm'].integrity}">
<script type="module" src="node_modules/putokaz/putokaz.js" integrity="${manifest.files['putokaz.js'].integrity}"></script>
</head>
<body>
<putokaz-screening lang="sr-Latn" region="RS">
  <p>ASTRA SOS: <a href="tel:+381117850000">011 785 0000</a></p>
</putokaz-screening>
</body>
</html>
`);
  // The project's test server: the strict CSP on every response, and the
  // precompressed copies sent as a partner's server would.
  assert.ok(existsSync(SERVE), `${SERVE} is missing: cargo build --bin serve`);
  server = spawn(SERVE, ['--root', project, '--port', '0', '--compressed'], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
  if (project) rmSync(project, { recursive: true, force: true });
});

/** A page that records CSP violations from its very start. */
async function watched(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error));
  page.consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.consoleErrors.push(message.text()); });
  await page.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: 'open' }); };
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`), true);
  });
  return page;
}

test('the package has every served file with its compressed copies, the types, the licences and a manifest whose hashes match', () => {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.version, /^version = "(.*)"$/m.exec(cargo)[1], 'the package has the version of Cargo.toml');
  const pkg = JSON.parse(readFileSync(join(DIR, 'package.json'), 'utf8'));
  assert.equal(pkg.version, manifest.version);
  assert.match(manifest.contentVersion, /^[0-9a-f]{8}$/);
  const changelog = readFileSync(join(DIR, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`## \\[${manifest.version.replace(/\./g, '\\.')}\\]`), 'the changelog has this release');
  for (const file of ['README.md', 'HOSTING.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'putokaz.d.ts', 'putokaz.css', 'configure.html']) {
    assert.ok(existsSync(join(DIR, file)), `${file} is in the package`);
  }
  const served = ['putokaz.js', 'putokaz_bg.wasm', 'putokaz-check.js', 'putokaz-check_bg.wasm', 'putokaz.sr-Latn.txt', 'putokaz.ar.txt', 'putokaz.check.en.txt'];
  for (const file of served) {
    const entry = manifest.files[file];
    assert.ok(entry, `${file} is in the manifest`);
    const bytes = readFileSync(join(DIR, file));
    assert.equal(entry.integrity, `sha256-${createHash('sha256').update(bytes).digest('base64')}`, `${file}'s hash in the manifest`);
    for (const copy of ['br', 'gz']) assert.ok(existsSync(join(DIR, `${file}.${copy}`)), `${file}.${copy} is beside it`);
  }
  // The module asks for the wasm with the hash the manifest gives.
  assert.ok(readFileSync(join(DIR, 'putokaz.js'), 'utf8').includes(manifest.files['putokaz_bg.wasm'].integrity));
  assert.ok(manifest.embed.screening.includes(manifest.files['putokaz.js'].integrity), 'the manifest gives the snippet with the hash');
  // The installed package is the same files.
  const installed = join(project, 'node_modules/putokaz');
  for (const file of served) assert.ok(readFileSync(join(installed, file)).equals(readFileSync(join(DIR, file))), `node_modules/putokaz/${file}`);
  assert.ok(readdirSync(installed).filter((f) => f.endsWith('.br')).length >= served.length);
});

test('installed from the tarball, the widget runs from node_modules under the strict CSP, compressed', async () => {
  const context = await browser.newContext();
  const page = await watched(context);
  const encodings = new Map();
  page.on('response', (response) => encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']));
  const response = await page.goto(`${base}index.html`);
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await mounted(page);
  const w = widget(page);
  assert.equal(await w.locator('.pk-title').first().innerText(), 'Proverite svoju situaciju', 'the Serbian pack came from node_modules too');
  await start(w);
  await answer(w, 'no');
  assert.ok(await w.locator('form.pk-question').count(), 'the next question shows');
  assert.equal(encodings.get('/node_modules/putokaz/putokaz_bg.wasm'), 'br', 'the wasm was sent as its brotli copy');
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the offline single file works from disk with the network off, under its own CSP, and prints its versions', async () => {
  const offline = join(dirname(DIR), 'offline');
  const languages = readdirSync(offline).filter((f) => /^putokaz-offline-[A-Za-z-]+\.html$/.test(f));
  assert.equal(languages.length, 15, `one offline page per language: ${languages.join(', ')}`);
  for (const lang of ['en', 'ar']) {
    const context = await browser.newContext({ offline: true });
    const page = await watched(context);
    const requests = [];
    page.on('request', (request) => requests.push(request.url().slice(0, 40)));
    const file = join(offline, `putokaz-offline-${lang}.html`);
    const html = readFileSync(file, 'utf8');
    // (assert.ok, not assert.match: a failure would print the whole page of half a megabyte.)
    assert.ok(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha384-[^' ]+' 'wasm-unsafe-eval'/.test(html), `${lang}: a strict CSP in a meta tag`);
    assert.ok(!/<script[^>]+src=|<link[^>]+href=/.test(html), `${lang}: nothing is loaded from another file`);
    await page.goto(`file://${file}`);
    await mounted(page);
    const w = widget(page);
    assert.equal(await page.evaluate(() => document.documentElement.dir), lang === 'ar' ? 'rtl' : 'ltr');
    await start(w);
    await answer(w, 'no');
    // As tests/flows/print_view.json: someone asking about a teenager working in Germany.
    await answerAll(w, { safe_to_continue: 'yes', who_for: 'other', age: '14_17', country_now: 'DE', situation: 'work_now', country_work: 'DE', control_signs: 'documents_kept' });
    await w.locator('[data-action=print]').click();
    const footer = await w.locator('.pk-print').innerText();
    assert.ok(footer.includes(manifest.version) && footer.includes(manifest.contentVersion), `the print view names the release and the content: ${footer.slice(-200)}`);
    assert.deepEqual(await page.evaluate(() => window.violations), [], `${lang}: no CSP violation`);
    assert.ok(requests.every((url) => url.startsWith('file:') || url.startsWith('data:')), `${lang}: nothing but the file and its own data: ${requests.join(' ')}`);
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
