//! Message catalogs: every visible string, per language, as plain text.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::content::{Content, Kind};
use super::{json_problem, Problem};

/// What a catalog says about itself.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub lang: String,
    #[serde(default = "ltr")]
    pub dir: String,
    pub name: String,
    /// `draft` until a native speaker has reviewed the whole catalog.
    pub status: String,
    #[serde(default)]
    pub note: String,
}

fn ltr() -> String {
    "ltr".into()
}

/// One language's messages.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub meta: Meta,
    pub messages: BTreeMap<String, String>,
}

impl Catalog {
    pub fn lang(&self) -> &str {
        &self.meta.lang
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.messages.get(key).map(String::as_str)
    }
}

/// All languages of a bundle; English is the source and the fallback.
#[derive(Debug, Clone, Default)]
pub struct Catalogs {
    pub languages: Vec<Catalog>,
}

pub const SOURCE_LANG: &str = "en";

impl Catalogs {
    /// Merges every file of a language into one catalog.
    pub fn load(files: &[(&str, &str, &str)], problems: &mut Vec<Problem>) -> Catalogs {
        let mut languages: Vec<Catalog> = Vec::new();
        for (lang, name, text) in files {
            let map: BTreeMap<String, serde_json::Value> = match serde_json::from_str(text) {
                Ok(map) => map,
                Err(error) => {
                    problems.push(json_problem(name, &error));
                    continue;
                }
            };
            let index = match languages.iter().position(|c| c.meta.lang == *lang) {
                Some(index) => index,
                None => {
                    languages.push(Catalog { meta: Meta { lang: lang.to_string(), ..Meta::default() }, ..Catalog::default() });
                    languages.len() - 1
                }
            };
            let catalog = &mut languages[index];
            for (key, value) in map {
                let at = format!("{name}: \"{key}\"");
                if key == "_meta" {
                    match serde_json::from_value::<Meta>(value) {
                        Ok(meta) if meta.lang == *lang => {
                            let first = catalog.meta.name.is_empty();
                            if !first && (meta.status != catalog.meta.status || meta.name != catalog.meta.name) {
                                problems.push(Problem::new(&at, "every file of a language must have the same _meta name and status"));
                            }
                            catalog.meta = meta;
                        }
                        Ok(meta) => problems.push(Problem::new(at, format!("_meta.lang is \"{}\" but the folder is \"{lang}\"", meta.lang))),
                        Err(error) => problems.push(Problem::new(at, format!("_meta is not valid: {error}"))),
                    }
                    continue;
                }
                match value {
                    serde_json::Value::String(text) => {
                        if catalog.messages.insert(key, text).is_some() {
                            problems.push(Problem::new(at, "this key is defined twice"));
                        }
                    }
                    _ => problems.push(Problem::new(at, "a message must be a string")),
                }
            }
        }
        Catalogs { languages }
    }

    /// Merges every file of a language into one catalog without checking
    /// anything: only for the built-in catalogs in the browser (see
    /// `Content::load_trusted`), read by hand (see `read.rs`). A file may
    /// also be the table of every language that build.rs writes for the
    /// browser (`catalogs.json`).
    pub fn load_trusted(files: &[(&str, &str, &str)]) -> Catalogs {
        let mut languages: Vec<Catalog> = Vec::new();
        for (lang, _, text) in files {
            let Ok(serde_json::Value::Object(map)) = serde_json::from_str(text) else { continue };
            if let Some(rows) = map.get("rows").and_then(serde_json::Value::as_array) {
                languages.extend(Self::from_table(&map, rows));
                continue;
            }
            if !languages.iter().any(|c| c.meta.lang == *lang) {
                languages.push(Catalog { meta: Meta { lang: lang.to_string(), ..Meta::default() }, ..Catalog::default() });
            }
            let catalog = languages.iter_mut().find(|c| c.meta.lang == *lang).expect("just added");
            for (key, value) in map {
                match value {
                    serde_json::Value::String(text) => {
                        catalog.messages.insert(key, text);
                    }
                    meta if key == "_meta" => catalog.meta = super::read::meta(&meta),
                    _ => {}
                }
            }
        }
        Catalogs { languages }
    }

    /// The catalogs of build.rs's table: `langs`, `meta` and `rows` of
    /// `[key, text in each language (or null)]`.
    fn from_table(table: &serde_json::Map<String, serde_json::Value>, rows: &[serde_json::Value]) -> Vec<Catalog> {
        let metas = table.get("meta").and_then(serde_json::Value::as_array).map_or(&[][..], Vec::as_slice);
        let mut languages: Vec<Catalog> = metas.iter().map(|meta| Catalog { meta: super::read::meta(meta), ..Catalog::default() }).collect();
        for row in rows.iter().filter_map(serde_json::Value::as_array) {
            let Some((key, texts)) = row.split_first() else { continue };
            for (catalog, text) in languages.iter_mut().zip(texts) {
                if let (Some(key), Some(text)) = (key.as_str(), text.as_str()) {
                    catalog.messages.insert(key.to_string(), text.to_string());
                }
            }
        }
        languages
    }

    /// The catalog for a language tag: exact (ignoring case), else the first
    /// of the same language, else English.
    pub fn resolve(&self, tag: &str) -> &Catalog {
        let tag = tag.trim();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
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
    pub fn text<'a>(&'a self, lang: &str, key: &'a str) -> &'a str {
        self.resolve(lang)
            .get(key)
            .or_else(|| self.source().and_then(|c| c.get(key)))
            .unwrap_or(key)
    }

    /// The keys the questionnaire needs in every language.
    pub fn required_keys(content: &Content) -> BTreeSet<String> {
        let q = &content.questionnaire;
        let mut keys = BTreeSet::new();
        keys.extend(["opt.yes", "opt.no", "opt.not_sure", "opt.prefer_not", "country.other"].map(String::from));
        for module in &q.modules {
            keys.insert(format!("module.{}", module.id));
        }
        for question in &q.questions {
            keys.insert(format!("q.{}", question.id));
            keys.insert(format!("q.{}.them", question.id));
            if matches!(question.kind, Kind::Single | Kind::Multi) {
                for option in &question.options {
                    keys.insert(format!("q.{}.{option}", question.id));
                }
            }
        }
        for indicator in &q.indicators {
            keys.insert(format!("ind.{}", indicator.id));
        }
        for flag in &q.job_offer.flags {
            keys.insert(format!("flag.{}.check", flag.indicator));
        }
        for code in &q.countries {
            keys.insert(format!("country.{code}"));
        }
        for dimension in super::content::Dimension::ALL {
            keys.insert(format!("dim.{}", dimension.id()));
        }
        for level in super::Level::ALL {
            keys.insert(format!("level.{}.title", level.id()));
            keys.insert(format!("level.{}.body", level.id()));
        }
        keys
    }

    pub fn validate_against(&self, content: &Content, problems: &mut Vec<Problem>) {
        let Some(source) = self.source() else {
            problems.push(Problem::new("catalogs", "there is no English (en) catalog, the source of every translation"));
            return;
        };
        for key in Self::required_keys(content) {
            if source.get(&key).is_none() {
                problems.push(Problem::new(format!("catalogs/{SOURCE_LANG}"), format!("missing text \"{key}\"")));
            }
        }
        for catalog in &self.languages {
            let at = format!("catalogs/{}", catalog.meta.lang);
            if catalog.meta.name.is_empty() || catalog.meta.status.is_empty() {
                problems.push(Problem::new(&at, "_meta needs a name and a status (draft or reviewed)"));
            }
            if !["ltr", "rtl"].contains(&catalog.meta.dir.as_str()) {
                problems.push(Problem::new(&at, "_meta.dir must be ltr or rtl"));
            }
            if catalog.meta.lang == SOURCE_LANG {
                continue;
            }
            for key in source.messages.keys() {
                if !catalog.messages.contains_key(key) {
                    problems.push(Problem::new(&at, format!("missing text \"{key}\"")));
                }
            }
            for (key, text) in &catalog.messages {
                match source.get(key) {
                    None => problems.push(Problem::new(&at, format!("\"{key}\" is not a key of the English catalog"))),
                    Some(english) if placeholders(english) != placeholders(text) => problems.push(Problem::new(
                        &at,
                        format!("\"{key}\" must use the placeholders {:?}", placeholders(english)),
                    )),
                    _ => {}
                }
            }
        }
    }
}

static EMPTY: Catalog = Catalog {
    meta: Meta { lang: String::new(), dir: String::new(), name: String::new(), status: String::new(), note: String::new() },
    messages: BTreeMap::new(),
};

/// The `{name}` placeholders of a message, sorted.
pub fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = super::find(rest, "{") {
        let after = &rest[start + 1..];
        match super::find(after, "}") {
            Some(end) if after[..end].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') && end > 0 => {
                out.insert(&after[..end]);
                rest = &after[end + 1..];
            }
            _ => rest = after,
        }
    }
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
}
