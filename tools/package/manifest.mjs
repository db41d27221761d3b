// Writes manifest.json and package.json into a release folder (.ci/package):
//   node tools/package/manifest.mjs DIR VERSION CONTENT_VERSION
// manifest.json lists every file a partner serves with its size, its
// compressed copies' sizes and its Subresource Integrity hash, and the embed
// snippet with those hashes, so a partner never computes one by hand.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, version, contentVersion] = process.argv.slice(2);
if (!dir || !version || !contentVersion) {
  console.error('usage: manifest.mjs DIR VERSION CONTENT_VERSION');
  process.exit(2);
}

const integrity = (file) => `sha256-${createHash('sha256').update(readFileSync(file)).digest('base64')}`;
const size = (file) => (existsSync(file) ? statSync(file).size : null);

// Served files: those with compressed copies beside them.
const files = {};
for (const name of readdirSync(dir).sort()) {
  if (/\.(br|gz)$/.test(name) || !existsSync(join(dir, `${name}.br`))) continue;
  const path = join(dir, name);
  files[name] = { bytes: size(path), gzip: size(`${path}.gz`), br: size(`${path}.br`), integrity: integrity(path) };
}
for (const needed of ['putokaz.js', 'putokaz_bg.wasm', 'putokaz-check.js', 'putokaz-check_bg.wasm']) {
  if (!files[needed]) throw new Error(`${needed} (with its .br copy) is not in ${dir}`);
}

const snippet = (module, wasm) => [
  `<link rel="preload" href="/putokaz/${wasm}" as="fetch" crossorigin integrity="${files[wasm].integrity}">`,
  `<script type="module" src="/putokaz/${module}" integrity="${files[module].integrity}"></script>`,
].join('\n');

const manifest = {
  name: 'putokaz',
  version,
  contentVersion,
  embed: {
    screening: snippet('putokaz.js', 'putokaz_bg.wasm'),
    textCheck: snippet('putokaz-check.js', 'putokaz-check_bg.wasm'),
  },
  files,
};
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const pkg = {
  name: 'putokaz',
  version,
  description: 'A private screening widget for warning signs of trafficking and labour exploitation: nothing a person enters leaves the browser.',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  exports: {
    '.': { types: './putokaz.d.ts', default: './putokaz.js' },
    './check': { types: './putokaz.d.ts', default: './putokaz-check.js' },
    './*': './*',
  },
  types: './putokaz.d.ts',
  // Importing the module defines <putokaz-screening> and starts the wasm download.
  sideEffects: true,
  keywords: ['trafficking', 'labour exploitation', 'screening', 'webassembly', 'web component', 'privacy'],
  putokaz: { contentVersion },
};
writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
