// Writes the country names of each catalog language,
// src/data/catalogs/<lang>/countries.json (keys `country.XX`), from Unicode
// CLDR as the npm package cldr-localenames-full supplies it (the version
// pinned in package.json and package-lock.json beside this file).
//
//   npm ci && node generate.mjs           writes the files
//   node generate.mjs --check             exits 1 if the committed files differ
//
// Serbian Cyrillic has no file: the widget makes it from sr-Latn.
// The files are committed, so building Putokaz needs neither this script
// nor the network.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('../../src/data/catalogs/', import.meta.url);

// Catalog language → CLDR locale.
const LANGUAGES = { en: 'en', 'sr-Latn': 'sr-Latn' };

// CLDR's two-letter territories that are not officially assigned
// ISO 3166-1 alpha-2 codes: exceptionally reserved codes (AC CP CQ DG EA IC
// TA), groupings (EU EZ UN) and user-assigned codes (QO XA XB XK ZZ). What
// is left is ISO 3166-1: 249 countries and territories.
const NOT_ISO = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ']);
const ISO_COUNT = 249;

// The short form where CLDR's default is longer than people say it and
// the short one is as clear ("Hong Kong SAR China" → "Hong Kong").
const SHORT = new Set(['HK', 'MO', 'PS']);

function territories(locale) {
  return require(`cldr-localenames-full/main/${locale}/territories.json`).main[locale].localeDisplayNames.territories;
}

export function generate() {
  const codes = Object.keys(territories('en')).filter((k) => /^[A-Z]{2}$/.test(k) && !NOT_ISO.has(k)).sort();
  if (codes.length !== ISO_COUNT) throw new Error(`expected ${ISO_COUNT} ISO 3166-1 codes, CLDR gave ${codes.length}`);
  const files = {};
  for (const [lang, locale] of Object.entries(LANGUAGES)) {
    const names = territories(locale);
    const out = {};
    for (const code of codes) {
      let name = (SHORT.has(code) && names[`${code}-alt-short`]) || names[code];
      if (!name) throw new Error(`CLDR ${locale} has no name for ${code}`);
      // Plain English: "and" in full ("&" is read out as "ampersand").
      if (lang === 'en') name = name.replaceAll(' & ', ' and ');
      out[`country.${code}`] = name;
    }
    files[lang] = JSON.stringify(out, null, 2) + '\n';
  }
  return files;
}

const check = process.argv.includes('--check');
let differ = 0;
for (const [lang, text] of Object.entries(generate())) {
  const file = new URL(`${lang}/countries.json`, root);
  if (check) {
    let old = '';
    try { old = readFileSync(file, 'utf8'); } catch { /* missing */ }
    if (old !== text) {
      console.error(`${lang}/countries.json differs from what CLDR gives: run node tools/countries/generate.mjs`);
      differ++;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${lang}/countries.json`);
  }
}
process.exit(differ ? 1 : 0);
