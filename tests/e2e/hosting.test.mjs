// The server configurations in docs/hosting/, as partners copy them, on the
// real servers: nginx, Apache httpd (configured by the .htaccess files, as on
// shared hosting) and Caddy, each started here on 127.0.0.1 with a site of
// its own: the widget's files in /putokaz/ (from PUTOKAZ_PACKAGE_DIR, the
// folder a release ships) and a page in /help/ that embeds the widget as
// README's snippet does.
//
// Each server must send the wasm module as application/wasm, the .br copy to
// a browser that accepts brotli, the .gz copy to one that accepts only gzip
// and the file itself to one that accepts neither, byte for byte as they are
// in the folder (Apache on a host that compresses on the fly must not
// compress them again), with Vary: Accept-Encoding and the cache header
// HOSTING.md explains; the page with the Content Security Policy of
// SECURITY.md and Referrer-Policy: no-referrer. Then headless Chromium opens
// each server's page: the widget starts (a wrong type, encoding or body
// would leave the fallback numbers), under that policy without a single
// violation, with the wasm module sent as brotli.
//
// How it fails if the configurations break: a missing type line sends the
// wasm as application/octet-stream (the widget still starts, more slowly,
// so the type is checked as such); a missing brotli_static, rewrite or
// precompressed line sends the larger file; a missing AddEncoding sends the
// .br copy without Content-Encoding (the browser gets compressed bytes, the
// integrity check refuses them and the fallback numbers stay); a missing
// header line drops the cache, Vary, CSP or referrer header. Each is an
// assertion below.
//
// The Debian packages the servers come from: nginx and
// libnginx-mod-http-brotli-static, apache2, caddy. A missing one fails the
// tests of its server with the package's name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { launch, openPage, widget, mounted } from './lib.mjs';

const HOSTING = new URL('../../docs/hosting/', import.meta.url).pathname;
const PACKAGE = process.env.PUTOKAZ_PACKAGE_DIR;
const APACHE_MODULES = '/usr/lib/apache2/modules';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** The policy SECURITY.md recommends, as the page must be served with. */
const POLICY = /\nContent-Security-Policy: (.+)\n/.exec(readFileSync(new URL('../../SECURITY.md', import.meta.url), 'utf8'))[1];

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Help and advice</title>
  <script type="module" src="/putokaz/putokaz.js"></script>
</head>
<body>
  <main>
    <h1>Help and advice</h1>
    <putokaz-screening lang="en" region="RS" exit-url="https://www.example.org/weather">
      <p>ASTRA SOS: <a href="tel:+381117850000">011 785 0000</a></p>
    </putokaz-screening>
  </main>
</body>
</html>
`;

let dir;
let root;
let browser;
/** name → { port, process, log, error }. */
const servers = {};

/** How each server is started: its port, the programs it needs, its own config. */
const SETUPS = {
  nginx: {
    port: 8520,
    needs: [['/usr/sbin/nginx', 'nginx'], [BROTLI_MODULE, 'libnginx-mod-http-brotli-static']],
    start() {
      const conf = join(dir, 'nginx.conf');
      mkdirSync(join(dir, 'nginx-temp'));
      // The site's server block includes docs/hosting/nginx.conf as it is.
      writeFileSync(conf, `load_module ${BROTLI_MODULE};
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-temp/body;
  proxy_temp_path ${dir}/nginx-temp/proxy;
  fastcgi_temp_path ${dir}/nginx-temp/fastcgi;
  uwsgi_temp_path ${dir}/nginx-temp/uwsgi;
  scgi_temp_path ${dir}/nginx-temp/scgi;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${this.port};
    root ${root};
    include ${HOSTING}nginx.conf;
  }
}
`);
      return { command: '/usr/sbin/nginx', args: ['-c', conf, '-p', `${dir}/`, '-e', `${dir}/nginx-error.log`], log: join(dir, 'nginx-error.log') };
    },
  },
  apache: {
    port: 8521,
    needs: [['/usr/sbin/apache2', 'apache2']],
    start() {
      const conf = join(dir, 'httpd.conf');
      const modules = ['mpm_event', 'authz_core', 'mime', 'headers', 'rewrite', 'dir', 'env', 'filter', 'deflate', 'brotli']
        .filter((name) => existsSync(`${APACHE_MODULES}/mod_${name}.so`))
        .map((name) => `LoadModule ${name}_module ${APACHE_MODULES}/mod_${name}.so`).join('\n');
      // Like a shared host: the server compresses on the fly whatever it can
      // (the wasm too), and the .htaccess files configure /putokaz/ and /help/.
      writeFileSync(conf, `ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${this.port}
PidFile ${dir}/httpd.pid
DefaultRuntimeDir ${dir}
ErrorLog ${dir}/apache-error.log
LogLevel warn
User www-data
Group www-data
${modules}
StartServers 1
ServerLimit 1
ThreadsPerChild 25
MaxRequestWorkers 25
TypesConfig /etc/mime.types
<IfModule mod_brotli.c>
  AddOutputFilterByType BROTLI_COMPRESS text/html text/plain text/javascript application/javascript application/wasm
</IfModule>
<IfModule mod_deflate.c>
  AddOutputFilterByType DEFLATE text/html text/plain text/javascript application/javascript application/wasm
</IfModule>
DocumentRoot ${root}
DirectoryIndex index.html
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory ${root}>
  Options FollowSymLinks
  AllowOverride All
  Require all granted
</Directory>
`);
      return { command: '/usr/sbin/apache2', args: ['-f', conf, '-DFOREGROUND'], log: join(dir, 'apache-error.log') };
    },
  },
  caddy: {
    port: 8522,
    needs: [['/usr/bin/caddy', 'caddy']],
    start() {
      const conf = join(dir, 'Caddyfile');
      // The site's block imports docs/hosting/Caddyfile as it is.
      writeFileSync(conf, `{
	admin off
	auto_https off
}
http://127.0.0.1:${this.port} {
	bind 127.0.0.1
	root * ${root}
	import ${HOSTING}Caddyfile
	file_server
}
`);
      const home = join(dir, 'caddy-home');
      return {
        command: '/usr/bin/caddy',
        args: ['run', '--config', conf, '--adapter', 'caddyfile'],
        env: { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home },
      };
    },
  },
};

/** A GET without decompression: the status, the headers and the bytes as sent. */
function get(port, path, encoding) {
  return new Promise((resolve, reject) => {
    const headers = encoding ? { 'Accept-Encoding': encoding } : {};
    const request = http.get({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.setTimeout(5_000, () => request.destroy(new Error(`no answer from port ${port} for ${path}`)));
  });
}

async function startServer(name) {
  const setup = SETUPS[name];
  const server = { port: setup.port, output: '' };
  servers[name] = server;
  for (const [path, pkg] of setup.needs) {
    if (!existsSync(path)) {
      server.error = `${path} is missing: install the Debian package ${pkg} (apt-get install --no-install-recommends ${pkg})`;
      return;
    }
  }
  const { command, args, env, log } = setup.start();
  server.log = log;
  server.process = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [server.process.stdout, server.process.stderr]) stream.on('data', (data) => { server.output += data; });
  server.process.on('exit', (code) => { server.exited = code ?? 'signal'; });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && server.exited === undefined) {
    try {
      await get(server.port, '/help/');
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const logged = log && existsSync(log) ? readFileSync(log, 'utf8') : '';
  server.error = `${name} did not start on port ${server.port} (exit ${server.exited ?? 'none'}): ${server.output}${logged}`;
}

before(async () => {
  assert.ok(PACKAGE, 'PUTOKAZ_PACKAGE_DIR must name the folder of the widget files to serve');
  dir = mkdtempSync(join(tmpdir(), 'putokaz-hosting-'));
  // nginx and Apache workers run as www-data: they must be able to read the site.
  chmodSync(dir, 0o755);
  root = join(dir, 'root');
  cpSync(PACKAGE, join(root, 'putokaz'), { recursive: true });
  cpSync(join(HOSTING, 'apache.htaccess'), join(root, 'putokaz', '.htaccess'));
  mkdirSync(join(root, 'help'));
  writeFileSync(join(root, 'help', 'index.html'), PAGE);
  // The icon the browser asks for by itself, so that its 404 is no console error.
  writeFileSync(join(root, 'favicon.ico'), '');
  cpSync(join(HOSTING, 'apache-page.htaccess'), join(root, 'help', '.htaccess'));
  await Promise.all(Object.keys(SETUPS).map(startServer));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((server) => new Promise((resolve) => {
    if (!server.process || server.exited !== undefined) return resolve();
    server.process.on('exit', resolve);
    server.process.kill('SIGTERM');
    setTimeout(() => { server.process.kill('SIGKILL'); }, 3_000).unref();
  })));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function running(name) {
  const server = servers[name];
  assert.equal(server.error, undefined, server.error);
  return server.port;
}

// The files as the servers have them (the copy of PUTOKAZ_PACKAGE_DIR).
const file = (name) => readFileSync(join(root, 'putokaz', name));

/** Vary names Accept-Encoding (servers may list other headers too). */
function varies(headers, what) {
  const names = (headers.vary ?? '').split(',').map((v) => v.trim().toLowerCase());
  assert.ok(names.includes('accept-encoding'), `${what}: Vary is "${headers.vary ?? ''}", not Accept-Encoding`);
}

/**
 * One of the widget's files as a browser that sends `accept` gets it: the
 * copy that `encoding` names (br, gzip, or none: the file itself).
 */
async function served(port, name, accept, encoding, type) {
  const what = `${name} with Accept-Encoding: ${accept || '(none)'}`;
  const response = await get(port, `/putokaz/${name}`, accept);
  assert.equal(response.status, 200, what);
  assert.match(response.headers['content-type'] ?? '', type, `${what}: Content-Type`);
  assert.equal(response.headers['content-encoding'], encoding, `${what}: Content-Encoding`);
  const expected = file(name + ({ br: '.br', gzip: '.gz' }[encoding] ?? ''));
  assert.ok(response.body.equals(expected), `${what}: ${response.body.length} bytes, not the ${expected.length} of the ${encoding ?? 'plain'} file`);
  varies(response.headers, what);
  assert.equal(response.headers['cache-control'], 'no-cache', `${what}: Cache-Control (HOSTING.md: revalidate every time)`);
  assert.ok(response.headers.etag || response.headers['last-modified'], `${what}: a validator (ETag or Last-Modified) for the 304 answer`);
}

for (const name of Object.keys(SETUPS)) {
  test(`${name}: the wasm module is application/wasm, as the .br, the .gz or the plain file, byte for byte`, async () => {
    const port = running(name);
    const wasm = /^application\/wasm$/;
    await served(port, 'putokaz_bg.wasm', 'br', 'br', wasm);
    await served(port, 'putokaz_bg.wasm', 'gzip', 'gzip', wasm);
    await served(port, 'putokaz_bg.wasm', '', undefined, wasm);
    // As Chromium asks: brotli wins.
    await served(port, 'putokaz_bg.wasm', 'gzip, deflate, br, zstd', 'br', wasm);
  });

  test(`${name}: putokaz.js is JavaScript and a language pack text, both as brotli`, async () => {
    const port = running(name);
    await served(port, 'putokaz.js', 'br', 'br', /^(text|application)\/javascript\b/);
    await served(port, 'putokaz.sr-Latn.txt', 'br', 'br', /^text\/plain\b/);
    await served(port, 'putokaz.sr-Latn.txt', 'gzip', 'gzip', /^text\/plain\b/);
  });

  test(`${name}: the page has the Content Security Policy of SECURITY.md and Referrer-Policy: no-referrer`, async () => {
    const port = running(name);
    const response = await get(port, '/help/', 'br');
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-security-policy'], POLICY);
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
  });

  test(`${name}: in Chromium the widget starts under that policy, with no violation, the wasm sent as brotli`, async () => {
    const port = running(name);
    const page = await openPage(browser, null);
    try {
      await page.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`), true);
      });
      const wasm = page.waitForResponse((r) => r.url().endsWith('/putokaz/putokaz_bg.wasm'));
      wasm.catch(() => {}); // if the page fails first, its error is the one to report
      const response = await page.goto(`http://127.0.0.1:${port}/help/`);
      assert.equal(response.headers()['content-security-policy'], POLICY);
      await mounted(page);
      await widget(page).locator('[data-action=start]').waitFor({ state: 'visible' });
      const headers = await (await wasm).allHeaders();
      assert.equal(headers['content-type'], 'application/wasm');
      assert.equal(headers['content-encoding'], 'br', 'the wasm module as Chromium received it');
      assert.deepEqual(await page.evaluate(() => window.violations), []);
      assert.deepEqual(page.errors, []);
      assert.deepEqual(page.consoleErrors, []);
    } finally {
      await page.context().close();
    }
  });
}
