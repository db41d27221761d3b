//! The content that ships inside Putokaz, compiled in with `include_str!` so
//! the widget never fetches anything after it has loaded.
//!
//! Native builds compile in the files of `src/data/` as they are. The wasm
//! build compiles in the copy build.rs writes: minified, and without the
//! fields only reviewers read (sources, notes, labels), which are most of the
//! bytes; every problem those fields could hide is caught by the native tests.

use std::sync::OnceLock;

use super::catalog::Catalog;
use super::content::{Content, Files};
use super::{translit, Problem};

#[cfg(not(target_arch = "wasm32"))]
macro_rules! data {
    ($path:literal) => {
        ($path, include_str!(concat!("../data/", $path)))
    };
}

#[cfg(target_arch = "wasm32")]
macro_rules! data {
    ($path:literal) => {
        ($path, include_str!(concat!(env!("OUT_DIR"), "/data/", $path)))
    };
}

/// Every built-in catalog file: `(language, path, text)`. Serbian Cyrillic
/// is not among them: it is made from the Latin catalog (see [`load`]).
pub const CATALOGS: &[(&str, (&str, &str))] = &[
    ("en", data!("catalogs/en/content.json")),
    ("en", data!("catalogs/en/ui.json")),
    ("sr-Latn", data!("catalogs/sr-Latn/content.json")),
    ("sr-Latn", data!("catalogs/sr-Latn/ui.json")),
];

/// Every built-in directory file.
pub const REFERRALS: &[(&str, &str)] = &[
    data!("referrals/rs.json"),
    data!("referrals/eu.json"),
    data!("referrals/int.json"),
    data!("referrals/at.json"),
    data!("referrals/de.json"),
    data!("referrals/gb.json"),
    data!("referrals/ae.json"),
    data!("referrals/mt.json"),
    data!("referrals/me.json"),
    data!("referrals/hr.json"),
    data!("referrals/bg.json"),
    data!("referrals/ru.json"),
    data!("referrals/us.json"),
    data!("referrals/ua.json"),
    data!("referrals/si.json"),
    data!("referrals/hu.json"),
    data!("referrals/sk.json"),
    data!("referrals/cz.json"),
    data!("referrals/it.json"),
    data!("referrals/pl.json"),
    data!("referrals/ca.json"),
    data!("referrals/nl.json"),
    data!("referrals/mk.json"),
];

pub const QUESTIONNAIRE: (&str, &str) = data!("questionnaire.json");
pub const ILO_EC: (&str, &str) = data!("ilo_ec.json");

pub fn files() -> Files<'static> {
    Files {
        questionnaire: QUESTIONNAIRE,
        ilo_ec: ILO_EC,
        catalogs: CATALOGS.iter().map(|(lang, (name, text))| (*lang, *name, *text)).collect(),
        referrals: REFERRALS.to_vec(),
    }
}

/// The browser's files: the catalogs as the one table build.rs writes, which
/// holds every key once (see build.rs), instead of a file per language.
#[cfg(target_arch = "wasm32")]
fn browser_files() -> Files<'static> {
    let table = data!("catalogs.json");
    Files { questionnaire: QUESTIONNAIRE, ilo_ec: ILO_EC, catalogs: vec![("", table.0, table.1)], referrals: REFERRALS.to_vec() }
}

/// Loads the built-in content, with its problems (a test proves there are none).
pub fn load() -> (Content, Vec<Problem>) {
    let files = files();
    let (mut content, mut problems) = Content::load(&files);
    if add_cyrillic(&mut content) {
        problems.extend(content.validate().into_iter().filter(|p| p.location.contains("sr-Cyrl")));
    }
    (content, problems)
}

/// Loads the built-in content without checking it again: what [`load`]
/// checks, the native tests have proven (see [`Content::load_trusted`]).
pub fn load_trusted(files: &Files<'_>) -> Content {
    let mut content = Content::load_trusted(files);
    add_cyrillic(&mut content);
    content
}

/// Adds Serbian Cyrillic, made from the Latin catalog; false if there is none.
fn add_cyrillic(content: &mut Content) -> bool {
    let Some(latin) = content.catalogs.languages.iter().find(|c| c.lang() == "sr-Latn") else { return false };
    let cyrillic = cyrillic_from_latin(latin);
    content.catalogs.languages.push(cyrillic);
    true
}

/// The Serbian Cyrillic catalog, letter for letter from the Latin one.
pub fn cyrillic_from_latin(latin: &Catalog) -> Catalog {
    let mut catalog = latin.clone();
    catalog.meta.lang = "sr-Cyrl".into();
    catalog.meta.name = translit::to_cyrillic(&latin.meta.name);
    catalog.meta.note = format!("Transliterated from sr-Latn. {}", latin.meta.note);
    for text in catalog.messages.values_mut() {
        *text = translit::to_cyrillic(text);
    }
    catalog
}

/// The built-in content, loaded once per program: checked natively, trusted
/// in the browser.
pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    #[cfg(target_arch = "wasm32")]
    return CONTENT.get_or_init(|| load_trusted(&browser_files()));
    #[cfg(not(target_arch = "wasm32"))]
    CONTENT.get_or_init(|| load().0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The browser copy build.rs writes (read here at run time, as native
    /// builds do not compile it in) loads into exactly the checked content,
    /// less the reviewer-only fields.
    #[test]
    fn the_browser_copy_is_the_content_less_reviewer_fields() {
        let read = |name: &str| {
            let path = format!("{}/data/{name}", env!("OUT_DIR"));
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let full = files();
        let catalogs: Vec<(&str, &str, String)> = full.catalogs.iter().map(|(lang, name, _)| (*lang, *name, read(name))).collect();
        let referrals: Vec<(&str, String)> = full.referrals.iter().map(|(name, _)| (*name, read(name))).collect();
        let (questionnaire, ilo_ec) = (read(QUESTIONNAIRE.0), read(ILO_EC.0));
        let stripped = Files {
            questionnaire: (QUESTIONNAIRE.0, &questionnaire),
            ilo_ec: (ILO_EC.0, &ilo_ec),
            catalogs: catalogs.iter().map(|(lang, name, text)| (*lang, *name, text.as_str())).collect(),
            referrals: referrals.iter().map(|(name, text)| (*name, text.as_str())).collect(),
        };
        assert!(questionnaire.len() < full.questionnaire.1.len() && !questionnaire.contains('\n'));

        // The browser build reads the copy with these fields defaulted; here
        // they are required, so give them back before parsing.
        let copy = load_trusted_with_reviewer_fields(&stripped);
        let (mut checked, problems) = load();
        assert!(problems.is_empty(), "{problems:?}");
        for indicator in &mut checked.questionnaire.indicators {
            indicator.sources = Default::default();
        }
        for item in &mut checked.ilo_ec.indicators {
            item.label.clear();
        }
        checked.ilo_ec.source.clear();
        checked.ilo_ec.note.clear();
        for entry in &mut checked.directory.entries {
            entry.sources.clear();
            entry.source_date = None;
            entry.notes.clear();
        }
        let json = |c: &Content| serde_json::to_string(&(&c.questionnaire, &c.ilo_ec)).unwrap();
        assert_eq!(json(&copy), json(&checked));
        assert_eq!(copy.directory.entries, checked.directory.entries);
        assert_eq!(copy.catalogs.languages.len(), checked.catalogs.languages.len());
        // The browser reads the catalogs from build.rs's table instead.
        let table = read("catalogs.json");
        let from_table = load_trusted(&Files { catalogs: vec![("", "catalogs.json", &table)], ..stripped });
        assert_eq!(from_table.catalogs.languages.len(), checked.catalogs.languages.len());
        let both = copy.catalogs.languages.iter().chain(&from_table.catalogs.languages);
        for (a, b) in both.zip(checked.catalogs.languages.iter().cycle()) {
            assert_eq!((&a.meta.lang, &a.meta.name, &a.meta.status, &a.meta.note), (&b.meta.lang, &b.meta.name, &b.meta.status, &b.meta.note));
            assert_eq!(a.messages, b.messages);
        }
    }

    /// Natively the stripped fields are required, so put empty ones back
    /// into the copy before loading it the way the browser does.
    fn load_trusted_with_reviewer_fields(files: &Files<'_>) -> Content {
        let put_back = |text: &str, list: &str, fields: &[(&str, serde_json::Value)]| {
            let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
            for item in value[list].as_array_mut().unwrap() {
                for (field, empty) in fields {
                    item[*field] = empty.clone();
                }
            }
            value
        };
        let empty_list = serde_json::Value::Array(Vec::new());
        let empty_text = serde_json::Value::String(String::new());
        let questionnaire = put_back(files.questionnaire.1, "indicators", &[("sources", serde_json::json!({}))]).to_string();
        let mut ilo_ec = put_back(files.ilo_ec.1, "indicators", &[("label", empty_text.clone())]);
        ilo_ec["source"] = empty_text;
        let ilo_ec = ilo_ec.to_string();
        let referrals: Vec<(&str, String)> = files
            .referrals
            .iter()
            .map(|(name, text)| (*name, put_back(text, "entries", &[("sources", empty_list.clone())]).to_string()))
            .collect();
        load_trusted(&Files {
            questionnaire: (files.questionnaire.0, &questionnaire),
            ilo_ec: (files.ilo_ec.0, &ilo_ec),
            catalogs: files.catalogs.clone(),
            referrals: referrals.iter().map(|(name, text)| (*name, text.as_str())).collect(),
        })
    }
}
