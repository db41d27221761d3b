//! Message catalogs: every visible string, per language, as plain text.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::translit::to_cyrillic;
use super::{json_problem, pairs, plural, List, Problem, Text};

/// What a catalog says about itself.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::catalog))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub lang: Text,
    #[serde(default = "ltr")]
    pub dir: Text,
    pub name: Text,
    /// `draft` until a native speaker has reviewed the whole catalog.
    pub status: Text,
    #[serde(default)]
    pub note: Text,
}

fn ltr() -> Text {
    Text::Borrowed("ltr")
}

/// One language's messages, sorted by key.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::catalog))]
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub meta: Meta,
    pub messages: List<(Text, Text)>,
}

impl Catalog {
    pub fn lang(&self) -> &str {
        &self.meta.lang
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        pairs::get(&self.messages, key).map(|text| text.as_ref())
    }

    /// Sets a message (a partner's wording, say), keeping the keys sorted.
    pub fn set(&mut self, key: &str, text: &str) {
        pairs::insert(&mut self.messages, Text::Owned(key.to_string()), Text::Owned(text.to_string()));
    }
}

/// All languages of a bundle; English is the source and the fallback.
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = putokaz_engine::catalog))]
#[derive(Debug, Clone, Default)]
pub struct Catalogs {
    pub languages: List<Catalog>,
}

pub const SOURCE_LANG: &str = "en";

impl Catalogs {
    /// Merges every file of a language into one catalog.
    pub fn load(files: &[(&str, &str, &str)], problems: &mut Vec<Problem>) -> Catalogs {
        let mut languages: Vec<(Meta, BTreeMap<String, String>)> = Vec::new();
        for (lang, name, text) in files {
            let map: BTreeMap<String, serde_json::Value> = match serde_json::from_str(text) {
                Ok(map) => map,
                Err(error) => {
                    problems.push(json_problem(name, &error));
                    continue;
                }
            };
            let index = match languages.iter().position(|(meta, _)| meta.lang == *lang) {
                Some(index) => index,
                None => {
                    languages.push((Meta { lang: Text::Owned(lang.to_string()), ..Meta::default() }, BTreeMap::new()));
                    languages.len() - 1
                }
            };
            let (catalog_meta, messages) = &mut languages[index];
            for (key, value) in map {
                let at = format!("{name}: \"{key}\"");
                if key == "_meta" {
                    match serde_json::from_value::<Meta>(value) {
                        Ok(meta) if meta.lang == *lang => {
                            let first = catalog_meta.name.is_empty();
                            if !first && (meta.status != catalog_meta.status || meta.name != catalog_meta.name) {
                                problems.push(Problem::new(&at, "every file of a language must have the same _meta name and status"));
                            }
                            *catalog_meta = meta;
                        }
                        Ok(meta) => problems.push(Problem::new(at, format!("_meta.lang is \"{}\" but the folder is \"{lang}\"", meta.lang))),
                        Err(error) => problems.push(Problem::new(at, format!("_meta is not valid: {error}"))),
                    }
                    continue;
                }
                match value {
                    serde_json::Value::String(text) => {
                        if messages.insert(key, text).is_some() {
                            problems.push(Problem::new(at, "this key is defined twice"));
                        }
                    }
                    _ => problems.push(Problem::new(at, "a message must be a string")),
                }
            }
        }
        let languages: Vec<Catalog> = languages
            .into_iter()
            .map(|(meta, messages)| Catalog { meta, messages: messages.into_iter().map(|(k, v)| (Text::Owned(k), Text::Owned(v))).collect::<Vec<_>>().into() })
            .collect();
        Catalogs { languages: languages.into() }
    }

    /// Adds Serbian Cyrillic, made letter for letter from the Latin
    /// catalog; false if there is none.
    pub fn add_cyrillic(&mut self) -> bool {
        let Some(latin) = self.languages.iter().find(|c| c.lang() == "sr-Latn") else { return false };
        let mut cyrillic = latin.clone();
        cyrillic.meta.lang = Text::Borrowed("sr-Cyrl");
        cyrillic.meta.name = to_cyrillic(&latin.meta.name).into();
        for (key, text) in cyrillic.messages.to_mut() {
            // Formats are CLDR's letters (`HH:mm`), not Serbian words.
            if !key.starts_with("fmt.") {
                *text = to_cyrillic(text).into();
            }
        }
        self.languages.to_mut().push(cyrillic);
        true
    }

    /// The catalog for a language tag: exact (ignoring case), else the first
    /// of the same language, else English.
    pub fn resolve(&self, tag: &str) -> &Catalog {
        let tag = tag.trim();
        let primary = super::primary_subtag(tag);
        self.languages
            .iter()
            .find(|c| c.meta.lang.eq_ignore_ascii_case(tag))
            .or_else(|| {
                self.languages.iter().find(|c| {
                    c.meta.lang.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case(primary))
                })
            })
            .or_else(|| self.source())
            .unwrap_or(&EMPTY)
    }

    pub fn source(&self) -> Option<&Catalog> {
        self.languages.iter().find(|c| c.meta.lang == SOURCE_LANG)
    }

    /// A message in a language, falling back to English, then to the key
    /// itself, so a missing text is visible but never a crash.
    /// Whether the source catalog (English, which every other has the keys of) has this text.
    pub fn has(&self, key: &str) -> bool {
        self.source().is_some_and(|c| c.get(key).is_some())
    }

    pub fn text<'a>(&'a self, lang: &str, key: &'a str) -> &'a str {
        self.message(lang, key).unwrap_or(key)
    }

    /// A message in a language, falling back to English.
    fn message(&self, lang: &str, key: &str) -> Option<&str> {
        self.resolve(lang).get(key).or_else(|| self.source().and_then(|c| c.get(key)))
    }

}

/// Language packs: each language but English ships as a file of its own,
/// which the loader fetches when the page loads and the widget reads
/// without JSON. A pack is texts separated by NUL: `putokaz-pack`, the
/// fingerprint of the English catalog's keys (a pack is read against the
/// keys of the English catalog it was made with, and only against those),
/// the language's tag, direction and name, then its message for each of
/// the keys of all built-in languages, sorted, U+0001 where it has none
/// (the widget carries that list: English has no `#few` form, say).
impl Catalog {
    pub fn to_pack(&self, keys: &[Text]) -> String {
        let fingerprint = fingerprint(keys);
        let mut parts = vec![PACK, &fingerprint, &self.meta.lang, &self.meta.dir, &self.meta.name];
        for key in keys {
            let text = self.get(key).unwrap_or("\u{1}");
            assert!(!text.contains('\0'), "the message {key} of {} contains NUL", self.meta.lang);
            parts.push(text);
        }
        super::join(&parts, "\0")
    }
}

const PACK: &str = "putokaz-pack";

/// The number of keys and a hash (FNV-1a) of them: a pack made for other
/// keys would put every message under the wrong one.
fn fingerprint(keys: &[Text]) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for key in keys {
        for byte in key.bytes().chain([0]) {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
    }
    super::concat(&[&super::decimal(keys.len() as u64), "-", &super::decimal(u64::from(hash))])
}

impl Catalogs {
    /// Adds the language of a pack (see [`Catalog::to_pack`]), and Serbian
    /// Cyrillic with Serbian Latin, and returns its tag; or says why not,
    /// for the console. `keys` are those the
    /// pack was made with. The texts are borrowed.
    pub fn add_pack(&mut self, keys: &[Text], pack: &'static str) -> Result<&'static str, &'static str> {
        const OTHER: &str = "the pack belongs to another version of Putokaz";
        let mut parts = pack.split('\0');
        if parts.next() != Some(PACK) {
            return Err("not a Putokaz language pack");
        }
        if parts.next() != Some(fingerprint(keys).as_str()) {
            return Err(OTHER);
        }
        let mut meta = [""; 3];
        for field in &mut meta {
            *field = parts.next().unwrap_or_default();
        }
        let [lang, dir, name] = meta;
        if lang.is_empty() {
            return Err(OTHER);
        }
        let meta = Meta { lang: lang.into(), dir: dir.into(), name: name.into(), status: Text::Borrowed(""), note: Text::Borrowed("") };
        let mut messages = Vec::with_capacity(keys.len());
        for key in keys {
            let text = parts.next().ok_or(OTHER)?;
            if text != "\u{1}" {
                messages.push((key.clone(), Text::Borrowed(text)));
            }
        }
        if parts.next().is_some() {
            return Err(OTHER);
        }
        let languages = self.languages.to_mut();
        // English's own pack (its country names) adds to English.
        if lang == SOURCE_LANG {
            let english = languages.iter_mut().find(|c| c.meta.lang == SOURCE_LANG).ok_or(OTHER)?;
            for (key, text) in messages {
                pairs::insert(&mut english.messages, key, text);
            }
            return Ok(lang);
        }
        let catalog = Catalog { meta, messages: messages.into() };
        languages.retain(|c| c.meta.lang != lang && !(lang == "sr-Latn" && c.lang() == "sr-Cyrl"));
        languages.push(catalog);
        // Serbian Cyrillic comes with Serbian Latin (see `add_cyrillic`).
        if lang == "sr-Latn" {
            self.add_cyrillic();
        }
        Ok(lang)
    }
}

/// Numbers and times as each language writes them, by the CLDR data in its
/// `cldr.json`: `fmt.digits` (0 to 9), `fmt.time` (a short time format of
/// `H`, `HH`, `h`, `mm` and `a`) and `fmt.am`, `fmt.pm` (what `a` stands for).
impl Catalogs {
    /// A whole number in the language's digits: 12 is `۱۲` in Persian.
    pub fn number(&self, lang: &str, n: i64) -> String {
        self.digits(lang, &super::signed_decimal(n))
    }

    /// A minute of the day (24:00 is the end of one) in the language's short
    /// time format: `09:05`, `9:05`, `9:05 PM`, `۹:۰۵`.
    pub fn clock(&self, lang: &str, minute: u16) -> String {
        let hour = minute / 60;
        let mut out = String::new();
        let mut letters = self.message(lang, "fmt.time").unwrap_or("HH:mm").chars().peekable();
        while let Some(c) = letters.next() {
            let pair = letters.next_if_eq(&c).is_some();
            let value = match c {
                'H' => hour,
                'h' => (hour % 24 + 11) % 12 + 1,
                'm' => minute % 60,
                'a' => {
                    out.push_str(self.text(lang, if hour % 24 < 12 { "fmt.am" } else { "fmt.pm" }));
                    continue;
                }
                _ => {
                    out.push(c);
                    if pair {
                        out.push(c);
                    }
                    continue;
                }
            };
            if pair && value < 10 {
                out.push('0');
            }
            out.push_str(&super::decimal(value.into()));
        }
        self.digits(lang, &out)
    }

    /// The ASCII digits of `text` in the language's digits.
    fn digits(&self, lang: &str, text: &str) -> String {
        let digits = self.message(lang, "fmt.digits").unwrap_or_default();
        let mut out = String::new();
        for c in text.chars() {
            out.push(c.to_digit(10).and_then(|d| digits.chars().nth(d as usize)).unwrap_or(c));
        }
        out
    }
}

/// Messages with a number: `key#category` (see docs/CONTENT.md and
/// [`super::plural`]).
impl Catalogs {
    /// The text of the plural message `key` for the number `n`: the form of
    /// `n`'s plural category in the language (English if there is no
    /// catalog for it); the key itself if that form is missing, which
    /// [`Self::validate_against`] reports.
    pub fn plural<'a>(&'a self, lang: &str, key: &'a str, n: u32) -> &'a str {
        let catalog = self.resolve(lang);
        let mut form = String::from(key);
        form.push('#');
        form.push_str(plural::category(catalog.lang(), n).id());
        catalog.get(&form).unwrap_or(key)
    }

    /// English defines the plural messages; every language has exactly the
    /// forms CLDR names for it, each with the placeholders of English `other`.
    pub(crate) fn validate_plurals(&self, source: &Catalog, problems: &mut Vec<Problem>) {
        let mut messages = BTreeSet::new();
        for (key, _) in source.messages.iter() {
            if let Some((message, _)) = key.split_once('#') {
                messages.insert(message);
            }
        }
        for catalog in self.languages.iter() {
            let at = format!("catalogs/{}", catalog.meta.lang);
            let Some(needed) = plural::categories(catalog.lang()) else {
                if !messages.is_empty() {
                    problems.push(Problem::new(&at, "Putokaz has no plural rules for this language (see src/engine/plural/README.md)"));
                }
                continue;
            };
            let needed: Vec<&str> = needed.into_iter().map(plural::Category::id).collect();
            for message in &messages {
                let english = source.get(&format!("{message}#other")).map(placeholders).unwrap_or_default();
                let prefix = format!("{message}#");
                let mut forms = Vec::new();
                for (key, text) in catalog.messages.iter().filter(|(k, _)| k.starts_with(&prefix)) {
                    forms.push(&key[prefix.len()..]);
                    if placeholders(text) != english {
                        problems.push(Problem::new(&at, format!("\"{key}\" must use the placeholders {}", super::quoted_list(&english))));
                    }
                }
                if forms.is_empty() {
                    problems.push(Problem::new(&at, format!("missing text \"{message}#other\" (and the other plural forms {needed:?})")));
                } else if forms.len() != needed.len() || !forms.iter().all(|f| needed.contains(f)) {
                    problems.push(Problem::new(
                        &at,
                        format!("\"{message}\" needs the plural forms {needed:?} of CLDR's rules for this language, not {forms:?}"),
                    ));
                }
            }
            for (key, _) in catalog.messages.iter() {
                if key.split_once('#').is_some_and(|(message, _)| !messages.contains(message)) {
                    problems.push(Problem::new(&at, format!("\"{key}\" is not a plural message of the English catalog")));
                }
            }
        }
    }
}

static EMPTY: Catalog = Catalog {
    meta: Meta { lang: Text::Borrowed(""), dir: Text::Borrowed(""), name: Text::Borrowed(""), status: Text::Borrowed(""), note: Text::Borrowed("") },
    messages: List::Borrowed(&[]),
};

/// The `{name}` placeholders of a message, sorted, each once.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = super::find(rest, "{") {
        let after = rest.get(start + 1..).unwrap_or_default();
        match super::find(after, "}") {
            Some(end) if after.as_bytes()[..end].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_') && end > 0 => {
                out.push(after.get(..end).unwrap_or_default());
                rest = after.get(end + 1..).unwrap_or_default();
            }
            _ => rest = after,
        }
    }
    super::sort_by(&mut out, |a, b| a.cmp(b));
    out.dedup();
    out
}

/// Fills `{name}` placeholders.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        out = super::replace(&out, &format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_and_filled() {
        assert_eq!(placeholders("Call {number} now, {name}.").into_iter().collect::<Vec<_>>(), vec!["name", "number"]);
        assert_eq!(fill("Question {n} of {total}", &[("n", "3"), ("total", "12")]), "Question 3 of 12");
        assert!(placeholders("a { b } {}").is_empty());
    }

    #[test]
    fn a_language_pack_reads_back_as_its_catalog_and_only_with_its_keys() {
        let meta = |lang: &str| format!("\"_meta\": {{\"lang\": \"{lang}\", \"name\": \"N {lang}\", \"status\": \"draft\"}}");
        let files = [
            ("en", format!("{{{}, \"a\": \"A\", \"m#one\": \"{{n}} day\", \"m#other\": \"{{n}} days\"}}", meta("en"))),
            ("sr-Latn", format!("{{{}, \"m#one\": \"{{n}} dan\", \"m#few\": \"{{n}} dana\", \"m#other\": \"{{n}} dana\"}}", meta("sr-Latn"))),
        ];
        let files: Vec<(&str, &str, &str)> = files.iter().map(|(lang, text)| (*lang, *lang, text.as_str())).collect();
        let mut problems = Vec::new();
        let mut catalogs = Catalogs::load(&files, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let serbian = catalogs.languages[1].clone();
        let mut keys: Vec<Text> = catalogs.languages.iter().flat_map(|c| c.messages.iter().map(|(k, _)| k.clone())).collect();
        keys.sort();
        keys.dedup();
        let pack: &'static str = Box::leak(serbian.to_pack(&keys).into_boxed_str());
        catalogs.languages.to_mut().truncate(1);

        // Other keys (a pack of another version), a truncated pack, something else: refused, nothing added.
        let mut other = keys.clone();
        other[0] = "b".into();
        assert_eq!(catalogs.add_pack(&other, pack), Err("the pack belongs to another version of Putokaz"));
        assert_eq!(catalogs.add_pack(&keys[1..], pack), Err("the pack belongs to another version of Putokaz"));
        let cut: &'static str = pack.rsplit_once('\0').unwrap().0;
        assert_eq!(catalogs.add_pack(&keys, cut), Err("the pack belongs to another version of Putokaz"));
        assert_eq!(catalogs.add_pack(&keys, "<!doctype html>"), Err("not a Putokaz language pack"));
        assert_eq!(catalogs.languages.len(), 1);

        assert_eq!(catalogs.add_pack(&keys, pack), Ok("sr-Latn"));
        let added = catalogs.resolve("sr-Latn");
        assert_eq!((&*added.meta.lang, &*added.meta.name, &*added.meta.dir), ("sr-Latn", "N sr-Latn", "ltr"));
        assert_eq!(added.messages, serbian.messages, "every message, the #few form too (English has none)");
        assert_eq!(catalogs.text("sr-Latn", "a"), "A", "a message the pack lacks is English");
        assert_eq!(catalogs.plural("sr-Latn", "m", 3), "{n} dana");
    }

    /// Catalogs from `(language, "\"key\": \"text\", …")`, each with a
    /// draft `_meta`; they must load without a problem.
    fn load(messages: &[(&str, &str)]) -> Catalogs {
        let files: Vec<(&str, String)> = messages
            .iter()
            .map(|(lang, body)| (*lang, format!("{{\"_meta\": {{\"lang\": \"{lang}\", \"name\": \"{lang}\", \"status\": \"draft\"}}, {body}}}")))
            .collect();
        let files: Vec<(&str, &str, &str)> = files.iter().map(|(lang, text)| (*lang, *lang, text.as_str())).collect();
        let mut problems = Vec::new();
        let catalogs = Catalogs::load(&files, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        catalogs
    }

    #[test]
    fn plural_messages_pick_their_form_and_are_checked() {
        let catalogs = load(&[
            ("en", r#""m#one": "{n} day", "m#other": "{n} days""#),
            ("sr-Latn", r#""m#one": "{n} dan", "m#other": "{n} dana""#),
            ("ar", r#""m#one": "{n}", "m#two": "{n}", "m#few": "{n}", "m#many": "{n}", "m#other": "{n}", "m#zero": "{count}""#),
            ("zh-Hans", r#""m#other": "{n} 天", "x#other": "?""#),
            ("xx", r#""m#other": "{n}""#),
        ]);
        assert_eq!(fill(catalogs.plural("en", "m", 1), &[("n", "1")]), "1 day");
        assert_eq!(catalogs.plural("en", "m", 21), "{n} days");
        assert_eq!(catalogs.plural("sr-Latn", "m", 21), "{n} dan");
        assert_eq!(catalogs.plural("sr-Latn", "m", 2), "m", "a missing form shows the key");
        assert_eq!(catalogs.plural("de", "m", 1), "{n} day", "a language without a catalog reads English");
        assert_eq!(catalogs.plural("en", "nothing", 2), "nothing");
        let mut problems = Vec::new();
        catalogs.validate_plurals(catalogs.source().unwrap(), &mut problems);
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            listed,
            [
                "catalogs/sr-Latn: \"m\" needs the plural forms [\"one\", \"few\", \"other\"] of CLDR's rules for this language, not [\"one\", \"other\"]",
                "catalogs/ar: \"m#zero\" must use the placeholders [\"n\"]",
                "catalogs/zh-Hans: \"x#other\" is not a plural message of the English catalog",
                "catalogs/xx: Putokaz has no plural rules for this language (see src/engine/plural/README.md)",
            ]
        );
    }

    #[test]
    fn numbers_and_times_read_as_each_language_writes_them() {
        let catalogs = load(&[
            ("en", r#""fmt.digits": "0123456789", "fmt.time": "HH:mm", "fmt.am": "am", "fmt.pm": "pm""#),
            ("fa", r#""fmt.digits": "۰۱۲۳۴۵۶۷۸۹", "fmt.time": "H:mm""#),
            ("ar", r#""fmt.time": "h:mm a", "fmt.am": "ص", "fmt.pm": "م""#),
        ]);
        assert_eq!(catalogs.number("en", 120), "120");
        assert_eq!(catalogs.number("fa", 120), "۱۲۰");
        assert_eq!(catalogs.number("fa", -5), "-۵");
        assert_eq!(catalogs.number("ar", 7), "7", "no digits of its own: English's");
        let times = |lang: &str| [5, 9 * 60 + 5, 12 * 60, 17 * 60 + 30, 24 * 60].map(|m| catalogs.clock(lang, m));
        assert_eq!(times("en"), ["00:05", "09:05", "12:00", "17:30", "24:00"]);
        assert_eq!(times("fa"), ["۰:۰۵", "۹:۰۵", "۱۲:۰۰", "۱۷:۳۰", "۲۴:۰۰"]);
        assert_eq!(times("ar"), ["12:05 ص", "9:05 ص", "12:00 م", "5:30 م", "12:00 ص"]);
        assert_eq!(Catalogs::default().clock("xx", 65), "01:05", "no catalog at all: 24-hour");
    }
}
