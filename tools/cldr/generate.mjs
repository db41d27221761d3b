// Writes what each catalog language takes from Unicode CLDR,
// src/data/catalogs/<lang>/cldr.json, from the npm packages cldr-core,
// cldr-localenames-full, cldr-numbers-full and cldr-dates-full (the versions
// pinned in package.json and package-lock.json beside this file):
//
//   country.XX   the name of every ISO 3166-1 country and territory
//   fmt.digits   the digits 0–9 of the language's default numbering system
//   fmt.time     the short time format ("HH:mm", "h:mm a"; H, HH, h, mm, a only)
//   fmt.am/pm    the day periods that "a" stands for
//
//   npm ci && node generate.mjs           writes the files
//   node generate.mjs --check             exits 1 if the committed files differ
//
// Serbian Cyrillic has no file: the widget makes it from sr-Latn. The files
// are committed, so building Putokaz needs neither this script nor the
// network.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('../../src/data/catalogs/', import.meta.url);

// Catalog language → CLDR locale of its names, and of its formats where they
// differ. English is read here mostly in Europe: its times are those of
// CLDR's "English (Europe)", 24-hour, as the rest of the widget's region.
// CLDR has no Romani locale: Roma in Serbia read Serbian, and Romani texts
// there name countries as Serbian does, so Romani takes the Serbian (Latin)
// names and formats until CLDR has its own (docs/TRANSLATING.md).
const LANGUAGES = {
  en: ['en', 'en-150'],
  'sr-Latn': ['sr-Latn'],
  ru: ['ru'],
  uk: ['uk'],
  tr: ['tr'],
  'zh-Hans': ['zh-Hans'],
  vi: ['vi'],
  ne: ['ne'],
  hi: ['hi'],
  ar: ['ar'],
  fa: ['fa'],
  sq: ['sq'],
  hu: ['hu'],
  rom: ['sr-Latn'],
};

// CLDR's two-letter territories that are not officially assigned
// ISO 3166-1 alpha-2 codes: exceptionally reserved codes (AC CP CQ DG EA IC
// TA), groupings (EU EZ UN) and user-assigned codes (QO XA XB XK ZZ). What
// is left is ISO 3166-1: 249 countries and territories.
const NOT_ISO = new Set(['AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ']);
const ISO_COUNT = 249;

// The short form where CLDR's default is longer than people say it and
// the short one is as clear ("Hong Kong SAR China" → "Hong Kong").
const SHORT = new Set(['HK', 'MO', 'PS']);

// "and" where CLDR writes "&" in a name (only these languages do).
const AND = { en: 'and', vi: 'và' };

const main = (pkg, locale, file) => require(`${pkg}/main/${locale}/${file}.json`).main[locale];

function territories(locale) {
  return main('cldr-localenames-full', locale, 'territories').localeDisplayNames.territories;
}

function formats(locale) {
  const numbers = main('cldr-numbers-full', locale, 'numbers').numbers;
  const systems = require('cldr-core/supplemental/numberingSystems.json').supplemental.numberingSystems;
  const digits = systems[numbers.defaultNumberingSystem]._digits;
  if ([...digits].length !== 10) throw new Error(`${locale}: ${numbers.defaultNumberingSystem} is not ten digits`);
  const gregorian = main('cldr-dates-full', locale, 'ca-gregorian').dates.calendars.gregorian;
  const time = gregorian.timeFormats.short;
  // The widget reads only these letters; a quoted literal or another field
  // would need more code, so the generator refuses it.
  if (/'|[A-Za-z]/.test(time.replace(/HH|H|hh|h|mm|a/g, ''))) throw new Error(`${locale}: cannot read the time format ${time}`);
  const periods = gregorian.dayPeriods.format.abbreviated;
  return { 'fmt.digits': digits, 'fmt.time': time, 'fmt.am': periods.am, 'fmt.pm': periods.pm };
}

export function generate() {
  const codes = Object.keys(territories('en')).filter((k) => /^[A-Z]{2}$/.test(k) && !NOT_ISO.has(k)).sort();
  if (codes.length !== ISO_COUNT) throw new Error(`expected ${ISO_COUNT} ISO 3166-1 codes, CLDR gave ${codes.length}`);
  const files = {};
  for (const [lang, [locale, formatLocale = locale]] of Object.entries(LANGUAGES)) {
    const names = territories(locale);
    const out = {};
    for (const code of codes) {
      let name = (SHORT.has(code) && names[`${code}-alt-short`]) || names[code];
      if (!name) throw new Error(`CLDR ${locale} has no name for ${code}`);
      // "and" in full ("&" is read out as "ampersand").
      if (name.includes(' & ')) {
        if (!AND[lang]) throw new Error(`${lang}: ${code} is "${name}": give "and" for this language`);
        name = name.replaceAll(' & ', ` ${AND[lang]} `);
      }
      out[`country.${code}`] = name;
    }
    Object.assign(out, formats(formatLocale));
    files[lang] = JSON.stringify(out, null, 2) + '\n';
  }
  return files;
}

const check = process.argv.includes('--check');
let differ = 0;
for (const [lang, text] of Object.entries(generate())) {
  const file = new URL(`${lang}/cldr.json`, root);
  if (check) {
    let old = '';
    try { old = readFileSync(file, 'utf8'); } catch { /* missing */ }
    if (old !== text) {
      console.error(`${lang}/cldr.json differs from what CLDR gives: run node tools/cldr/generate.mjs`);
      differ++;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${lang}/cldr.json`);
  }
}
process.exit(differ ? 1 : 0);
