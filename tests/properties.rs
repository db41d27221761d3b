//! Properties that must hold for any input, not just the scenarios: the
//! engine never panics, is deterministic, and knowing more never lowers a
//! result. A short run is part of `cargo test`; set PROPTEST_CASES=100000
//! for a long one (see SECURITY.md).

use proptest::prelude::*;
use putokaz::engine::api::{self, Report};
use putokaz::engine::content::{Answer, Answers, Content, Files, Kind, Mode};
use putokaz::engine::partner::PartnerConfig;
use putokaz::engine::{assess, builtin, session};

fn content() -> &'static Content {
    builtin::content()
}

/// Any answer to any question, including answers that are not options.
fn answer_for(question_index: usize, pick: usize, extra: usize) -> (String, Answer) {
    let content = content();
    let question = &content.questionnaire.questions[question_index % content.questionnaire.questions.len()];
    let options = content.options_of(question);
    let answer = match pick % (options.len() + 3) {
        n if n < options.len() && question.kind == Kind::Multi => {
            Answer::Choices(vec![options[n].to_string(), options[(n + extra) % options.len()].to_string()])
        }
        n if n < options.len() => Answer::Choice(options[n].to_string()),
        n if n == options.len() => Answer::NotSure,
        n if n == options.len() + 1 => Answer::PreferNot,
        _ => Answer::Choice(format!("not-an-option-{extra}")),
    };
    (question.id.to_string(), answer)
}

fn answers_strategy() -> impl Strategy<Value = Answers> {
    prop::collection::vec((0usize..200, 0usize..50, 0usize..10), 0..40)
        .prop_map(|triples| triples.into_iter().map(|(q, p, e)| answer_for(q, p, e)).collect())
}

fn mode_strategy() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Screening), Just(Mode::JobOffer)]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_answers_assess_without_panic_and_the_same_every_time(answers in answers_strategy(), mode in mode_strategy(), now in 0i64..40_000_000, offset in -720i32..840) {
        let content = content();
        let first = assess(content, mode, &answers);
        let second = assess(content, mode, &answers);
        prop_assert_eq!(&first, &second);
        let effective = session::path(content, mode, &answers).1;
        for lang in ["en", "sr-Cyrl", "xx"] {
            let report = Report::new(content, lang, &first, &effective, "RS", now, offset);
            prop_assert!(!report.title.is_empty());
            prop_assert!(!report.emergency.is_empty() || report.emergency_missing.is_some(), "the result always has an emergency number or says why not");
        }
    }

    #[test]
    fn answering_with_a_sign_never_lowers_the_level(answers in answers_strategy(), q in 0usize..200, pick in 0usize..50) {
        let content = content();
        let path = session::path(content, Mode::Screening, &answers).0;
        prop_assume!(!path.is_empty());
        let question = path[q % path.len()];
        let before = answers.get(&*question.id);
        let was_no_or_unknown = before.is_none_or(|a| a.is_unknown() || *a == Answer::Choice("no".into()) || matches!(a, Answer::Choices(c) if c.iter().all(|o| question.exclusive.iter().any(|e| e == o))));
        prop_assume!(was_no_or_unknown);
        let options = content.options_of(question);
        let option = options[pick % options.len()].to_string();
        let answer = if question.kind == Kind::Multi { Answer::Choices(vec![option]) } else { Answer::Choice(option) };
        let mut changed = answers.clone();
        changed.insert(question.id.to_string(), answer);
        let old = assess(content, Mode::Screening, &answers);
        let new = assess(content, Mode::Screening, &changed);
        let fires_more = new.fired.iter().any(|i| !old.fired.contains(i));
        prop_assume!(fires_more);
        prop_assert!(new.level >= old.level, "{} -> {:?} lowered {:?} to {:?}", question.id, changed.get(&*question.id), old.level, new.level);
    }

    #[test]
    fn any_text_as_a_partner_config_is_checked_without_panic(text in ".{0,400}") {
        let (_, _) = PartnerConfig::parse(&text, content());
        let _ = api::validate(content(), "config", &text);
    }

    #[test]
    fn any_json_as_a_partner_config_is_checked_without_panic(value in json_value()) {
        let text = serde_json::json!({"region": value.clone(), "modules": value.clone(), "referrals": {"add": [value.clone()], "replace": value.clone(), "hide": [value.clone()]}, "text": {"en": value.clone()}}).to_string();
        let (config, _) = PartnerConfig::parse(&text, content());
        let applied = config.apply(content());
        prop_assert!(applied.directory.entries.iter().any(|e| e.emergency), "the emergency numbers are never lost");
    }

    #[test]
    fn damaged_content_loads_with_problems_not_a_panic(cut in 0usize..60_000, len in 0usize..200, junk in "[\\[\\]{}\",:a-z0-9 ]{0,20}") {
        let (name, text) = putokaz::source::QUESTIONNAIRE;
        let mut damaged = text.to_string();
        let start = (cut % damaged.len()).min(damaged.len());
        let start = (0..=start).rev().find(|i| damaged.is_char_boundary(*i)).unwrap_or(0);
        let end = (start + len).min(damaged.len());
        let end = (end..=damaged.len()).find(|i| damaged.is_char_boundary(*i)).unwrap_or(damaged.len());
        damaged.replace_range(start..end, &junk);
        let mut files = putokaz::source::files();
        files.questionnaire = (name, &damaged);
        let (content, problems) = Content::load(&files);
        if damaged != text {
            // Either it is still valid content, or the problems say where.
            prop_assert!(problems.iter().all(|p| !p.location.is_empty() && !p.message.is_empty()));
        }
        let _ = assess(&content, Mode::Screening, &Answers::new());
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        ".{0,30}".prop_map(serde_json::Value::String),
        Just(serde_json::json!("javascript:alert(1)")),
        Just(serde_json::json!("<img src=x onerror=alert(1)>")),
        Just(serde_json::json!("\u{202e}evil")),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn a_long_partner_config_is_checked_in_bounded_time() {
    let entry = r#"{"id": "e-N", "name": {"original": "X", "en": "X"}, "country": "RS", "contacts": [{"kind": "web", "url": "https://example.org"}], "services": ["legal"], "audience": ["anyone"], "sources": ["https://example.org"], "last_verified": "2026-11", "confidence": "high"}"#;
    let entries: Vec<String> = (0..2000).map(|n| entry.replace("e-N", &format!("e-{n}"))).collect();
    let text = format!(r#"{{"referrals": {{"add": [{}]}}}}"#, entries.join(","));
    let started = std::time::Instant::now();
    let (config, problems) = PartnerConfig::parse(&text, content());
    assert!(problems.is_empty(), "{:?}", &problems[..problems.len().min(3)]);
    assert_eq!(config.add.len(), 2000);
    // Generous: a quadratic check would take minutes here.
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

#[test]
fn a_bundle_loads_from_files_like_the_built_in_one() {
    // Partners and reviewers load their own files the same way.
    let files: Files = putokaz::source::files();
    let (content, problems) = Content::load(&files);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(content.questionnaire.questions.len(), builtin::content().questionnaire.questions.len());
}
