//! The JS API's JSON (`questions`, `assess` in src/wasm.rs) is written by
//! hand (src/engine/json.rs) to keep serde's serializer out of the browser;
//! the command line prints the same shapes with serde. Here both must give
//! the same JSON value for every scenario, in every language and mode.
#![cfg(not(target_arch = "wasm32"))]

use putokaz::engine::content::Mode;
use putokaz::engine::{api, builtin, json};
use serde_json::Value;

const LANGS: [&str; 3] = ["en", "sr-Latn", "sr-Cyrl"];
const MODES: [Mode; 2] = [Mode::Screening, Mode::JobOffer];

fn same<T: serde::Serialize + json::ToJson>(value: &T, what: &str) {
    let ours = json::to_text(value);
    let ours: Value = serde_json::from_str(&ours).unwrap_or_else(|e| panic!("{what}: not JSON ({e}): {ours}"));
    assert_eq!(ours, serde_json::to_value(value).unwrap(), "{what}");
}

#[test]
fn questions_are_written_as_serde_writes_them() {
    let content = builtin::content();
    for lang in LANGS {
        for mode in MODES {
            same(&api::questions(content, lang, mode), &format!("questions {lang} {mode:?}"));
        }
    }
}

#[test]
fn assessments_are_written_as_serde_writes_them() {
    let content = builtin::content();
    let mut paths: Vec<_> = std::fs::read_dir("tests/scenarios").unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    assert!(paths.len() >= 25, "the scenarios are there");
    for path in paths {
        let scenario: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut answers = scenario["answers"].clone();
        // An unknown question, so the output's problems are not always empty.
        answers["no_such_question"] = "yes".into();
        for mode in ["screening", "job_offer"] {
            // A Saturday night and a Monday morning: services closed, open and closing soon.
            for now in ["2026-11-28T21:30Z", "2026-11-30T09:00Z", "2026-11-30T15:30Z"] {
                let input = serde_json::json!({ "answers": answers, "mode": mode, "now": now }).to_string();
                let (input, problems) = api::parse_assess_input(content, &input, 0).unwrap();
                for lang in LANGS {
                    let assessed = api::assess_json(content, lang, &input, 60, &problems);
                    same(&assessed, &format!("{} {mode} {now} {lang}", path.display()));
                }
            }
        }
    }
}
