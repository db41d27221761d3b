// Writes one self-contained page per language, for outreach workers with no
// connection: the widget from a USB stick or a phone's files (.ci/package).
//   node tools/package/offline.mjs PKG_DIR OUT_DIR VERSION CONTENT_VERSION
// Each page inlines the lean module (putokaz.js), its wasm and the language
// packs it offers as data: URLs (the loader resolves its files with
// `new URL(file, import.meta.url)`, so an absolute URL stands in for a name,
// and each still carries its integrity hash), and a strict Content Security
// Policy in a meta tag: the inline script and style only by their hashes,
// fetches only of data: URLs, nothing from any network.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [pkg, out, version, contentVersion] = process.argv.slice(2);
if (!pkg || !out || !version || !contentVersion) {
  console.error('usage: offline.mjs PKG_DIR OUT_DIR VERSION CONTENT_VERSION');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

// The languages, as the loader's PACKS table and README list them.
const LANGUAGES = ['en', 'sr-Latn', 'sr-Cyrl', 'ru', 'uk', 'tr', 'zh-Hans', 'vi', 'ne', 'hi', 'ar', 'fa', 'sq', 'hu', 'rom'];
const RTL = new Set(['ar', 'fa']);
// Each page offers its own language first, then Serbian and English: the
// built-in region is Serbia, and English is in the module anyway.
const offered = (lang) => [...new Set([lang, 'sr-Latn', 'sr-Cyrl', 'en'])];

const module = readFileSync(join(pkg, 'putokaz.js'), 'utf8');
const dataUrl = (type, bytes) => `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
const hash = (text) => `'sha384-${createHash('sha384').update(text, 'utf8').digest('base64')}'`;

/** The module with `file` (a quoted name in it) replaced by a data: URL. */
function inline(code, file, type) {
  const quoted = new RegExp(`(["'\`])${file.replace(/[.]/g, '\\.')}\\1`, 'g');
  if (!quoted.test(code)) throw new Error(`putokaz.js does not name ${file}: has the loader changed?`);
  return code.replace(quoted, JSON.stringify(dataUrl(type, readFileSync(join(pkg, file)))));
}

// The PACKS table: {"sr-Latn":["putokaz.sr-Latn.txt","sha256-…"],…}
const packs = new Map();
for (const [, lang, file] of module.matchAll(/"?([A-Za-z-]+)"?:\["(putokaz\.[A-Za-z-]+\.txt)","sha256-/g)) packs.set(lang, file);

const STYLE = 'body{margin:0;padding:1em;font-family:system-ui,sans-serif}main{max-width:42em;margin:0 auto}';
const FALLBACK = `<p>If you need help, call ASTRA SOS / Ako vam treba pomoć, pozovite ASTRA SOS: <a href="tel:+381117850000">011 785 0000</a>.
  In danger now, call the police / U opasnosti, pozovite policiju: <a href="tel:192">192</a>.</p>`;

for (const lang of LANGUAGES) {
  let code = inline(module, 'putokaz_bg.wasm', 'application/wasm');
  // (English's pack holds its country names: the module carries none.)
  const files = new Set(offered(lang).map((l) => packs.get(l)));
  for (const file of files) {
    if (!file) throw new Error(`putokaz.js has no pack for a language of ${lang}'s page`);
    code = inline(code, file, 'text/plain;charset=utf-8');
  }
  // Nothing in the module may close the script element it is inlined in.
  if (/<\/script/i.test(code)) throw new Error('putokaz.js contains "</script": it cannot be inlined');
  const csp = [
    "default-src 'none'",
    `script-src ${hash(code)} 'wasm-unsafe-eval'`,
    `style-src ${hash(STYLE)}`,
    'connect-src data:',
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const page = `<!doctype html>
<html lang="${lang}" dir="${RTL.has(lang) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="Putokaz ${version} (content ${contentVersion})">
<title>Putokaz</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<putokaz-screening lang="${lang}" langs="${offered(lang).join(' ')}" region="RS">
${FALLBACK}
</putokaz-screening>
</main>
<script type="module">${code}</script>
</body>
</html>
`;
  writeFileSync(join(out, `putokaz-offline-${lang}.html`), page);
}
