// The WordPress plugin (wordpress/putokaz/) in Debian's own WordPress
// package, as a partner installs it: the plugin folder with the widget's
// files copied into its assets/ (from PUTOKAZ_PACKAGE_DIR, as the release
// zip has them), in a real WordPress with the default theme (Twenty
// Twenty-Three, a block theme), on a MariaDB of its own.
//
// Each run starts its own mariadbd (a fresh datadir and socket in a temp
// folder, no network port) and its own copy of /usr/share/wordpress with a
// wp-config.php of its own: Debian's wp-config.php reads
// /etc/wordpress/config-<host>.php, and WordPress finds its config from the
// real path of wp-load.php, so a tree of symbolic links would still read
// Debian's; a plain copy (0.5 s) is WordPress as any host runs it, and
// leaves /etc alone. WordPress is installed with wp_install() from PHP's
// command line, the plugin activated, three pages made, and the site served by
// PHP's built-in server. WordPress makes no request outside the machine
// (WP_HTTP_BLOCK_EXTERNAL), and neither may the pages in the browser.
//
// What a partner or a person would notice, each an assertion below:
// - [putokaz lang="sr-Latn" region="RS"] gives the element with those
//   attributes and the settings' defaults, the fallback hotline as a
//   tap-to-call link inside it, one module script (type="module", whose
//   ?ver= does not stop it finding the wasm module and packs), and the
//   widget starts (Start in its shadow root) with no console error; the
//   preload hint's crossorigin matches, so the wasm module is downloaded once;
//   without JavaScript, the fallback hotline shows.
// - mode="job-offer" loads putokaz-check.js and the check packs instead; a
//   page with a screening and a contract check loads only putokaz-check.js
//   (both modules define the same element), and both widgets start.
// - As an admin (logged in through wp-login.php), Settings → Putokaz: a
//   config with `</script><script>alert(1)</script>` in a string is saved and
//   rendered harmlessly (no dialog, the JSON child is valid, the widget shows
//   the string as text); invalid JSON and an invalid exit address are refused
//   with the parser's message and keep the saved values, while the other
//   fields of the same form are saved.
// - Deleting the plugin removes its option; PHP logged no notice from it.
//
// How it fails if the plugin breaks: echoing the config as it is lets the
// string close the script element (a dialog, a second script element, JSON
// that does not parse); a plain <script> tag leaves the module unrun (no
// Start); a missing filter or a wrong mode loads the wrong module or both;
// a preload without crossorigin downloads the wasm twice; a
// sanitizer that saves what it got stores invalid JSON or a javascript: exit.
//
// Debian packages: wordpress and wordpress-theme-twentytwentythree,
// mariadb-server, php-cli and php-mysql. A missing one fails with its name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, widget, mounted } from './lib.mjs';

const PLUGIN = new URL('../../wordpress/putokaz/', import.meta.url).pathname;
const HTACCESS = new URL('../../docs/hosting/apache.htaccess', import.meta.url).pathname;
const PACKAGE = process.env.PUTOKAZ_PACKAGE_DIR;
const WORDPRESS = '/usr/share/wordpress';
const PASSWORD = randomBytes(12).toString('hex');
const VERSION = /^ \* Version:\s+(\S+)$/m.exec(readFileSync(join(PLUGIN, 'putokaz.php'), 'utf8'))[1];

const NEEDS = [
  [`${WORDPRESS}/wp-settings.php`, 'wordpress'],
  [`${WORDPRESS}/wp-content/themes/twentytwentythree/style.css`, 'wordpress-theme-twentytwentythree'],
  ['/usr/sbin/mariadbd', 'mariadb-server'],
  ['/usr/bin/mariadb-install-db', 'mariadb-server'],
  ['/usr/bin/php', 'php-cli'],
];

// The config a partner pastes: a wording whose text would end the script
// element and start another if it were printed as it is.
const HOSTILE = 'Počni </script><script>alert(1)</script> <!-- &amp;';
const CONFIG = { text: { 'sr-Latn': { 'ui.start': HOSTILE } } };

let dir;
let base;
let pages;
let browser;
const children = [];

/** Runs a program; resolves with its output, rejects with it. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 30_000, maxBuffer: 1 << 24, ...options }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Starts a long-running child in its own process group (so its workers end with it). */
function start(command, args, log, env = process.env) {
  const child = spawn(command, args, { detached: true, env, stdio: ['ignore', 'ignore', 'pipe'] });
  child.output = '';
  child.stderr.on('data', (data) => { child.output += data; });
  child.exited = new Promise((resolve) => child.on('exit', resolve));
  child.on('exit', (code, signal) => { child.exit = code ?? signal; });
  child.log = log;
  children.push(child);
  return child;
}

// If the test process itself is stopped, its servers must not outlive it.
process.on('exit', () => {
  for (const child of children) {
    if (child.exit === undefined) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function stop(child) {
  if (child.exit !== undefined) return;
  const signal = (name) => { try { process.kill(-child.pid, name); } catch { /* gone */ } };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await child.exited;
  clearTimeout(timer);
}

async function waitFor(what, child, ready, seconds = 15) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exit !== undefined) break;
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = child.log && existsSync(child.log) ? readFileSync(child.log, 'utf8') : '';
  throw new Error(`${what} did not start (exit ${child.exit ?? 'none'}): ${child.output}${log.slice(-3000)}`);
}

/** A free port of this test's range, 8540–8559. */
async function freePort() {
  for (let port = 8540; port <= 8559; port += 1) {
    const free = await new Promise((resolve) => {
      const server = createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 8540-8559');
}

const listening = (port) => new Promise((resolve) => {
  const socket = connect(port, '127.0.0.1').once('connect', () => { socket.end(); resolve(true); }).once('error', () => resolve(false));
});

/** Runs a PHP snippet inside the WordPress of this test (after wp-load.php); returns its JSON output. */
async function wp(code, { install = false } = {}) {
  const script = join(dir, 'task.php');
  writeFileSync(script, `<?php
${install ? "define('WP_INSTALLING', true);\n// No mail: there is no mail system here.\nfunction wp_new_blog_notification() {}" : ''}
require ${JSON.stringify(join(dir, 'wp', 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
${code}
`);
  const out = await run('php', [script], { cwd: dir });
  return JSON.parse(out.slice(out.indexOf('{')));
}

before(async () => {
  for (const [path, pkg] of NEEDS) assert.ok(existsSync(path), `${path} is missing: install the Debian package ${pkg}`);
  await run('php', ['-r', 'exit(extension_loaded("mysqli") ? 0 : 1);']).catch(() => assert.fail('PHP has no mysqli: install the Debian package php-mysql'));
  assert.ok(PACKAGE && existsSync(join(PACKAGE, 'putokaz.js')), 'PUTOKAZ_PACKAGE_DIR must name the folder of the widget files (with putokaz.js)');

  dir = mkdtempSync(join(tmpdir(), 'putokaz-wordpress-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;

  // MariaDB: its own datadir and socket; small logs and buffers, as the
  // data is thrown away after the run.
  const socket = join(dir, 'mysql.sock');
  const small = ['--innodb-log-file-size=4M', '--innodb-buffer-pool-size=32M'];
  const datadir = join(dir, 'db');
  const cp = run('cp', ['-a', WORDPRESS, join(dir, 'wp')]);
  await run('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root', ...small]);
  const mariadb = start('/usr/sbin/mariadbd', ['--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`, '--skip-networking', '--user=root',
    `--pid-file=${join(dir, 'mariadb.pid')}`, `--log-error=${join(dir, 'mariadb.log')}`, '--innodb-flush-log-at-trx-commit=0', ...small], join(dir, 'mariadb.log'));
  await cp;

  // WordPress: Debian's files, this test's wp-config.php, the plugin as the
  // release zip has it (the plugin folder, the widget's files in assets/).
  const root = join(dir, 'wp');
  rmSync(join(root, 'wp-config.php'));
  writeFileSync(join(root, 'wp-config.php'), `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${JSON.stringify(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '${base}');
define('WP_SITEURL', '${base}');
${['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
    .map((key) => `define('${key}', '${randomBytes(24).toString('hex')}');`).join('\n')}
// Nothing leaves this machine: no update checks, no feeds, no cron requests.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
// Notices go to a log the test reads, not into the pages.
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', ${JSON.stringify(join(dir, 'debug.log'))});
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`);
  const plugin = join(root, 'wp-content', 'plugins', 'putokaz');
  cpSync(PLUGIN, plugin, { recursive: true, filter: (source) => !source.startsWith(join(PLUGIN, 'assets')) });
  cpSync(PACKAGE, join(plugin, 'assets'), { recursive: true });
  if (existsSync(HTACCESS)) cpSync(HTACCESS, join(plugin, 'assets', '.htaccess'));

  await waitFor('mariadbd', mariadb, async () => existsSync(socket));
  const created = await run('php', ['-r', `$db = new mysqli('localhost', 'root', '', '', 0, ${JSON.stringify(socket)});
    echo $db->query('CREATE DATABASE wordpress CHARACTER SET utf8mb4') ? 'ok' : $db->error;`]);
  assert.equal(created, 'ok', 'creating the database');
  const installed = await wp(`echo json_encode(wp_install('Help and advice', 'admin', 'admin@example.org', false, '', ${JSON.stringify(PASSWORD)}));`, { install: true });
  assert.ok(installed.user_id, `wp_install: ${JSON.stringify(installed)}`);
  pages = await wp(`
wp_set_current_user(1);
$activated = activate_plugin('putokaz/putokaz.php');
if (is_wp_error($activated)) { echo json_encode(['error' => $activated->get_error_message()]); exit; }
switch_theme('twentytwentythree');
$page = function ($title, $content) {
  return wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => $title, 'post_content' => $content], true);
};
echo json_encode([
  'theme' => get_stylesheet(),
  // As the block editor saves a Shortcode block.
  'screening' => $page('Help', "<!-- wp:shortcode -->\\n[putokaz lang=\\"sr-Latn\\" region=\\"RS\\"]\\n<!-- /wp:shortcode -->"),
  // As the classic editor saves it.
  'job' => $page('Job offers', "Before you accept a job abroad:\\n\\n[putokaz mode=\\"job-offer\\"]"),
  // Two widgets, one of them with the text check.
  'both' => $page('Check a contract', "[putokaz]\\n\\n[putokaz mode=\\"contract-check\\"]"),
]);`);
  assert.equal(pages.error, undefined, `activating the plugin: ${pages.error}`);
  assert.equal(pages.theme, 'twentytwentythree');

  const server = start('php', ['-S', `127.0.0.1:${port}`, '-t', root], null, { ...process.env, PHP_CLI_SERVER_WORKERS: '2' });
  await waitFor('php -S', server, () => listening(port));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all(children.map(stop));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const url = (id) => `${base}/?page_id=${id}`;
const html = async (id) => (await fetch(url(id))).text();

/** The partner config in a page's source. */
const configOf = (source) => JSON.parse(/<script type="application\/json">(.*?)<\/script>/s.exec(source)[1]);

/** The page's script tags for the plugin's files, quotes made double (WordPress 6.1 writes src and id in single quotes). */
const scripts = (source) => (source.match(/<script\b[^>]*\/plugins\/putokaz\/[^>]*>/g) ?? []).map((tag) => tag.replaceAll("'", '"'));

/**
 * A visitor's page: records dialogs, console warnings and the widget's
 * requests, and refuses any request that would leave this machine.
 */
async function visit(id) {
  const page = await openPage(browser, null);
  page.dialogs = [];
  page.on('dialog', (dialog) => { page.dialogs.push(dialog.message()); dialog.dismiss().catch(() => {}); });
  page.warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') page.warnings.push(message.text()); });
  page.assets = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.includes('/plugins/putokaz/assets/')) page.assets.push(pathname.split('/').pop());
  });
  page.outside = [];
  await page.route((target) => !target.href.startsWith(`${base}/`), (route) => { page.outside.push(route.request().url()); return route.abort(); });
  await page.goto(url(id));
  return page;
}

/** What a visitor's browser must never show: errors, dialogs, requests elsewhere, the widget's warnings. */
function clean(page) {
  assert.deepEqual(page.errors.map(String), [], 'no script errors');
  assert.deepEqual(page.consoleErrors, [], 'no console errors');
  assert.deepEqual(page.dialogs, [], 'no dialog');
  assert.deepEqual(page.outside, [], 'no request leaves the site');
  // Chromium ignores `integrity` on a preload of a fetch, and says so; the
  // hint keeps it as README's snippet has it, for browsers that use it.
  const warnings = page.warnings.filter((w) => !w.startsWith('The `integrity` attribute is currently ignored for preload destinations'));
  assert.deepEqual(warnings.filter((w) => /putokaz|preload/i.test(w)), [], 'no warning from the widget or about the preload');
}

/** Logs in through wp-login.php and opens Settings → Putokaz. */
async function settingsPage() {
  const page = await openPage(browser, null);
  await page.route((target) => !target.href.startsWith(`${base}/`), (route) => route.abort());
  const settings = `${base}/wp-admin/options-general.php?page=putokaz`;
  await page.goto(`${base}/wp-login.php?redirect_to=${encodeURIComponent(settings)}`);
  await page.fill('#user_login', 'admin');
  await page.fill('#user_pass', PASSWORD);
  await Promise.all([page.waitForURL(settings), page.click('#wp-submit')]);
  return page;
}

async function save(page, fields) {
  for (const [id, value] of Object.entries(fields)) await page.fill(`#putokaz-${id}`, value);
  await Promise.all([page.waitForURL(/settings-updated=true/), page.click('#submit')]);
}

test('[putokaz lang="sr-Latn" region="RS"]: the element, the fallback hotline inside it, one module script; the widget starts', async () => {
  const page = await visit(pages.screening);
  const element = page.locator('putokaz-screening');
  assert.equal(await element.count(), 1);
  assert.equal(await element.getAttribute('lang'), 'sr-Latn');
  assert.equal(await element.getAttribute('region'), 'RS');
  // The fallback is the element's own content: what shows if the widget cannot start.
  const fallback = element.locator(':scope > p');
  assert.match(await fallback.textContent(), /^ASTRA SOS: \+381 11 785 0000$/);
  assert.equal(await fallback.locator('a').getAttribute('href'), 'tel:+381117850000');

  await mounted(page);
  const startButton = widget(page).locator('[data-action=start]');
  assert.ok(await startButton.isVisible(), 'Start, in the shadow root');
  assert.equal(await startButton.textContent(), 'Počni', 'in Serbian, from its pack (found beside the module despite ?ver=)');
  assert.ok(!(await fallback.isVisible()), 'the fallback gives way to the widget');
  assert.deepEqual(page.assets.filter((f) => f.endsWith('.wasm')), ['putokaz_bg.wasm'], 'the wasm module, downloaded once (the preload hint matches the module\'s request)');
  assert.ok(page.assets.includes('putokaz.sr-Latn.txt'), page.assets.join(' '));
  assert.ok(!page.assets.some((f) => f.includes('check')), `no text check on this page: ${page.assets.join(' ')}`);
  clean(page);
  await page.context().close();

  // The page as WordPress sends it.
  const source = await html(pages.screening);
  assert.match(source, /<putokaz-screening lang="sr-Latn" langs="sr-Latn sr-Cyrl en" region="RS" mode="screening">/,
    'the attributes of the shortcode, and the defaults of the settings for the others');
  assert.deepEqual(scripts(source), [`<script type="module" src="${base}/wp-content/plugins/putokaz/assets/putokaz.js?ver=${VERSION}" id="putokaz-js">`],
    'one module script, with the version of the plugin header');
  assert.match(source, new RegExp(`<link rel="preload" href="${base}/wp-content/plugins/putokaz/assets/putokaz_bg.wasm" as="fetch" crossorigin integrity="sha256-`));
});

test('[putokaz mode="job-offer"] loads putokaz-check.js (only it), and the widget starts with the job-offer check', async () => {
  const page = await visit(pages.job);
  await mounted(page);
  assert.ok(await widget(page).locator('[data-action=check]').isVisible(), 'the intro offers the text check');
  assert.deepEqual(page.assets.filter((f) => /\.(js|wasm)$/.test(f)).sort(), ['putokaz-check.js', 'putokaz-check_bg.wasm']);
  assert.ok(page.assets.includes('putokaz.check.en.txt'), page.assets.join(' '));
  clean(page);
  await page.context().close();

  const source = await html(pages.job);
  assert.match(source, /<putokaz-screening lang="sr-Latn" langs="sr-Latn sr-Cyrl en" region="RS" mode="job-offer">/);
  assert.deepEqual(scripts(source), [`<script type="module" src="${base}/wp-content/plugins/putokaz/assets/putokaz-check.js?ver=${VERSION}" id="putokaz-check-js">`]);
  assert.match(source, /<link rel="preload" href="[^"]*\/putokaz-check_bg\.wasm" as="fetch" crossorigin integrity="sha256-/);
});

test('a page with a screening and a contract check loads only putokaz-check.js, and both widgets start', async () => {
  const page = await visit(pages.both);
  await mounted(page, 'putokaz-screening[mode=screening]');
  await mounted(page, 'putokaz-screening[mode=contract-check]');
  assert.deepEqual(page.assets.filter((f) => /\.(js|wasm)$/.test(f)).sort(), ['putokaz-check.js', 'putokaz-check_bg.wasm']);
  clean(page);
  await page.context().close();
  assert.deepEqual(scripts(await html(pages.both)), [`<script type="module" src="${base}/wp-content/plugins/putokaz/assets/putokaz-check.js?ver=${VERSION}" id="putokaz-check-js">`]);
});

test('without JavaScript, the page shows the fallback hotline as a tap-to-call link', async () => {
  const page = await openPage(browser, null, { context: { javaScriptEnabled: false } });
  await page.goto(url(pages.screening));
  const link = page.locator('putokaz-screening a[href="tel:+381117850000"]');
  assert.ok(await link.isVisible());
  assert.equal(await link.textContent(), '+381 11 785 0000');
  await page.context().close();
});

test('Settings → Putokaz: a config with </script> in a string is saved and rendered harmlessly; invalid JSON and exit address are refused and the saved values kept', async () => {
  const admin = await settingsPage();
  assert.match(await admin.locator('.wrap').textContent(), /full check runs in the browser/);
  assert.match(await admin.locator('.wrap a[href$="/plugins/putokaz/assets/configure.html"]').textContent(), /configurator/);

  await save(admin, { config: JSON.stringify(CONFIG, null, 2), 'exit-url': '/weather/' });
  assert.equal(await admin.locator('.notice-error').count(), 0, await admin.locator('.notice-error').allTextContents().then(String));
  assert.equal(await admin.inputValue('#putokaz-config'), JSON.stringify(CONFIG, null, 2), 'kept as written');

  const page = await visit(pages.screening);
  assert.deepEqual(page.dialogs, [], 'no script from the config ran');
  // The element's own children (not the widget in its shadow root).
  const children = await page.locator('putokaz-screening').evaluate((el) => [...el.children].map((child) => ({ tag: child.localName, type: child.type, text: child.textContent })));
  assert.deepEqual(children.map((child) => child.tag), ['p', 'script'], 'the fallback and one script child, no other element');
  const json = children[1];
  assert.equal(json.type, 'application/json');
  assert.deepEqual(JSON.parse(json.text), CONFIG, 'valid JSON, the same strings');
  assert.equal(await page.locator('putokaz-screening').getAttribute('exit-url'), '/weather/');
  await mounted(page);
  assert.equal(await widget(page).locator('[data-action=start]').textContent(), HOSTILE, 'the widget got the string, and shows it as text');
  clean(page);
  await page.context().close();
  assert.ok(!(await html(pages.screening)).includes('</script><script>alert(1)'), 'the string never appears as markup in the page');

  // Invalid JSON and a javascript: exit, with a new hotline name in the same form.
  await save(admin, { config: '{"text": {"sr-Latn": ', 'exit-url': 'javascript:alert(1)', 'hotline-name': 'ASTRA' });
  const config = await admin.locator('#setting-error-putokaz-config').textContent();
  assert.match(config, /not valid JSON \(Syntax error\), so the previous config is kept/);
  assert.match(await admin.locator('#setting-error-putokaz-exit-url').textContent(), /must start with https:\/\//);
  assert.equal(await admin.locator('#setting-error-settings_updated').count(), 0, 'no "Settings saved."');
  assert.equal(await admin.inputValue('#putokaz-config'), JSON.stringify(CONFIG, null, 2), 'the previous config is in the form');
  assert.equal(await admin.inputValue('#putokaz-exit-url'), '/weather/');
  assert.equal(await admin.inputValue('#putokaz-hotline-name'), 'ASTRA');
  const after = await html(pages.screening);
  assert.match(after, /<putokaz-screening [^>]*exit-url="\/weather\/"><p>ASTRA: <a href="tel:\+381117850000">/);
  assert.deepEqual(configOf(after), CONFIG, 'the shortcode still uses the saved config');

  // A valid config replaces it.
  await save(admin, { config: '{"region": "RS"}' });
  assert.equal(await admin.locator('.notice-error').count(), 0);
  assert.deepEqual(configOf(await html(pages.screening)), { region: 'RS' });
  await admin.context().close();
});

test('deleting the plugin removes its option; PHP logged no notice from the plugin', async () => {
  const result = await wp(`
deactivate_plugins('putokaz/putokaz.php');
$before = get_option('putokaz_settings');
uninstall_plugin('putokaz/putokaz.php');
echo json_encode(['before' => is_array($before), 'after' => get_option('putokaz_settings')]);`);
  assert.deepEqual(result, { before: true, after: false });
  const log = existsSync(join(dir, 'debug.log')) ? readFileSync(join(dir, 'debug.log'), 'utf8') : '';
  assert.deepEqual(log.split('\n').filter((line) => line.includes('/plugins/putokaz/')), []);
});
