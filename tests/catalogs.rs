//! Each language's `status.json` (see docs/TRANSLATING.md): which strings a
//! native speaker reviewed, and against which English. `putokaz catalog
//! import` writes it; this test checks what is committed.

use std::collections::BTreeSet;

use putokaz::engine::time::is_date;
use serde_json::Value;

fn english_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for file in ["content.json", "ui.json", "check.json"] {
        let text = std::fs::read_to_string(format!("src/data/catalogs/en/{file}")).unwrap();
        let map: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        keys.extend(map.keys().filter(|k| *k != "_meta").cloned());
    }
    keys
}

#[test]
fn every_status_file_is_valid_and_names_english_keys() {
    let english = english_keys();
    let languages: BTreeSet<&str> = putokaz::source::CATALOGS.iter().map(|(lang, _)| *lang).filter(|l| *l != "en").collect();
    assert!(languages.contains("sr-Latn"));
    let mut checked = 0;
    for lang in languages {
        let path = format!("src/data/catalogs/{lang}/status.json");
        let Ok(text) = std::fs::read_to_string(&path) else {
            assert_ne!(lang, "sr-Latn", "{path} is missing");
            continue;
        };
        checked += 1;
        let status: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let top: BTreeSet<&str> = status.as_object().unwrap_or_else(|| panic!("{path}: not an object")).keys().map(String::as_str).collect();
        assert_eq!(top, BTreeSet::from(["drafted", "reviewed"]), "{path}");
        let drafted = &status["drafted"];
        assert!(drafted["by"].as_str().is_some_and(|b| !b.trim().is_empty()), "{path}: drafted.by");
        assert!(drafted["on"].as_str().is_some_and(is_date), "{path}: drafted.on must be YYYY-MM-DD");
        for (key, review) in status["reviewed"].as_object().unwrap_or_else(|| panic!("{path}: reviewed is an object")) {
            let plural_known = key.split_once('#').is_some_and(|(message, _)| english.contains(&format!("{message}#other")));
            assert!(english.contains(key) || plural_known, "{path}: \"{key}\" is not a key of the English catalog");
            let fields: BTreeSet<&str> = review.as_object().unwrap_or_else(|| panic!("{path}: {key}")).keys().map(String::as_str).collect();
            assert_eq!(fields, BTreeSet::from(["by", "on", "source"]), "{path}: {key}");
            assert!(review["by"].as_str().is_some_and(|b| !b.trim().is_empty()), "{path}: {key}: by");
            assert!(review["on"].as_str().is_some_and(is_date), "{path}: {key}: on must be YYYY-MM-DD");
            assert!(review["source"].as_str().is_some_and(|s| !s.is_empty()), "{path}: {key}: source is the English reviewed");
        }
    }
    assert!(checked > 0);
}

#[test]
fn dates_are_checked() {
    assert!(is_date("2026-11-28"));
    for wrong in ["2026-11", "28.11.2026", "2026-13-01", "2026-11-32", "2026-1-01", "+026-11-28"] {
        assert!(!is_date(wrong), "{wrong}");
    }
}
