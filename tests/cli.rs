//! The command line, as partners and reviewers use it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn putokaz(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_putokaz"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the putokaz binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "stderr: {}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("the output is JSON")
}

#[test]
fn questions_in_every_language_and_mode() {
    for lang in ["en", "sr-Latn", "sr-Cyrl"] {
        for mode in ["screening", "job-offer"] {
            let value = json(&putokaz(&["questions", "--lang", lang, "--mode", mode], ""));
            assert_eq!(value["lang"], lang);
            let questions = value["questions"].as_array().unwrap();
            assert!(!questions.is_empty(), "{lang} {mode}");
            for question in questions {
                for field in ["id", "module", "kind", "text", "options"] {
                    assert!(!question[field].is_null(), "{lang} {mode}: {field} missing in {question}");
                }
                let text = question["text"].as_str().unwrap();
                assert!(!text.starts_with("q."), "{lang}: untranslated {text}");
                let options: Vec<&str> = question["options"].as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
                assert!(options.contains(&"not_sure") && options.contains(&"prefer_not"), "{lang}: {}", question["id"]);
            }
            if mode == "job-offer" {
                // The offer, then where the person is from (for the home country's help).
                assert!(questions.iter().all(|q| q["module"] == "job_offer" || q["module"] == "person"), "{questions:?}");
            } else {
                assert_eq!(questions[0]["id"], "danger_now");
            }
            if lang == "sr-Cyrl" {
                assert!(questions[0]["text"].as_str().unwrap().chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)));
            }
        }
    }
}

#[test]
fn assess_prints_the_result() {
    let input = r#"{"answers": {"danger_now": "no", "who_for": "self", "age": "18_plus", "country_now": "RS",
        "situation": ["work_now"], "control_signs": ["documents_kept", "cannot_leave"], "cond_work": ["no_pay"]},
        "now": "2026-11-28T20:30Z"}"#;
    for lang in ["en", "sr-Latn", "sr-Cyrl"] {
        let value = json(&putokaz(&["assess", "--lang", lang], input));
        assert_eq!(value["lang"], lang);
        for field in ["level", "indicators", "unknown", "referrals", "emergency", "next_steps"] {
            assert!(!value[field].is_null(), "{lang}: {field} missing");
        }
        let indicators = value["indicators"].as_array().unwrap();
        assert!(indicators.iter().any(|i| i["id"] == "documents_kept" && i["dimension"] == "coercion_destination"));
        assert!(indicators.iter().all(|i| !i["text"].as_str().unwrap().is_empty()));
        assert_eq!(value["emergency"][0]["id"], "rs-police-192");
    }
}

#[test]
fn assess_in_job_offer_mode_and_with_odd_answers() {
    let input = r#"{"answers": {"jo_signs": ["fee"], "no_such_question": "yes", "jo_visa": "purple"}}"#;
    let output = putokaz(&["assess", "--lang", "en", "--mode", "job-offer"], input);
    let value = json(&output);
    assert!(value["job_offer"].is_object());
    let problems: Vec<&str> = value["problems"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    assert!(problems.iter().any(|p| p.contains("no_such_question")), "{problems:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("no_such_question"));

    let broken = putokaz(&["assess", "--lang", "en"], "{not json");
    assert_eq!(broken.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("input:1:"));
}

#[test]
fn validate_reports_problems_with_their_location() {
    let dir = std::env::temp_dir().join(format!("putokaz-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.json");
    std::fs::write(&good, r#"{"region": "RS", "referrals": {"hide": ["rs-vds"]}}"#).unwrap();
    let output = putokaz(&["validate", good.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stdout));

    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"region": "Serbia", "colour": "red", "referrals": {"hide": ["rs-police-192"], "add": [{"id": "x-1", "name": {"original": "X", "en": "X"}, "country": "RS", "contacts": [{"kind": "web", "url": "javascript:alert(1)"}], "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"}]}}"#,
    )
    .unwrap();
    let output = putokaz(&["validate", bad.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("\"region\": region must be an ISO 3166-1 alpha-2 code"), "{text}");
    assert!(text.contains("\"colour\": unknown setting"), "{text}");
    assert!(text.contains("rs-police-192\" is an emergency number; it is never hidden"), "{text}");
    assert!(text.contains("entry \"x-1\": contacts[0]: \"javascript:alert(1)\" is not an https:// address"), "{text}");

    let built_in = putokaz(&["validate", "src/data/questionnaire.json", "src/data/referrals/rs.json", "src/data/catalogs/sr-Latn/content.json"], "");
    assert_eq!(built_in.status.code(), Some(0), "{}", String::from_utf8_lossy(&built_in.stdout));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_errors_say_what_to_do() {
    let output = putokaz(&["questions", "--lang", "xx"], "");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no catalog for language \"xx\"") && stderr.contains("usage:"));
}
